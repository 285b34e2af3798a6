/**
 * A new household at each stage sees the right next step on the dashboard, and each step's
 * button does what it says: no streams → add a stream; streams, no entries → log the first
 * income on that stream; entries in the current month only → the score starts when the month
 * ends (with the date), or log last month; two complete months → log the month before, as
 * stability needs three; three → the score, its band, and "To raise your score" buttons that
 * open the plan and savings forms — "save more" a new balance of the place the savings are in,
 * never a new place — each saying what its points assume.
 *
 * The clock is pinned to 24 November 2026, and every date the test expects is worked out from
 * that day, never from the machine's clock.
 */
import { type Page } from '@playwright/test';
import { expect, test, PINNED_NOW, PINNED_TODAY } from './fixtures';
import { startHousehold } from './support';
import { dayMonthsAgo } from './household';

/** The moment the page's clock starts at, and the date it is in (UTC, the suite's zone or not). */
const NOW = PINNED_NOW;
const TODAY = new Date(`${PINNED_TODAY}T00:00:00Z`);

/** 'YYYY-MM-DD' of the last day of the month `monthsBack` before today's. */
function lastDayMonthsAgo(monthsBack: number): string {
  const t = TODAY;
  return new Date(Date.UTC(t.getUTCFullYear(), t.getUTCMonth() - monthsBack + 1, 0))
    .toISOString()
    .slice(0, 10);
}
const monthName = (monthsBack: number) => {
  const t = TODAY;
  return new Intl.DateTimeFormat('en-US', {
    month: 'long',
    year: 'numeric',
    timeZone: 'UTC',
  }).format(new Date(Date.UTC(t.getUTCFullYear(), t.getUTCMonth() - monthsBack, 1)));
};

async function dashboard(page: Page) {
  await page.locator('nav a[data-route="dashboard"]').click();
  await expect(
    page.locator('main[data-view="dashboard"] [data-dashboard-ready]').first(),
  ).toBeVisible();
}

/** Fills the open quick-add dialog's amount and saves; returns the date it started on. */
async function saveQuickAdd(page: Page, amount: string): Promise<string> {
  const dialog = page.getByTestId('quick-add-dialog');
  const date = await dialog.locator('input[name="date"]').inputValue();
  await dialog.locator('input[name="amount"]').fill(amount);
  await dialog.getByRole('button', { name: 'Save' }).click();
  await expect(dialog.locator('input[name="amount"]')).toBeHidden();
  return date;
}

test('each stage of a new household shows its next step, and the button does it', async ({
  page,
}) => {
  test.setTimeout(120_000);
  await page.clock.install({ time: NOW });
  await startHousehold(page, { name: 'Keluarga Baru', members: ['Sari'] });

  // 1. No streams: add a stream — the link opens the stream form itself.
  await dashboard(page);
  await page.getByRole('link', { name: 'Add your first income stream' }).click();
  const streamForm = page.getByTestId('stream-form');
  await expect(streamForm).toBeVisible();
  await streamForm.locator('input[name="name"]').fill('Factory salary');
  await streamForm.locator('select[name="kind"]').selectOption('formal');
  await streamForm.getByRole('button', { name: 'Save' }).click();
  await expect(streamForm).toBeHidden();
  await expect(page).toHaveURL(/#\/streams$/);

  // 2. Streams, no entries: log the first income, on that stream.
  await dashboard(page);
  const next = page.getByTestId('dash-next-step');
  await expect(next.getByRole('heading')).toHaveText('Log your first income');
  await next.getByRole('button', { name: 'Log income: Factory salary' }).click();
  const dialog = page.getByTestId('quick-add-dialog');
  const stream = dialog.locator('select[name="stream"]');
  await expect(stream.locator('option:checked')).toHaveText(/^Factory salary/);
  const today = await saveQuickAdd(page, '5000000');
  expect(today).toBe(dayMonthsAgo(0, TODAY.getUTCDate(), TODAY));

  // 3. Entries in the current month only: the score starts when the month ends, on the 1st.
  await dashboard(page);
  await expect(next.getByRole('heading')).toHaveText(`Your score starts when ${monthName(0)} ends`);
  const firstOfNext = new Intl.DateTimeFormat('en-US', {
    dateStyle: 'long',
    timeZone: 'UTC',
  }).format(new Date(Date.UTC(TODAY.getUTCFullYear(), TODAY.getUTCMonth() + 1, 1)));
  await expect(next).toContainText(`counts from ${firstOfNext}`);
  await expect(page.getByTestId('dash-score-value')).toHaveCount(0);
  await next.getByRole('button', { name: `Log income for ${monthName(1)}` }).click();
  await expect(stream.locator('option:checked')).toHaveText(/^Factory salary/);
  expect(await saveQuickAdd(page, '5000000')).toBe(lastDayMonthsAgo(1));

  // A second complete month, logged the ordinary way.
  await page.getByTestId('quick-add').click();
  await dialog.locator('input[name="date"]').fill(dayMonthsAgo(2, 25, TODAY));
  await saveQuickAdd(page, '5000000');

  // 4. Two complete months: a score, and "log the month before" as the step stability needs.
  await dashboard(page);
  await expect(page.getByTestId('dash-next-step')).toHaveCount(0);
  await expect(page.getByTestId('dash-score-value')).toBeVisible();
  await expect(page.getByTestId('dash-band')).toBeVisible();
  await expect(page.getByTestId('needs-history')).toContainText('counted so far');
  // Too little history for the "over time" charts: a sentence, not two-point spikes.
  await expect(page.getByRole('region', { name: 'Score over time' })).toContainText(
    'This chart starts once 3 complete months of income are logged.',
  );
  await expect(page.locator('[data-chart="score-over-time"]')).toHaveCount(0);
  const actions = page.getByTestId('dash-actions');
  const history = actions.locator('[data-action="history"]');
  await expect(history).toContainText(`Log the income of ${monthName(3)}`);
  await expect(history).toContainText('you have 2');
  await expect(history).toContainText(/Score \+\d+/);
  await history.getByRole('button', { name: `Log income for ${monthName(3)}` }).click();
  await expect(stream.locator('option:checked')).toHaveText(/^Factory salary/);
  expect(await saveQuickAdd(page, '5000000')).toBe(lastDayMonthsAgo(3));

  // 5. Three complete months: stability is measured; essentials come first, then savings.
  await dashboard(page);
  await expect(page.getByTestId('needs-history')).toHaveCount(0);
  await expect(page.locator('[data-component="stability"] .value')).toHaveText('100%');
  // One measured month: a sentence, not a one-point line.
  await expect(page.getByRole('region', { name: 'Score over time' })).toContainText(
    `Only ${monthName(1)} has 3 months of history so far`,
  );
  await actions.getByRole('link', { name: 'Add an essential expense' }).click();
  const planForm = page.getByTestId('plan-form');
  await expect(planForm).toBeVisible();
  await expect(planForm.locator('select[name="category"]')).toHaveValue('essential');
  await planForm.locator('input[name="name"]').fill('Rent');
  await planForm.locator('input[name="amount"]').fill('2000000');
  await planForm.getByRole('button', { name: 'Save' }).click();
  await expect(planForm).toBeHidden();

  await dashboard(page);
  await actions.getByRole('link', { name: 'Record savings' }).click();
  const savingForm = page.getByTestId('saving-form');
  // With no savings place yet, the step first asks where the money is (issue 15's places).
  const placeForm = page.getByTestId('place-form');
  await expect(placeForm.or(savingForm)).toBeVisible();
  if (await placeForm.isVisible()) {
    await placeForm.locator('input[name="name"]').fill('Bank');
    await placeForm.getByRole('button', { name: 'Save' }).click();
    await expect(placeForm).toBeHidden();
    await dashboard(page);
    await actions.getByRole('link', { name: 'Record savings' }).click();
  }
  await expect(savingForm).toBeVisible();
  await savingForm.locator('input[name="amount"]').fill('1000000');
  await savingForm.getByRole('button', { name: 'Save' }).click();
  await expect(savingForm).toBeHidden();

  // Savings of Rp1,000,000 against Rp2,000,000 of essentials: save the rest of 3 months. Each
  // action says what its points assume.
  await dashboard(page);
  const save = actions.locator('[data-action="save"]');
  await expect(save).toContainText('Save IDR 5,000,000 more to reach 3 months of essentials');
  await expect(save).toContainText(/Score \+\d+ once your savings total IDR\s6,000,000\./);
  const source = actions.locator('[data-action="source"]');
  await expect(source).toContainText('A second regular source of about');
  await expect(source).toContainText(/Score \+\d+ once 3 months of this income are logged\./);
  await source.getByRole('link', { name: 'Add a stream' }).click();
  await expect(page.getByTestId('stream-form')).toBeVisible();
  await page.getByTestId('stream-form').getByRole('button', { name: 'Cancel' }).click();

  // "Save more" opens a new balance of the place the savings are in, not a new place (which
  // would count them twice); the new balance raises the score by the points stated.
  await dashboard(page);
  const points = Number((await save.innerText()).match(/Score \+(\d+)/)![1]);
  const before = Number(await page.getByTestId('dash-score-value').innerText());
  await save.getByRole('link', { name: 'New balance: Bank' }).click();
  await expect(savingForm).toBeVisible();
  await expect(page.getByTestId('place-form')).toHaveCount(0);
  await expect(page.getByRole('dialog', { name: 'Bank: balance' })).toBeVisible();
  await savingForm.locator('input[name="amount"]').fill('6000000');
  await savingForm.getByRole('button', { name: 'Save' }).click();
  await expect(savingForm).toBeHidden();
  await dashboard(page);
  const after = Number(await page.getByTestId('dash-score-value').innerText());
  expect(Math.abs(after - before - points)).toBeLessThanOrEqual(1);
});
