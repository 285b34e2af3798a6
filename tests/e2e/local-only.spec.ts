import { expect, test } from './fixtures';
import { VIEWS, startHousehold, tapNav } from './support';

// This spec is about what the service worker does (offline, updates, requests, phones): it
// runs with the worker on (playwright.config.ts blocks it elsewhere).
test.use({ serviceWorkers: 'allow' });

test('every request stays on the app origin and the CSP is never violated', async ({ page }) => {
  const requests: string[] = [];
  page.on('request', (r) => requests.push(r.url()));
  page.context().on('request', (r) => requests.push(r.url()));
  await page.addInitScript(() => {
    (window as unknown as { __cspViolations: string[] }).__cspViolations = [];
    document.addEventListener('securitypolicyviolation', (e) => {
      (window as unknown as { __cspViolations: string[] }).__cspViolations.push(
        `${e.violatedDirective} ${e.blockedURI}`,
      );
    });
  });
  await startHousehold(page, { sample: true });
  for (const view of VIEWS) await tapNav(page, view);
  await page.getByTestId('quick-add').click();
  await page.keyboard.press('Escape');
  await page.reload();
  for (const view of VIEWS) await tapNav(page, view);

  const origin = new URL(page.url()).origin;
  const foreign = requests.filter(
    (u) => !u.startsWith(origin) && !u.startsWith('data:') && !u.startsWith('blob:'),
  );
  expect(requests.length).toBeGreaterThan(5);
  expect(foreign).toEqual([]);
  const violations = await page.evaluate(
    () => (window as unknown as { __cspViolations: string[] }).__cspViolations,
  );
  expect(violations).toEqual([]);
});
