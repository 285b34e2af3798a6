import { type Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { addStreamUi, dayMonthsAgo, quickAddUi } from './household';
import { expectChartsDrawn, startHousehold } from './support';

async function revisions(page: Page): Promise<string[]> {
  return page
    .locator('[data-chart]')
    .evaluateAll((els) => els.map((e) => e.getAttribute('data-revision') ?? ''));
}

test('editing and deleting an entry, then undoing, updates the dashboard and charts without a reload', async ({
  page,
}) => {
  test.setTimeout(120_000);
  await startHousehold(page, { members: ['Ani'] });
  await addStreamUi(page, { member: 'Ani', name: 'Salary', kind: 'formal' });
  await addStreamUi(page, { member: 'Ani', name: 'Stall', kind: 'informal' });
  await page.goto('/#/entries');
  for (let back = 4; back >= 1; back--) {
    await quickAddUi(page, { stream: 'Salary', amount: '3000000', date: dayMonthsAgo(back, 25) });
    await quickAddUi(page, { stream: 'Stall', amount: '1000000', date: dayMonthsAgo(back, 10) });
  }

  // Both tabs of work happen in one page: the dashboard stays open in a second page of the app.
  const dash = await page.context().newPage();
  await dash.goto('/#/dashboard');
  await expect(dash.locator('[data-dashboard-ready="true"]')).toBeVisible({ timeout: 30_000 });
  await expectChartsDrawn(dash, ['share-by-stream']);
  // Tables are built only when asked for: open every one, and they then follow every write.
  const toggles = dash.getByRole('button', { name: 'Show as table' });
  const charts = await toggles.count();
  expect(charts).toBeGreaterThanOrEqual(6);
  for (let left = charts; left > 0; left--) {
    await toggles.first().click();
    await expect(toggles).toHaveCount(left - 1);
  }
  await expect(dash.locator('[data-chart] ~ div table')).toHaveCount(charts);
  const revs0 = await revisions(dash);
  const table0 = await dash.locator('table').allInnerTexts();

  // Edit: last month's stall income goes from 1,000,000 to 4,000,000.
  await page.locator('input[type="month"]').fill(dayMonthsAgo(1, 1).slice(0, 7));
  const row = page.getByTestId('entry-row').filter({ hasText: 'Stall' });
  await row.locator('.row-main').click();
  const form = page.getByTestId('edit-entry-dialog').getByTestId('entry-form');
  await form.locator('input[name="amount"]').fill('7777000');
  await form.getByRole('button', { name: 'Save' }).click();
  await expect(row).toContainText('7,777,000');

  await expect.poll(async () => (await revisions(dash)).join()).not.toBe(revs0.join());
  const table1 = await dash.locator('table').allInnerTexts();
  expect(table1.join()).not.toBe(table0.join());
  expect(table1.join()).toContain('7,777,000');

  // Delete it, and the dashboard loses it; Undo brings it back.
  const revs1 = await revisions(dash);
  await row.getByRole('button', { name: /Delete/ }).click();
  await expect(page.getByTestId('entry-row').filter({ hasText: 'Stall' })).toHaveCount(0);
  await expect.poll(async () => (await revisions(dash)).join()).not.toBe(revs1.join());
  expect((await dash.locator('table').allInnerTexts()).join()).not.toContain('7,777,000');

  await page.getByRole('button', { name: 'Undo' }).click();
  await expect(page.getByTestId('entry-row').filter({ hasText: 'Stall' })).toHaveCount(1);
  await expect
    .poll(async () => (await dash.locator('table').allInnerTexts()).join())
    .toContain('7,777,000');
});
