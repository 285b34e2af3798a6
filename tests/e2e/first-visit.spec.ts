import { type Route } from '@playwright/test';
import { expect, test } from './fixtures';
import { waitForServiceWorker } from './support';

// This spec is about what the service worker does (offline, updates, requests, phones): it
// runs with the worker on (playwright.config.ts blocks it elsewhere).
test.use({ serviceWorkers: 'allow' });

test('a first visit can fill in onboarding before the data layer has loaded, and the service worker registers after the form is up', async ({
  page,
}) => {
  // Records whether the onboarding form had been on screen before the app registered its
  // worker (the worker must not compete with the first screen). "Had been", not "is": on a
  // loaded machine the idle callback, and workbox's wait for the load event, can put the
  // registration after the test has typed the name and moved on, or finished onboarding (the
  // old "is the name field there now" probe failed so in 2 full runs of 7).
  await page.addInitScript(() => {
    const w = window as unknown as { __formSeen: boolean; __formUpAtRegister: boolean };
    w.__formSeen = false;
    const seen = () => {
      if (document.querySelector('input[name="household"]') === null) return false;
      w.__formSeen = true;
      observer.disconnect();
      return true;
    };
    const observer = new MutationObserver(seen);
    observer.observe(document, { childList: true, subtree: true });
    const container = navigator.serviceWorker;
    const register = container.register.bind(container);
    container.register = (...args: Parameters<ServiceWorkerContainer['register']>) => {
      w.__formUpAtRegister = w.__formSeen || seen();
      return register(...args);
    };
  });
  // The data layer (household state, Dexie) is held on the network: its own chunk, or the
  // dashboard's (vite.config.ts groups it there with the rest of what the score needs).
  const held: Route[] = [];
  let release = false;
  await page.route(/\/assets\/(household\.svelte|dashboard-core)-[^/]*\.js$/, async (route) => {
    if (release) await route.continue();
    else held.push(route);
  });

  await page.goto('/');
  await page.locator('input[name="household"]').fill('Keluarga Uji');
  await page.locator('[data-testid="onboarding-household"] button[type="submit"]').click();
  await page.locator('input[name="memberName"]').fill('Sari');
  await page.locator('input[name="memberName"]').press('Enter');
  await expect(page.getByText('Sari')).toBeVisible();
  await expect.poll(() => held.length).toBeGreaterThan(0);

  release = true;
  for (const route of held.splice(0)) await route.continue();
  await page.locator('.finish > button.primary').click();
  await expect(page.locator('nav.app-nav')).toBeVisible({ timeout: 30_000 });
  await expect(page.getByTestId('household-name')).toHaveText('Keluarga Uji');

  await waitForServiceWorker(page);
  expect(
    await page.evaluate(
      () => (window as unknown as { __formUpAtRegister: boolean }).__formUpAtRegister,
    ),
  ).toBe(true);
});
