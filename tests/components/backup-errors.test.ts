// @vitest-environment jsdom
/**
 * Every malformed file of the corpus (tests/fixtures/bad-imports) reads, in the backup and CSV
 * screens, as a sentence of its own: never the generic "something is not valid (code)" fallback,
 * and with the line, table or field the error names.
 */
import 'fake-indexeddb/auto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rowProblemText } from '../../src/components/csv-import/texts';
import { TABLE_LABEL } from '../../src/components/backup/texts';
import type { AnyamDatabase } from '../../src/lib/db/database';
import {
  checkCsv,
  previewCsv,
  readBackupFile,
  readCsvFile,
  type CsvDateFormat,
  type DecimalSeparator,
} from '../../src/lib/db/backup';
import { AnyamError, isAnyamError } from '../../src/lib/domain/model';
import { errorText } from '../../src/lib/i18n/error-text';
import { m } from '../../src/paraglide/messages.js';
import { dropDatabase, freshDatabase, seedBasics } from '../db/helpers';

interface Fixture {
  file: string;
  kind: 'backup' | 'csv';
  expect: string;
  passphrase?: string;
  generated?: string;
  line?: number;
  details?: Record<string, unknown>;
  dateFormat?: CsvDateFormat;
  decimalSeparator?: DecimalSeparator;
}

const dir = join(import.meta.dirname, '../fixtures/bad-imports');
const manifest = JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8')) as Fixture[];
const rejected = manifest.filter((f) => f.expect !== 'ok');

function input(fixture: Fixture): Blob {
  if (fixture.generated) return new Blob([new Uint8Array(60 * 1024 * 1024)]);
  return new File([readFileSync(join(dir, 'files', fixture.file))], fixture.file);
}

/** What the screen would show for the fixture: the thrown error's text or the report's rows. */
async function shown(fixture: Fixture): Promise<string> {
  try {
    if (fixture.kind === 'backup') {
      await readBackupFile(input(fixture), { passphrase: fixture.passphrase });
    } else {
      const text = await readCsvFile(input(fixture));
      const preview = previewCsv(text);
      const dateFormat = fixture.dateFormat ?? 'YYYY-MM-DD';
      const report = await checkCsv(text, {
        mapping: preview.guessedMapping,
        dateFormat,
        decimalSeparator: fixture.decimalSeparator ?? '.',
      });
      return report.errors.map((e) => rowProblemText(e, dateFormat)).join('\n');
    }
  } catch (error) {
    if (isAnyamError(error)) return errorText(error);
    throw error;
  }
  throw new Error(`${fixture.file} was accepted`);
}

let db: AnyamDatabase;
beforeAll(async () => {
  db = freshDatabase('backup-errors');
  await seedBasics();
});
afterAll(() => dropDatabase(db));

describe('the message for every bad file', () => {
  it.each(rejected.map((f) => [f.file, f] as const))('%s', async (_name, fixture) => {
    const text = await shown(fixture);
    expect(text).not.toBe('');
    expect(text).not.toContain(m.err_unexpected());
    expect(text).not.toMatch(/\((backup|csv|import)\/[a-z-]+\)/);
    if (fixture.line !== undefined) expect(text).toContain(`Line ${fixture.line}:`);
    const table = fixture.details?.table;
    if (typeof table === 'string' && table in TABLE_LABEL) {
      const label = TABLE_LABEL[table as keyof typeof TABLE_LABEL]();
      expect(text.toLowerCase()).toContain(label.toLowerCase());
    }
  });

  it('names the table, record and field of an invalid record', () => {
    const text = errorText(
      new AnyamError('backup/invalid-record', {
        table: 'entries',
        index: 2,
        field: 'amountMinor',
        recordCode: 'entry/invalid-amount',
      }),
    );
    expect(text).toContain('Income entries, record 3, field “amount”');
    expect(text).toContain('smallest unit');
  });

  it('gives every import-time CSV code its own sentence', () => {
    const codes = {
      'csv/has-invalid-rows': { count: 4, first: { line: 7 } },
      'csv/unknown-stream': { line: 9, name: 'Ojek' },
      'csv/unknown-member': { name: 'Ani' },
      'csv/household-changed': {},
      'csv/missing-column': { field: 'amount', column: null },
      'import/cancelled': {},
    };
    for (const [code, details] of Object.entries(codes)) {
      const text = errorText(new AnyamError(code, details));
      expect(text, code).not.toMatch(/\((csv|import)\/[a-z-]+\)/);
      expect(text, code).not.toBe(m.err_unexpected());
    }
    expect(errorText(new AnyamError('csv/has-invalid-rows', codes['csv/has-invalid-rows']))).toBe(
      'Rows with problems: 4 (the first on line 7). Fix them in the file, or import only the valid rows.',
    );
    expect(errorText(new AnyamError('csv/unknown-stream', codes['csv/unknown-stream']))).toContain(
      'Line 9: the stream “Ojek” does not exist',
    );
  });
});
