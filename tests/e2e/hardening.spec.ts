import { type Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { serializeBackup } from '../../src/lib/db/backup/backup-format';
import { encryptBackupText, type EncryptedEnvelope } from '../../src/lib/db/backup/crypto';
import { householdFactory } from '../factories';
import { addStreamUi } from './household';
import { openView, startHousehold } from './support';

/*
 * Issue 13: the defects an outside test found, each walked in a real browser.
 */

/** Another household's backup (other ids, same shape), in English so the texts stay English. */
function otherHouseholdFile(): string {
  const tables = householdFactory.build({ seed: 4242, months: 2, members: 1, entriesPerMonth: 5 });
  tables.settings[0] = { ...tables.settings[0]!, householdName: 'Rumah Lain', locale: 'en' };
  return serializeBackup(tables, {
    exportedAt: '2026-11-01T00:00:00.000Z',
    app: { name: 'Anyam', version: 'test' },
  });
}

/** Replaces the household from Settings, as a person in another tab would. */
async function replaceHousehold(page: Page, file: string): Promise<void> {
  await openView(page, 'settings');
  const restore = page.getByTestId('restore-section');
  await restore.getByLabel('Backup file').setInputFiles({
    name: 'lain.json',
    mimeType: 'application/json',
    buffer: Buffer.from(file, 'utf8'),
  });
  await expect(restore.getByTestId('restore-summary')).toContainText('Rumah Lain');
  await restore.getByRole('button', { name: 'Replace', exact: true }).click();
  await page
    .getByTestId('restore-confirm')
    .getByRole('button', { name: 'Replace everything' })
    .click();
  await expect(restore.getByTestId('restore-notice')).toContainText('Restored');
  await expect(page.getByTestId('household-name')).toHaveText('Rumah Lain');
}

test('defect 1: a total past the limit is refused, and the dashboard and entries still draw', async ({
  page,
}) => {
  test.setTimeout(120_000);
  await startHousehold(page, { members: ['Ani'] });
  await addStreamUi(page, { member: 'Ani', name: 'Warung', kind: 'informal', currency: 'IDR' });
  await openView(page, 'entries');
  for (let i = 0; i < 3; i++) {
    await page.getByTestId('quick-add').click();
    const dialog = page.getByTestId('quick-add-dialog');
    const amount = dialog.locator('input[name="amount"]');
    // Whole rupiah: IDR is typed without decimals (issue 11); this is the largest one entry allows.
    await amount.fill('9999999999999');
    await dialog.getByRole('button', { name: 'Save' }).click();
    if (i === 0) {
      await expect(amount).toBeHidden();
    } else {
      await expect(amount).toHaveAccessibleDescription(/total past .*Nothing was saved/);
      // Escape on a changed form asks "Discard changes?" (issue 16): yes.
      page.once('dialog', (question) => void question.accept());
      await page.keyboard.press('Escape');
      await expect(amount).toBeHidden();
    }
  }
  await expect(page.getByTestId('entries-month')).toContainText(/\b1 entr/);
  await expect(page.getByTestId('entry-row')).toHaveCount(1);

  // A reload, and every view draws; none shows the failure panel.
  await page.reload();
  for (const view of ['dashboard', 'entries', 'streams', 'pay', 'plans', 'settings'] as const) {
    await openView(page, view);
    await expect(page.getByText('Loading…')).toHaveCount(0, { timeout: 30_000 });
    await expect(page.getByTestId('view-failed')).toHaveCount(0);
  }
});

test('defect 3: a damaged salt or check block is called damage, never a wrong passphrase', async ({
  page,
}) => {
  test.setTimeout(120_000);
  const passphrase = 'sayur asem manis dua ribu';
  const sealed = JSON.parse(
    await encryptBackupText(otherHouseholdFile(), passphrase),
  ) as EncryptedEnvelope;
  const flip = (base64: string) => {
    const bytes = Buffer.from(base64, 'base64');
    bytes[0] = bytes[0]! ^ 1;
    return bytes.toString('base64');
  };
  const checkDamaged = { ...sealed, check: { ...sealed.check, data: flip(sealed.check.data) } };
  const saltDamaged = { ...sealed, kdf: { ...sealed.kdf, salt: flip(sealed.kdf.salt) } };
  // (Older files had neither header digest: `digest` nor `parameters`.)
  const { digest: _digest, parameters: _parameters, ...olderFormat } = checkDamaged;
  expect(sealed.digest).toBeDefined();

  await startHousehold(page, { name: 'Sementara' });
  await openView(page, 'settings');
  const restore = page.getByTestId('restore-section');
  const open = async (envelope: object) => {
    await restore.getByLabel('Backup file').setInputFiles({
      name: 'rusak-encrypted.json',
      mimeType: 'application/json',
      buffer: Buffer.from(JSON.stringify(envelope), 'utf8'),
    });
    const field = restore.getByLabel('Passphrase of this backup');
    await field.fill(passphrase);
    await restore.getByRole('button', { name: 'Open backup' }).click();
    return field;
  };

  const fileField = restore.getByLabel('Backup file');
  for (const envelope of [saltDamaged, checkDamaged]) {
    await open(envelope);
    // Told at the file, as damage; never asked to retype a passphrase that was right.
    await expect(fileField).toHaveAccessibleDescription(/damaged/, { timeout: 30_000 });
    await expect(fileField).not.toHaveAccessibleDescription(/Wrong passphrase/);
    await expect(restore.getByLabel('Passphrase of this backup')).toHaveCount(0);
    await expect(restore.getByTestId('restore-summary')).toHaveCount(0);
  }

  // A file written before the header digest, with its check block damaged: the data's own seal
  // proves the passphrase right, so it opens.
  await open(olderFormat);
  await expect(restore.getByTestId('restore-summary')).toContainText('Rumah Lain', {
    timeout: 30_000,
  });
  await expect(page.getByTestId('household-name')).toHaveText('Sementara');
});

test('defect 7: quick add says so when another tab replaced the household', async ({ context }) => {
  test.setTimeout(120_000);
  const a = await context.newPage();
  await startHousehold(a, { members: ['Ani'] });
  await addStreamUi(a, { member: 'Ani', name: 'Ojek', kind: 'informal', currency: 'IDR' });
  await openView(a, 'entries');
  await a.getByTestId('quick-add').click();
  const dialog = a.getByTestId('quick-add-dialog');
  await dialog.locator('input[name="amount"]').fill('25000');

  const b = await context.newPage();
  await replaceHousehold(b, otherHouseholdFile());

  await a.bringToFront();
  await expect(a.getByTestId('household-name')).toHaveText('Rumah Lain');
  await dialog.getByRole('button', { name: 'Save' }).click();
  await expect(dialog.locator('select[name="stream"]')).toHaveAccessibleDescription(
    /no longer exists.*another tab/,
  );
  await expect(dialog).toBeVisible();
});

test('defect 8: a CSV checked before another tab replaced the household says it changed', async ({
  context,
}) => {
  test.setTimeout(120_000);
  const a = await context.newPage();
  await startHousehold(a, { members: ['Ani'] });
  await addStreamUi(a, { member: 'Ani', name: 'Ojek', kind: 'informal', currency: 'IDR' });
  await openView(a, 'settings');
  await a.getByTestId('csv-open').click();
  const dialog = a.getByTestId('csv-import-dialog');
  const rows = Array.from(
    { length: 10 },
    (_, i) => `2026-0${(i % 9) + 1}-1${i % 9},${1000 + i},Ojek,Ani`,
  );
  await dialog.getByLabel('CSV file').setInputFiles({
    name: 'ojek.csv',
    mimeType: 'text/csv',
    buffer: Buffer.from(['date,amount,stream,member', ...rows, '2026-02-30,5,Ojek,Ani'].join('\n')),
  });
  await dialog.getByRole('button', { name: 'Check the rows' }).click();
  const report = dialog.getByTestId('csv-report');
  await expect(report.getByLabel('Import only the valid rows (10)')).toBeVisible();

  const b = await context.newPage();
  await replaceHousehold(b, otherHouseholdFile());

  await a.bringToFront();
  await report.getByLabel('Import only the valid rows (10)').check();
  await report.getByRole('button', { name: 'Import entries (10)' }).click();
  await expect(dialog).toContainText(
    'was deleted meanwhile. Check the file again. Nothing was written.',
  );
  await expect(a.getByText(/Entries imported/)).toHaveCount(0);
});
