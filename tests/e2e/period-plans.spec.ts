import { mkdirSync } from 'node:fs';
import { AxeBuilder } from './axe';
import { type Page } from '@playwright/test';
import { expect, test } from './fixtures';

// Plans on 5 December (issue 22), phone-sized, in English and Filipino: one "bills this month"
// total, the month card's; a yearly fee shows its next due date, never a past one; the yearly
// share is a monthly share kept out of the total. And the dashboard's earmarked card judges a
// plan only from its first due month, with December so far beside November.
const DIR = 'docs/screenshots';
mkdirSync(DIR, { recursive: true });

const BROWSER_LOCALE = { en: 'en-PH', fil: 'fil-PH' } as const;

test.use({ viewport: { width: 360, height: 740 }, timezoneId: 'Asia/Manila' });

/** The fixed navigation and quick-add button would cover an element shot. */
async function showFixed(page: Page, visible: boolean): Promise<void> {
  await page.evaluate((v) => {
    for (const el of document.querySelectorAll<HTMLElement>(
      'nav.app-nav, .fab, header.app-header',
    )) {
      el.style.visibility = v ? '' : 'hidden';
    }
  }, visible);
}

for (const lang of ['en', 'fil'] as const) {
  test.describe(`Plans on the 5th in ${lang}`, () => {
    test.use({ locale: BROWSER_LOCALE[lang] });

    test('one total for this month, next due dates in the future', async ({ page }) => {
      test.setTimeout(180_000);
      await page.clock.install({ time: new Date('2026-12-05T09:00:00+08:00') });
      await page.goto('/');
      if (lang === 'en') {
        // en-PH: English, with the sample household of the base currency onboarding picks.
        await expect(page.locator('html')).toHaveAttribute('lang', 'en');
      } else {
        await expect(page.locator('html')).toHaveAttribute('lang', 'fil');
      }
      await page.getByTestId('onboarding-sample').getByRole('button').click();
      await expect(page.getByTestId('sample-banner')).toBeVisible({ timeout: 30_000 });

      await page.goto('/#/plans');
      const left = page.getByTestId('month-left');
      await expect(left).toBeVisible({ timeout: 30_000 });
      const total = page.getByTestId('plan-bills-total');
      await expect(total).toBeVisible();
      // The month card's total ("₱X of ₱Y left to pay") is the Plans view's total.
      const words = lang === 'en' ? / of (.+) left to pay/ : / sa (.+) ang babayaran pa/;
      const cardTotal = words.exec(await left.innerText())?.[1];
      expect(cardTotal).toBeTruthy();
      await expect(total).toHaveText(cardTotal!);

      // Every due date the plans show is today or later: none of 2025 or before.
      const dues = await page.getByTestId('plan-due').allInnerTexts();
      expect(dues.length).toBeGreaterThan(0);
      for (const text of dues) expect(text).not.toMatch(/20(1\d|2[0-5])/);
      // The yearly school fee: its next due date, and its monthly share said as one.
      const yearly = dues.filter((t) => (lang === 'en' ? /a year/ : /bawat taon/).test(t));
      expect(yearly.length).toBe(1);
      expect(yearly[0]).toMatch(/2027|2026/);
      await expect(page.getByTestId('plan-monthly-share')).toBeVisible();

      const axe = await new AxeBuilder({ page }).analyze();
      expect(axe.violations).toEqual([]);
      await showFixed(page, false);
      await page.screenshot({ path: `${DIR}/period-plans-${lang}.png`, fullPage: true });
      await page
        .getByTestId('plan-totals')
        .screenshot({ path: `${DIR}/period-plans-totals-${lang}.png` });
      await page
        .getByTestId('plan-group-essential')
        .screenshot({ path: `${DIR}/period-plans-essential-${lang}.png` });
      await showFixed(page, true);

      // The dashboard's earmarked card names its periods: November 2026 and December so far.
      await page.goto('/#/dashboard');
      await expect(page.locator('[data-dashboard-ready="true"]')).toBeVisible({ timeout: 60_000 });
      const card = page.getByTestId('dash-earmarked');
      await expect(card.getByTestId('earmarked-period-complete-month')).toBeVisible();
      await expect(card.getByTestId('earmarked-period-month-so-far')).toBeVisible();
      await card.scrollIntoViewIfNeeded();
      await showFixed(page, false);
      await card.screenshot({ path: `${DIR}/period-earmarked-${lang}.png` });
      await showFixed(page, true);
      const axeCard = await new AxeBuilder({ page })
        .include('[data-testid="dash-earmarked"]')
        .analyze();
      expect(axeCard.violations).toEqual([]);
    });
  });
}
