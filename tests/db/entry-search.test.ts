import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { AnyamDatabase } from '../../src/lib/db/database';
import {
  addEntries,
  addEntry,
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

describe('searching entries: the index each search reads, and what it reports', () => {
  /** One month, 2024-03: the IDR entry of the 5th and the USD entry of the 20th (Sari's). */
  const MARCH = { from: '2024-03-01', to: '2024-03-31' };

  it('reads a stream, a member or an amount range through its own index, a currency alone not', async () => {
    await addEntry({ streamId: h.php.id, date: '2024-03-10', amountMinor: 5_00 });
    const scanned = async (patch: Partial<EntrySearch>) =>
      (await run({ ...MARCH, ...patch })).outcome.scanned;
    expect(await scanned({})).toBe(3);
    expect(await scanned({ streamId: h.usd.id })).toBe(1);
    expect(await scanned({ memberId: h.member.id })).toBe(2);
    expect(await scanned({ memberId: h.other.id })).toBe(1);
    expect(await scanned({ amountMin: 1, currency: 'IDR' })).toBe(1);
    expect(await scanned({ amountMax: 1_000_000_000_00, currency: 'USD' })).toBe(1);
    // A currency without an amount range filters nothing: the date index, every entry.
    expect(await scanned({ currency: 'IDR' })).toBe(3);
    const { months } = await run({ ...MARCH, memberId: h.other.id });
    expect(months.map(([m, e]) => [m, e.map((x) => x.date)])).toEqual([
      ['2024-03', ['2024-03-10']],
    ]);
  });

  it('includes the first and last day of its range, through every index', async () => {
    const days = { from: '2024-03-05', to: '2024-03-20' };
    for (const patch of [
      {},
      { streamId: h.idr.id },
      { streamId: h.usd.id },
      { memberId: h.member.id },
      { amountMin: 1, currency: 'IDR' },
      { amountMin: 1, currency: 'USD' },
    ]) {
      const { months } = await run({ ...days, ...patch });
      const found = months.flatMap(([, e]) => e.map((x) => x.date));
      expect(found.length, JSON.stringify(patch)).toBeGreaterThan(0);
      expect(found.every((d) => d === '2024-03-05' || d === '2024-03-20')).toBe(true);
    }
    const both = await run(days);
    expect(both.months.flatMap(([, e]) => e.map((x) => x.date))).toEqual([
      '2024-03-20',
      '2024-03-05',
    ]);
    // Sari's own index holds both ends.
    const member = await run({ ...days, memberId: h.member.id });
    expect(member.months.flatMap(([, e]) => e.map((x) => x.date))).toEqual([
      '2024-03-20',
      '2024-03-05',
    ]);
    const oneDay = await run({ from: '2024-03-05', to: '2024-03-05' });
    expect(oneDay.months.flatMap(([, e]) => e.map((x) => x.date))).toEqual(['2024-03-05']);
  });

  it('finds nothing in an empty household, and reads nothing', async () => {
    await db.entries.clear();
    const { months, outcome } = await run({});
    expect(months).toEqual([]);
    expect(outcome).toEqual({ monthsDone: 0, months: 0, scanned: 0, complete: true });
  });

  it('reads no month for a range past the last entry or before the first, even in its month', async () => {
    // The last entry is of 2025-12-20, the first of 2023-01-05.
    const none = { monthsDone: 0, months: 0, scanned: 0, complete: true };
    expect((await run({ from: '2025-12-25' })).outcome).toEqual(none);
    expect((await run({ to: '2023-01-02' })).outcome).toEqual(none);
  });

  it('reports each month done as it goes, and all of them at the end', async () => {
    const household = { streams: await listStreams(), members: await listMembers() };
    const seen: unknown[] = [];
    const outcome = await searchEntries(
      { ...EMPTY_SEARCH, from: '2024-02-10', to: '2024-04-05' },
      household,
      { onMonth: () => undefined, onProgress: (p) => seen.push(p) },
    );
    expect(seen).toEqual([
      { monthsDone: 1, months: 3, scanned: 1 },
      { monthsDone: 2, months: 3, scanned: 3 },
      { monthsDone: 3, months: 3, scanned: 4 },
    ]);
    expect(outcome).toEqual({ monthsDone: 3, months: 3, scanned: 4, complete: true });
  });

  it('reads nothing once cancelled, and hands over no month read after it was cancelled', async () => {
    const household = { streams: await listStreams(), members: await listMembers() };
    const search = { ...EMPTY_SEARCH, from: '2024-02-10', to: '2024-04-05' };
    const handed: string[] = [];
    const before = await searchEntries(search, household, {
      onMonth: (m) => handed.push(m),
      isCancelled: () => true,
    });
    expect(before).toEqual({ monthsDone: 0, months: 3, scanned: 0, complete: false });
    // Cancelled while the first month was being read (the second time it is asked).
    let asked = 0;
    const during = await searchEntries(search, household, {
      onMonth: (m) => handed.push(m),
      isCancelled: () => ++asked >= 2,
    });
    expect(during).toEqual({ monthsDone: 1, months: 3, scanned: 1, complete: false });
    expect(handed).toEqual([]);
  });
});
