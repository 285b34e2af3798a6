import { readFileSync } from 'node:fs';
import { type Page } from '@playwright/test';
import { expect, pinnedDaysAgo, test } from './fixtures';
import { openView, startHousehold, VIEWS } from './support';

// The sample household stores its names as message tokens ("{{sample:salary}}") so that a
// language change re-labels them (#16). A spreadsheet made from it must read as the screen does:
// names in the current language, never a token.
async function exported(page: Page, testId: string, path: string): Promise<string> {
  const [file] = await Promise.all([
    page.waitForEvent('download'),
    page.getByTestId(testId).click(),
  ]);
  await file.saveAs(path);
  expect(file.suggestedFilename()).not.toContain('sample:');
  return readFileSync(path, 'utf8');
}

test('CSV exports of the sample household name its streams, places and plans as the screen does', async ({
  page,
}, testInfo) => {
  await startHousehold(page, { sample: true });
  await page.goto('/#/settings');
  const entries = await exported(page, 'csv-export', testInfo.outputPath('entries.csv'));
  expect(entries).toContain('Factory salary');
  const savings = await exported(page, 'csv-export-savings', testInfo.outputPath('savings.csv'));
  const payments = await exported(page, 'csv-export-payments', testInfo.outputPath('payments.csv'));
  for (const text of [entries, savings, payments]) expect(text).not.toContain('{{');

  await page.getByRole('combobox', { name: 'Language' }).selectOption('id');
  await expect(page.locator('html')).toHaveAttribute('lang', 'id');
  const inIndonesian = await exported(page, 'csv-export', testInfo.outputPath('entries-id.csv'));
  expect(inIndonesian).toContain('Gaji pabrik');
  expect(inIndonesian).not.toContain('{{');
});

// Issue 23: a CSV that names a sample member as the screen does ("Dewi (sample)") and a stream the
// household does not have failed with "member 'Dewi (sample)' does not exist yet".
test('a CSV creating a new stream for a sample member imports into the sample household', async ({
  page,
}) => {
  await startHousehold(page, { sample: true });
  await page.goto('/#/settings');
  await page.getByTestId('csv-open').click();
  const dialog = page.getByTestId('csv-import-dialog');
  const csv = [
    'date,member,stream,amount',
    `${pinnedDaysAgo(3)},Dewi (sample),Private lessons,50000`,
    `${pinnedDaysAgo(2)},Dewi (sample),Private lessons,70000`,
  ].join('\n');
  await dialog.getByLabel('CSV file').setInputFiles({
    name: 'lessons.csv',
    mimeType: 'text/csv',
    buffer: Buffer.from(csv, 'utf8'),
  });
  await dialog.getByRole('button', { name: 'Check the rows' }).click();
  const report = dialog.getByTestId('csv-report');
  await expect(
    report.getByLabel('Create “Private lessons” for Dewi (sample) (rows: 2)'),
  ).toBeChecked();
  await report.getByRole('button', { name: 'Import entries (2)' }).click();
  await expect(page.getByText('Entries imported: 2.')).toBeVisible();
  await expect(dialog).toBeHidden();

  // The new stream is Dewi's, and her name follows the language; at 360 px in Vietnamese no
  // sample name shows as a token.
  await page.setViewportSize({ width: 360, height: 740 });
  await page.getByRole('combobox', { name: 'Language' }).selectOption('vi');
  await expect(page.locator('html')).toHaveAttribute('lang', 'vi');
  await openView(page, 'streams');
  const dewi = page.getByTestId('member-card').filter({ hasText: 'Dewi (mẫu)' });
  await expect(dewi.getByTestId('stream-item').filter({ hasText: 'Private lessons' })).toHaveCount(
    1,
  );
  await expect(page.locator('body')).not.toContainText('{{');
  await page.screenshot({ path: 'docs/screenshots/names-streams-vi.png' });
  // Every view, and the quick-add form's stream list, name the sample as the language does.
  const shown: Record<(typeof VIEWS)[number], string> = {
    dashboard: 'Budi (mẫu)',
    entries: 'Lương nhà máy',
    streams: 'Gắn nhãn hình ảnh',
    pay: 'Khóa học chất lượng chú thích',
    plans: 'Tiền mặt ở nhà',
    settings: 'Keluarga Uji',
  };
  for (const view of VIEWS) {
    await openView(page, view);
    if (view === 'settings') {
      await expect(page.locator('input[name="householdName"]')).toHaveValue(shown[view]);
    } else await expect(page.locator('main')).toContainText(shown[view]);
    await expect(page.locator('main')).not.toContainText('{{');
  }
  await page.getByTestId('quick-add').click();
  const form = page.getByTestId('quick-add-dialog');
  await expect(form.locator('select[name="stream"]')).toContainText('Lương nhà máy · Budi (mẫu)');
  await expect(form).not.toContainText('{{');
});
