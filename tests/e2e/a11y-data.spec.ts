import AxeBuilder from '@axe-core/playwright';
import { expect, test } from './fixtures';
import { VIEWS, startHousehold, tapNav } from './support';

// Every view with the sample household's data, in English and Vietnamese, light and dark.
for (const colorScheme of ['light', 'dark'] as const) {
  test.describe(`${colorScheme} theme`, () => {
    test.use({ colorScheme });
    test(`axe finds no violations with data, in en and vi (${colorScheme})`, async ({ page }) => {
      test.setTimeout(180_000);
      await startHousehold(page, { sample: true });
      for (const lang of ['en', 'vi'] as const) {
        if (lang === 'vi') {
          await page.goto('/#/settings');
          await page.getByRole('combobox', { name: 'Language' }).selectOption('vi');
          await expect(page.locator('html')).toHaveAttribute('lang', 'vi');
        }
        for (const view of VIEWS) {
          await tapNav(page, view);
          if (view === 'dashboard') {
            await expect(page.locator('[data-dashboard-ready="true"]')).toBeVisible();
          }
          const result = await new AxeBuilder({ page }).analyze();
          expect(
            result.violations.map(
              (v) => `${lang} ${view}: ${v.id} ${v.nodes.map((n) => n.target).join(' ')}`,
            ),
          ).toEqual([]);
        }
        await page.getByTestId('quick-add').click();
        const dialog = await new AxeBuilder({ page }).analyze();
        expect(dialog.violations.map((v) => `${lang} quick add: ${v.id}`)).toEqual([]);
        await page.keyboard.press('Escape');
      }
    });
  });
}
