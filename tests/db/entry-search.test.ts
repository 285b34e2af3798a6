import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { AnyamDatabase } from '../../src/lib/db/database';
import {
  addEntries,
  deleteEntry,
  listMembers,
  listStreams,
  searchEntries,
} from '../../src/lib/db/repo';
import type { Entry } from '../../src/lib/domain/model';
import { EMPTY_SEARCH, type EntrySearch } from '../../src/lib/domain/search';
import { codeOf, dropDatabase, freshDatabase, seedBasics, type Basics } from './helpers';

let db: AnyamDatabase;
let h: Basics;

beforeEach(async () => {
  db = freshDatabase('search');
  h = await seedBasics();
  // Two entries a month from 2023-01 to 2025-12 (72), notes on some.
  const inputs = [];
  for (let y = 2023; y <= 2025; y++)
    for (let mo = 1; mo <= 12; mo++) {
      const month = `${y}-${String(mo).padStart(2, '0')}`;
      inputs.push({
        streamId: h.idr.id,
        date: `${month}-05`,
        amountMinor: mo * 100_000_00,
        note: mo === 3 ? 'Tiền thưởng' : '',
      });
      inputs.push({ streamId: h.usd.id, date: `${month}-20`, amountMinor: mo * 1_00 });
    }
  await addEntries(inputs);
});
afterEach(() => dropDatabase(db));

async function run(patch: Partial<EntrySearch>) {
  const months: [string, Entry[]][] = [];
  const household = { streams: await listStreams(), members: await listMembers() };
  const outcome = await searchEntries({ ...EMPTY_SEARCH, ...patch }, household, {
    onMonth: (month, entries) => months.push([month, entries]),
  });
  return { months, outcome };
}

describe('searching entries', () => {
  it('finds a word in notes, accents aside, month by month, newest first', async () => {
    const { months, outcome } = await run({ text: 'tien thuong' });
    expect(months.map(([m]) => m)).toEqual(['2025-03', '2024-03', '2023-03']);
    expect(outcome).toMatchObject({ complete: true, months: 36 });
  });

  it('finds an amount range in one currency over any dates', async () => {
    const { months } = await run({ amountMin: 1_000_000_00, currency: 'IDR' });
    // 10, 11 and 12 × 100,000.00 IDR, in each of the three years.
    expect(months.map(([m]) => m)).toEqual(
      ['2025', '2024', '2023'].flatMap((y) => [`${y}-12`, `${y}-11`, `${y}-10`]),
    );
    expect(months.flatMap(([, e]) => e).every((e) => e.currency === 'IDR')).toBe(true);
  });

  it('keeps to a date range, reading only its months, and lists each month newest first', async () => {
    const { months, outcome } = await run({ from: '2024-02-10', to: '2024-04-05' });
    expect(months.map(([m, e]) => [m, e.map((x) => x.date)])).toEqual([
      ['2024-04', ['2024-04-05']],
      ['2024-03', ['2024-03-20', '2024-03-05']],
      ['2024-02', ['2024-02-20']],
    ]);
    expect(outcome.scanned).toBe(4);
  });

  it('leaves out deleted entries', async () => {
    const { months } = await run({ text: 'thuong', from: '2025-01-01' });
    await deleteEntry(months[0]![1][0]!.id);
    expect((await run({ text: 'thuong', from: '2025-01-01' })).months).toEqual([]);
  });

  it('says so for an inverted range, and reads nothing', async () => {
    expect(await codeOf(run({ from: '2025-02-01', to: '2025-01-01' }))).toBe(
      'search/inverted-dates',
    );
    expect(await codeOf(run({ amountMin: 5_00, amountMax: 1_00, currency: 'USD' }))).toBe(
      'search/inverted-amounts',
    );
  });

  it('stops when a newer search takes over', async () => {
    const household = { streams: await listStreams(), members: await listMembers() };
    let calls = 0;
    const outcome = await searchEntries({ ...EMPTY_SEARCH, text: 'warung' }, household, {
      onMonth: () => calls++,
      isCancelled: () => calls >= 2,
    });
    expect(outcome.complete).toBe(false);
    expect(calls).toBe(2);
  });
});
