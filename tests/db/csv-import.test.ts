import 'fake-indexeddb/auto';
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import {
  checkCsv,
  guessMapping,
  importCsv,
  previewCsv,
  readCsvFile,
  type CsvImportOptions,
  type CsvReport,
} from '../../src/lib/db/backup';
import type { AnyamDatabase } from '../../src/lib/db/database';
import { addEntries, addStream, listMembers, listStreams } from '../../src/lib/db/repo';
import { createRng } from '../factories';
import { checksumTables } from './checksum';
import {
  codeOf,
  dropDatabase,
  expectRollupsConsistent,
  freshDatabase,
  seedBasics,
  type Basics,
} from './helpers';

let db: AnyamDatabase;
let h: Basics;

beforeAll(async () => {
  db = freshDatabase('csv-import');
  h = await seedBasics();
  await addEntries([{ streamId: h.idr.id, date: '2025-05-05', amountMinor: 100_000 }]);
});
afterAll(() => dropDatabase(db));

const HEADER = 'Tanggal;Anggota;Sumber;Jumlah;Mata uang;Status;Catatan';

/** `rows` rows in the Indonesian spreadsheet style: DD/MM/YYYY, ';' and decimal commas. */
function indonesianCsv(rows: number, seed = 1): string {
  const rng = createRng(seed);
  const lines = [HEADER];
  for (let i = 0; i < rows; i++) {
    const [member, stream, currency] = rng.pick([
      ['Sari', 'Warung', 'IDR'],
      ['Sari', 'Tasks', 'USD'],
      ['Budi', 'Remit', 'PHP'],
    ] as const);
    const day = String(rng.int(1, 28)).padStart(2, '0');
    const month = String(rng.int(1, 12)).padStart(2, '0');
    const whole = rng.int(0, 200_000).toLocaleString('de-DE');
    const note = rng.bool(0.1) ? `"catatan ${i}; ""dikutip"""` : '';
    lines.push(
      `${day}/${month}/2025;${member};${stream};${whole},${String(rng.int(0, 99)).padStart(2, '0')};${currency};${rng.bool(0.2) ? 'tertunda' : 'diterima'};${note}`,
    );
  }
  return lines.join('\r\n') + '\r\n';
}

function optionsFor(text: string): CsvImportOptions {
  const preview = previewCsv(text);
  return {
    mapping: preview.guessedMapping,
    dateFormat: 'DD/MM/YYYY',
    decimalSeparator: ',',
    delimiter: preview.delimiter,
  };
}

describe('CSV import of 10,000 rows', () => {
  const text = indonesianCsv(10_000);
  let report: CsvReport;
  let before: Record<string, string>;

  beforeAll(async () => {
    report = await checkCsv(text, optionsFor(text));
  });
  beforeEach(async () => {
    before = await checksumTables(db);
  });

  it('maps the Indonesian headers and finds every row good', () => {
    expect(previewCsv(text).delimiter).toBe(';');
    expect(report.errors).toEqual([]);
    expect(report.totalRows).toBe(10_000);
    expect(report.readyRows).toBe(10_000);
  });

  it('leaves 0 rows changed when writing fails at row 5,000', async () => {
    const original = db.entries.bulkAdd.bind(db.entries);
    let written = 0;
    const spy = vi.spyOn(db.entries, 'bulkAdd').mockImplementation(((rows: unknown[]) => {
      written += rows.length;
      if (written >= 5_000) {
        throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
      }
      return original(rows as never);
    }) as never);
    try {
      expect(await codeOf(importCsv(report, {}, { chunkSize: 1_000 }))).toBe('storage/full');
    } finally {
      spy.mockRestore();
    }
    expect(written).toBe(5_000);
    expect(await checksumTables(db)).toEqual(before);
  });

  it('leaves 0 rows changed when a failure is thrown from the progress of row 5,000', async () => {
    const seen: number[] = [];
    const failing = importCsv(
      report,
      {},
      {
        chunkSize: 1_000,
        onProgress: (p) => {
          seen.push(p.done);
          if (p.phase === 'writing' && p.done >= 5_000) throw new Error('injected at row 5,000');
        },
      },
    );
    await expect(failing).rejects.toThrow('injected at row 5,000');
    expect(seen.at(-1)).toBe(5_000);
    expect(await checksumTables(db)).toEqual(before);
  });

  it('leaves 0 rows changed on Cancel, pressed while the rows are being written', async () => {
    const controller = new AbortController();
    let timerRan = false;
    let lastDone = 0;
    const importing = importCsv(
      report,
      {},
      {
        chunkSize: 500,
        signal: controller.signal,
        onProgress: (p) => {
          lastDone = p.done;
          // A click handler runs as its own task: it only gets a turn if the write yields.
          if (p.phase === 'writing' && p.done === 500) {
            setTimeout(() => {
              timerRan = true;
              controller.abort();
            }, 0);
          }
        },
      },
    );
    expect(await codeOf(importing)).toBe('import/cancelled');
    expect(timerRan).toBe(true);
    expect(lastDone).toBeGreaterThanOrEqual(500);
    expect(lastDone).toBeLessThan(10_000);
    expect(await checksumTables(db)).toEqual(before);
  });

  it('leaves 0 rows changed when cancelled at row 5,000 exactly', async () => {
    const controller = new AbortController();
    const importing = importCsv(
      report,
      {},
      {
        chunkSize: 1_000,
        signal: controller.signal,
        onProgress: (p) => {
          if (p.phase === 'writing' && p.done === 5_000) controller.abort();
        },
      },
    );
    expect(await codeOf(importing)).toBe('import/cancelled');
    expect(await checksumTables(db)).toEqual(before);
  });

  it('writes all 10,000 rows and their rollups when nothing goes wrong', async () => {
    const progress: number[] = [];
    const result = await importCsv(
      report,
      {},
      {
        chunkSize: 2_500,
        onProgress: (p) => p.phase === 'writing' && progress.push(p.done),
      },
    );
    expect(result.added).toBe(10_000);
    expect(progress).toEqual([0, 2_500, 5_000, 7_500, 10_000]);
    expect(await db.entries.count()).toBe(10_001);
    await expectRollupsConsistent(db);
    const quoted = await db.entries.filter((e) => e.note.startsWith('catatan')).first();
    expect(quoted?.note).toMatch(/^catatan \d+; "dikutip"$/);
  });
});

describe('CSV import decisions', () => {
  const text = [
    'date,member,stream,amount,currency,kind,note',
    '2026-06-01,Sari,Warung,"12,500.50",IDR,,ok',
    '2026-06-02,Sari,Jahit,30000,IDR,informal,new stream of a known member',
    '2026-06-03,Nenek,Kue,15000,IDR,informal,new member and stream',
    '2026-06-31,Sari,Warung,1000,IDR,,bad date',
    '2026-06-04,,Warung,1000,,,member left out',
    '2026-06-05,,Ojek,2500,,,unknown stream without member',
  ].join('\n');
  const options: CsvImportOptions = {
    mapping: guessMapping(text.split('\n')[0]!.split(',')),
    dateFormat: 'YYYY-MM-DD',
    decimalSeparator: '.',
  };

  it('reports bad rows by line and offers the unknown streams and members', async () => {
    const report = await checkCsv(text, options);
    expect(report.errors).toEqual([
      { line: 5, code: 'csv/bad-date', field: 'date', value: '2026-06-31', reason: 'not-a-date' },
    ]);
    expect(report.readyRows).toBe(2);
    expect(report.pendingRows).toBe(3);
    expect(report.unknownMembers).toEqual([{ key: 'nenek', name: 'Nenek', rows: 1 }]);
    expect(report.unknownStreams.map((s) => [s.name, s.memberName, s.kind])).toEqual([
      ['Jahit', 'Sari', 'informal'],
      ['Kue', 'Nenek', 'informal'],
      ['Ojek', null, null],
    ]);
  });

  it('writes nothing while a row is bad, unless only the good rows are wanted', async () => {
    const report = await checkCsv(text, options);
    const before = await checksumTables(db);
    expect(await codeOf(importCsv(report))).toBe('csv/has-invalid-rows');
    // Rows of streams the user did not create are not imported either.
    expect(await codeOf(importCsv(report, { onlyValidRows: false }))).toBe('csv/has-invalid-rows');
    expect(await checksumTables(db)).toEqual(before);

    const result = await importCsv(report, {
      onlyValidRows: true,
      create: {
        members: ['Nenek'],
        streams: [
          { key: report.unknownStreams[0]!.key },
          { key: report.unknownStreams[1]!.key, kind: 'support' },
        ],
      },
    });
    expect(result).toMatchObject({ added: 4, skipped: 2 });
    expect(result.createdMembers.map((m) => m.name)).toEqual(['Nenek']);
    expect(result.createdStreams.map((s) => [s.name, s.kind, s.currency])).toEqual([
      ['Jahit', 'informal', 'IDR'],
      ['Kue', 'support', 'IDR'],
    ]);
    const nenek = (await listMembers()).find((m) => m.name === 'Nenek')!;
    const kue = (await listStreams()).find((s) => s.name === 'Kue')!;
    expect(kue.memberId).toBe(nenek.id);
    const added = await db.entries
      .where('date')
      .between('2026-06-01', '2026-06-05', true, true)
      .toArray();
    expect(added.map((e) => [e.date, e.amountMinor]).sort()).toEqual([
      ['2026-06-01', 1_250_050],
      ['2026-06-02', 3_000_000],
      ['2026-06-03', 1_500_000],
      ['2026-06-04', 100_000],
    ]);
    await expectRollupsConsistent(db);
  });

  it('refuses a stream creation that names no member, and writes nothing', async () => {
    const report = await checkCsv('date,stream,amount\n2025-07-01,Parkir,5000\n', {
      ...options,
      mapping: guessMapping(['date', 'stream', 'amount']),
    });
    const before = await checksumTables(db);
    const key = report.unknownStreams[0]!.key;
    expect(await codeOf(importCsv(report, { create: { streams: [{ key }] } }))).toBe(
      'csv/unknown-member',
    );
    expect(await codeOf(importCsv(report))).toBe('csv/unknown-stream');
    expect(await checksumTables(db)).toEqual(before);
    await importCsv(report, { create: { streams: [{ key, memberName: 'Budi' }] } });
    expect((await listStreams()).find((s) => s.name === 'Parkir')?.memberId).toBe(h.other.id);
  });

  it('calls a stream name shared by two members ambiguous unless the row names the member', async () => {
    await addStream({ memberId: h.other.id, name: 'warung ', kind: 'informal', currency: 'IDR' });
    const text =
      'date,member,stream,amount\n2026-07-02,,Warung,1000\n2026-07-03,Budi,WARUNG,1000\n';
    const report = await checkCsv(text, {
      ...options,
      mapping: guessMapping(['date', 'member', 'stream', 'amount']),
    });
    expect(report.errors).toEqual([
      { line: 2, code: 'csv/ambiguous-stream', field: 'stream', value: 'Warung' },
    ]);
    expect(report.readyRows).toBe(1);
  });

  it('reads a 100,000-row file in slices, yielding to the event loop between them', async () => {
    const big = indonesianCsv(100_000, 2);
    let ticks = 0;
    const timer = setInterval(() => ticks++, 0);
    const phases: number[] = [];
    const report = await checkCsv(big, optionsFor(big), {
      sliceChars: 200_000,
      onProgress: (p) => phases.push(p.done),
    });
    clearInterval(timer);
    expect(report.totalRows).toBe(100_000);
    expect(report.errors).toEqual([]);
    expect(phases.length).toBeGreaterThan(10);
    expect(phases.at(-1)).toBe(big.length);
    expect(ticks).toBeGreaterThan(5);
  });

  it('stops reading on Cancel and writes nothing', async () => {
    const big = indonesianCsv(20_000, 3);
    const controller = new AbortController();
    const reading = checkCsv(big, optionsFor(big), {
      sliceChars: 50_000,
      signal: controller.signal,
      onProgress: () => controller.abort(),
    });
    expect(await codeOf(reading)).toBe('import/cancelled');
  });

  it('decodes files as UTF-8, dropping the BOM', async () => {
    const bytes = new TextEncoder().encode(
      '\uFEFFdate,stream,amount,note\n2025-08-01,Remit,1,Nguyễn\n',
    );
    const text = await readCsvFile(new Blob([bytes]));
    expect(text.startsWith('date')).toBe(true);
    const report = await checkCsv(text, {
      ...options,
      mapping: guessMapping(['date', 'stream', 'amount', 'note']),
    });
    expect(report.rows[0]?.note).toBe('Nguyễn');
  });
});
