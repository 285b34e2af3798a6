import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  csvSlices,
  detectDelimiter,
  detectNewline,
  guessMapping,
  isEmptyRecord,
  normalizeHeader,
  parseSlice,
  previewCsv,
  resolveColumns,
  type CsvMapping,
} from '../../src/lib/db/backup/csv-parse';
import type { AnyamError } from '../../src/lib/domain/model';

/*
 * The rules of cutting a CSV into records (csv-parse.ts) that backup-csv.test.ts does not state
 * one by one: header words, the column of each field, the line break and delimiter guessed, the
 * records of a slice and the preview the mapping form starts from.
 */
function thrown(f: () => unknown): AnyamError {
  try {
    f();
  } catch (error) {
    return error as AnyamError;
  }
  throw new Error('did not throw');
}

describe('header words', () => {
  it('are compared without accents, case, spaces or punctuation', () => {
    expect(normalizeHeader('Số tiền')).toBe('sotien');
    expect(normalizeHeader('Đơn vị ĐĐ')).toBe('donvidd');
    expect(normalizeHeader('Paid_Minutes (min.)')).toBe('paidminutesmin');
    expect(normalizeHeader('Mata-uang 2')).toBe('matauang2');
  });

  it('fill each field from the first header that names it', () => {
    const mapping = guessMapping(['Tgl', 'Date', 'Amount', 'Income', 'Notes', 'Memo']);
    expect(mapping).toMatchObject({ date: 'Tgl', amount: 'Amount', note: 'Notes' });
    expect(mapping.stream).toBeNull();
  });
});

describe('the column of each field', () => {
  const headers = ['Tanggal', 'Sumber', 'Jumlah', 'Catatan'];
  const mapping = guessMapping(headers);

  it('is the index of its mapped header; a field not mapped has none', () => {
    expect(resolveColumns(headers, mapping)).toEqual({ date: 0, stream: 1, amount: 2, note: 3 });
    // A remembered mapping stored before a field existed has no key for it.
    const { note: _note, ...older } = mapping;
    expect(resolveColumns(headers, older as CsvMapping)).toEqual({
      date: 0,
      stream: 1,
      amount: 2,
    });
  });

  it('must exist for each required field, and for each mapped one', () => {
    const noAmount = thrown(() => resolveColumns(headers, { ...mapping, amount: null }));
    expect([noAmount.code, noAmount.details]).toEqual([
      'csv/missing-column',
      { field: 'amount', column: null, line: 1 },
    ]);
    const { date: _date, ...withoutDate } = mapping;
    expect(thrown(() => resolveColumns(headers, withoutDate as CsvMapping)).details).toEqual({
      field: 'date',
      column: null,
      line: 1,
    });
    const renamed = thrown(() => resolveColumns(headers, { ...mapping, note: 'Keterangan' }));
    expect([renamed.code, renamed.details]).toEqual([
      'csv/missing-column',
      { field: 'note', column: 'Keterangan', line: 1 },
    ]);
  });
});

describe('the line break and the delimiter', () => {
  it.each([
    ['a;b;c\n1;2;3\n4;5;6\n', ';', '\n'],
    ['a,b\r\n1,2\r\n', ',', '\r\n'],
    ['a\tb\tc\r1\t2\t3\r4\t5\t6\r', '\t', '\r'],
    ['a|b|c\n1|2|3\n4|5|6\n', '|', '\n'],
  ])('are guessed from the file’s start: %j', (text, delimiter, newline) => {
    expect(detectDelimiter(text)).toBe(delimiter);
    expect(detectNewline(text)).toBe(newline);
  });

  it('guess only a comma, a semicolon, a tab or a bar as the delimiter', () => {
    // Papaparse would also guess its own record and unit separators (U+001E, U+001F).
    const text = 'a\u001fb\u001fc\n1\u001f2\u001f3\n4\u001f5\u001f6\n';
    expect(detectDelimiter(text)).toBe(',');
  });

  it('default to a comma and "\\n" for a single column on one line', () => {
    expect(detectDelimiter('amount')).toBe(',');
    expect(detectNewline('amount')).toBe('\n');
  });

  it('are guessed from the first 64 KiB only: a break or delimiter first seen after it is not', () => {
    // The guess reads a bounded start so that a huge file costs no more to sniff than a small one.
    const text = `${'a'.repeat(70_000)}\r\nb;c;d\r\ne;f;g\r\n`;
    expect(detectNewline(text)).toBe('\n');
    expect(detectDelimiter(text)).toBe(',');
  });
});

describe('slices', () => {
  const slices = (text: string, size: number, newline?: '\r\n' | '\n' | '\r') =>
    [...csvSlices(text, size, newline)].map(([a, b]) => text.slice(a, b));

  it('are none for no text, and the whole text when it fits', () => {
    expect(slices('', 10)).toEqual([]);
    expect(slices('a,b\n1,2\n', 8)).toEqual(['a,b\n1,2\n']);
    expect(slices('a,b\n1,2\n', 100)).toEqual(['a,b\n1,2\n']);
  });

  it('end after the first line break at or past their size', () => {
    expect(slices('aa\nbb\ncc\n', 2)).toEqual(['aa\n', 'bb\n', 'cc\n']);
    expect(slices('aa\nbb\ncc\n', 4)).toEqual(['aa\nbb\n', 'cc\n']);
    expect(slices('aa\r\nbb\r\ncc', 3, '\r\n')).toEqual(['aa\r\n', 'bb\r\n', 'cc']);
    expect(slices('aa\rbb\rcc', 2, '\r')).toEqual(['aa\r', 'bb\r', 'cc']);
    // Without a line break after the size, the rest is one slice.
    expect(slices('aaaa,bbbb', 2)).toEqual(['aaaa,bbbb']);
  });

  it('never end inside quotes, whatever line breaks the quoted text holds', () => {
    const text = 'a,"x\ny\nz"\nb,"""q""\n"\nc,d\n';
    for (let size = 1; size <= text.length; size++) {
      for (const slice of slices(text, size)) {
        expect((slice.match(/"/g) ?? []).length % 2).toBe(0);
      }
      expect(slices(text, size).join('')).toBe(text);
    }
    expect(slices('a,"open\nb\nc', 2)).toEqual(['a,"open\nb\nc']);
  });

  /** The rule said plainly: a slice ends just after the first line break at or past its size
   * that has an even number of quotes between the slice's start and the break. */
  function expected(text: string, size: number, newline: string): string[] {
    const out: string[] = [];
    let start = 0;
    while (start < text.length) {
      let end = text.length;
      if (start + size < text.length) {
        for (let p = start; p + newline.length <= text.length; p++) {
          const quotes = text.slice(start, p).split('"').length - 1;
          if (
            text.startsWith(newline, p) &&
            p + newline.length >= start + size &&
            quotes % 2 === 0
          ) {
            end = p + newline.length;
            break;
          }
        }
      }
      out.push(text.slice(start, end));
      start = end;
    }
    return out;
  }

  it('end after the first line break outside quotes that reaches their size, for any text', () => {
    const newline = fc.constantFrom<'\n' | '\r\n' | '\r'>('\n', '\r\n', '\r');
    fc.assert(
      fc.property(
        newline.chain((nl) =>
          fc.tuple(
            fc.constant(nl),
            fc.array(fc.constantFrom('a', ',', '"', nl), { maxLength: 30 }).map((t) => t.join('')),
            fc.integer({ min: 1, max: 12 }),
          ),
        ),
        ([nl, text, size]) => {
          expect(slices(text, size, nl)).toEqual(expected(text, size, nl));
        },
      ),
      { numRuns: 100 },
    );
    // A quoted field that opens the file and holds a line break is one record.
    expect(slices('"x\ny",z\nb\n', 1)).toEqual(['"x\ny",z\n', 'b\n']);
    // A file that starts with a line break: the empty first line is a slice of its own.
    expect(slices('\na\nb', 1)).toEqual(['\n', 'a\n', 'b']);
    expect(slices('a,"q"\nb\nc\n', 2)).toEqual(['a,"q"\n', 'b\n', 'c\n']);
  });
});

describe('the records of a slice', () => {
  it('keep empty lines as one empty cell and drop only the last line break', () => {
    expect(parseSlice('', ',')).toEqual({ records: [], malformed: new Set() });
    expect(parseSlice('\r\n', ',')).toEqual({ records: [['']], malformed: new Set() });
    expect(parseSlice('a,b\r\n\r\nc,d\r\n', ',').records).toEqual([['a', 'b'], [''], ['c', 'd']]);
    expect(parseSlice('a;b\nc;d', ';', '\n').records).toEqual([
      ['a', 'b'],
      ['c', 'd'],
    ]);
  });

  it('mark the record an unclosed quote spoils', () => {
    const { records, malformed } = parseSlice('a,b\n"c,d\n', ',', '\n');
    expect(records[0]).toEqual(['a', 'b']);
    expect([...malformed]).toEqual([1]);
  });

  it('are empty when every cell is blank', () => {
    expect(isEmptyRecord(['', ' ', '\t'])).toBe(true);
    expect(isEmptyRecord([])).toBe(true);
    expect(isEmptyRecord(['', ' x'])).toBe(false);
  });
});

describe('the preview', () => {
  it('refuses a file without a header', () => {
    expect(thrown(() => previewCsv('')).code).toBe('csv/empty');
    expect(thrown(() => previewCsv('\n\n\n')).code).toBe('csv/empty');
  });

  it('shows trimmed headers and ten rows unless told otherwise, with the delimiter asked for', () => {
    const rows = Array.from({ length: 15 }, (_, i) => `2026-01-${10 + i};${i}`);
    const text = [' date ; amount ', ...rows].join('\n');
    const preview = previewCsv(text);
    expect(preview.delimiter).toBe(';');
    expect(preview.headers).toEqual(['date', 'amount']);
    expect(preview.rows).toHaveLength(10);
    expect(preview.rows[9]).toEqual(['2026-01-19', '9']);
    expect(preview.guessedMapping).toMatchObject({ date: 'date', amount: 'amount' });
    const asked = previewCsv(text, { delimiter: ',', rows: 2 });
    expect(asked.delimiter).toBe(',');
    expect(asked.headers).toEqual(['date ; amount']);
    expect(asked.rows).toEqual([['2026-01-10;0'], ['2026-01-11;1']]);
  });

  it('reads only the first million characters: a field still open there ends the preview', () => {
    // The preview is a bounded read, whatever the file's size.
    const text = `date,note\n2026-01-01,"${'x'.repeat(1_000_000)}"\n2026-01-02,b\n`;
    const preview = previewCsv(text);
    expect(preview.headers).toEqual(['date', 'note']);
    expect(preview.rows).toHaveLength(1);
    expect(preview.rows[0]![1]!.length).toBeLessThan(1_000_000);
  });

  it('skips blank lines between the rows it shows', () => {
    const preview = previewCsv('date,amount\n\n ,\n2026-01-01,5\n', { rows: 5 });
    expect(preview.rows).toEqual([['2026-01-01', '5']]);
  });
});
