import { execFileSync } from 'node:child_process';
import { expect, test, newPinnedContext } from './fixtures';
import { startServer } from '../../scripts/serve.mjs';
import { startHousehold, waitForServiceWorker } from './support';

// This spec is about what the service worker does (offline, updates, requests, phones): it
// runs with the worker on (playwright.config.ts blocks it elsewhere).
test.use({ serviceWorkers: 'allow' });

const NEXT_DIR = 'dist-e2e-next';
const NEXT_ID = `e2e-next-${Date.now()}`; // machine clock: unique id

test.beforeAll(() => {
  // A second build of the same code with another build id, as a redeploy would ship.
  execFileSync('npx', ['vite', 'build', '--outDir', NEXT_DIR, '--logLevel', 'error'], {
    env: { ...process.env, ANYAM_BUILD_ID: NEXT_ID },
    stdio: 'inherit',
  });
});

test('a waiting new version shows the reload toast, and Reload runs it', async ({ browser }) => {
  test.setTimeout(90_000);
  const server = await startServer({ root: 'dist', port: 0 });
  const context = await newPinnedContext(browser);
  const page = await context.newPage();
  try {
    await startHousehold(page, { base: server.url });
    await page.goto(`${server.url}/#/settings`);
    await waitForServiceWorker(page);
    await expect(page.getByTestId('app-version')).not.toContainText(NEXT_ID);

    server.setRoot(NEXT_DIR);
    await page.evaluate(async () => {
      const reg = await navigator.serviceWorker.getRegistration();
      await reg?.update();
    });
    const toast = page.getByTestId('update-toast');
    await expect(toast).toBeVisible({ timeout: 30_000 });
    await toast.getByRole('button', { name: 'Reload' }).click();
    await expect(page.getByTestId('app-version')).toContainText(NEXT_ID, { timeout: 30_000 });
  } finally {
    await context.close();
    await server.close();
  }
});
