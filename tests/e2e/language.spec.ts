import { expect, test } from './fixtures';
import { startHousehold } from './support';

const NAV_DASHBOARD = { en: 'Dashboard', id: 'Ringkasan', fil: 'Buod', vi: 'Tổng quan' } as const;

// One household for the three languages (each once a test that onboarded on its own): each is
// chosen from English, checked across a reload, and English chosen again before the next.
test('switching to id, fil or vi translates the navigation, sets <html lang>, and survives a reload', async ({
  page,
}) => {
  test.setTimeout(120_000);
  await startHousehold(page);
  await page.goto('/#/settings');
  for (const lang of ['id', 'fil', 'vi'] as const) {
    await test.step(`switching to ${lang}`, async () => {
      await expect(page.locator('html')).toHaveAttribute('lang', 'en');
      await page.getByRole('combobox', { name: 'Language' }).selectOption(lang);
      await expect(page.locator('nav a[data-route="dashboard"]')).toHaveText(NAV_DASHBOARD[lang]);
      await expect(page.locator('html')).toHaveAttribute('lang', lang);
      await page.reload();
      await expect(page.locator('nav a[data-route="dashboard"]')).toHaveText(NAV_DASHBOARD[lang]);
      await expect(page.locator('html')).toHaveAttribute('lang', lang);
      // Back to English for the next: the language select, found by its English option (its
      // label is in the language shown).
      await page.locator('select:has(option[value="en"])').selectOption('en');
      await expect(page.locator('html')).toHaveAttribute('lang', 'en');
      await expect(page.locator('nav a[data-route="dashboard"]')).toHaveText(NAV_DASHBOARD.en);
    });
  }
});

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
