import fc from 'fast-check';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import {
  csvCell,
  csvLine,
  decimalToMinor,
  guardFormula,
  parseCsvAmount,
  parseCsvDate,
  unguardFormula,
} from '../../src/lib/db/backup/csv-format';
import {
  csvSlices,
  guessMapping,
  parseSlice,
  previewCsv,
  resolveColumns,
} from '../../src/lib/db/backup/csv-parse';
import { CSV_COLUMNS } from '../../src/lib/db/backup/csv-format';
import type { AnyamError } from '../../src/lib/domain/model';

const cellText = fc.oneof(
  fc.string({ unit: 'grapheme', maxLength: 12 }),
  fc
    .tuple(
      fc.constantFrom(
        '=',
        '+',
        '-',
        '@',
        '\t',
        '\r',
        "'",
        "''=",
        '"',
        ',',
        '\n',
        // Issue 24: what spreadsheets also run as a formula.
        ' =',
        '  +',
        "' =",
        '|',
        ' |',
        '\uFF1D',
        '\uFF0B',
        '\uFF0D',
        '\uFF20',
        '\u3000\uFF1D',
        '\u00A0=',
        ' ',
      ),
      fc.string({ maxLength: 8 }),
    )
    .map(([a, b]) => a + b),
);

describe('formula-injection guard', () => {
  it('makes no cell start a formula and is undone exactly by the import', () => {
    fc.assert(
      fc.property(cellText, (s) => {
        const guarded = guardFormula(s);
        expect(guarded).not.toMatch(/^[=+\-@\t\r]/);
        // A spreadsheet skips leading spaces and reads fullwidth signs as the ASCII ones.
        expect(guarded.replace(/^\s+/, '')).not.toMatch(/^[=+\-@|\uFF1D\uFF0B\uFF0D\uFF20]/);
        expect(unguardFormula(guarded)).toBe(s);
      }),
      { numRuns: 500 },
    );
  });

  it.each([
    ['=HYPERLINK("http://x","y")', `'=HYPERLINK("http://x","y")`],
    ['-5', "'-5"],
    ['@cmd', "'@cmd"],
    ["'=x", "''=x"],
    ["'hello", "'hello"],
    ['plain', 'plain'],
    // Issue 24: leading spaces, the DDE pipe and fullwidth signs.
    [' =1+1', "' =1+1"],
    ['\u3000=cmd', "'\u3000=cmd"],
    ['\u00A0@SUM(A1)', "'\u00A0@SUM(A1)"],
    ['|calc!A0', "'|calc!A0"],
    [' |calc', "' |calc"],
    ['\uFF1DHYPERLINK("http://x")', '\'\uFF1DHYPERLINK("http://x")'],
    ['\uFF0B1', "'\uFF0B1"],
    ['\uFF0D1', "'\uFF0D1"],
    ['\uFF20cmd', "'\uFF20cmd"],
    ["' =x", "'' =x"],
    [' plain', ' plain'],
    ['a|b', 'a|b'],
  ])('%j is written %j', (input, output) => {
    expect(guardFormula(input)).toBe(output);
  });

  it('quotes cells so that papaparse reads back every line as written', () => {
    fc.assert(
      fc.property(
        fc.array(fc.array(cellText, { minLength: 2, maxLength: 5 }), {
          minLength: 1,
          maxLength: 6,
        }),
        fc.constantFrom(',', ';', '\t'),
        (rows, delimiter) => {
          const width = rows[0]!.length;
          const table = rows.map((r) => Array.from({ length: width }, (_, i) => r[i] ?? ''));
          const text = table.map((r) => csvLine(r, delimiter)).join('');
          const back = Papa.parse<string[]>(text.replace(/\r\n$/, ''), { delimiter }).data;
          expect(back.map((r) => r.map(unguardFormula))).toEqual(table);
        },
      ),
      { numRuns: 300 },
    );
  });
});

describe('slicing big files', () => {
  const record = fc.array(cellText, { minLength: 1, maxLength: 4 });

  it('cuts only between records: slices parse to the same records as the whole text', () => {
    fc.assert(
      fc.property(
        fc.array(record, { minLength: 1, maxLength: 30 }),
        fc.integer({ min: 1, max: 80 }),
        (records, size) => {
          const text = records.map((r) => csvLine(r)).join('');
          // The text ends with a line break, after which papaparse sees one more, empty record.
          const whole = Papa.parse<string[]>(text, { delimiter: ',', newline: '\r\n' }).data;
          expect(whole.pop()).toEqual(['']);
          const sliced: string[][] = [];
          let covered = 0;
          for (const [start, end] of csvSlices(text, size, '\r\n')) {
            expect(start).toBe(covered);
            covered = end;
            sliced.push(...parseSlice(text.slice(start, end), ',', '\r\n').records);
          }
          expect(covered).toBe(text.length);
          expect(sliced).toEqual(whole);
        },
      ),
      { numRuns: 300 },
    );
  });
});

describe('reading dates and amounts', () => {
  it.each([
    ['2026-03-07', 'YYYY-MM-DD', '2026-03-07'],
    ['2026/3/7', 'YYYY-MM-DD', '2026-03-07'],
    ['2026-03-07 00:00:00', 'YYYY-MM-DD', '2026-03-07'],
    ['07/03/2026', 'DD/MM/YYYY', '2026-03-07'],
    ['7.3.2026', 'DD/MM/YYYY', '2026-03-07'],
    ['03/07/2026', 'MM/DD/YYYY', '2026-03-07'],
    ['29/02/2024', 'DD/MM/YYYY', '2024-02-29'],
    ['29/02/2026', 'DD/MM/YYYY', null],
    ['2026-02-30', 'YYYY-MM-DD', null],
    ['13/13/2026', 'MM/DD/YYYY', null],
    ['07/03/26', 'DD/MM/YYYY', null],
    ['2026-03-07', 'DD/MM/YYYY', null],
    ['', 'YYYY-MM-DD', null],
  ] as const)('%j as %s → %s', (cell, format, iso) => {
    expect(parseCsvDate(cell, format)).toBe(iso);
  });

  it.each([
    ['1234.5', '.', { decimal: '1234.5' }],
    ['1,234,567.50', '.', { decimal: '1234567.50' }],
    ['1.234.567,50', ',', { decimal: '1234567.50' }],
    ['Rp 50.000', ',', { decimal: '50000' }],
    ['₱1,250.00', '.', { decimal: '1250.00' }],
    ['50 000 ₫', ',', { decimal: '50000' }],
    ['007', '.', { decimal: '7' }],
    ['-5', '.', { problem: 'negative' }],
    ['(5,000)', '.', { problem: 'negative' }],
    ['Rp -5.000', ',', { problem: 'negative' }],
    // A minus before zero is refused like any minus: −0 is never stored (issue 24).
    ['-0', '.', { problem: 'negative' }],
    ['-0,00', ',', { problem: 'negative' }],
    ['(0)', '.', { problem: 'negative' }],
    ['1,5', '.', { problem: 'format' }],
    ['1,23,456', '.', { problem: 'format' }],
    ['12abc', '.', { problem: 'format' }],
    ['1e5', '.', { problem: 'format' }],
    ['NaN', '.', { problem: 'format' }],
    ['', '.', { problem: 'empty' }],
  ] as const)('%j with %j → %j', (cell, separator, result) => {
    expect(parseCsvAmount(cell, separator)).toEqual(result);
  });

  it('fits decimals to the currency, forgiving trailing zeros', () => {
    expect(decimalToMinor('1250.5', 'PHP')).toBe(125_050);
    expect(decimalToMinor('50000.00', 'VND')).toBe(50_000);
    expect(decimalToMinor('50000.5', 'VND')).toBe('too-many-decimals');
    expect(decimalToMinor('1.005', 'USD')).toBe('too-many-decimals');
    expect(decimalToMinor('99999999999999999', 'IDR')).toBe('too-large');
  });
});

describe('column mapping', () => {
  it('maps our own export fully, and not base_amount onto amount', () => {
    const mapping = guessMapping([...CSV_COLUMNS]);
    expect(mapping).toEqual({
      date: 'date',
      amount: 'amount',
      currency: 'currency',
      stream: 'stream',
      member: 'member',
      kind: 'kind',
      platform: 'platform',
      status: 'status',
      paidMinutes: 'paid_minutes',
      unpaidMinutes: 'unpaid_minutes',
      note: 'note',
    });
  });

  it.each([
    [
      ['Tanggal', 'Sumber', 'Jumlah', 'Catatan'],
      { date: 'Tanggal', stream: 'Sumber', amount: 'Jumlah', note: 'Catatan' },
    ],
    [
      ['Ngày', 'Nguồn thu', 'Số tiền', 'Thành viên'],
      { date: 'Ngày', stream: 'Nguồn thu', amount: 'Số tiền', member: 'Thành viên' },
    ],
    [
      ['Petsa', 'Pinagkukunan', 'Halaga', 'Tala'],
      { date: 'Petsa', stream: 'Pinagkukunan', amount: 'Halaga', note: 'Tala' },
    ],
    [['When', 'What', 'How much'], { date: null, stream: null, amount: null }],
  ])('guesses %j', (headers, expected) => {
    expect(guessMapping(headers)).toMatchObject(expected);
  });

  it('names the missing column', () => {
    const mapping = guessMapping(['date', 'stream']);
    try {
      resolveColumns(['date', 'stream'], mapping);
      expect.unreachable();
    } catch (error) {
      expect((error as AnyamError).code).toBe('csv/missing-column');
      expect((error as AnyamError).details).toMatchObject({ field: 'amount', line: 1 });
    }
    // A remembered mapping naming a column this file does not have.
    expect(() =>
      resolveColumns(['date', 'stream', 'amount'], {
        ...guessMapping(['date', 'stream', 'amount']),
        note: 'Notes',
      }),
    ).toThrow('csv/missing-column');
  });

  it('previews the first rows with the detected delimiter', () => {
    const text = 'Tanggal;Sumber;Jumlah\n\n01/02/2026;Warung;"1.000,50"\n02/02/2026;Ojek;2.000\n';
    const preview = previewCsv(text, { rows: 1 });
    expect(preview.delimiter).toBe(';');
    expect(preview.headers).toEqual(['Tanggal', 'Sumber', 'Jumlah']);
    expect(preview.rows).toEqual([['01/02/2026', 'Warung', '1.000,50']]);
    expect(preview.guessedMapping.amount).toBe('Jumlah');
  });
});

describe('cells written and read (csv-format rules)', () => {
  it('quotes a cell only for a quote, the delimiter, a line break or spaces at its edges', () => {
    expect(csvCell('Gaji Maret')).toBe('Gaji Maret');
    expect(csvCell('a,b')).toBe('"a,b"');
    expect(csvCell('a;b')).toBe('a;b');
    expect(csvCell('a;b', ';')).toBe('"a;b"');
    expect(csvCell('say "hi"')).toBe('"say ""hi"""');
    expect(csvCell('one\ntwo')).toBe('"one\ntwo"');
    expect(csvCell('one\rtwo')).toBe('"one\rtwo"');
    expect(csvCell(' lead')).toBe('" lead"');
    expect(csvCell('trail ')).toBe('"trail "');
    expect(csvLine(['a', 'b c', 'd'])).toBe('a,b c,d\r\n');
  });

  it('reads a date cell with spaces around it', () => {
    expect(parseCsvDate(' 2026-03-07 ', 'YYYY-MM-DD')).toBe('2026-03-07');
    expect(parseCsvDate('\t07/03/2026 ', 'DD/MM/YYYY')).toBe('2026-03-07');
  });

  it('reads the minus sign U+2212 as a minus, a plus as no sign, and brackets only in pairs', () => {
    expect(parseCsvAmount('\u22125', '.')).toEqual({ problem: 'negative' });
    expect(parseCsvAmount('+5', '.')).toEqual({ decimal: '5' });
    expect(parseCsvAmount('Rp +5.000', ',')).toEqual({ decimal: '5000' });
    expect(parseCsvAmount('(5', '.')).toEqual({ problem: 'format' });
    expect(parseCsvAmount('5)', '.')).toEqual({ problem: 'format' });
  });

  it('reads a lone bracket as a badly written amount, never as a minus', () => {
    // "(5000" is not "(5000)" with its bracket lost: the person is told the amount is malformed.
    for (const cell of ['(5000', '5000)', '(5.000', '5.000)', '((5000)']) {
      expect(parseCsvAmount(cell, ','), cell).toEqual({ problem: 'format' });
    }
  });
});
