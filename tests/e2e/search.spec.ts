import { mkdirSync } from 'node:fs';
import { type Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { dayMonthsAgo } from './household';
import { startHousehold, tapNav } from './support';

test.use({ viewport: { width: 360, height: 740 } });
const DIR = 'docs/screenshots';
mkdirSync(DIR, { recursive: true });

// The sample is built from today: the browser and the test read the same pinned day, never the
// machine's clock.
const PINNED = new Date('2026-11-24T09:00:00+07:00');
test.beforeEach(async ({ page }) => {
  await page.clock.install({ time: PINNED });
});

async function search(page: Page, text: string) {
  const form = page.getByTestId('entry-search');
  await form.locator('input[name="q"]').fill(text);
  await form.locator('button[type="submit"]').click();
  const results = page.getByTestId('search-results');
  await expect(results).toHaveAttribute('aria-busy', 'false');
  return results;
}

test.describe('in Vietnamese', () => {
  test.use({ locale: 'vi-VN' });
  // A Vietnamese household gets the Vietnamese sample (issue 16): aunt Hoa sends from Busan.
  test('"di hoa" finds "Dì Hoa"', async ({ page }) => {
    test.setTimeout(120_000);
    await startHousehold(page, { sample: true });
    await expect(page.locator('html')).toHaveAttribute('lang', 'vi');
    await tapNav(page, 'entries');
    const results = await search(page, 'di hoa');
    await expect(results.getByTestId('entry-row').first()).toContainText('Dì Hoa');
    await page.getByTestId('entry-search').evaluate((e) => e.scrollIntoView());
    await page.screenshot({ path: `${DIR}/search-vi.png` });
  });
});

// One sample household for both English stories (each once a test that built its own); the
// search is cleared between them, as a person would.
test('a word without its accents finds a stream across months; an inverted date range says so and shows nothing', async ({
  page,
}) => {
  test.setTimeout(150_000);
  await startHousehold(page, { sample: true });
  await test.step('a word without its accents finds the entries of a stream across every month', async () => {
    await tapNav(page, 'entries');
    const results = await search(page, 'TAIPEI');
    const rows = results.getByTestId('entry-row');
    await expect(rows.first()).toBeVisible();
    // Every row is the remittance stream, and they span more than one month, newest first.
    for (const text of await rows.allInnerTexts()) expect(text).toContain('Taipei');
    const months = await results.locator('h4').allInnerTexts();
    expect(months.length).toBeGreaterThan(1);
    await expect(results.locator('h3')).toHaveText(/^\d+ found$/);
    await expect(page.getByTestId('search-total')).toContainText('Total');
    await page.getByTestId('entry-search').evaluate((e) => e.scrollIntoView());
    await page.screenshot({ path: `${DIR}/search-en.png` });
    await page.getByTestId('entry-search').getByRole('button', { name: 'Clear search' }).click();
    await expect(page.getByTestId('entries-month')).toBeVisible();
  });

  await test.step('an inverted date range says so and shows nothing', async () => {
    const form = page.getByTestId('entry-search');
    await form.locator('summary').click();
    const [from, to] = [dayMonthsAgo(3, 1, PINNED), dayMonthsAgo(1, 28, PINNED)];
    await form.locator('input[name="from"]').fill(to);
    await form.locator('input[name="to"]').fill(from);
    await form.locator('button[type="submit"]').click();
    await expect(form).toContainText('The start date is after the end date');
    await expect(page.getByTestId('search-results').getByTestId('entry-row')).toHaveCount(0);
    await expect(page.getByTestId('entries-month')).toBeHidden();

    // Swapped, the same range finds entries, none outside it.
    await form.locator('input[name="from"]').fill(from);
    await form.locator('input[name="to"]').fill(to);
    await form.locator('button[type="submit"]').click();
    const results = page.getByTestId('search-results');
    await expect(results).toHaveAttribute('aria-busy', 'false');
    const month = (back: number) =>
      new Date(`${dayMonthsAgo(back, 1, PINNED)}T00:00:00Z`).toLocaleDateString('en-US', {
        month: 'long',
        year: 'numeric',
        timeZone: 'UTC',
      });
    await expect(results.locator('h4')).toHaveText([month(1), month(2), month(3)]);
    await expect(form).not.toContainText('The start date is after the end date');

    // Clearing the search goes back to the month view.
    await form.getByRole('button', { name: 'Clear search' }).click();
    await expect(page.getByTestId('entries-month')).toBeVisible();
  });
});
