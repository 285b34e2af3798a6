import { expect, test } from './fixtures';
import { startHousehold } from './support';

const NAV_DASHBOARD = { en: 'Dashboard', id: 'Ringkasan', fil: 'Buod', vi: 'Tổng quan' } as const;

for (const lang of ['id', 'fil', 'vi'] as const) {
  test(`switching to ${lang} translates the navigation, sets <html lang>, and survives a reload`, async ({
    page,
  }) => {
    await startHousehold(page);
    await page.goto('/#/settings');
    await expect(page.locator('html')).toHaveAttribute('lang', 'en');
    await page.getByRole('combobox', { name: 'Language' }).selectOption(lang);
    await expect(page.locator('nav a[data-route="dashboard"]')).toHaveText(NAV_DASHBOARD[lang]);
    await expect(page.locator('html')).toHaveAttribute('lang', lang);
    await page.reload();
    await expect(page.locator('nav a[data-route="dashboard"]')).toHaveText(NAV_DASHBOARD[lang]);
    await expect(page.locator('html')).toHaveAttribute('lang', lang);
  });
}

test.describe('first run', () => {
  test.use({ locale: 'vi-VN' });
  test('picks the language from the browser', async ({ page }) => {
    await page.goto('/');
    await expect(page.locator('html')).toHaveAttribute('lang', 'vi');
    await expect(page.locator('h1')).toHaveText('Chào mừng đến với Anyam');
    await startHousehold(page);
    await expect(page.locator('nav a[data-route="dashboard"]')).toHaveText(NAV_DASHBOARD.vi);
    await expect(page.locator('html')).toHaveAttribute('lang', 'vi');
  });
});

test.describe('first run with an unsupported language', () => {
  test.use({ locale: 'de-DE' });
  test('falls back to English', async ({ page }) => {
    await startHousehold(page);
    await expect(page.locator('nav a[data-route="dashboard"]')).toHaveText(NAV_DASHBOARD.en);
  });
});
