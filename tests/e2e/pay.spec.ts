import { expect, test } from './fixtures';
import { expectChartsDrawn, openView, startHousehold } from './support';

test('a training is added, edited and deleted from the pay view', async ({ page }) => {
  await startHousehold(page, { sample: true });
  await openView(page, 'pay');
  await expectChartsDrawn(page, ['pay-trend']);
  const items = page.getByTestId('training-item');
  // The sample household has a training: wait for the log to show it before counting.
  await expect(items).not.toHaveCount(0);
  const before = await items.count();

  await page.getByTestId('training-add').click();
  const form = page.getByTestId('training-form');
  await form.locator('input[name="title"]').fill('Spreadsheet basics');
  await form.locator('input[name="date"]').fill('2025-09-10');
  await form.locator('input[name="hours"]').fill('4.5');
  await form.locator('input[name="cost"]').fill('75000');
  await form.locator('button[type="submit"]').click();
  await expect(items).toHaveCount(before + 1);
  await expect(page.getByTestId('training-effects')).toContainText('Spreadsheet basics');

  await page.getByRole('button', { name: 'Edit Spreadsheet basics' }).click();
  await form.locator('input[name="title"]').fill('Spreadsheets, part 2');
  await form.locator('button[type="submit"]').click();
  await expect(page.getByTestId('training-log')).toContainText('Spreadsheets, part 2');

  await page.getByRole('button', { name: 'Delete Spreadsheets, part 2' }).click();
  await expect(items).toHaveCount(before);
});
