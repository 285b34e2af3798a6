import { mkdirSync } from 'node:fs';
import { AxeBuilder } from './axe';
import { type Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { expectChartsDrawn, startHousehold } from './support';

// Issue 22, item 12 (the dashboard's half): at 00:30 on the 1st of a month the sample household
// has history and a month that has just begun. The dashboard says which complete month its figures
// read and where the new month is, shows no "₱0.00 pending" and no bare "—", at 360×740, in
// Filipino and in English, with no axe violation.
const DIR = 'docs/screenshots';
mkdirSync(DIR, { recursive: true });

test.use({ viewport: { width: 360, height: 740 }, locale: 'fil-PH', timezoneId: 'Asia/Manila' });

const WORDS = {
  fil: { reads: 'Mga numero para sa Nobyembre 2026', soFar: 'Disyembre hanggang ngayon' },
  en: { reads: 'Figures for November 2026', soFar: 'December so far' },
} as const;

/** Texts of the dashboard's elements that are a bare dash, outside the stress test's table. */
async function bareDashes(page: Page): Promise<string[]> {
  return page.$$eval('[data-testid="dashboard"] *', (els) =>
    els
      .filter(
        (el) =>
          el.children.length === 0 &&
          /^[—–-]$/.test((el.textContent ?? '').trim()) &&
          !el.closest('[data-testid="dash-stress"]') &&
          (el as HTMLElement).offsetParent !== null,
      )
      .map((el) => el.outerHTML),
  );
}

for (const lang of ['fil', 'en'] as const) {
  test(`on the 1st at 00:30 the dashboard names the month it reads (${lang})`, async ({ page }) => {
    test.setTimeout(180_000);
    await page.clock.install({ time: new Date('2026-12-01T00:30:00+08:00') });
    await startHousehold(page, { sample: true });
    if (lang === 'en') {
      await page.goto('/#/settings');
      await page.getByRole('combobox', { name: 'Wika' }).selectOption('en');
    }
    await expect(page.locator('html')).toHaveAttribute('lang', lang);
    await page.goto('/#/dashboard');
    const dashboard = page.getByTestId('dashboard');
    await expect(page.locator('[data-dashboard-ready="true"]')).toBeVisible({ timeout: 60_000 });

    // Which complete month the figures read, and where December is.
    const reads = page.getByTestId('dash-reads');
    await expect(reads).toContainText(WORDS[lang].reads);
    await expect(reads).toContainText(WORDS[lang].soFar);
    await expect(page.getByTestId('dash-score')).toContainText('2026');

    // One pending figure per period, each named; nothing pending in words, never ₱0.00.
    const progress = page.getByTestId('dash-in-progress');
    await expect(progress.getByRole('heading', { name: WORDS[lang].soFar })).toBeVisible();
    await expect(progress).not.toContainText('₱0.00');
    await expect(dashboard).not.toContainText(/(pending|nakabinbin)\s*₱0\.00/i);
    const periods = await progress
      .getByTestId('dash-pending')
      .evaluateAll((els) => els.map((el) => el.getAttribute('data-period')));
    expect(new Set(periods).size).toBe(periods.length);

    // No bare dash anywhere on the dashboard (the stress test's table aside).
    expect(await bareDashes(page)).toEqual([]);
    // A missing exchange rate, if any, is announced at most once.
    expect(await page.getByTestId('missing-rate-notice').count()).toBeLessThanOrEqual(1);

    // Every chart drawn (each is built as it comes near the screen), then the whole page.
    await expectChartsDrawn(page);
    await page.evaluate(() => window.scrollTo(0, 0));
    await page.screenshot({ path: `${DIR}/period-dashboard-1st-${lang}.png`, fullPage: true });
    const axe = await new AxeBuilder({ page }).analyze();
    expect(axe.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target).join(' ')}`)).toEqual(
      [],
    );
  });
}
