import { expect, test, type Page } from '@playwright/test';
import { startHousehold } from './support';

async function addStream(page: Page, name: string): Promise<void> {
  await page.goto('/#/streams');
  await page.getByTestId('add-stream').click();
  const dialog = page.getByRole('dialog');
  await dialog.getByLabel(/^Name/).fill(name);
  await dialog.getByRole('button', { name: 'Save' }).click();
  await expect(dialog).toBeHidden();
}

async function quickAdd(page: Page, amount: string): Promise<void> {
  await page.getByTestId('quick-add').click();
  const dialog = page.getByTestId('quick-add-dialog');
  await dialog.locator('input[name="amount"]').fill(amount);
  await dialog.getByRole('button', { name: 'Save' }).click();
  await expect(dialog.locator('input[name="amount"]')).toBeHidden();
}

test('an entry written in one tab shows in the other, and 200 alternate writes are all kept', async ({
  context,
}) => {
  test.setTimeout(180_000);
  const a = await context.newPage();
  await startHousehold(a, { members: ['Ani'] });
  await addStream(a, 'Ojek');
  const b = await context.newPage();
  await b.goto('/#/entries');
  await expect(b.getByTestId('entries-month')).toContainText('0 entries');

  await a.goto('/#/entries');
  await quickAdd(a, '12345');
  await expect(b.getByTestId('entry-row')).toHaveCount(1);
  await expect(b.getByTestId('entry-row')).toContainText('12,345');

  for (let i = 1; i < 200; i++) await quickAdd(i % 2 === 0 ? a : b, String(1000 + i));
  for (const page of [a, b]) {
    await expect(page.getByTestId('entries-month')).toContainText('200 entries');
    await expect(page.getByTestId('entry-row')).toHaveCount(200);
  }
});
