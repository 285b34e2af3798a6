import { mkdirSync } from 'node:fs';
import { expect, test } from './fixtures';
import { VIEWS, expectChartsDrawn, startHousehold, tapNav } from './support';

// Screenshots of every view for the README and for a person to look at: the sample household,
// phone-sized, in English and Vietnamese, and the dashboard on a desktop in the dark theme.
const DIR = 'docs/screenshots';
mkdirSync(DIR, { recursive: true });

async function settle(page: import('@playwright/test').Page, view: string): Promise<void> {
  if (view === 'dashboard') {
    await expect(page.locator('[data-dashboard-ready="true"]')).toBeVisible({ timeout: 30_000 });
  }
  await expectChartsDrawn(page);
  await page.evaluate(() => window.scrollTo(0, 0));
}

for (const lang of ['en', 'vi'] as const) {
  test(`every view at 390×844 in ${lang}`, async ({ page }) => {
    test.setTimeout(120_000);
    await startHousehold(page, { sample: true });
    if (lang === 'vi') {
      await page.goto('/#/settings');
      await page.getByRole('combobox', { name: 'Language' }).selectOption('vi');
      await expect(page.locator('html')).toHaveAttribute('lang', 'vi');
    }
    for (const view of VIEWS) {
      await tapNav(page, view);
      await settle(page, view);
      await page.screenshot({
        path: `${DIR}/${view}-${lang}.png`,
        fullPage: view === 'dashboard' || view === 'pay',
      });
    }
  });
}

test.describe('desktop, dark', () => {
  test.use({ viewport: { width: 1280, height: 800 }, colorScheme: 'dark' });
  test('the dashboard at 1280×800 in the dark theme', async ({ page }) => {
    await startHousehold(page, { sample: true });
    await tapNav(page, 'dashboard');
    await settle(page, 'dashboard');
    await page.screenshot({ path: `${DIR}/dashboard-desktop-dark.png` });
  });
});
