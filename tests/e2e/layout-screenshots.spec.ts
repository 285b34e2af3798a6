import { mkdirSync } from 'node:fs';
import { expect, test } from './fixtures';
import { startHousehold, tapNav } from './support';

// The views issue 16's layout work changed, at 360×740 in English and Indonesian, for a person to
// look at: the header bar with quick add, the toasts' band after a delete, the stress-test card.
const DIR = 'docs/screenshots';
mkdirSync(DIR, { recursive: true });
test.use({ viewport: { width: 360, height: 740 } });

for (const lang of ['en', 'id'] as const) {
  test(`layout at 360×740 in ${lang}`, async ({ page }) => {
    test.setTimeout(90_000);
    await startHousehold(page, { sample: true });
    if (lang !== 'en') {
      await page.goto('/#/settings');
      await page.getByRole('combobox', { name: 'Language' }).selectOption(lang);
      await expect(page.locator('html')).toHaveAttribute('lang', lang);
    }
    await tapNav(page, 'dashboard');
    await expect(page.locator('[data-dashboard-ready="true"]')).toBeVisible({ timeout: 30_000 });
    await page.screenshot({ path: `${DIR}/layout-dashboard-${lang}.png` });
    const stress = page.getByTestId('dash-stress');
    await stress.evaluate((el) => el.scrollIntoView({ block: 'start' }));
    await page.screenshot({ path: `${DIR}/layout-stress-${lang}.png` });

    await tapNav(page, 'entries');
    await page.locator('[data-testid="entry-row"] button.icon').first().click();
    await expect(page.locator('.toast-item')).toHaveCount(1);
    await page.screenshot({ path: `${DIR}/layout-entries-toast-${lang}.png` });

    await page.getByTestId('quick-add').click();
    await expect(page.locator('dialog[open] input[name="amount"]')).toBeVisible();
    await page.screenshot({ path: `${DIR}/layout-quick-add-${lang}.png` });
  });
}
