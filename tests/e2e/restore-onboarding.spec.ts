import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test, newPinnedContext } from './fixtures';
import { openView, startHousehold } from './support';

test('a new phone restores a backup straight from onboarding', async ({ browser }) => {
  test.setTimeout(120_000);
  const file = join(mkdtempSync(join(tmpdir(), 'anyam-restore-')), 'backup.json');
  const old = await newPinnedContext(browser);
  const page = await old.newPage();
  await startHousehold(page, { name: 'Keluarga Lama', sample: true });
  await openView(page, 'dashboard');
  await expect(page.locator('[data-dashboard-ready="true"]')).toBeVisible({ timeout: 30_000 });
  const score = await page.getByTestId('dash-score-value').innerText();
  await openView(page, 'settings');
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Download backup', exact: true }).click(),
  ]);
  await download.saveAs(file);
  await old.close();

  const fresh = await newPinnedContext(browser);
  const phone = await fresh.newPage();
  await phone.goto('/');
  const restore = phone.getByTestId('onboarding-restore');
  // The restore UI is loaded when asked for, and takes the focus from the button it replaces.
  await restore.getByRole('button', { name: 'Restore from a backup' }).click();
  await expect(restore.getByLabel('Backup file')).toBeFocused();
  await restore.getByLabel('Backup file').setInputFiles(file);
  await expect(restore.getByTestId('restore-summary')).toContainText('Keluarga Lama');
  await restore.getByRole('button', { name: 'Replace', exact: true }).click();
  await phone
    .getByTestId('restore-confirm')
    .getByRole('button', { name: 'Replace everything' })
    .click();
  await expect(phone.getByTestId('household-name')).toHaveText('Keluarga Lama', {
    timeout: 30_000,
  });
  await openView(phone, 'dashboard');
  await expect(phone.locator('[data-dashboard-ready="true"]')).toBeVisible({ timeout: 30_000 });
  await expect(phone.getByTestId('dash-score-value')).toHaveText(score);
  await fresh.close();
});
