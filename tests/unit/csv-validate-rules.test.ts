import { describe, expect, it } from 'vitest';
import { guessMapping } from '../../src/lib/db/backup/csv-parse';
import {
  validateCsvText,
  type CsvContext,
  type CsvImportOptions,
  type CsvReport,
} from '../../src/lib/db/backup/csv-validate';
import type { Member, Stream } from '../../src/lib/domain/model';
import { MAX_MINUTES, MAX_NAME_LENGTH, MAX_NOTE_LENGTH } from '../../src/lib/domain/schema-fields';

/*
 * The rules of checking a CSV's rows (db/backup/csv-validate.ts) before anything is written, each
 * stated alone on a household in memory: what each cell accepts and the reason of each refusal,
 * what the report counts, and the hints it keeps for a stream still to be created.
 */

const at = '2025-01-01T00:00:00.000Z';
const common = { createdAt: at, updatedAt: at, deletedAt: null, isSample: false };
const sari = { ...common, id: 'm-sari', name: 'Sari' } as unknown as Member;
const budi = { ...common, id: 'm-budi', name: 'Budi' } as unknown as Member;
const stream = (id: string, name: string, member: Member, currency: string) =>
  ({ ...common, id, name, memberId: member.id, currency }) as unknown as Stream;
const warung = stream('s-warung', 'Warung', sari, 'IDR');
const tasks = stream('s-tasks', 'Tasks', sari, 'JPY');

const CONTEXT: CsvContext = {
  members: [sari, budi],
  streams: [warung, tasks],
  baseCurrency: 'IDR',
  today: '2026-11-24',
};

const HEADER = [
  'date',
  'member',
  'stream',
  'amount',
  'currency',
  'kind',
  'platform',
  'status',
  'paidMinutes',
  'unpaidMinutes',
  'note',
];

type Row = Partial<Record<(typeof HEADER)[number], string>>;

/** One line per row, every column present, in the order of HEADER. */
function csv(rows: readonly Row[]): string {
  const good: Row = { date: '2026-06-01', member: 'Sari', stream: 'Warung', amount: '1000' };
  const line = (row: Row) =>
    HEADER.map((h) => {
      const cell = { ...good, ...row }[h] ?? '';
      return /[",\n]/.test(cell) ? `"${cell.replace(/"/g, '""')}"` : cell;
    }).join(',');
  return [HEADER.join(','), ...rows.map(line)].join('\n');
}

const OPTIONS: CsvImportOptions = {
  mapping: guessMapping(HEADER),
  dateFormat: 'YYYY-MM-DD',
  decimalSeparator: '.',
};

const check = (text: string, context: CsvContext = CONTEXT): Promise<CsvReport> =>
  validateCsvText(text, OPTIONS, context);

/** The errors of a one-row file, without the line. */
async function errorsOf(row: Row) {
  const report = await check(csv([row]));
  return report.errors.map(({ line: _line, ...rest }) => rest);
}

describe('the status column', () => {
  it.each([
    ['', 'received'],
    ['received', 'received'],
    ['pending', 'pending'],
    ['Paid', 'received'],
    [' DITERIMA ', 'received'],
    ['natanggap', 'received'],
    ['đã nhận', 'received'],
    ['tertunda', 'pending'],
    ['Belum  dibayar', 'pending'],
    ['nakabinbin', 'pending'],
    ['chờ', 'pending'],
    ['đang chờ', 'pending'],
  ])('reads %j as %s', async (cell, status) => {
    const report = await check(csv([{ status: cell }]));
    expect(report.errors).toEqual([]);
    expect(report.rows[0]?.status).toBe(status);
  });

  it('refuses a word it does not know, naming the cell', async () => {
    expect(await errorsOf({ status: 'maybe' })).toEqual([
      { code: 'csv/bad-status', field: 'status', value: 'maybe' },
    ]);
  });
});

describe('the minutes columns', () => {
  it('read an empty cell as 0 and whole minutes up to a month of minutes', async () => {
    const report = await check(
      csv([{ paidMinutes: '', unpaidMinutes: ' 45 ' }, { paidMinutes: String(MAX_MINUTES) }]),
    );
    expect(report.errors).toEqual([]);
    expect(report.rows.map((r) => [r.paidMinutes, r.unpaidMinutes])).toEqual([
      [0, 45],
      [MAX_MINUTES, 0],
    ]);
  });

  it.each(['-5', '1.5', '1e3', 'abc', '1234567', String(MAX_MINUTES + 1)])(
    'refuse %j in either column',
    async (cell) => {
      expect(await errorsOf({ paidMinutes: cell, unpaidMinutes: cell })).toEqual([
        { code: 'csv/bad-minutes', field: 'paidMinutes', value: cell },
        { code: 'csv/bad-minutes', field: 'unpaidMinutes', value: cell },
      ]);
    },
  );
});

describe('the date column', () => {
  it('says why a date is refused: empty, not a date, or more than a year ahead', async () => {
    expect(await errorsOf({ date: ' ' })).toEqual([
      { code: 'csv/bad-date', field: 'date', value: ' ', reason: 'empty' },
    ]);
    expect(await errorsOf({ date: '2026-02-30' })).toEqual([
      { code: 'csv/bad-date', field: 'date', value: '2026-02-30', reason: 'not-a-date' },
    ]);
    expect(await errorsOf({ date: '2027-11-25' })).toEqual([
      { code: 'csv/bad-date', field: 'date', value: '2027-11-25', reason: 'too-far' },
    ]);
  });

  it('accepts the last day a year ahead of today', async () => {
    expect(await errorsOf({ date: '2027-11-24' })).toEqual([]);
  });
});

describe('the currency column', () => {
  it('reads a code in any case, and an empty cell as the stream’s currency', async () => {
    const report = await check(csv([{ currency: ' usd ' }, { currency: '' }]));
    expect(report.errors).toEqual([]);
    expect(report.rows.map((r) => r.currency)).toEqual(['USD', null]);
  });

  it('refuses a code that is not a currency', async () => {
    expect(await errorsOf({ currency: 'XYZ1' })).toEqual([
      { code: 'csv/bad-currency', field: 'currency', value: 'XYZ1' },
    ]);
  });
});

describe('the amount column', () => {
  it("is checked against the stream's currency when the row names none", async () => {
    // JPY has no minor unit: 1.5 yen cannot be stored.
    const errors = await errorsOf({ stream: 'Tasks', amount: '1.5' });
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatchObject({ code: 'csv/bad-amount', field: 'amount', value: '1.5' });
    expect(errors[0]!.reason).toEqual(expect.any(String));
    expect(await errorsOf({ stream: 'Tasks', amount: '15' })).toEqual([]);
  });

  it("is checked against the row's own currency before the stream's", async () => {
    expect(await errorsOf({ stream: 'Tasks', amount: '1.5', currency: 'USD' })).toEqual([]);
    const errors = await errorsOf({ stream: 'Warung', amount: '1.5', currency: 'JPY' });
    expect(errors.map((e) => e.code)).toEqual(['csv/bad-amount']);
  });

  it('says why an amount is not a number', async () => {
    const errors = await errorsOf({ amount: 'lots' });
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatchObject({ code: 'csv/bad-amount', field: 'amount', value: 'lots' });
    expect(errors[0]!.reason).toEqual(expect.any(String));
  });
});

describe('text limits', () => {
  it('a note of the limit is kept, one character more is refused', async () => {
    const ok = 'n'.repeat(MAX_NOTE_LENGTH);
    expect(await errorsOf({ note: ok })).toEqual([]);
    expect((await errorsOf({ note: `${ok}n` })).map((e) => [e.code, e.field])).toEqual([
      ['csv/note-too-long', 'note'],
    ]);
  });

  it('a member, stream or platform name past the limit is refused on its row, each named', async () => {
    const long = 'x'.repeat(MAX_NAME_LENGTH + 1);
    const report = await check(csv([{ member: long, stream: long, platform: long }]));
    expect(report.errors.map((e) => [e.code, e.field])).toEqual([
      ['csv/name-too-long', 'member'],
      ['csv/name-too-long', 'stream'],
      ['csv/name-too-long', 'platform'],
    ]);
    expect(report.rows).toEqual([]);
    expect(report.invalidRows).toBe(1);
  });

  it('a member, stream or platform name of the limit is accepted, counted without the spaces around it', async () => {
    const atLimit = 'x'.repeat(MAX_NAME_LENGTH);
    const report = await check(
      csv([{ member: `${atLimit}  `, stream: ` ${atLimit}`, platform: `${atLimit} ` }]),
    );
    expect(report.errors).toEqual([]);
    expect(report.unknownStreams.map((s) => [s.name, s.memberName, s.platform])).toEqual([
      [atLimit, atLimit, atLimit],
    ]);
  });

  it('a platform name past the limit alone keeps the row out', async () => {
    const report = await check(csv([{ platform: 'p'.repeat(MAX_NAME_LENGTH + 1) }]));
    expect(report.rows).toEqual([]);
    expect(report.readyRows + report.pendingRows).toBe(0);
  });
});

describe('the stream column', () => {
  it('refuses an empty stream', async () => {
    expect(await errorsOf({ stream: '  ' })).toEqual([
      { code: 'csv/missing-stream', field: 'stream', value: '  ', reason: 'empty' },
    ]);
  });

  it('keeps what the file says of a stream still to be created: kind, platform and currency', async () => {
    const report = await check(
      csv([
        { stream: 'Ojek', kind: ' Microtask ', platform: ' Gojek ', currency: 'idr' },
        { stream: 'Jahit', kind: 'unknown-kind', platform: '  ', currency: 'XYZ1' },
      ]),
    );
    expect(
      report.unknownStreams.map((s) => [s.name, s.memberName, s.kind, s.platform, s.currency]),
    ).toEqual([
      ['Ojek', 'Sari', 'microtask', 'Gojek', 'IDR'],
      ['Jahit', 'Sari', null, null, null],
    ]);
    expect(report.rows.map((r) => [r.streamId, r.newStream])).toEqual([[null, 'sari|ojek']]);
  });

  it('names the stream of a row it found, and none for one to be created', async () => {
    const report = await check(csv([{}, { stream: 'Baru' }]));
    expect(report.rows.map((r) => [r.streamId, r.newStream])).toEqual([
      [warung.id, null],
      [null, 'sari|baru'],
    ]);
    expect([report.readyRows, report.pendingRows]).toEqual([1, 1]);
  });
});

describe('the report', () => {
  it('counts data rows (not the header or empty lines) and the lines with any error once', async () => {
    const text = [
      HEADER.join(','),
      '',
      '2026-06-01,Sari,Warung,1000,,,,,,,',
      ',,,,,,,,,,',
      '2026-13-01,Sari,Warung,x,,,,bogus,,,',
      '2026-06-02,Sari,Warung,2000,,,,,,,',
    ].join('\n');
    const report = await check(text);
    expect(report.totalRows).toBe(3);
    expect(report.invalidRows).toBe(1);
    expect(report.errors.map((e) => [e.line, e.code])).toEqual([
      [5, 'csv/bad-date'],
      [5, 'csv/bad-status'],
      [5, 'csv/bad-amount'],
    ]);
    expect(report.rows.map((r) => r.line)).toEqual([3, 6]);
    expect(report.headers).toEqual(HEADER);
  });

  it('names a line whose quotes do not close, with the cells as read', async () => {
    const text = [HEADER.join(','), '2026-06-01,Sari,"Warung,1000'].join('\n');
    const report = await check(text);
    expect(report.errors).toHaveLength(1);
    expect(report.errors[0]).toMatchObject({ line: 2, code: 'csv/bad-quotes', field: null });
    expect(report.invalidRows).toBe(1);
    expect(report.rows).toEqual([]);
  });

  it('is refused as empty when the file has no header', async () => {
    await expect(check('\n\n')).rejects.toMatchObject({ code: 'csv/empty' });
  });

  it('keeps the delimiter it found, and the one it was given', async () => {
    const semicolons = csv([{}]).replace(/,/g, ';');
    const found = await validateCsvText(
      semicolons,
      { ...OPTIONS, mapping: guessMapping(HEADER) },
      CONTEXT,
    );
    expect(found.options.delimiter).toBe(';');
    expect(found.errors).toEqual([]);
    const given = await validateCsvText(csv([{}]), { ...OPTIONS, delimiter: ',' }, CONTEXT);
    expect(given.options).toEqual({ ...OPTIONS, delimiter: ',' });
  });

  it('reads with the delimiter the person chose, even when the text looks like another', async () => {
    // Every line holds more semicolons than commas: a guess would take ';'.
    const noteHeader = 'note;a;b;c;d;e;f;g;h;i;j;k;l';
    const headers = [...HEADER.slice(0, -1), noteHeader];
    const text = [
      headers.join(','),
      '2026-06-01,Sari,Warung,1000,,,,,,,1;2;3;4;5;6;7;8;9;10;11;12;13',
      '2026-06-02,Sari,Warung,2000,,,,,,,1;2;3;4;5;6;7;8;9;10;11;12;13',
    ].join('\n');
    const report = await validateCsvText(
      text,
      { ...OPTIONS, mapping: { ...guessMapping(headers), note: noteHeader }, delimiter: ',' },
      CONTEXT,
    );
    expect(report.errors).toEqual([]);
    expect(report.rows.map((r) => r.amount)).toEqual(['1000', '2000']);
    expect(report.rows[0]?.note).toBe('1;2;3;4;5;6;7;8;9;10;11;12;13');
  });

  it('reads header cells without the spaces around them, as the mapping form shows them', async () => {
    const text = [HEADER.map((h) => ` ${h} `).join(','), csv([{}]).split('\n')[1]].join('\n');
    const report = await check(text);
    expect(report.headers).toEqual(HEADER);
    expect(report.rows).toHaveLength(1);
  });

  it('reads the cells a short row leaves out as empty', async () => {
    const text = [HEADER.join(','), '2026-06-01,Sari,Warung,1000'].join('\n');
    const report = await check(text);
    expect(report.errors).toEqual([]);
    expect(report.rows[0]).toMatchObject({
      currency: null,
      status: 'received',
      paidMinutes: 0,
      note: '',
    });
  });

  it('keeps every row with an error out of the good rows, whatever the error', async () => {
    const report = await check(
      csv([
        { paidMinutes: 'x' },
        { unpaidMinutes: '-1' },
        { currency: 'XYZ1' },
        { note: 'n'.repeat(MAX_NOTE_LENGTH + 1) },
        { stream: 'Tasks', amount: '1.5' },
        {},
      ]),
    );
    expect(report.invalidRows).toBe(5);
    expect(report.rows.map((r) => r.line)).toEqual([7]);
    expect([report.readyRows, report.pendingRows]).toEqual([1, 0]);
  });

  it('reports its progress slice by slice, ending at the length of the text', async () => {
    const text = csv(Array.from({ length: 40 }, () => ({})));
    const done: number[] = [];
    const report = await validateCsvText(text, OPTIONS, CONTEXT, {
      sliceChars: 200,
      onProgress: (p) => {
        expect(p).toMatchObject({ phase: 'validating', total: text.length });
        done.push(p.done);
      },
    });
    expect(report.rows).toHaveLength(40);
    expect(done.length).toBeGreaterThan(1);
    expect(done.at(-1)).toBe(text.length);
  });

  it('finds stored names as the person reads them (nameOf)', async () => {
    const sample = stream('s-sample', '{{sample:salary}}', sari, 'IDR');
    const report = await validateCsvText(
      csv([{ stream: 'Salary' }]),
      OPTIONS,
      { ...CONTEXT, streams: [sample] },
      { nameOf: (stored) => (stored === '{{sample:salary}}' ? 'Salary' : stored) },
    );
    expect(report.rows.map((r) => r.streamId)).toEqual([sample.id]);
  });

  it('reads a cell guarded against formulas as the text it guards', async () => {
    const report = await check(csv([{ note: "'=1+1" }]));
    expect(report.rows[0]?.note).toBe('=1+1');
  });
});
