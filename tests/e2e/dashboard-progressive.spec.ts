import { type Route } from '@playwright/test';
import { expect, test } from './fixtures';
import { expectChartsDrawn, openView, startHousehold } from './support';

// The Chart.js chunk is held on the network: no service worker, or it would serve the chunk from
// its precache without asking.
test.use({ serviceWorkers: 'block' });

test('the score answers and quick add opens while Chart.js is still loading; every chart draws once it is in', async ({
  page,
}) => {
  const held: Route[] = [];
  let release = false;
  await page.route('**/assets/chartjs-*.js', async (route) => {
    if (release) await route.continue();
    else held.push(route);
  });

  await startHousehold(page, { sample: true });
  await openView(page, 'dashboard');
  await expect.poll(() => held.length).toBeGreaterThan(0);

  // The score and its sentences are there, and no chart has drawn.
  await expect(page.getByTestId('dash-score-value')).toHaveText(/^\d+$/);
  await expect(page.getByTestId('dash-in-progress')).toBeVisible();
  await expect(page.locator('[data-chart][data-drawn="true"]')).toHaveCount(0);

  // A tap on "Add income" opens quick add at once.
  await page.getByTestId('quick-add').click();
  const dialog = page.getByTestId('quick-add-dialog');
  await expect(dialog.locator('input[name="amount"]')).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(dialog.locator('input[name="amount"]')).toBeHidden();

  // A chart scrolled to waits for Chart.js, and the dashboard does not call itself ready.
  const income = page.locator('figure', { has: page.locator('[data-chart="income-by-kind"]') });
  await income.scrollIntoViewIfNeeded();
  await expect(income.locator('[data-chart]')).toHaveAttribute('data-near', 'true');
  await expect(page.locator('[data-dashboard-ready="false"]')).toHaveCount(1);

  // "Show as table" gives every number without Chart.js.
  await income.getByRole('button', { name: 'Show as table' }).click();
  await expect(income.locator('table tbody tr')).not.toHaveCount(0);
  await expect(page.locator('[data-chart][data-drawn="true"]')).toHaveCount(0);

  // Chart.js arrives: the charts near the screen draw, the rest as they are scrolled to.
  release = true;
  for (const route of held.splice(0)) await route.continue();
  await expect(page.locator('[data-dashboard-ready="true"]')).toBeVisible({ timeout: 30_000 });
  await expectChartsDrawn(page);
  expect(await page.locator('[data-chart]').count()).toBe(7);
});

test('charts far below the screen are not built until they come near it', async ({ page }) => {
  await startHousehold(page, { sample: true });
  await openView(page, 'dashboard');
  await expect(page.locator('[data-dashboard-ready="true"]')).toBeVisible({ timeout: 30_000 });
  const forecast = page.locator('[data-chart="forecast"]');
  // At 390×844 the forecast is several screens down: reported far, not drawn.
  await expect(forecast).toHaveAttribute('data-near', 'false');
  await expect(forecast).not.toHaveAttribute('data-drawn', 'true');
  await forecast.scrollIntoViewIfNeeded();
  await expect(forecast).toHaveAttribute('data-drawn', 'true');
});

test('nothing only the charts need loads before the score: the chart cards and Chart.js come after it', async ({
  page,
}) => {
  // Issue 29: the chart cards are a chunk of their own, imported once the score is on screen;
  // Chart.js is fetched by the chart component inside it. Held on the network, the score is
  // there and Chart.js has not even been asked for.
  const held: Route[] = [];
  let release = false;
  await page.route('**/assets/DashboardCharts-*.js', async (route) => {
    if (release) await route.continue();
    else held.push(route);
  });
  const chartJsAsked: string[] = [];
  page.on('request', (request) => {
    if (/\/assets\/chartjs-[^/]*\.js$/.test(request.url())) chartJsAsked.push(request.url());
  });

  await startHousehold(page, { sample: true });
  await openView(page, 'dashboard');
  await expect(page.getByTestId('dash-score-value')).toHaveText(/^\d+$/);
  await expect(page.getByTestId('dash-in-progress')).toBeVisible();
  await expect.poll(() => held.length).toBeGreaterThan(0);
  expect(chartJsAsked).toEqual([]);
  await expect(page.locator('[data-chart]')).toHaveCount(0);
  await expect(page.locator('[data-dashboard-ready="false"]')).toHaveCount(1);

  release = true;
  for (const route of held.splice(0)) await route.continue();
  await expect(page.locator('[data-dashboard-ready="true"]')).toBeVisible({ timeout: 30_000 });
  expect(chartJsAsked.length).toBeGreaterThan(0);
  expect(await page.locator('[data-chart]').count()).toBe(7);
});

test('a returning visit asks for every chunk the score needs at once, and for nothing that only follows it', async ({
  page,
}) => {
  // Issue 29, "no waves": index.html lists the chunks (scripts/dashboard-preload.mjs) and the
  // entry chunk imports them from its first task; Chart.js, the chart cards and the lock screen
  // are not among them and are not asked for before the score is on screen.
  await startHousehold(page, { sample: true });
  await openView(page, 'dashboard');
  await expect(page.getByTestId('dash-score-value')).toHaveText(/^\d+$/);

  // When the score appears, in the page's own clock (the resource timings' clock).
  await page.addInitScript(() => {
    new MutationObserver((_, observer) => {
      if (!document.querySelector('[data-testid="dash-score-value"]')) return;
      (window as unknown as { scoreAt: number }).scoreAt = performance.now();
      observer.disconnect();
    }).observe(document, { childList: true, subtree: true });
  });
  await page.reload();
  await expect(page.getByTestId('dash-score-value')).toHaveText(/^\d+$/);
  const beforeScore = await page.evaluate(() => {
    const at = (window as unknown as { scoreAt: number }).scoreAt;
    return performance
      .getEntriesByType('resource')
      .filter((e) => e.startTime < at)
      .map((e) => new URL(e.name).pathname);
  });

  const listed = (
    (await page.locator('meta[name="anyam-dashboard-chunks"]').getAttribute('content')) ?? ''
  ).split(' ');
  // A few files (the dashboard's modules are grouped: vite.config.ts, dashboard-core), since each
  // request costs the first task main-thread time; at most scripts/dashboard-preload.mjs's limit.
  expect(listed.length).toBeGreaterThanOrEqual(3);
  expect(listed.length).toBeLessThanOrEqual(10);
  // The page's own scripts: the first score's worker (lib/db/first-score.ts) runs off the page.
  const pageScripts = beforeScore.filter((f) => f.endsWith('.js') && !f.includes('/score-worker-'));
  expect(pageScripts.length).toBeLessThanOrEqual(12);
  expect(listed.filter((file) => !beforeScore.includes(file))).toEqual([]);
  expect(
    beforeScore.filter((file) =>
      /\/(chartjs|DashboardCharts|LockScreen|backup)-[\w-]{8}\.js$/.test(file),
    ),
  ).toEqual([]);
});
