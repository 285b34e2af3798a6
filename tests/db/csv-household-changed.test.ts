import 'fake-indexeddb/auto';
import { afterEach, expect, it } from 'vitest';
import {
  applyRestore,
  checkCsv,
  exportBackup,
  guessMapping,
  importCsv,
  readBackupFile,
} from '../../src/lib/db/backup';
import { useDatabase, type AnyamDatabase } from '../../src/lib/db/database';
import { deleteStream } from '../../src/lib/db/repo';
import { checksumTables } from './checksum';
import { codeOf, dropDatabase, freshDatabase, seedBasics } from './helpers';

/*
 * Issue 13, defect 8: a CSV checked before another tab's Replace, then imported with "only valid
 * rows", reported "Entries imported: 0. Rows left out: 10." The report describes a household
 * that is gone: the import must say so (csv/household-changed) and write nothing.
 */
const opened: AnyamDatabase[] = [];
afterEach(async () => {
  for (const db of opened.splice(0)) await dropDatabase(db);
});

const CSV = [
  'date,member,stream,amount',
  ...Array.from(
    { length: 10 },
    (_, i) => `2025-06-${String(i + 1).padStart(2, '0')},Sari,Warung,5.00`,
  ),
].join('\n');

async function checkedReport() {
  return checkCsv(CSV, {
    mapping: guessMapping(['date', 'member', 'stream', 'amount']),
    dateFormat: 'YYYY-MM-DD',
    decimalSeparator: '.',
  });
}

it('says the household changed when another tab replaced it after the check', async () => {
  // The file another tab restores: a household of the same names, but other records.
  const elsewhere = freshDatabase('csv-elsewhere');
  opened.push(elsewhere);
  await seedBasics();
  const otherFile = (await exportBackup()).text;

  const db = freshDatabase('csv-changed');
  opened.push(db);
  await seedBasics();
  const report = await checkedReport();
  expect(report.readyRows).toBe(10);

  await applyRestore(await readBackupFile(otherFile), 'replace');
  const before = await checksumTables(db);
  useDatabase(db);
  expect(await codeOf(importCsv(report, { onlyValidRows: true }))).toBe('csv/household-changed');
  expect(await codeOf(importCsv(report))).toBe('csv/household-changed');
  expect(await checksumTables(db)).toEqual(before);
});

it('says the household changed when the stream was deleted after the check', async () => {
  const db = freshDatabase('csv-deleted');
  opened.push(db);
  const h = await seedBasics();
  const report = await checkedReport();
  await deleteStream(h.idr.id);
  const before = await checksumTables(db);
  expect(await codeOf(importCsv(report, { onlyValidRows: true }))).toBe('csv/household-changed');
  expect(await checksumTables(db)).toEqual(before);
});
