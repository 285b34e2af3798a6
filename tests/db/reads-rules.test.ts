import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { AnyamDatabase } from '../../src/lib/db/database';
import { readCalendarRows } from '../../src/lib/db/repo/calendar';
import { readMonthlyLoop } from '../../src/lib/db/repo/due';
import { latestMonthWithEntriesBefore } from '../../src/lib/db/repo/entries-month-start';
import { readProjectionRows } from '../../src/lib/db/repo/projection';
import { readStatementRows } from '../../src/lib/db/repo/statement';
import { addDaysIso } from '../../src/lib/domain/dates';
import { loopEntryRange, loopOccurrenceRange } from '../../src/lib/domain/due';
import type { Entry, Rollup, Stream } from '../../src/lib/domain/model';
import { dropDatabase, freshDatabase } from './helpers';

/*
 * The rules of the views' reads through indexes (src/lib/db/repo/{statement,entries-month-start,
 * calendar,projection}.ts): which rows of which days each one returns. The readers look only at
 * ids, dates, `deletedAt` and a stream's pay day, so the rows here carry just those fields.
 */

let db: AnyamDatabase;
beforeEach(() => {
  db = freshDatabase('reads-rules');
});
afterEach(() => dropDatabase(db));

const DELETED = '2025-01-02T00:00:00.000Z';

function entry(id: string, streamId: string, date: string, deletedAt: string | null = null) {
  return { id, streamId, date, deletedAt, amountMinor: 1 } as unknown as Entry;
}

function stream(id: string, over: Record<string, unknown> = {}): Stream {
  return {
    id,
    deletedAt: null,
    archived: false,
    expected: { cadence: 'monthly', amountMinor: 0, daysPerWeek: 5 },
    payDay: { cadence: 'monthly', day: 25 },
    ...over,
  } as unknown as Stream;
}

/** Rows of a table that only has ids and `deletedAt`: one live, one deleted. */
function liveAndDeleted(prefix: string) {
  return [
    { id: `${prefix}-live`, deletedAt: null },
    { id: `${prefix}-gone`, deletedAt: DELETED },
  ] as never[];
}

const ids = (rows: readonly { id: string }[] | undefined) => (rows ?? []).map((r) => r.id).sort();

describe('the income statement reads the live entries of its months and every rollup', () => {
  it('takes the first day of the first month through the last day of the last, nothing else', async () => {
    await db.entries.bulkPut([
      entry('before', 's', '2025-03-31'),
      entry('first', 's', '2025-04-01'),
      entry('middle', 's', '2025-05-10'),
      entry('deleted', 's', '2025-05-11', DELETED),
      entry('last', 's', '2025-06-30'),
      entry('this-month', 's', '2025-07-01'),
    ]);
    const rollups = [{ key: 'a' }, { key: 'b' }] as unknown as Rollup[];
    await db.rollups.bulkPut(rollups);
    // On 15 July the last three complete months are April, May and June.
    const rows = await readStatementRows('2025-07-15', 3);
    expect(ids(rows.entries)).toEqual(['first', 'last', 'middle']);
    expect(rows.rollups.map((r) => r.key).sort()).toEqual(['a', 'b']);
    const year = await readStatementRows('2025-07-15', 12);
    expect(ids(year.entries)).toEqual(['before', 'first', 'last', 'middle']);
  });
});

describe('an empty month offers the latest earlier month with a live entry', () => {
  it('skips deleted entries and the month itself, and is null when nothing came before', async () => {
    expect(await latestMonthWithEntriesBefore('2025-07')).toBeNull();
    await db.entries.bulkPut([
      entry('old', 's', '2025-03-20'),
      entry('deleted-later', 's', '2025-05-02', DELETED),
      entry('this-month', 's', '2025-07-01'),
      entry('after', 's', '2025-09-01'),
    ]);
    expect(await latestMonthWithEntriesBefore('2025-07')).toBe('2025-03');
    expect(await latestMonthWithEntriesBefore('2025-03')).toBeNull();
    await db.entries.put(entry('last-day', 's', '2025-06-30'));
    expect(await latestMonthWithEntriesBefore('2025-07')).toBe('2025-06');
  });
});

/** Streams with and without a pay day the readers can use, and entries around a window. */
async function seedPayDayStreams(windowFrom: string, windowTo: string, outside: [string, string]) {
  await db.streams.bulkPut([
    stream('pays'),
    stream('archived', { archived: true }),
    stream('deleted', { deletedAt: DELETED }),
    stream('no-pay-day', { payDay: null }),
    // A pay day of another cadence than the stream's is no pay day (streamPayDay).
    stream('other-cadence', { payDay: { cadence: 'weekly', weekday: 1 } }),
  ]);
  const rows: Entry[] = [];
  for (const s of ['pays', 'archived', 'deleted', 'no-pay-day', 'other-cadence']) {
    rows.push(
      entry(`${s}-from`, s, windowFrom),
      entry(`${s}-to`, s, windowTo),
      entry(`${s}-before`, s, outside[0]),
      entry(`${s}-after`, s, outside[1]),
    );
  }
  rows.push(entry('pays-deleted', 'pays', windowFrom, DELETED));
  await db.entries.bulkPut(rows);
}

/** Payments and skips due on the window's ends and the days just outside it. */
async function seedDue(from: string, to: string, outside: [string, string]) {
  const due = (prefix: string) =>
    [
      { id: `${prefix}-from`, dueOn: from, deletedAt: null },
      { id: `${prefix}-to`, dueOn: to, deletedAt: null },
      { id: `${prefix}-before`, dueOn: outside[0], deletedAt: null },
      { id: `${prefix}-after`, dueOn: outside[1], deletedAt: null },
      { id: `${prefix}-deleted`, dueOn: from, deletedAt: DELETED },
    ] as never[];
  await db.payments.bulkPut(due('payment'));
  await db.skips.bulkPut(due('skip'));
}

async function seedWhole() {
  // Debts without a schedule: the due list reads no repayment of theirs.
  await db.debts.bulkPut(
    liveAndDeleted('debt').map((d: object) => ({ ...d, schedule: null })) as never[],
  );
  await db.repayments.bulkPut(liveAndDeleted('repayment'));
  await db.groups.bulkPut(liveAndDeleted('group'));
  await db.groupPayments.bulkPut(liveAndDeleted('group-payment'));
}

describe('the calendar export reads the next three months', () => {
  it('payments and skips due from today to the day before the same day three months on', async () => {
    // 15 July: due from 15 July to 14 October; pay-day entries 16 days wider on each side.
    await seedDue('2025-07-15', '2025-10-14', ['2025-07-14', '2025-10-15']);
    await seedPayDayStreams('2025-06-29', '2025-10-30', ['2025-06-28', '2025-10-31']);
    await seedWhole();
    await db.plans.bulkPut(liveAndDeleted('plan'));
    await db.funds.bulkPut(liveAndDeleted('fund'));
    const rows = await readCalendarRows('2025-07-15');
    expect(ids(rows.payments)).toEqual(['payment-from', 'payment-to']);
    expect(ids(rows.skips)).toEqual(['skip-from', 'skip-to']);
    // Streams whole but live (an archived stream is still one); entries of pay-day streams only.
    expect(ids(rows.streams)).toEqual(['archived', 'no-pay-day', 'other-cadence', 'pays']);
    expect(rows.entries).toEqual(
      expect.arrayContaining([
        { streamId: 'pays', date: '2025-06-29', deletedAt: null },
        { streamId: 'pays', date: '2025-10-30', deletedAt: null },
        { streamId: 'pays', date: '2025-06-29', deletedAt: DELETED },
      ]),
    );
    expect(rows.entries).toHaveLength(3);
    for (const [table, prefix] of [
      ['plans', 'plan'],
      ['debts', 'debt'],
      ['repayments', 'repayment'],
      ['groups', 'group'],
      ['groupPayments', 'group-payment'],
      ['funds', 'fund'],
    ] as const)
      expect(ids(rows[table]), table).toEqual([`${prefix}-live`]);
  });

  it('counts three months on from the 30th as the last day of February, and stops the day before', async () => {
    // 30 November: February has no 30th, so "three months on" is 28 February.
    await seedDue('2025-11-30', '2026-02-27', ['2025-11-29', '2026-02-28']);
    const rows = await readCalendarRows('2025-11-30');
    expect(ids(rows.payments)).toEqual(['payment-from', 'payment-to']);
  });
});

describe('the projection reads the next 60 days', () => {
  it('payments and skips due from today to the 60th day, pay-day entries 16 days wider', async () => {
    // 15 July + 59 days is 12 September; the entries from 29 June to 28 September.
    await seedDue('2025-07-15', '2025-09-12', ['2025-07-14', '2025-09-13']);
    await seedPayDayStreams('2025-06-29', '2025-09-28', ['2025-06-28', '2025-09-29']);
    await seedWhole();
    const rows = await readProjectionRows('2025-07-15');
    expect(ids(rows.payments)).toEqual(['payment-from', 'payment-to']);
    expect(ids(rows.skips)).toEqual(['skip-from', 'skip-to']);
    expect(rows.entries).toEqual(
      expect.arrayContaining([
        { streamId: 'pays', date: '2025-06-29', deletedAt: null },
        { streamId: 'pays', date: '2025-09-28', deletedAt: null },
        { streamId: 'pays', date: '2025-06-29', deletedAt: DELETED },
      ]),
    );
    expect(rows.entries).toHaveLength(3);
    for (const [table, prefix] of [
      ['debts', 'debt'],
      ['repayments', 'repayment'],
      ['groups', 'group'],
      ['groupPayments', 'group-payment'],
    ] as const)
      expect(ids(rows[table]), table).toEqual([`${prefix}-live`]);
  });
});

describe('the due list and the month card read their month', () => {
  const TODAY = '2025-07-15';

  it('reads pay-day entries, payments and skips of their ranges, and the live rows of the small tables', async () => {
    const due = loopOccurrenceRange(TODAY);
    const around = loopEntryRange(TODAY);
    const justOutside = (r: { from: string; to: string }): [string, string] => [
      addDaysIso(r.from, -1),
      addDaysIso(r.to, 1),
    ];
    await seedDue(due.from, due.to, justOutside(due));
    await seedPayDayStreams(around.from, around.to, justOutside(around));
    await seedWhole();
    await db.plans.bulkPut(liveAndDeleted('plan'));
    await db.rates.bulkPut(liveAndDeleted('rate'));
    await db.rollups.bulkPut([
      { key: 'july', month: '2025-07' },
      { key: 'june', month: '2025-06' },
    ] as unknown as Rollup[]);
    const rows = await readMonthlyLoop(TODAY);
    expect(ids(rows.payments)).toEqual(['payment-from', 'payment-to']);
    expect(ids(rows.skips)).toEqual(['skip-from', 'skip-to']);
    expect(ids(rows.streams)).toEqual(['archived', 'no-pay-day', 'other-cadence', 'pays']);
    expect(rows.entries).toEqual(
      expect.arrayContaining([
        { streamId: 'pays', date: around.from, deletedAt: null },
        { streamId: 'pays', date: around.to, deletedAt: null },
        { streamId: 'pays', date: around.from, deletedAt: DELETED },
      ]),
    );
    expect(rows.entries).toHaveLength(3);
    expect(rows.rollups.map((r) => r.key)).toEqual(['july']);
    for (const [table, prefix] of [
      ['plans', 'plan'],
      ['debts', 'debt'],
      ['groups', 'group'],
      ['groupPayments', 'group-payment'],
    ] as const)
      expect(ids(rows[table]), table).toEqual([`${prefix}-live`]);
    // The loop's rate type carries no id; the stored rows here do.
    expect(ids(rows.rates as unknown as { id: string }[])).toEqual(['rate-live']);
    // No settings row yet: the household is counted in rupiah.
    expect(rows.baseCurrency).toBe('IDR');
    await db.settings.put({ id: 'settings', baseCurrency: 'PHP' } as never);
    expect((await readMonthlyLoop(TODAY)).baseCurrency).toBe('PHP');
  });

  it('reads the live repayments of the live debts whose schedule reaches the month', async () => {
    const schedule = (firstDue: string, count: number) => ({
      count,
      amountMinor: 100,
      cadence: 'monthly',
      firstDue,
    });
    await db.debts.bulkPut([
      { id: 'reaches', deletedAt: null, schedule: schedule('2025-05-20', 6) },
      { id: 'ended', deletedAt: null, schedule: schedule('2024-01-20', 3) },
      { id: 'no-schedule', deletedAt: null, schedule: null },
      { id: 'deleted', deletedAt: DELETED, schedule: schedule('2025-05-20', 6) },
    ] as never[]);
    await db.repayments.bulkPut(
      ['reaches', 'ended', 'no-schedule', 'deleted'].flatMap((debtId) => [
        { id: `${debtId}-paid`, debtId, deletedAt: null },
        { id: `${debtId}-undone`, debtId, deletedAt: DELETED },
      ]) as never[],
    );
    const rows = await readMonthlyLoop(TODAY);
    expect(ids(rows.repayments)).toEqual(['reaches-paid']);
    expect(ids(rows.debts)).toEqual(['ended', 'no-schedule', 'reaches']);
  });
});
