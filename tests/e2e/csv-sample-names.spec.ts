import { readFileSync } from 'node:fs';
import { type Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { startHousehold } from './support';

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
