import { mkdirSync } from 'node:fs';
import { expect, test } from './fixtures';
import { startHousehold, tapNav } from './support';

test.use({ viewport: { width: 360, height: 740 } });
const DIR = 'docs/screenshots';
mkdirSync(DIR, { recursive: true });

for (const [lang, locale, sum] of [
  ['en', 'en-US', '2 places'],
  ['vi', 'vi-VN', '3 nơi'],
] as const) {
  test.describe(lang, () => {
    test.use({ locale });
    test(`the sample household's savings places, their sum, and a debt (${lang})`, async ({
      page,
    }) => {
      test.setTimeout(120_000);
      await startHousehold(page, { sample: true });
      await expect(page.locator('html')).toHaveAttribute('lang', lang);
      await tapNav(page, 'plans');
      const section = page.getByTestId('savings-places');
      await expect(section.getByTestId('savings-place')).toHaveCount(3);
      await expect(section.getByTestId('savings-buffer')).toContainText('3');

      if (lang === 'en') {
        // A debt is a place of kind "other" with a balance below zero, said as a debt.
        await section.getByRole('button', { name: 'Add a place' }).click();
        const form = page.getByTestId('place-form');
        await form.locator('input[name="name"]').fill('Loan from Budi');
        await form.locator('select[name="kind"]').selectOption('other');
        await form.getByRole('button', { name: 'Save' }).click();
        await expect(form).toBeHidden();
        await section.getByRole('button', { name: 'New balance: Loan from Budi' }).click();
        const balance = page.getByTestId('saving-form');
        await balance.locator('input[name="amount"]').fill('-500000');
        await balance.getByRole('button', { name: 'Save' }).click();
        await expect(balance).toBeHidden();
        await expect(section.getByTestId('savings-place').last()).toContainText(
          'A debt of IDR 500,000',
        );
        await expect(section.getByTestId('savings-buffer')).toContainText('4 places');
      } else {
        await expect(section.getByTestId('savings-buffer')).toContainText(sum);
      }
      await expect(page.locator('.toast-item')).toHaveCount(0, { timeout: 15_000 });
      await section.evaluate((e) => e.scrollIntoView());
      await page.screenshot({ path: `${DIR}/savings-${lang}.png` });
    });
  });
}
