import { mkdirSync } from 'node:fs';
import { expect, test } from './fixtures';
import { startHousehold, tapNav } from './support';

/*
 * Issue 24: two stacked toasts covered a quarter of a 360×740 screen for several seconds. The
 * band now shows one message at a time with "+N" for the others; a long message takes the band's
 * width (three lines at most) with its buttons below it. At 360×740 the band stays within 140px
 * (under a fifth of the screen), in the languages with the longest words, and shows the whole
 * text. A back-dated pending entry's toast names its day and says "pending".
 */
const LIMIT_PX = 140;
const PENDING: Record<string, string> = { vi: 'chờ thanh toán', fil: 'hinihintay na bayad' };
const DIR = 'docs/screenshots';
mkdirSync(DIR, { recursive: true });
test.use({ viewport: { width: 360, height: 740 } });

for (const lang of ['vi', 'fil'] as const) {
  test(`toasts stay within ${LIMIT_PX}px at 360×740 in ${lang}`, async ({ page }) => {
    test.setTimeout(90_000);
    await startHousehold(page, { sample: true });
    await page.goto('/#/settings');
    await page.getByRole('combobox', { name: 'Language' }).selectOption(lang);
    await expect(page.locator('html')).toHaveAttribute('lang', lang);

    // Three deletes in a row: three toasts with Undo alive at once.
    await tapNav(page, 'entries');
    const rows = page.getByTestId('entry-row');
    await expect(rows.first()).toBeVisible();
    for (let i = 0; i < 3; i++) await rows.first().locator('button.icon').click();
    await expect(page.locator('.toast-item')).toHaveCount(1);
    await expect(page.locator('.toast-item .more')).toHaveText('+2');
    const band = page.locator('section.toasts');
    expect((await band.boundingBox())!.height).toBeLessThanOrEqual(LIMIT_PX);

    // A back-dated pending entry: its toast names the day and says pending, within the limit.
    await page.getByTestId('quick-add').click();
    const dialog = page.getByTestId('quick-add-dialog');
    await dialog.locator('input[name="amount"]').fill('125000');
    await dialog.locator('input[name="date"]').fill('2026-11-03');
    await dialog.locator('input[type="radio"][value="pending"]').check();
    await dialog.locator('button[type="submit"]').click();
    // An amount far from the stream's usual one is asked about once: "Save anyway".
    const question = dialog.getByTestId('outlier-question');
    await expect
      .poll(async () => (await question.isVisible()) || !(await dialog.isVisible()))
      .toBe(true);
    if (await question.isVisible()) await question.locator('button.primary').click();
    await expect(dialog).toBeHidden();
    const toast = page.locator('.toast-item span');
    await expect(toast).toContainText(PENDING[lang]!);
    await expect(toast).toContainText('2026');
    expect((await band.boundingBox())!.height).toBeLessThanOrEqual(LIMIT_PX);
    // Nothing of it is cut off.
    expect(await toast.evaluate((el) => el.scrollHeight <= el.clientHeight)).toBe(true);
    await page.screenshot({ path: `${DIR}/flows-toast-${lang}.png` });
  });
}
