import { AxeBuilder } from './axe';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  type Browser,
  type BrowserContext,
  type Locator,
  type Page,
  type TestInfo,
} from '@playwright/test';
import { expect, test, newPinnedContext, PINNED_NOW } from './fixtures';
import { openView, startHousehold } from './support';

// This spec is about what the service worker does (offline, updates, requests, phones): it
// runs with the worker on (playwright.config.ts blocks it elsewhere).
test.use({ serviceWorkers: 'allow' });

const PASSPHRASE = 'sayur asem pedas dua ribu';
const DAY = 86_400_000;

/** The numbers each view shows, read once the view has rendered them. */
interface Snapshot {
  score: string;
  month: string;
  streams: string[];
  plans: string;
}

/** The element's text once it has stopped changing (a view may render its list in steps). */
async function settledText(locator: Locator): Promise<string> {
  let last: string | null = null;
  await expect
    .poll(
      async () => {
        const now = await locator.innerText();
        const same = now === last;
        last = now;
        return same;
      },
      { intervals: [400], timeout: 20_000 },
    )
    .toBe(true);
  return last ?? '';
}

async function snapshot(page: Page): Promise<Snapshot> {
  await openView(page, 'dashboard');
  const score = page.getByTestId('dash-score-value');
  await expect(score).toHaveText(/^\d+$/);
  await openView(page, 'entries');
  await expect(page.getByTestId('entry-row').first()).toBeVisible();
  const month = await settledText(page.getByTestId('entries-month'));
  await openView(page, 'streams');
  await expect(page.getByTestId('stream-item').first()).toBeVisible();
  await settledText(page.locator('main'));
  const streams = await page.getByTestId('stream-item').allInnerTexts();
  await openView(page, 'plans');
  const plans = await settledText(page.getByTestId('plan-totals'));
  await openView(page, 'dashboard');
  return { score: (await score.textContent()) ?? '', month, streams, plans };
}

/** Every view shows what `expected` recorded (retrying while the views load). */
async function expectSameNumbers(page: Page, expected: Snapshot): Promise<void> {
  await openView(page, 'dashboard');
  await expect(page.getByTestId('dash-score-value')).toHaveText(expected.score);
  await openView(page, 'entries');
  await expect(page.getByTestId('entries-month')).toHaveText(expected.month, {
    useInnerText: true,
  });
  await openView(page, 'streams');
  await expect(page.getByTestId('stream-item')).toHaveText(expected.streams, {
    useInnerText: true,
  });
  await openView(page, 'plans');
  await expect(page.getByTestId('plan-totals')).toHaveText(expected.plans, { useInnerText: true });
}

/** A new browser profile: nothing of the first one's storage. */
async function freshContext(browser: Browser, testInfo: TestInfo): Promise<BrowserContext> {
  return newPinnedContext(browser, {
    baseURL: testInfo.project.use.baseURL,
    viewport: { width: 390, height: 844 },
    locale: 'en-US',
    serviceWorkers: 'allow',
  });
}

/** Records every Content-Security-Policy violation the page reports. */
async function watchCsp(page: Page): Promise<() => Promise<string[]>> {
  await page.addInitScript(() => {
    const list: string[] = [];
    (window as unknown as { __csp: string[] }).__csp = list;
    document.addEventListener('securitypolicyviolation', (e) => {
      list.push(`${e.violatedDirective} ${e.blockedURI}`);
    });
  });
  return () => page.evaluate(() => (window as unknown as { __csp: string[] }).__csp);
}

async function axe(page: Page, label: string): Promise<void> {
  const result = await new AxeBuilder({ page }).analyze();
  expect(
    result.violations.map((v) => `${label}: ${v.id} ${v.nodes.map((n) => n.target).join(' ')}`),
  ).toEqual([]);
}

async function download(page: Page, click: () => Promise<void>, path: string): Promise<string> {
  const [file] = await Promise.all([page.waitForEvent('download'), click()]);
  await file.saveAs(path);
  return file.suggestedFilename();
}

async function addStream(page: Page, name: string): Promise<void> {
  await openView(page, 'streams');
  await page.getByRole('button', { name: 'Add a stream' }).first().click();
  const dialog = page.getByTestId('streams-dialog');
  await dialog.getByLabel(/^Name/).fill(name);
  await dialog.getByRole('button', { name: 'Save' }).click();
  await expect(dialog).toBeHidden();
}

test.describe('a backup restored in a new browser profile', () => {
  test.describe.configure({ mode: 'serial' });

  const dir = mkdtempSync(join(tmpdir(), 'anyam-backup-e2e-'));
  const plainPath = join(dir, 'plain.json');
  const encryptedPath = join(dir, 'encrypted.json');
  let before: Snapshot;

  test.beforeAll(async ({ browser }, testInfo) => {
    testInfo.setTimeout(120_000);
    const context = await freshContext(browser, testInfo);
    const page = await context.newPage();
    const cspViolations = await watchCsp(page);
    await startHousehold(page, { sample: true });
    before = await snapshot(page);

    await openView(page, 'settings');
    const section = page.getByTestId('backup-section');
    await expect(section.getByTestId('last-backup')).toHaveText('No backup yet.');
    const plainName = await download(
      page,
      () => section.getByRole('button', { name: 'Download backup', exact: true }).click(),
      plainPath,
    );
    expect(plainName).toMatch(/^anyam-keluarga-uji-\d{4}-\d{2}-\d{2}\.json$/);
    await expect(section.getByTestId('last-backup')).toContainText('Last backup:');
    const plain = JSON.parse(readFileSync(plainPath, 'utf8')) as {
      format: string;
      tables: { entries: unknown[] };
    };
    expect(plain.format).toBe('anyam-backup');
    expect(plain.tables.entries.length).toBeGreaterThan(100);

    // An empty passphrase and a mismatched confirmation are refused next to their fields.
    const encrypt = section.getByRole('button', { name: 'Download encrypted backup' });
    await encrypt.click();
    await expect(section.getByLabel('Passphrase', { exact: true })).toHaveAccessibleDescription(
      /Enter a passphrase\./,
    );
    await section.getByLabel('Passphrase', { exact: true }).fill(PASSPHRASE);
    await expect(section.getByText('Strength: strong.')).toBeVisible();
    await section.getByLabel('Passphrase again').fill(`${PASSPHRASE}!`);
    await encrypt.click();
    await expect(section.getByLabel('Passphrase again')).toHaveAccessibleDescription(
      'The two passphrases are not the same.',
    );
    await section.getByLabel('Passphrase again').fill(PASSPHRASE);
    const encryptedName = await download(page, () => encrypt.click(), encryptedPath);
    expect(encryptedName).toMatch(/-encrypted\.json$/);
    const envelope = JSON.parse(readFileSync(encryptedPath, 'utf8')) as { format: string };
    expect(envelope.format).toBe('anyam-backup-encrypted');
    expect(readFileSync(encryptedPath, 'utf8')).not.toContain('Keluarga Uji');

    // The downloads went through a blob: link under the app's real CSP, with no violation.
    expect(await cspViolations()).toEqual([]);
    await context.close();
  });

  test('a plain backup restores with Replace and every view shows the same numbers', async ({
    browser,
  }, testInfo) => {
    test.setTimeout(90_000);
    const context = await freshContext(browser, testInfo);
    const page = await context.newPage();
    await startHousehold(page, { name: 'Sementara' });
    await openView(page, 'settings');
    const restore = page.getByTestId('restore-section');

    // A file that is not a backup: named for what it is (a picture), nothing changed.
    await restore.getByLabel('Backup file').setInputFiles({
      name: 'photo.json',
      mimeType: 'application/json',
      buffer: Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0xff, 0xfe]),
    });
    await expect(restore.getByLabel('Backup file')).toHaveAccessibleDescription(
      /This file is a picture, not an Anyam file/,
    );
    await expect(page.getByTestId('household-name')).toHaveText('Sementara');

    await restore.getByLabel('Backup file').setInputFiles(plainPath);
    const summary = restore.getByTestId('restore-summary');
    await expect(summary).toContainText('Keluarga Uji');
    await expect(summary.getByTestId('restore-encrypted')).toHaveText('Not encrypted');
    await expect(summary.locator('tr[data-table="streams"] td')).toHaveText(
      String(before.streams.length),
    );

    await axe(page, 'restore summary');
    await restore.getByRole('button', { name: 'Replace', exact: true }).click();
    const confirm = page.getByTestId('restore-confirm');
    await expect(confirm).toContainText('Replace everything on this phone?');
    await axe(page, 'replace confirmation');
    await confirm.getByRole('button', { name: 'Replace everything' }).click();
    await expect(restore.getByTestId('restore-notice')).toContainText('Restored');
    await expect(page.getByTestId('household-name')).toHaveText('Keluarga Uji');
    // The phone now holds exactly the file: backed up as of the file's date.
    await expect(page.getByTestId('last-backup')).toContainText('Last backup:');

    await expectSameNumbers(page, before);

    // Merging the same file again changes nothing.
    await openView(page, 'settings');
    await restore.getByLabel('Backup file').setInputFiles(plainPath);
    await restore.getByRole('button', { name: 'Merge', exact: true }).click();
    await expect(restore.getByTestId('restore-notice')).toHaveText(
      'Merged: records added or updated: 0.',
    );
    await expectSameNumbers(page, before);
    await context.close();
  });

  test('an encrypted backup refuses a wrong passphrase, then restores with the right one', async ({
    browser,
  }, testInfo) => {
    test.setTimeout(90_000);
    const context = await freshContext(browser, testInfo);
    const page = await context.newPage();
    await startHousehold(page, { name: 'Sementara', members: ['Ani'] });
    await addStream(page, 'Ojek');
    await openView(page, 'settings');
    const restore = page.getByTestId('restore-section');

    await restore.getByLabel('Backup file').setInputFiles(encryptedPath);
    const passphrase = restore.getByLabel('Passphrase of this backup');
    await expect(passphrase).toBeFocused();
    await passphrase.fill('sayur asem manis dua ribu');
    await restore.getByRole('button', { name: 'Open backup' }).click();
    await expect(passphrase).toHaveAccessibleDescription(/Wrong passphrase.*Nothing was changed/);
    await expect(restore.getByTestId('restore-summary')).toHaveCount(0);
    await expect(page.getByTestId('household-name')).toHaveText('Sementara');
    await openView(page, 'streams');
    await expect(page.getByTestId('stream-item')).toHaveCount(1);
    await expect(page.getByTestId('stream-item')).toContainText('Ojek');

    await openView(page, 'settings');
    await restore.getByLabel('Backup file').setInputFiles(encryptedPath);
    await passphrase.fill(PASSPHRASE);
    await passphrase.press('Enter');
    const summary = restore.getByTestId('restore-summary');
    await expect(summary.getByTestId('restore-encrypted')).toHaveText(
      'Encrypted with a passphrase',
    );
    await expect(summary.getByTestId('restore-household')).toHaveText('Keluarga Uji');
    await restore.getByRole('button', { name: 'Replace', exact: true }).click();
    await page
      .getByTestId('restore-confirm')
      .getByRole('button', { name: 'Replace everything' })
      .click();
    await expect(restore.getByTestId('restore-notice')).toContainText('Restored');

    await expectSameNumbers(page, before);
    await context.close();
  });
});

test('the reminder appears with own records and an 8-day-old backup, not before', async ({
  page,
}) => {
  test.setTimeout(90_000);
  await page.clock.install({ time: new Date('2026-03-02T08:00:00+07:00') });
  await startHousehold(page, { members: ['Ani'] });
  const reminder = page.getByTestId('backup-reminder');
  await addStream(page, 'Ojek');
  // A household set up today has not gone a week without a backup.
  await expect(reminder).toBeHidden();

  await openView(page, 'settings');
  await download(
    page,
    () => page.getByRole('button', { name: 'Download backup', exact: true }).click(),
    join(mkdtempSync(join(tmpdir(), 'anyam-reminder-')), 'b.json'),
  );
  await expect(page.getByTestId('last-backup')).toContainText('Last backup:');
  await openView(page, 'dashboard');

  await page.clock.fastForward(6 * DAY);
  await expect(page.getByTestId('household-name')).toBeVisible();
  await expect(reminder).toBeHidden();

  await page.clock.fastForward(2 * DAY);
  await expect(reminder).toBeVisible();
  await expect(reminder).toContainText('The last backup was 8 days ago.');

  await reminder.getByRole('link', { name: 'Back up now' }).click();
  await expect(page).toHaveURL(/#\/settings\/backup$/);
  await expect(page.getByRole('heading', { name: 'Backup', exact: true })).toBeFocused();

  await reminder.getByRole('button', { name: 'Remind me in 7 days' }).click();
  await expect(reminder).toBeHidden();
  await page.clock.fastForward(6 * DAY);
  await expect(reminder).toBeHidden();
  await page.clock.fastForward(DAY + 120_000);
  await expect(reminder).toBeVisible();
});

test('a sample household alone gets no reminder', async ({ page }) => {
  await page.clock.install({ time: new Date('2026-03-02T08:00:00+07:00') });
  await startHousehold(page, { sample: true });
  await page.clock.fastForward(30 * DAY);
  await openView(page, 'entries');
  await expect(page.getByTestId('sample-banner')).toBeVisible();
  await expect(page.getByTestId('backup-reminder')).toBeHidden();
});

test('CSV: export, then an import with a bad row and new streams; axe passes light and dark', async ({
  page,
}, testInfo) => {
  test.setTimeout(90_000);
  await startHousehold(page, { sample: true, members: [] });
  await openView(page, 'settings');
  await expect(page.getByTestId('backup-section')).toBeVisible();
  await axe(page, 'settings light');
  await page.emulateMedia({ colorScheme: 'dark' });
  await axe(page, 'settings dark');

  const csvPath = testInfo.outputPath('entries.csv');
  const name = await download(page, () => page.getByTestId('csv-export').click(), csvPath);
  expect(name).toMatch(/^anyam-keluarga-uji-entries-\d{4}-\d{2}-\d{2}\.csv$/);
  const exported = readFileSync(csvPath);
  expect([...exported.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  expect(exported.toString('utf8')).toContain('member,stream,kind,platform,date,amount');

  await page.getByTestId('csv-open').click();
  const dialog = page.getByTestId('csv-import-dialog');
  await expect(dialog).toBeVisible();
  await axe(page, 'import dialog dark');
  await page.emulateMedia({ colorScheme: 'light' });
  await axe(page, 'import dialog light');

  const today = PINNED_NOW;
  const iso = (daysAgo: number) =>
    new Date(today.getTime() - daysAgo * DAY).toISOString().slice(0, 10);
  const csv = [
    'Tanggal;Jumlah;Sumber;Anggota;Catatan',
    `${iso(3)};50.000;Ojek Baru;Ani;pertama`,
    `${iso(2)};lima ribu;Ojek Baru;Ani;salah`,
    `${iso(1)};75.000,50;Ojek Baru;Ani;kedua`,
  ].join('\r\n');
  await dialog.getByLabel('CSV file').setInputFiles({
    name: 'catatan.csv',
    mimeType: 'text/csv',
    buffer: Buffer.from(csv, 'utf8'),
  });
  await expect(dialog.getByTestId('csv-preview')).toContainText('Ojek Baru');
  await expect(dialog.getByLabel('Date', { exact: true })).toHaveValue('Tanggal');
  await expect(dialog.getByLabel('Decimal separator in amounts')).toHaveValue(',');
  await dialog.getByRole('button', { name: 'Check the rows' }).click();

  const report = dialog.getByTestId('csv-report');
  await expect(report.getByTestId('csv-problems')).toContainText(
    'Line 3: “lima ribu” is not an amount',
  );
  await expect(report.getByLabel('Add “Ani” (rows: 3)')).toBeChecked();
  await expect(report.getByLabel('Create “Ojek Baru” for Ani (rows: 3)')).toBeChecked();
  const importButton = report.getByRole('button', { name: 'Import entries (2)' });
  await expect(importButton).toBeDisabled();
  await axe(page, 'import report light');
  await page.emulateMedia({ colorScheme: 'dark' });
  await axe(page, 'import report dark');

  await report.getByLabel('Import only the valid rows (2)').check();
  await importButton.click();
  await expect(page.getByText('Entries imported: 2. Rows left out: 1.')).toBeVisible();
  await expect(dialog).toBeHidden();
  await openView(page, 'streams');
  await expect(page.getByTestId('stream-item').filter({ hasText: 'Ojek Baru' })).toHaveCount(1);
});

test('CSV: Cancel during a big import writes nothing, and the page stays responsive', async ({
  page,
}) => {
  test.setTimeout(120_000);
  await startHousehold(page, { sample: true });
  await openView(page, 'entries');
  await expect(page.getByTestId('entry-row').first()).toBeVisible();
  const month = await settledText(page.getByTestId('entries-month'));

  const rows = ['date,amount,stream'];
  const today = PINNED_NOW.getTime();
  for (let i = 0; i < 80_000; i++) {
    const date = new Date(today - (i % 300) * DAY).toISOString().slice(0, 10);
    rows.push(`${date},${1000 + (i % 97)},Factory salary`);
  }
  await openView(page, 'settings');
  await page.getByTestId('csv-open').click();
  const dialog = page.getByTestId('csv-import-dialog');
  await dialog.getByLabel('CSV file').setInputFiles({
    name: 'big.csv',
    mimeType: 'text/csv',
    buffer: Buffer.from(rows.join('\n')),
  });
  await dialog.getByRole('button', { name: 'Check the rows' }).click();
  await expect(dialog.getByTestId('csv-summary')).toContainText('Ready to import: 80,000', {
    timeout: 60_000,
  });
  await dialog.getByRole('button', { name: 'Import entries (80,000)' }).click();
  const progress = dialog.getByTestId('csv-import-progress');
  await expect(progress).toBeVisible();
  await progress.getByRole('button', { name: 'Cancel' }).click();
  await expect(dialog.getByText('Import cancelled. Nothing was written.')).toBeVisible({
    timeout: 60_000,
  });
  await dialog.getByRole('button', { name: 'Close' }).click();
  await openView(page, 'entries');
  await expect(page.getByTestId('entries-month')).toHaveText(month, { useInnerText: true });
});
