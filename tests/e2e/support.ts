import { expect, type Page } from '@playwright/test';

export const VIEWS = ['dashboard', 'entries', 'streams', 'pay', 'plans', 'settings'] as const;
export type View = (typeof VIEWS)[number];

/** Opens a view by URL and waits until its content has rendered. */
export async function openView(page: Page, view: View, base = ''): Promise<void> {
  await page.goto(`${base}/#/${view}`);
  await expect(page.locator(`main[data-view="${view}"]`)).toBeVisible();
  await expect(page.locator('main > *').first()).toBeVisible();
}

/** Taps a view in the navigation, as a person would. */
export async function tapNav(page: Page, view: View): Promise<void> {
  await page.locator(`nav a[data-route="${view}"]`).click();
  await expect(page.locator(`main[data-view="${view}"]`)).toBeVisible();
  await expect(page.locator('main > *').first()).toBeVisible();
}

/** Waits until a service worker is activated AND controls the page (STACK.md trap 6). */
export async function waitForServiceWorker(page: Page): Promise<void> {
  await expect
    .poll(
      () =>
        page.evaluate(async () => {
          const reg = await navigator.serviceWorker.getRegistration();
          return reg?.active?.state === 'activated' && navigator.serviceWorker.controller !== null;
        }),
      { timeout: 30_000 },
    )
    .toBe(true);
}

/** Goes through onboarding as a new user would: a household name, then start (or the sample). */
export async function startHousehold(
  page: Page,
  options: { name?: string; sample?: boolean; members?: string[]; base?: string } = {},
): Promise<void> {
  await page.goto(options.base ? `${options.base}/` : '/');
  await page.locator('input[name="household"]').fill(options.name ?? 'Keluarga Uji');
  await page.locator('[data-testid="onboarding-household"] button[type="submit"]').click();
  for (const member of options.members ?? []) {
    await page.locator('input[name="memberName"]').fill(member);
    await page.locator('input[name="memberName"]').press('Enter');
  }
  const buttons = page.locator('.finish > button.primary, .finish .sample > button');
  await buttons.nth(options.sample ? 1 : 0).click();
  await expect(page.locator('nav.app-nav')).toBeVisible({ timeout: 30_000 });
  if (options.sample) await expect(page.getByTestId('sample-banner')).toBeVisible();
}

/**
 * Scrolls to each chart (a chart is built when it comes near the screen) and waits until it has
 * drawn: all of the page's charts, or those named.
 */
export async function expectChartsDrawn(page: Page, names?: string[]): Promise<void> {
  const charts = names
    ? names.map((name) => page.locator(`[data-chart="${name}"]`))
    : await page.locator('[data-chart]').all();
  for (const chart of charts) {
    await chart.scrollIntoViewIfNeeded();
    await expect(chart).toHaveAttribute('data-drawn', 'true');
  }
}
