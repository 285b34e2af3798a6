import { expect, test, newPinnedContext } from './fixtures';
import { startServer } from '../../scripts/serve.mjs';
import { VIEWS, startHousehold, tapNav, waitForServiceWorker } from './support';

test('after one visit the app opens and navigates with the network and server gone', async ({
  browser,
}) => {
  const server = await startServer({ root: 'dist', port: 0 });
  const context = await newPinnedContext(browser);
  const page = await context.newPage();
  try {
    await startHousehold(page, { base: server.url });
    await waitForServiceWorker(page);
    // Visit every view once so nothing depends on a first-time fetch being cached lazily.
    for (const view of VIEWS) await tapNav(page, view);

    await server.close();
    await context.setOffline(true);
    await page.reload();
    await expect(page.locator('main[data-view="settings"]')).toBeVisible();
    for (const view of VIEWS) await tapNav(page, view);
    await page.goto(`${server.url}/#/pay`);
    await expect(page.locator('main[data-view="pay"] h2')).toBeVisible();
  } finally {
    await context.close();
    await server.close().catch(() => {});
  }
});
