import { expect, test } from './fixtures';
import { VIEWS, openView, startHousehold, tapNav } from './support';

// One household for four short checks of the navigation (each once a test that onboarded on its
// own); the history check runs first, on the history onboarding left.
test('the navigation: every view by tap and back, by URL, an unknown route, bottom or side', async ({
  page,
}) => {
  await startHousehold(page);

  await test.step('every view is reachable by navigation, and back returns', async () => {
    await tapNav(page, 'dashboard');
    for (const view of VIEWS.slice(1)) await tapNav(page, view);
    for (const view of [...VIEWS].reverse().slice(1)) {
      await page.goBack();
      await expect(page.locator(`main[data-view="${view}"]`)).toBeVisible();
      await expect(page.locator(`nav a[data-route="${view}"]`)).toHaveAttribute(
        'aria-current',
        'page',
      );
    }
  });

  await test.step('every view is reachable by URL and shows content, not an empty page', async () => {
    for (const view of VIEWS) {
      await openView(page, view);
      await expect(page.locator('main h2').first()).not.toBeEmpty();
      await expect(page.locator('main')).not.toContainText(/coming soon/i);
    }
  });

  await test.step('an unknown route falls back to the dashboard', async () => {
    await page.goto('/#/nowhere');
    await expect(page.locator('main[data-view="dashboard"]')).toBeVisible();
  });

  await test.step('navigation sits at the bottom on phones and at the side from 768 px', async () => {
    await page.goto('/');
    await expect(page.locator('nav.app-nav')).toBeVisible();
    const phone = await page.locator('nav.app-nav').boundingBox();
    expect(phone!.y + phone!.height).toBeGreaterThan(800);
    await page.setViewportSize({ width: 1280, height: 800 });
    const desktop = await page.locator('nav.app-nav').boundingBox();
    expect(desktop!.x).toBeLessThan(10);
    expect(desktop!.height).toBeGreaterThan(400);
  });
});
