import { mkdirSync } from 'node:fs';
import { AxeBuilder } from './axe';
import { type Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { tapNav } from './support';

// The sample household on the 1st of a month, half an hour after midnight: the new month has no
// entries yet. Entries says so and opens last month in one tap; Pay and Plans open without an
// error and without a bare "—".
const DIR = 'docs/screenshots';
mkdirSync(DIR, { recursive: true });

const FIRST = new Date('2026-12-01T00:30:00+08:00');
const LANGS = {
  en: {
    locale: 'en-US',
    offer: 'Try a sample household',
    none: 'No entries in December yet',
    see: 'See November',
    november: 'November 2026',
  },
  fil: {
    locale: 'fil-PH',
    offer: 'Subukan ang halimbawa',
    none: 'Wala pang tala sa Disyembre',
    see: 'Tingnan ang Nobyembre',
    november: 'Nobyembre 2026',
  },
} as const;

test.use({ viewport: { width: 360, height: 740 }, timezoneId: 'Asia/Manila' });

/** Onboarding's first screen: the sample of the person's country, in their language. */
async function loadSample(page: Page, offer: string): Promise<string[]> {
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.clock.install({ time: FIRST });
  await page.goto('/');
  await page.getByTestId('onboarding-sample').getByRole('button', { name: offer }).click();
  await expect(page.getByTestId('sample-banner')).toBeVisible({ timeout: 30_000 });
  return errors;
}

/** Lines of the view's main content that hold a "—" with nothing else to explain it. */
async function bareDashes(page: Page): Promise<string[]> {
  const text = await page.locator('main').innerText();
  return text
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => /^[—–-]$/.test(line) || /(^|\s)—(\s|$)/.test(line));
}

async function expectAxeClean(page: Page, what: string): Promise<void> {
  const result = await new AxeBuilder({ page }).analyze();
  expect(
    result.violations.map((v) => `${what}: ${v.id} ${v.nodes.map((n) => n.target).join(' ')}`),
  ).toEqual([]);
}

for (const [lang, t] of Object.entries(LANGS)) {
  test.describe(`on the 1st of a month in ${lang}`, () => {
    test.use({ locale: t.locale });

    test('Entries says the month has no entries yet and one tap shows last month', async ({
      page,
    }) => {
      test.setTimeout(180_000);
      const errors = await loadSample(page, t.offer);
      await tapNav(page, 'entries');
      const none = page.getByTestId('entries-none');
      await expect(none).toBeVisible();
      await expect(none).toContainText(t.none);
      await expect(page.getByTestId('entry-row')).toHaveCount(0);
      await expectAxeClean(page, `${lang} entries on the 1st`);
      // The month bar at the top of the screen, the notice under it: what a person scrolls to.
      await page.locator('.month-bar').evaluate((e) => e.scrollIntoView({ block: 'start' }));
      await expect(none.getByRole('button', { name: t.see })).toBeInViewport();
      await page.screenshot({ path: `${DIR}/period-entries-1st-${lang}.png` });

      await none.getByRole('button', { name: t.see }).click();
      await expect(page.locator('#month-heading')).toHaveText(t.november);
      await expect(page.getByTestId('entry-row').first()).toBeVisible();
      await expect(page.getByTestId('month-total-period')).toHaveText(t.november);
      await expect(page.getByTestId('entries-none')).toHaveCount(0);
      expect(errors).toEqual([]);
    });
  });
}

test.describe('the Filipino sample on the 1st of a month', () => {
  test.use({ locale: 'fil-PH' });

  test('Pay, Plans and the dashboard open without errors and without a bare "—"', async ({
    page,
  }) => {
    test.setTimeout(180_000);
    const errors = await loadSample(page, LANGS.fil.offer);
    const found: string[] = [];
    for (const view of ['dashboard', 'pay', 'plans'] as const) {
      await tapNav(page, view);
      if (view === 'dashboard') {
        await expect(page.locator('[data-dashboard-ready="true"]')).toBeVisible({
          timeout: 60_000,
        });
      }
      await expect(page.getByTestId('view-failed')).toHaveCount(0);
      await page.screenshot({
        path: `test-results/period-month-start-${view}-fil.png`,
        fullPage: true,
      });
      found.push(...(await bareDashes(page)).map((line) => `${view}: ${line}`));
    }
    expect(found).toEqual([]);
    expect(errors).toEqual([]);
  });
});
