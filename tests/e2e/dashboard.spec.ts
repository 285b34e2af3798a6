import { AxeBuilder } from './axe';
import { type Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { openView, startHousehold } from './support';

const DASHBOARD_CHARTS = [
  'income-by-kind',
  'share-by-stream',
  'contribution-now',
  'score-over-time',
  'contribution-over-time',
  'forecast',
  'projection',
];

/**
 * How long to wait for something that will happen, on a loaded machine. A wait, not a speed
 * check: speed is measured by `npm run bench` (issue 13: this file timed out at 60 s on a busy
 * machine while nothing was wrong).
 */
const PATIENCE = { timeout: 60_000 };

/** Every chart on the page has rendered at least once (each drawn when scrolled to). */
async function chartsDrawn(page: Page, names: string[]): Promise<void> {
  for (const name of names) {
    const chart = page.locator(`[data-chart="${name}"]`);
    await chart.scrollIntoViewIfNeeded(PATIENCE);
    await expect(chart).toHaveAttribute('data-drawn', 'true', PATIENCE);
  }
}

async function noAxeViolations(page: Page, label: string): Promise<void> {
  const result = await new AxeBuilder({ page }).analyze();
  expect(
    result.violations.map((v) => `${label}: ${v.id} ${v.nodes.map((n) => n.target).join(' ')}`),
  ).toEqual([]);
}

test('the sample household draws every dashboard chart, readable in light and dark', async ({
  page,
}) => {
  // The sample household, eleven charts and five axe scans: minutes on a loaded machine.
  test.setTimeout(300_000);
  await startHousehold(page, { sample: true });
  await openView(page, 'dashboard');
  await chartsDrawn(page, DASHBOARD_CHARTS);
  await expect(page.locator('[data-dashboard-ready="true"]')).toBeVisible(PATIENCE);
  await expect(page.getByTestId('dash-score-value')).toHaveText(/^\d+$/);
  await noAxeViolations(page, 'dashboard light');

  await page.emulateMedia({ colorScheme: 'dark' });
  await chartsDrawn(page, DASHBOARD_CHARTS);
  await noAxeViolations(page, 'dashboard dark');
  await page
    .locator('section:has([data-chart="income-by-kind"])')
    .getByRole('button', { name: 'Show as table' })
    .click();
  await expect(page.locator('[data-chart="income-by-kind"] ~ div table')).toBeVisible(PATIENCE);
  await noAxeViolations(page, 'dashboard dark, a table shown');

  await openView(page, 'pay');
  await chartsDrawn(page, ['pay-hourly', 'pay-pipeline', 'pay-trend']);
  await noAxeViolations(page, 'pay dark');
  await page.emulateMedia({ colorScheme: 'light' });
  await noAxeViolations(page, 'pay light');
});

// One sample household and one drawing of every chart, then two stories told on it in turn
// (each once a test of its own that set up the same dashboard).
test('a quick add updates the dashboard in place; the stress test and the member filter recompute it', async ({
  page,
}) => {
  test.setTimeout(120_000);
  await startHousehold(page, { sample: true });
  await openView(page, 'dashboard');
  await chartsDrawn(page, DASHBOARD_CHARTS);

  await test.step('a quick add updates the dashboard in place, without reload', async () => {
    // Mark the canvases: updated in place, they stay the same elements.
    await page.$$eval('[data-chart] canvas', (canvases) =>
      canvases.forEach((c) => (c.dataset.seen = '1')),
    );
    const progress = page.getByTestId('dash-in-progress');
    const before = await progress.textContent();

    await page.getByRole('button', { name: 'Add income' }).first().click();
    // The salary's usual amount: a slip far from it would ask "Save anyway?" (issue 15).
    await page.locator('[data-testid="entry-form"] input[name="amount"]').fill('5200000');
    await page.locator('[data-testid="entry-form"] button[type="submit"]').click();

    await expect(progress).not.toHaveText(before ?? '');
    await chartsDrawn(page, DASHBOARD_CHARTS);
    const seen = await page.$$eval('[data-chart] canvas', (canvases) =>
      canvases.map((c) => c.dataset.seen),
    );
    expect(seen).toEqual(DASHBOARD_CHARTS.map(() => '1'));
  });

  await test.step('the stress test and the member filter recompute the dashboard', async () => {
    await page.getByTestId('stress-fall').selectOption('50');
    await expect(page.getByTestId('dash-stress')).toContainText('falls by 50%');

    await expect(page.locator('[data-chart] ~ div table')).toHaveCount(0);
    await page
      .locator('section:has([data-chart="income-by-kind"])')
      .getByRole('button', { name: 'Show as table' })
      .click();
    const table = page.locator('[data-chart="income-by-kind"] ~ div table');
    await expect(table).toBeVisible();
    const whole = await table.textContent();
    const member = await page
      .locator('[data-testid="dash-member"] option')
      .nth(1)
      .getAttribute('value');
    await page.getByTestId('dash-member').selectOption(member ?? '');
    await expect(table).not.toHaveText(whole ?? '');

    await page.getByRole('button', { name: 'Hide table' }).first().click();
    await expect(table).toHaveCount(0);
  });
});
