import { expect, test, PINNED_NOW } from './fixtures';
import { addStreamUi, readDatabase } from './household';
import { startHousehold } from './support';

test.describe('bad input is refused with a translated message and saves nothing', () => {
  test.beforeEach(async ({ page }) => {
    await startHousehold(page, { members: ['Ani'] });
    await addStreamUi(page, { member: 'Ani', name: 'Salary', kind: 'formal' });
  });

  test('an invalid amount and a date more than a year ahead', async ({ page }) => {
    await page.goto('/#/entries');
    const before = await readDatabase(page);
    await page.getByTestId('quick-add').click();
    const dialog = page.getByTestId('quick-add-dialog');
    await dialog.locator('input[name="amount"]').fill('12abc');
    await dialog.getByRole('button', { name: 'Save' }).click();
    await expect(dialog.getByText('Enter an amount using digits')).toBeVisible();
    await expect(dialog.locator('input[name="amount"]')).toHaveValue('12abc');

    const farAhead = `${PINNED_NOW.getFullYear() + 2}-01-15`;
    await dialog.locator('input[name="amount"]').fill('50000');
    await dialog.locator('input[name="date"]').fill(farAhead);
    await dialog.getByRole('button', { name: 'Save' }).click();
    await expect(dialog.getByText('more than a year ahead')).toBeVisible();
    expect(await readDatabase(page)).toEqual(before);

    // The same refusal in Vietnamese (Escape on a changed form asks first).
    page.once('dialog', (question) => void question.accept());
    await page.keyboard.press('Escape');
    await expect(dialog).toBeHidden();
    await page.goto('/#/settings');
    await page.getByRole('combobox', { name: 'Language' }).selectOption('vi');
    await page.getByTestId('quick-add').click();
    await dialog.locator('input[name="amount"]').fill('abc');
    await dialog.getByRole('button', { name: 'Lưu' }).click();
    await expect(dialog.getByText('Nhập số tiền bằng chữ số')).toBeVisible();
  });

  test('an empty stream name', async ({ page }) => {
    await page.goto('/#/streams');
    const before = await readDatabase(page);
    await page.getByRole('button', { name: 'Add a stream', exact: true }).click();
    const form = page.getByTestId('stream-form');
    await form.locator('input[name="name"]').fill('   ');
    await form.getByRole('button', { name: 'Save' }).click();
    await expect(form.getByText('Give it a name.')).toBeVisible();
    expect(await readDatabase(page)).toEqual(before);
  });
});
