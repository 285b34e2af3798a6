import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import {
  checkCsv,
  guessMapping,
  importCsv,
  readCsvFile,
  type CsvImportOptions,
  type CsvReport,
} from '../../src/lib/db/backup';
import { loadCsvContext } from '../../src/lib/db/backup/csv-import';
import type { AnyamDatabase } from '../../src/lib/db/database';
import {
  addMember,
  deleteMember,
  deleteStream,
  listMembers,
  listStreams,
} from '../../src/lib/db/repo';
import type { AnyamError } from '../../src/lib/domain/model';
import { checksumTables } from './checksum';
import {
  codeOf,
  dropDatabase,
  expectRollupsConsistent,
  freshDatabase,
  seedBasics,
  type Basics,
} from './helpers';

/*
 * The rules of writing a checked CSV (csv-import.ts) that the 10,000-row tests of
 * csv-import.test.ts do not state one by one: what a created member and stream are made of,
 * which currency turns a row's decimal into minor units, what "only the good rows" counts as
 * left out, and the progress a long write reports. Dates are in 2025, in the past whatever day
 * the clock says.
 */
const opened: AnyamDatabase[] = [];
afterEach(async () => {
  for (const db of opened.splice(0)) await dropDatabase(db);
});

async function household(): Promise<{ db: AnyamDatabase; h: Basics }> {
  const db = freshDatabase('csv-import-rules');
  opened.push(db);
  return { db, h: await seedBasics() };
}

async function check(lines: string[]): Promise<CsvReport> {
  const headers = lines[0]!.split(',');
  const options: CsvImportOptions = {
    mapping: guessMapping(headers),
    dateFormat: 'YYYY-MM-DD',
    decimalSeparator: '.',
  };
  return checkCsv(lines.join('\n'), options);
}

async function errorOf(promise: Promise<unknown>): Promise<AnyamError> {
  try {
    await promise;
  } catch (error) {
    return error as AnyamError;
  }
  throw new Error('resolved');
}

describe('reading a CSV file', () => {
  it('drops a leading byte-order mark from pasted text, and only a leading one', async () => {
    expect(await readCsvFile('\uFEFFdate,stream\n')).toBe('date,stream\n');
    expect(await readCsvFile('date,\uFEFFstream\n')).toBe('date,\uFEFFstream\n');
  });

  it('refuses bytes that are not UTF-8 with the line and offset of the damage', async () => {
    const bytes = new Uint8Array([...new TextEncoder().encode('date\nab'), 0xff, 0x41]);
    const error = await errorOf(readCsvFile(new Blob([bytes])));
    expect(error.code).toBe('csv/bad-encoding');
    expect(error.details).toMatchObject({ reason: 'invalid-utf-8', offset: 7, line: 2 });
  });

  it('names a spreadsheet archive picked by mistake', async () => {
    const zip = new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0x14, 0x00, 0x00, 0x00]);
    const error = await errorOf(readCsvFile(new Blob([zip])));
    expect(error.code).toBe('csv/binary-file');
    expect(error.details).toMatchObject({ kind: 'zip', file: 'csv' });
  });
});

describe('the household the import sees', () => {
  it('has no base currency before the settings are saved, and the saved one after', async () => {
    const db = freshDatabase('csv-import-rules-empty');
    opened.push(db);
    expect(await loadCsvContext()).toEqual({ members: [], streams: [], baseCurrency: '' });
    await seedBasics();
    const context = await loadCsvContext();
    expect(context.baseCurrency).toBe('IDR');
    expect(context.members.map((m) => m.name).sort()).toEqual(['Budi', 'Sari']);
    expect(context.streams).toHaveLength(3);
  });
});

describe('a file with bad rows', () => {
  it('is refused with the count of bad lines and the first problem, unless only the good rows are wanted', async () => {
    const { db } = await household();
    const report = await check([
      'date,stream,amount',
      '2025-02-30,Warung,1000',
      '2025-03-01,Warung,-5',
      '2025-03-02,Warung,1000',
    ]);
    const before = await checksumTables(db);
    const error = await errorOf(importCsv(report));
    expect(error.code).toBe('csv/has-invalid-rows');
    expect(error.details).toEqual({ count: 2, first: report.errors[0] });
    expect(report.errors[0]).toMatchObject({ line: 2, field: 'date' });
    expect(await checksumTables(db)).toEqual(before);

    const result = await importCsv(report, { onlyValidRows: true });
    expect(result).toEqual({ added: 1, skipped: 2, createdMembers: [], createdStreams: [] });
  });
});

describe('members and streams the import creates', () => {
  it('makes an adult member, live, not a sample, coloured from the palette by how many there are', async () => {
    const { db } = await household();
    const report = await check([
      'date,member,stream,amount',
      '2025-04-01,Nenek,Kue,1000',
      '2025-04-01,Kakek,Kue,1000',
    ]);
    const result = await importCsv(report, {
      onlyValidRows: true,
      create: { members: ['Nenek', 'Kakek', ' sari '] },
    });
    // Sari is a member already: her name in other case and spacing makes no second member.
    expect(
      result.createdMembers.map((m) => [m.name, m.color, m.role, m.archived, m.isSample]),
    ).toEqual([
      ['Nenek', '#3b6ab5', 'adult', false, false],
      ['Kakek', '#8a5cb5', 'adult', false, false],
    ]);
    expect((await listMembers()).map((m) => m.name).sort()).toEqual([
      'Budi',
      'Kakek',
      'Nenek',
      'Sari',
    ]);
    // No stream was chosen, so both rows are left out.
    expect(result).toMatchObject({ added: 0, skipped: 2 });
    expect(await db.entries.count()).toBe(0);
  });

  it('wraps the palette around after six colours', async () => {
    await household();
    for (const name of ['A', 'B', 'C', 'D']) await addMember({ name, color: '#000000' });
    const report = await check(['date,stream,amount', '2025-04-01,Warung,1']);
    const result = await importCsv(report, { create: { members: ['E', 'F'] } });
    expect(result.createdMembers.map((m) => m.color)).toEqual(['#2f6f4e', '#b5523b']);
  });

  it('fills a new stream from the choice, then from the file, then from the household', async () => {
    const { h } = await household();
    const report = await check([
      'date,member,stream,amount,currency,kind,platform',
      '2025-04-02,Sari,Jahit,1000,,,',
      '2025-04-03,Budi,Ojek,2.50,USD,microtask,Gojek',
      '2025-04-04,Budi,Parkir,300,,,',
    ]);
    const [jahit, ojek, parkir] = report.unknownStreams;
    expect([jahit?.name, ojek?.name, parkir?.name]).toEqual(['Jahit', 'Ojek', 'Parkir']);
    const result = await importCsv(report, {
      create: {
        streams: [
          { key: jahit!.key },
          { key: ojek!.key },
          { key: parkir!.key, kind: 'support', platform: 'Mall', currency: 'PHP' },
        ],
      },
    });
    expect(
      result.createdStreams.map((s) => [s.name, s.memberId, s.kind, s.platform, s.currency]),
    ).toEqual([
      ['Jahit', h.member.id, 'informal', '', 'IDR'],
      ['Ojek', h.other.id, 'microtask', 'Gojek', 'USD'],
      ['Parkir', h.other.id, 'support', 'Mall', 'PHP'],
    ]);
    for (const s of result.createdStreams) {
      expect(s).toMatchObject({
        expected: { amountMinor: 0, cadence: 'irregular' },
        startedOn: null,
        endedOn: null,
        payDay: null,
        archived: false,
        isSample: false,
        deletedAt: null,
      });
    }
    // The rows of a stream whose currency was chosen at creation are read in that currency.
    const entries = await listEntriesByStream(result.createdStreams.map((s) => s.id));
    expect(entries).toEqual([
      ['Jahit', 'IDR', 100_000],
      ['Ojek', 'USD', 250],
      ['Parkir', 'PHP', 30_000],
    ]);
  });

  it('gives a new stream the member the choice names over the one the file names', async () => {
    const { h } = await household();
    const report = await check(['date,member,stream,amount', '2025-04-02,Sari,Jahit,1000']);
    const key = report.unknownStreams[0]!.key;
    const result = await importCsv(report, { create: { streams: [{ key, memberName: 'budi' }] } });
    expect(result.createdStreams[0]?.memberId).toBe(h.other.id);
    const stored = (await listStreams()).find((s) => s.name === 'Jahit');
    expect(stored?.memberId).toBe(h.other.id);
  });

  it('refuses a choice of a stream the check did not offer, naming its key', async () => {
    const { db } = await household();
    const report = await check(['date,stream,amount', '2025-04-02,Warung,1000']);
    const before = await checksumTables(db);
    const error = await errorOf(importCsv(report, { create: { streams: [{ key: 'x|nope' }] } }));
    expect(error.code).toBe('csv/unknown-stream');
    expect(error.details).toEqual({ key: 'x|nope' });
    expect(await checksumTables(db)).toEqual(before);
  });

  it('names the member it could not find for a new stream', async () => {
    await household();
    const report = await check(['date,stream,amount', '2025-04-02,Parkir,1000']);
    const key = report.unknownStreams[0]!.key;
    const error = await errorOf(
      importCsv(report, { create: { streams: [{ key, memberName: 'Nobody' }] } }),
    );
    expect(error).toMatchObject({ code: 'csv/unknown-member', details: { name: 'Nobody' } });
    const noName = await errorOf(importCsv(report, { create: { streams: [{ key }] } }));
    expect(noName).toMatchObject({ code: 'csv/unknown-member', details: { name: '' } });
  });
});

async function listEntriesByStream(streamIds: string[]): Promise<[string, string, number][]> {
  const streams = new Map((await listStreams()).map((s) => [s.id, s.name]));
  const db = opened.at(-1)!;
  const entries = await db.entries.where('streamId').anyOf(streamIds).toArray();
  return entries
    .map((e) => [streams.get(e.streamId)!, e.currency, e.amountMinor] as [string, string, number])
    .sort((a, b) => (a[0] < b[0] ? -1 : 1));
}

describe('the rows written', () => {
  it('refuses an amount finer than the currency chosen for a new stream, on its line', async () => {
    const { db } = await household();
    const report = await check([
      'date,member,stream,amount',
      '2025-04-02,Sari,Warung,5',
      '2025-04-03,Sari,Jahit,2.505',
    ]);
    const key = report.unknownStreams[0]!.key;
    const decision = { create: { streams: [{ key, currency: 'USD' }] } };
    const before = await checksumTables(db);
    const error = await errorOf(importCsv(report, decision));
    expect(error.code).toBe('csv/bad-amount');
    expect(error.details).toMatchObject({ line: 3, field: 'amount', value: '2.505' });
    expect(typeof error.details.reason).toBe('string');
    expect(await checksumTables(db)).toEqual(before);

    const result = await importCsv(report, { ...decision, onlyValidRows: true });
    expect(result).toMatchObject({ added: 1, skipped: 1 });
  });

  it('names the line of a row a record rule refuses at the write', async () => {
    const { db } = await household();
    const checked = await check([
      'date,stream,amount',
      '2025-04-02,Warung,5',
      '2025-04-03,Warung,6',
    ]);
    // A report checked on another day: its second row now lies more than a year ahead.
    const report: CsvReport = {
      ...checked,
      rows: [checked.rows[0]!, { ...checked.rows[1]!, date: '2999-01-01' }],
    };
    const before = await checksumTables(db);
    const error = await errorOf(importCsv(report));
    expect(error.code).toBe('entry/date-too-far');
    expect(error.details).toMatchObject({ field: 'date', line: 3 });
    expect(await checksumTables(db)).toEqual(before);
    const result = await importCsv(report, { onlyValidRows: true });
    expect(result).toMatchObject({ added: 1, skipped: 1 });
    await expectRollupsConsistent(db);
  });

  it('writes each row with its stream, its member, its date, status, minutes and note', async () => {
    const { db, h } = await household();
    const report = await check([
      'date,stream,amount,status,note,currency',
      '2025-04-05,Remit,12.5,pending,from Manila,',
      '2025-04-06,Tasks,3,received,,USD',
    ]);
    await importCsv(report);
    const rows = (await db.entries.toArray()).sort((a, b) => (a.date < b.date ? -1 : 1));
    expect(
      rows.map((e) => [
        e.streamId,
        e.memberId,
        e.date,
        e.amountMinor,
        e.currency,
        e.status,
        e.note,
        e.isSample,
      ]),
    ).toEqual([
      [h.php.id, h.other.id, '2025-04-05', 1250, 'PHP', 'pending', 'from Manila', false],
      [h.usd.id, h.member.id, '2025-04-06', 300, 'USD', 'received', '', false],
    ]);
    await expectRollupsConsistent(db);
  });

  it('reports the writing in steps of the chunk size, from 0 to every row', async () => {
    const { db } = await household();
    const lines = ['date,stream,amount'];
    for (let day = 1; day <= 5; day++) lines.push(`2025-05-0${day},Warung,${day}`);
    const report = await check(lines);
    const steps: string[] = [];
    const result = await importCsv(
      report,
      {},
      {
        chunkSize: 2,
        onProgress: (p) => steps.push(`${p.phase} ${p.done}/${p.total}`),
      },
    );
    expect(steps).toEqual(['writing 0/5', 'writing 2/5', 'writing 4/5', 'writing 5/5']);
    expect(result.added).toBe(5);
    expect(await db.entries.count()).toBe(5);
    // A whole number of chunks ends at the last one.
    const even = await check(['date,stream,amount', '2025-06-01,Warung,1', '2025-06-02,Warung,2']);
    const evenSteps: number[] = [];
    await importCsv(even, {}, { chunkSize: 1, onProgress: (p) => evenSteps.push(p.done) });
    expect(evenSteps).toEqual([0, 1, 2]);
    await expectRollupsConsistent(db);
  });

  it('writes nothing when cancelled before the write', async () => {
    const { db } = await household();
    const report = await check(['date,stream,amount', '2025-05-01,Warung,1']);
    const controller = new AbortController();
    controller.abort();
    const before = await checksumTables(db);
    expect(await codeOf(importCsv(report, {}, { signal: controller.signal }))).toBe(
      'import/cancelled',
    );
    expect(await checksumTables(db)).toEqual(before);
  });
});

describe('a household that changed since the check', () => {
  it('gives no new stream to a member deleted since, and writes nothing', async () => {
    const { db } = await household();
    const nenek = await addMember({ name: 'Nenek', color: '#000000' });
    const report = await check(['date,member,stream,amount', '2025-04-02,Nenek,Kue,1000']);
    expect(report.unknownStreams[0]?.memberId).toBe(nenek.id);
    await deleteMember(nenek.id);
    const before = await checksumTables(db);
    const key = report.unknownStreams[0]!.key;
    const error = await errorOf(importCsv(report, { create: { streams: [{ key }] } }));
    expect(error).toMatchObject({ code: 'csv/unknown-member', details: { name: 'Nenek' } });
    expect(await checksumTables(db)).toEqual(before);
  });

  it('names the stream deleted since and the first line that used it', async () => {
    const { db, h } = await household();
    const report = await check([
      'date,stream,amount',
      '2025-04-02,Remit,1',
      '2025-04-03,Warung,1',
      '2025-04-04,Warung,1',
    ]);
    await deleteStream(h.idr.id);
    const before = await checksumTables(db);
    const error = await errorOf(importCsv(report, { onlyValidRows: true }));
    expect([error.code, error.details]).toEqual([
      'csv/household-changed',
      { streamId: h.idr.id, line: 3 },
    ]);
    expect(await checksumTables(db)).toEqual(before);
  });

  it('stops at the write when a stream is deleted while the rows are built, every 5,000 rows', async () => {
    const { db, h } = await household();
    const lines = ['date,stream,amount'];
    for (let i = 0; i < 5_001; i++)
      lines.push(`2025-03-${String((i % 28) + 1).padStart(2, '0')},Warung,1`);
    lines.push('2025-03-01,Remit,1');
    const report = await check(lines);
    expect(report.readyRows).toBe(5_002);
    const before = await checksumTables(db);
    const seen: string[] = [];
    const error = await errorOf(
      importCsv(
        report,
        {},
        {
          onProgress: (p) => {
            seen.push(`${p.phase} ${p.done}/${p.total}`);
            // Another tab deletes the stream while the import yields between its rows.
            if (p.phase === 'validating') void deleteStream(h.php.id);
          },
        },
      ),
    );
    expect(seen).toEqual(['validating 5000/5002']);
    expect([error.code, error.details]).toEqual(['csv/household-changed', { streamId: h.php.id }]);
    // Only the other tab's deletion is written.
    const { streams: _streams, ...after } = await checksumTables(db);
    const { streams: _before, ...rest } = before;
    expect(after).toEqual(rest);
    expect(await db.entries.count()).toBe(0);
  });
});

describe('the records one import makes', () => {
  it('carry one time, and each row waiting for a stream not chosen names its line and stream', async () => {
    const { db } = await household();
    const report = await check([
      'date,member,stream,amount',
      '2025-04-02,Nenek,Kue,1000',
      '2025-04-03,Sari,Parkir,5',
    ]);
    const [kue, parkir] = report.unknownStreams;
    const missing = await errorOf(
      importCsv(report, { create: { members: ['Nenek'], streams: [{ key: kue!.key }] } }),
    );
    expect([missing.code, missing.details]).toEqual([
      'csv/unknown-stream',
      { line: 3, name: 'Parkir' },
    ]);
    // A clock that moves on at every reading: one time in every record is the import's own.
    const Pinned = Date;
    let ticks = 0;
    class Ticking extends Pinned {
      constructor(...args: ConstructorParameters<DateConstructor> | []) {
        if (args.length === 0) super(Pinned.now() + ++ticks);
        else super(...args);
      }

      static override now(): number {
        return Pinned.now() + ++ticks;
      }
    }
    globalThis.Date = Ticking as DateConstructor;
    const result = await importCsv(report, {
      create: { members: ['Nenek'], streams: [{ key: kue!.key }, { key: parkir!.key }] },
    }).finally(() => {
      globalThis.Date = Pinned;
    });
    expect(ticks).toBeGreaterThan(0);
    const entries = await db.entries.toArray();
    const times = new Set(
      [...result.createdMembers, ...result.createdStreams, ...entries].flatMap((r) => [
        r.createdAt,
        r.updatedAt,
      ]),
    );
    expect(times.size).toBe(1);
  });
});

describe('the member the check found', () => {
  it('gets the new stream even when the import is not told how names are shown', async () => {
    const { h } = await household();
    // The screen shows Sari by another name (as the sample household shows its members).
    const nameOf = (stored: string) => (stored === 'Sari' ? 'Sari W.' : stored);
    const report = await checkCsv(
      'date,member,stream,amount\n2025-04-02,Sari W.,Jahit,1000\n',
      {
        mapping: guessMapping(['date', 'member', 'stream', 'amount']),
        dateFormat: 'YYYY-MM-DD',
        decimalSeparator: '.',
      },
      { nameOf },
    );
    const found = report.unknownStreams[0]!;
    expect(found.memberId).toBe(h.member.id);
    const result = await importCsv(report, { create: { streams: [{ key: found.key }] } });
    expect(result.createdStreams[0]?.memberId).toBe(h.member.id);
  });
});
