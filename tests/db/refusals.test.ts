// @vitest-environment jsdom
/**
 * Issue 24, item 8: refusals that name their real cause. Each case is a fixture (made here when
 * it is big or binary, or taken from tests/fixtures/bad-imports), refused through the path a
 * person takes, with its own sentence in all four languages, and nothing written.
 */
import 'fake-indexeddb/auto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { constants, crc32, deflateRawSync, gunzipSync } from 'node:zlib';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import '../../src/components/backup/texts';
import { rowProblemText } from '../../src/components/csv-import/texts';
import { useDatabase, type AnyamDatabase } from '../../src/lib/db/database';
import { addEntries } from '../../src/lib/db/repo';
import {
  applyRestore,
  checkCsv,
  importCsv,
  previewCsv,
  readBackupFile,
  readCsvFile,
} from '../../src/lib/db/backup';
import { encryptBackupText, type EncryptedEnvelope } from '../../src/lib/db/backup/crypto';
import { gunzip } from '../../src/lib/db/backup/gzip';
import { MAX_INPUT_BYTES } from '../../src/lib/db/backup/read-input';
import { MAX_NAME_LENGTH } from '../../src/lib/domain/schema-fields';
import { isAnyamError, type AnyamError } from '../../src/lib/domain/model';
import { errorText } from '../../src/lib/i18n/error-text';
import { locale } from '../../src/lib/i18n/locale.svelte';
import { m } from '../../src/paraglide/messages.js';
import type { Locale } from '../../src/paraglide/runtime.js';
import { checksumTables } from './checksum';
import { dropDatabase, freshDatabase, seedBasics } from './helpers';

const LANGS: readonly Locale[] = ['en', 'id', 'fil', 'vi'];
const dir = join(import.meta.dirname, '../fixtures/bad-imports/files');
const fixture = (name: string): Buffer => readFileSync(join(dir, name));
/** A picked file of `bytes` (a copy on a plain ArrayBuffer, as the File constructor wants). */
const file = (bytes: Uint8Array, name: string): File => new File([new Uint8Array(bytes)], name);
const VALID = fixture('valid-backup.json').toString('utf8');
const VALID_CSV = fixture('valid.csv').toString('utf8');

/** What errorText says for `error` in each language. */
function inEveryLanguage(say: () => string): Record<Locale, string> {
  const out = {} as Record<Locale, string>;
  for (const lang of LANGS) {
    locale.set(lang);
    out[lang] = say();
  }
  locale.set('en');
  return out;
}

/** The message `key` with `params` in each language, as paraglide renders it. */
function expected(say: (options: { locale: Locale }) => string): Record<Locale, string> {
  return Object.fromEntries(LANGS.map((lang) => [lang, say({ locale: lang })])) as Record<
    Locale,
    string
  >;
}

/** Real translations: four different sentences. */
function expectTranslated(texts: Record<Locale, string>): void {
  expect(new Set(Object.values(texts)).size).toBe(LANGS.length);
}

async function refusal(promise: Promise<unknown>): Promise<AnyamError> {
  try {
    await promise;
  } catch (error) {
    if (isAnyamError(error)) return error;
    throw error;
  }
  throw new Error('accepted');
}

/** Reads and, if it ever got that far, restores (Replace) a backup: the whole path. */
async function restore(input: Blob | string, passphrase?: string): Promise<void> {
  const prepared = await readBackupFile(input, { passphrase });
  await applyRestore(prepared, 'replace');
}

let db: AnyamDatabase;
let before: Record<string, string>;

beforeAll(async () => {
  db = freshDatabase('refusals');
  const h = await seedBasics();
  await addEntries([{ streamId: h.idr.id, date: '2025-08-01', amountMinor: 5_000_000 }]);
  before = await checksumTables(db);
});
afterEach(async () => {
  expect(await checksumTables(db)).toEqual(before);
});
afterAll(() => dropDatabase(db));

// ---------------------------------------------------------------------------------------------
// A gzip bomb

const GIB = 1024 * 1024 * 1024;

/**
 * 1 GiB of zeros as a valid gzip file of about 1 MB, built without ever holding the gigabyte:
 * one MiB of zeros deflated and flushed (a byte-aligned, self-contained run of blocks) repeated
 * 1024 times, an empty final block, and the trailer's CRC-32 and size of the whole gigabyte.
 */
function gzipBomb(): Uint8Array<ArrayBuffer> {
  const mib = Buffer.alloc(1024 * 1024);
  const run = deflateRawSync(mib, { level: 9, finishFlush: constants.Z_FULL_FLUSH });
  let crc = 0;
  for (let i = 0; i < 1024; i++) crc = crc32(mib, crc);
  const header = Buffer.from([0x1f, 0x8b, 8, 0, 0, 0, 0, 0, 0, 3]);
  const trailer = Buffer.alloc(8);
  trailer.writeUInt32LE(crc >>> 0, 0);
  trailer.writeUInt32LE(GIB % 2 ** 32, 4);
  const parts = [header, ...Array<Buffer>(1024).fill(run), Buffer.from([3, 0]), trailer];
  return new Uint8Array(Buffer.concat(parts));
}

describe('a gzip bomb', () => {
  const bomb = gzipBomb();

  it('is a real 1 GiB gzip file of about a megabyte', () => {
    expect(bomb.length).toBeLessThan(2 * 1024 * 1024);
    // Node's own gunzip agrees it is valid and unpacks past 50 MB (stopped there).
    let error: unknown;
    try {
      gunzipSync(bomb, { maxOutputLength: MAX_INPUT_BYTES + 1 });
    } catch (e) {
      error = e;
    }
    expect((error as { code?: string }).code).toBe('ERR_BUFFER_TOO_LARGE');
    expect(new DataView(bomb.buffer).getUint32(bomb.length - 4, true)).toBe(GIB);
  });

  it('is refused as unpacking past the limit, not as "This file is 50 MB"', async () => {
    const error = await refusal(restore(file(bomb, 'Household.anyam.json.gz')));
    expect(error.code).toBe('backup/unpacks-too-large');
    expect(error.details.limit).toBe(MAX_INPUT_BYTES);
    const texts = inEveryLanguage(() => errorText(error));
    expect(texts).toEqual(expected((o) => m.rf_err_unpacks_too_large({ limit: '50' }, o)));
    expectTranslated(texts);
    expect(texts.en).toContain('unpacks to more than 50 MB');
    expect(texts.en).not.toContain('This file is 50 MB');
  });

  it('stops decompressing at the first chunk past the limit', async () => {
    const limit = 4 * 1024 * 1024;
    const error = await refusal(gunzip(bomb, limit));
    expect(error.code).toBe('backup/unpacks-too-large');
    // One decompressor chunk (64 KiB or so) past the limit, never the gigabyte.
    expect(error.details.unpackedAtLeast).toBeGreaterThan(limit);
    expect(error.details.unpackedAtLeast).toBeLessThan(limit + 1024 * 1024);
  });
});

// ---------------------------------------------------------------------------------------------
// A ZIP archive (an .xlsx, a zipped backup) picked by mistake

/** A ZIP archive holding `name` stored (not compressed): a real one any unzip tool opens. */
function storedZip(name: string, content: Buffer): Buffer {
  const file = Buffer.from(name);
  const crc = crc32(content) >>> 0;
  const local = Buffer.alloc(30);
  local.writeUInt32LE(0x04034b50, 0);
  local.writeUInt16LE(10, 4);
  local.writeUInt32LE(crc, 14);
  local.writeUInt32LE(content.length, 18);
  local.writeUInt32LE(content.length, 22);
  local.writeUInt16LE(file.length, 26);
  const central = Buffer.alloc(46);
  central.writeUInt32LE(0x02014b50, 0);
  central.writeUInt16LE(20, 4);
  central.writeUInt16LE(10, 6);
  central.writeUInt32LE(crc, 16);
  central.writeUInt32LE(content.length, 20);
  central.writeUInt32LE(content.length, 24);
  central.writeUInt16LE(file.length, 28);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(1, 8);
  end.writeUInt16LE(1, 10);
  end.writeUInt32LE(central.length + file.length, 12);
  end.writeUInt32LE(local.length + file.length + content.length, 16);
  return Buffer.concat([local, file, content, central, file, end]);
}

describe('a ZIP archive', () => {
  // An empty sheet's worth: mostly header bytes, whose NULs once had it called UTF-16.
  const zip = storedZip('xl/workbook.xml', Buffer.alloc(0));

  it('chosen as a backup is called a ZIP archive, not UTF-16', async () => {
    const error = await refusal(restore(file(zip, 'Household.zip')));
    expect(error.code).toBe('backup/binary-file');
    expect(error.details.kind).toBe('zip');
    const texts = inEveryLanguage(() => errorText(error));
    expect(texts).toEqual(
      expected((o) => m.rf_err_binary_backup({ kind: m.rf_kind_zip({}, o) }, o)),
    );
    expectTranslated(texts);
    expect(texts.en).toContain('This file is a ZIP archive, not an Anyam file');
    expect(texts.en).not.toContain('UTF-16');
  });

  it('holding a real backup is still called a ZIP archive', async () => {
    const error = await refusal(restore(file(storedZip('b.json', Buffer.from(VALID)), 'b')));
    expect(error.code).toBe('backup/binary-file');
  });

  it('chosen as a CSV is called a ZIP archive (an .xlsx is one)', async () => {
    const error = await refusal(readCsvFile(file(zip, 'Entries.xlsx')));
    expect(error.code).toBe('csv/binary-file');
    const texts = inEveryLanguage(() => errorText(error));
    expect(texts).toEqual(expected((o) => m.rf_err_binary_csv({ kind: m.rf_kind_zip({}, o) }, o)));
    expectTranslated(texts);
    expect(texts.en).toContain('not a CSV file');
  });

  it('a PDF and a photo are named as such', async () => {
    const pdf = Buffer.concat([Buffer.from('%PDF-1.7\n'), Buffer.alloc(64)]);
    const png = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]);
    expect((await refusal(restore(file(pdf, 'a.pdf')))).details.kind).toBe('pdf');
    expect((await refusal(readCsvFile(file(png, 'a.png')))).details.kind).toBe('image');
    const text = errorText(await refusal(restore(file(png, 'a.png'))));
    expect(text).toBe(m.rf_err_binary_backup({ kind: m.rf_kind_image() }));
  });

  it('real UTF-16 text is still told apart from binary', async () => {
    const utf16 = Buffer.from(VALID, 'utf16le'); // no byte-order mark
    expect((await refusal(restore(file(utf16, 'a.json')))).details.reason).toBe('utf-16');
    // NUL bytes scattered over both halves of every pair are not UTF-16 text.
    const scattered = Buffer.alloc(2048, 0xff);
    for (let i = 0; i < 2048; i += 3) scattered[i] = 0;
    const error = await refusal(restore(file(scattered, 'a.json')));
    expect(error.details.reason).toBe('invalid-utf-8');
  });
});

// ---------------------------------------------------------------------------------------------
// Records that break a rule, not a type

describe('a backup record that breaks a rule says which rule', () => {
  const cases = [
    ['v3-negative-bank-balance.json', () => m.rf_why_negative_balance],
    ['stream-pay-day-wrong-cadence.json', () => m.rf_why_pay_day_cadence],
    ['stream-pay-day-32.json', () => m.rf_why_pay_day],
  ] as const;

  it.each(cases)('%s', async (name, why) => {
    const error = await refusal(restore(file(fixture(name), name)));
    expect(error.code).toBe('backup/invalid-record');
    const texts = inEveryLanguage(() => errorText(error));
    for (const lang of LANGS) {
      expect(texts[lang]).toContain(why()({}, { locale: lang }));
      expect(texts[lang]).not.toContain(m.bk_why_type({}, { locale: lang }));
    }
    expectTranslated(texts);
  });
});

// ---------------------------------------------------------------------------------------------
// A changed iteration count

describe('an encrypted file whose iteration count was changed', () => {
  const PASS = 'kata sandi panjang sekali';

  async function envelope(): Promise<EncryptedEnvelope> {
    const text = await encryptBackupText(VALID, PASS, {
      iterations: 1_000,
      allowWeakIterationsForTests: true,
    });
    return JSON.parse(text) as EncryptedEnvelope;
  }

  it('opens as written (the control)', async () => {
    const prepared = await readBackupFile(JSON.stringify(await envelope()), { passphrase: PASS });
    expect(prepared.summary.householdName).toBe('Keluarga Uji');
  });

  it('is refused as changed, not as a wrong passphrase', async () => {
    const e = await envelope();
    e.kdf.iterations = 600_000;
    const error = await refusal(restore(JSON.stringify(e), PASS));
    expect(error.code).toBe('backup/kdf-changed');
    const texts = inEveryLanguage(() => errorText(error));
    for (const lang of LANGS) {
      expect(texts[lang]).toBe(
        m.rf_err_kdf_changed(
          { iterations: new Intl.NumberFormat(intl(lang)).format(600_000) },
          { locale: lang },
        ),
      );
      expect(texts[lang]).not.toBe(m.bk_err_wrong_passphrase({}, { locale: lang }));
    }
    expectTranslated(texts);
  });

  it('a wrong passphrase is still a wrong passphrase', async () => {
    const error = await refusal(restore(JSON.stringify(await envelope()), 'another one'));
    expect(error.code).toBe('backup/wrong-passphrase');
  });

  it('a changed salt is still a damaged header', async () => {
    const e = await envelope();
    e.kdf.salt = Buffer.from(Buffer.from(e.kdf.salt, 'base64').map((b) => b ^ 1)).toString(
      'base64',
    );
    const error = await refusal(restore(JSON.stringify(e), PASS));
    expect(error).toMatchObject({ code: 'backup/corrupted', details: { reason: 'header' } });
  });
});

function intl(lang: Locale): string {
  return { en: 'en-PH', id: 'id-ID', fil: 'fil-PH', vi: 'vi-VN' }[lang];
}

// ---------------------------------------------------------------------------------------------
// −0

/** Every number anywhere in `value` that is −0. */
function minusZeros(value: unknown, path = ''): string[] {
  if (Object.is(value, -0)) return [path];
  if (value === null || typeof value !== 'object') return [];
  return Object.entries(value).flatMap(([k, v]) => minusZeros(v, `${path}.${k}`));
}

/** The CSV report's rows as the person reads them, and the refused import. */
async function csvRefusal(text: string): Promise<{ shown: string; error: AnyamError }> {
  const preview = previewCsv(text);
  const report = await checkCsv(text, {
    mapping: preview.guessedMapping,
    dateFormat: 'YYYY-MM-DD',
    decimalSeparator: '.',
  });
  const shown = report.errors.map((e) => rowProblemText(e)).join('\n');
  return { shown, error: await refusal(importCsv(report)) };
}

describe('−0', () => {
  it('typed as a CSV amount is refused like any negative amount', async () => {
    const text = VALID_CSV.replace('75000.00', '-0');
    expect(text).not.toBe(VALID_CSV);
    const { shown, error } = await csvRefusal(text);
    expect(error.code).toBe('csv/has-invalid-rows');
    expect(error.details.first).toMatchObject({ code: 'csv/bad-amount', reason: 'negative' });
    expect(shown).toContain(m.bk_csv_amount_negative({ value: '-0' }));
  });

  it('in a backup is stored as 0, never −0', async () => {
    const withMinusZero = VALID.replace(/("amountMinor":\s*)\d+/g, '$1-0');
    expect(minusZeros(JSON.parse(withMinusZero)).length).toBeGreaterThan(0);
    const scratch = freshDatabase('refusals-minus-zero');
    try {
      await restore(withMinusZero);
      for (const table of scratch.tables) {
        expect(minusZeros(await table.toArray()), table.name).toEqual([]);
      }
      const entries = await scratch.entries.toArray();
      expect(entries.length).toBeGreaterThan(0);
      expect(entries.every((e) => Object.is(e.amountMinor, 0))).toBe(true);
    } finally {
      useDatabase(db);
      await dropDatabase(scratch);
    }
  });
});

// ---------------------------------------------------------------------------------------------
// A name past the limit

describe('a CSV name longer than the limit', () => {
  const lines = VALID_CSV.split('\r\n');

  it.each(['stream', 'member'] as const)(
    'a %s name is refused with the limit, never cut',
    async (field) => {
      const long = 'Warung Makan Sederhana '
        .repeat(4)
        .trim()
        .slice(0, MAX_NAME_LENGTH + 1);
      expect(long).toHaveLength(81);
      const cells = lines[1]!.split(',');
      cells[field === 'member' ? 0 : 1] = long;
      const text = [lines[0], cells.join(','), ...lines.slice(2)].join('\r\n');
      const { shown, error } = await csvRefusal(text);
      expect(error.code).toBe('csv/has-invalid-rows');
      expect(error.details.first).toMatchObject({ code: 'csv/name-too-long', field, line: 2 });
      const problem = { line: 2, code: 'csv/name-too-long', field, value: long };
      const texts = inEveryLanguage(() => rowProblemText(problem));
      expectTranslated(texts);
      expect(shown).toBe(texts.en);
      expect(texts.en).toContain('is 81 characters long; a name can be at most 80');
      expect(texts.vi).toContain('dài 81 ký tự; tên tối đa 80 ký tự');
    },
  );

  it('a name of exactly the limit is accepted', async () => {
    const name = 'W'.repeat(MAX_NAME_LENGTH);
    const cells = lines[1]!.split(',');
    cells[1] = name;
    const text = [lines[0], cells.join(','), ...lines.slice(2)].join('\r\n');
    const report = await checkCsv(text, {
      mapping: previewCsv(text).guessedMapping,
      dateFormat: 'YYYY-MM-DD',
      decimalSeparator: '.',
    });
    expect(report.errors).toEqual([]);
    expect(report.unknownStreams.map((s) => s.name)).toEqual([name]);
  });
});
