import { expect, test, newPinnedContext } from './fixtures';
import { startServer } from '../../scripts/serve.mjs';
import { VIEWS, expectChartsDrawn, startHousehold, tapNav, waitForServiceWorker } from './support';

// This spec is about what the service worker does (offline, updates, requests, phones): it
// runs with the worker on (playwright.config.ts blocks it elsewhere).
test.use({ serviceWorkers: 'allow' });

test('after one visit the app opens and navigates with the network and server gone', async ({
  browser,
}) => {
  const server = await startServer({ root: 'dist', port: 0 });
  const context = await newPinnedContext(browser);
  const page = await context.newPage();
  try {
    // The sample household has income: the dashboard draws its charts, which fetches Chart.js
    // (not precached) once; the worker keeps it for the offline visit below.
    await startHousehold(page, { base: server.url, sample: true });
    await waitForServiceWorker(page);
    // Visit every view once so nothing depends on a first-time fetch being cached lazily.
    for (const view of VIEWS) await tapNav(page, view);
    await tapNav(page, 'dashboard');
    await expectChartsDrawn(page);

    await server.close();
    await context.setOffline(true);
    await page.reload();
    await expect(page.locator('main[data-view="dashboard"]')).toBeVisible();
    for (const view of VIEWS) await tapNav(page, view);
    await page.goto(`${server.url}/#/pay`);
    await expect(page.locator('main[data-view="pay"] h2')).toBeVisible();
    // Drawn online once, the charts draw offline too (Chart.js from the worker's runtime cache).
    await tapNav(page, 'dashboard');
    await expectChartsDrawn(page);
  } finally {
    await context.close();
    await server.close().catch(() => {});
  }
});
