import 'fake-indexeddb/auto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AnyamDatabase } from '../../src/lib/db/database';
import { addEntries } from '../../src/lib/db/repo';
import {
  applyRestore,
  checkCsv,
  importCsv,
  previewCsv,
  readBackupFile,
  readCsvFile,
  type CsvDateFormat,
  type DecimalSeparator,
} from '../../src/lib/db/backup';
import { MAX_INPUT_BYTES } from '../../src/lib/db/backup/read-input';
import type { AnyamError } from '../../src/lib/domain/model';
import { checksumTables } from './checksum';
import { dropDatabase, freshDatabase, seedBasics } from './helpers';

interface Fixture {
  file: string;
  kind: 'backup' | 'csv';
  expect: string;
  passphrase?: string;
  generated?: 'big-backup' | 'big-csv';
  /** CSV: the spreadsheet line the first bad row is on. */
  line?: number;
  details?: Record<string, unknown>;
  dateFormat?: CsvDateFormat;
  decimalSeparator?: DecimalSeparator;
}

const dir = join(import.meta.dirname, '../fixtures/bad-imports');
const manifest = JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8')) as Fixture[];
const rejected = manifest.filter((f) => f.expect !== 'ok');
const controls = manifest.filter((f) => f.expect === 'ok');

function input(fixture: Fixture): Blob {
  if (fixture.generated) {
    // 60 MB of zeros: made here rather than committed; the size check never reads it.
    return new Blob([new Uint8Array(60 * 1024 * 1024)]);
  }
  // A File with its name: a `.gz` name that is not gzip is refused as such.
  return new File([readFileSync(join(dir, 'files', fixture.file))], fixture.file);
}

/** Runs the file through the whole import a user would do, Replace for backups. */
async function attempt(fixture: Fixture): Promise<AnyamError> {
  try {
    if (fixture.kind === 'backup') {
      const prepared = await readBackupFile(input(fixture), { passphrase: fixture.passphrase });
      await applyRestore(prepared, 'replace');
    } else {
      const text = await readCsvFile(input(fixture));
      const preview = previewCsv(text);
      const report = await checkCsv(text, {
        mapping: preview.guessedMapping,
        dateFormat: fixture.dateFormat ?? 'YYYY-MM-DD',
        decimalSeparator: fixture.decimalSeparator ?? '.',
        delimiter: preview.delimiter,
      });
      await importCsv(report);
    }
  } catch (error) {
    return error as AnyamError;
  }
  throw new Error(`${fixture.file} was accepted`);
}

let db: AnyamDatabase;
let before: Record<string, string>;

beforeAll(async () => {
  db = freshDatabase('bad-imports');
  const h = await seedBasics();
  await addEntries([
    { streamId: h.idr.id, date: '2025-08-01', amountMinor: 5_000_000, note: 'keep me' },
    { streamId: h.usd.id, date: '2025-08-02', amountMinor: 1_250 },
  ]);
  before = await checksumTables(db);
});
afterAll(() => dropDatabase(db));

describe('the malformed-file corpus', () => {
  it('holds at least 40 bad files and a 60 MB one of each kind', () => {
    expect(rejected.length).toBeGreaterThanOrEqual(40);
    expect(rejected.filter((f) => f.generated)).toHaveLength(2);
    expect(MAX_INPUT_BYTES).toBe(50 * 1024 * 1024);
  });

  it.each(rejected.map((f) => [f.file, f] as const))(
    'rejects %s with its own code and changes nothing',
    async (_name, fixture) => {
      const error = await attempt(fixture);
      expect(error.name, String(error)).toBe('AnyamError');
      // A CSV with bad rows stops as a whole; the report names the first bad row's problem.
      const first =
        error.code === 'csv/has-invalid-rows'
          ? (error.details.first as { code: string; line: number; field: string; reason?: string })
          : null;
      expect(first?.code ?? error.code).toBe(fixture.expect);
      if (fixture.line !== undefined) expect(first?.line).toBe(fixture.line);
      if (fixture.details) {
        expect(first ?? error.details).toMatchObject(fixture.details);
      }
      expect(await checksumTables(db)).toEqual(before);
    },
  );

  it.each(controls.map((f) => [f.file, f] as const))(
    'accepts the valid control %s (each bad file is it plus one fault)',
    async (_name, fixture) => {
      if (fixture.kind === 'backup') {
        const prepared = await readBackupFile(input(fixture), { passphrase: fixture.passphrase });
        expect(prepared.summary.householdName).toBe('Keluarga Uji');
        expect(prepared.summary.counts.entries).toBe(3);
      } else {
        const text = await readCsvFile(input(fixture));
        const preview = previewCsv(text);
        const report = await checkCsv(text, {
          mapping: preview.guessedMapping,
          dateFormat: 'YYYY-MM-DD',
          decimalSeparator: '.',
        });
        expect(report.errors).toEqual([]);
        expect(report.readyRows).toBe(3);
      }
      expect(await checksumTables(db)).toEqual(before);
    },
  );
});
