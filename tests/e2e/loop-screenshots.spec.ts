import { mkdirSync } from 'node:fs';
import { AxeBuilder } from './axe';
import { type Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { startHousehold } from './support';

// The due list and the month card of the sample household on the 24th (this month's data plan,
// due on the 20th, is late, like an instalment and a savings group's round; the salary on the
// 25th and the remittance on 5 December are coming up), phone-sized, in English, Filipino and
// Vietnamese; axe on the list, the three "paid a different amount" dialogs (one form:
// PaidAmountForm) and the stream form's pay day.
const DIR = 'docs/screenshots';
/**
 * The navigation and the quick-add button are fixed and would cover the element shots. Through
 * the CSSOM: the app's CSP refuses inline style tags (and with them Playwright's `style` option).
 */
async function showFixed(page: Page, visible: boolean): Promise<void> {
  await page.evaluate((v) => {
    for (const el of document.querySelectorAll<HTMLElement>('nav.app-nav, .fab')) {
      el.style.visibility = v ? '' : 'hidden';
    }
  }, visible);
}
mkdirSync(DIR, { recursive: true });
test.use({ viewport: { width: 360, height: 740 }, timezoneId: 'Asia/Jakarta' });

for (const lang of ['en', 'fil', 'vi'] as const) {
  test(`the due list and the month card in ${lang}`, async ({ page }) => {
    test.setTimeout(120_000);
    await page.clock.install({ time: new Date('2026-11-24T08:00:00+07:00') });
    await startHousehold(page, { sample: true });
    if (lang !== 'en') {
      await page.goto('/#/settings');
      await page.getByRole('combobox', { name: 'Language' }).selectOption(lang);
      await expect(page.locator('html')).toHaveAttribute('lang', lang);
    }
    await page.goto('/#/dashboard');
    const loop = page.getByTestId('monthly-loop');
    await expect(loop.getByTestId('due-income')).toHaveCount(0);
    await expect(loop.getByTestId('soon-income')).toHaveCount(2);
    await expect(loop.getByTestId('due-bill')).toHaveCount(1);
    // One row for everything due: a bill, an instalment and a contribution, alike.
    await expect(loop.getByTestId('due-instalment')).toHaveCount(1);
    await expect(loop.getByTestId('due-group')).toHaveCount(1);
    // The sample's names are message tokens: the loop shows them in the current language.
    await expect(loop).not.toContainText('{{');
    await expect(loop).toContainText({ en: 'salary', fil: 'Sahod', vi: 'Lương' }[lang]);
    await expect(page.locator('[data-dashboard-ready="true"]')).toBeVisible({ timeout: 30_000 });
    await showFixed(page, false);
    await loop.screenshot({ path: `${DIR}/due-${lang}.png` });
    await showFixed(page, true);
    const axe = await new AxeBuilder({ page }).include('[data-testid="monthly-loop"]').analyze();
    expect(axe.violations).toEqual([]);

    for (const [row, form] of [
      ['due-bill', 'payment-form'],
      ['due-instalment', 'repayment-form'],
      ['due-group', 'group-pay-form'],
    ] as const) {
      await loop.getByTestId(row).getByRole('button').nth(1).click();
      await expect(page.getByTestId(form)).toBeVisible();
      expect((await new AxeBuilder({ page }).analyze()).violations).toEqual([]);
      await page.keyboard.press('Escape');
      await expect(page.getByTestId(form)).toBeHidden();
    }

    await page.goto('/#/plans');
    await expect(page.getByTestId('month-card')).toBeVisible();
    await showFixed(page, false);
    await page.getByTestId('month-card').screenshot({ path: `${DIR}/month-card-${lang}.png` });
    await showFixed(page, true);
    await expect(page.getByTestId('due-list')).toHaveCount(0);

    // The sample's salary (its first stream) is paid on the 25th: the form shows it.
    await page.goto('/#/streams');
    await page.getByTestId('stream-item').first().getByRole('button').first().click();
    await expect(page.locator('select[name="payDay"]')).toHaveValue('25');
    expect((await new AxeBuilder({ page }).analyze()).violations).toEqual([]);
  });
}
