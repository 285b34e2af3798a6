// The rules of due.ts that occurrences.test.ts and the due-list properties leave unstated: the
// groups' edges, the ranges the loop reads, the order of the lists and what a deleted record
// answers (issue 28, mutation testing).
import { describe, expect, it } from 'vitest';
import {
  billsBetween,
  dueBills,
  dueIncome,
  dueRange,
  dueWhen,
  incomeOccurrences,
  loopEntryRange,
  loopOccurrenceRange,
} from '../../src/lib/domain/due';
import type { Payment, Skip, Stream } from '../../src/lib/domain/model';
import { makeEntry, makePlan, makeStream } from './analytics-fixtures';

const common = {
  createdAt: '2024-01-01T00:00:00.000Z',
  updatedAt: '2024-01-01T00:00:00.000Z',
  deletedAt: null,
  isSample: false,
};

const monthly = (id: string, day: number, over: Partial<Stream> = {}): Stream =>
  makeStream({
    id,
    kind: 'formal',
    expected: { amountMinor: 1_000, cadence: 'monthly', daysPerWeek: 5 },
    payDay: { cadence: 'monthly', day },
    ...over,
  });

const payment = (planId: string, dueOn: string, over: Partial<Payment> = {}): Payment => ({
  ...common,
  id: `pay-${planId}-${dueOn}-${over.amountMinor ?? 1}`,
  planId,
  dueOn,
  date: dueOn,
  amountMinor: 1,
  currency: 'IDR',
  note: '',
  ...over,
});

const skip = (sourceId: string, dueOn: string, over: Partial<Skip> = {}): Skip => ({
  ...common,
  id: `skip-${sourceId}-${dueOn}`,
  kind: 'plan',
  sourceId,
  dueOn,
  ...over,
});

describe('the groups of the due list', () => {
  it('"now" is today or before, "soon" the next 14 days, "later" beyond', () => {
    expect(dueWhen('2026-11-10', '2026-11-10')).toBe('now');
    expect(dueWhen('2026-10-01', '2026-11-10')).toBe('now');
    expect(dueWhen('2026-11-11', '2026-11-10')).toBe('soon');
    expect(dueWhen('2026-11-24', '2026-11-10')).toBe('soon');
    expect(dueWhen('2026-11-25', '2026-11-10')).toBe('later');
  });

  it('considers 31 days back and 14 ahead', () => {
    expect(dueRange('2026-03-01')).toEqual({ from: '2026-01-29', to: '2026-03-15' });
  });
});

describe('the dates the loop reads', () => {
  it("covers the due list's range and the whole of today's month, whichever reaches further", () => {
    // Mid-month: 31 days back reaches into the month before; 14 ahead stays in the month.
    expect(loopOccurrenceRange('2026-11-10')).toEqual({ from: '2026-10-10', to: '2026-11-30' });
    // Near the end: 14 ahead reaches into next month.
    expect(loopOccurrenceRange('2026-11-25')).toEqual({ from: '2026-10-25', to: '2026-12-09' });
    // On the 31st of a 31-day month, 31 days back is the last day of the month before.
    expect(loopOccurrenceRange('2026-12-31')).toEqual({ from: '2026-11-30', to: '2027-01-14' });
  });

  it('reads entries 16 days further each way, the longest a pay-day window reaches', () => {
    expect(loopEntryRange('2026-11-10')).toEqual({ from: '2026-09-24', to: '2026-12-16' });
  });
});

describe('pay days', () => {
  it('are listed by date, then by stream, whatever order the streams come in', () => {
    // Whatever order the streams are read in.
    const [a, b, c] = [monthly('a', 5), monthly('b', 5), monthly('c', 1)];
    for (const streams of [
      [b, a, c],
      [a, b, c],
      [c, b, a],
    ]) {
      const list = incomeOccurrences(streams, [], [], '2026-11-01', '2026-11-30');
      expect(list.map((o) => [o.dueOn, o.streamId])).toEqual([
        ['2026-11-01', 'c'],
        ['2026-11-05', 'a'],
        ['2026-11-05', 'b'],
      ]);
    }
  });

  it("an entry of another stream, or a deleted one, answers nothing; the stream's own live entry does", () => {
    const a = monthly('a', 5);
    const b = monthly('b', 5);
    const gone = makeEntry(a, '2026-11-05', 1, { deletedAt: '2026-11-06T00:00:00.000Z' });
    const list = incomeOccurrences(
      [a, b],
      [makeEntry(b, '2026-11-05', 1), gone],
      [],
      '2026-11-01',
      '2026-11-30',
    );
    expect(list.map((o) => [o.streamId, o.matched])).toEqual([
      ['a', false],
      ['b', true],
    ]);
    // Pay day 5 of each month: November's window is 21 October to 19 November, both answering.
    const answers = (date: string) =>
      incomeOccurrences([a], [makeEntry(a, date, 1)], [], '2026-11-01', '2026-11-30')[0]!.matched;
    expect([
      answers('2026-10-20'),
      answers('2026-10-21'),
      answers('2026-11-19'),
      answers('2026-11-20'),
    ]).toEqual([false, true, true, false]);
  });

  it('a deleted skip skips nothing', () => {
    const a = monthly('a', 5);
    const undone = skip('a', '2026-11-05', {
      kind: 'stream',
      deletedAt: '2026-11-06T00:00:00.000Z',
    });
    expect(dueIncome([a], [], [undone], '2026-11-06').map((o) => o.dueOn)).toEqual(['2026-11-05']);
  });

  it('a pay day whose window ended before the stream was added is marked so; one whose window is still open is not', () => {
    const a = monthly('a', 5, { createdAt: '2026-11-10T12:00:00.000Z' });
    const list = incomeOccurrences([a], [], [], '2026-10-01', '2026-11-30');
    expect(list.map((o) => [o.dueOn, o.beforeCreation])).toEqual([
      ['2026-10-05', true],
      ['2026-11-05', false],
    ]);
  });

  it("a stream added on the last day of a pay day's window is not spared that pay day", () => {
    // November 5th's window ends on 19 November.
    const onLast = monthly('a', 5, { createdAt: '2026-11-19T12:00:00.000Z' });
    const dayAfter = monthly('a', 5, { createdAt: '2026-11-20T12:00:00.000Z' });
    const nov = (s: Stream) => incomeOccurrences([s], [], [], '2026-11-01', '2026-11-30')[0]!;
    expect(nov(onLast).beforeCreation).toBe(false);
    expect(nov(dayAfter).beforeCreation).toBe(true);
  });

  it('one due today is not overdue; one due yesterday is', () => {
    const a = monthly('a', 5);
    expect(dueIncome([a], [], [], '2026-11-05').map((o) => [o.dueOn, o.overdue])).toEqual([
      ['2026-10-05', true],
      ['2026-11-05', false],
    ]);
    expect(dueIncome([a], [], [], '2026-11-06').map((o) => [o.dueOn, o.overdue])).toEqual([
      ['2026-11-05', true],
    ]);
  });
});

describe('bills', () => {
  const rent = makePlan({ id: 'rent', amountMinor: 500, dueOn: '2026-01-10' });
  const water = makePlan({ id: 'water', amountMinor: 50, dueOn: '2026-01-10' });
  const phone = makePlan({ id: 'phone', amountMinor: 20, dueOn: '2026-01-03' });

  it('are listed by date, then by plan, whatever order the plans come in', () => {
    // Whatever order the plans are read in.
    for (const plans of [
      [water, rent, phone],
      [rent, water, phone],
      [phone, water, rent],
    ]) {
      const list = billsBetween(plans, [], [], '2026-11-01', '2026-11-30');
      expect(list.map((b) => [b.dueOn, b.planId])).toEqual([
        ['2026-11-03', 'phone'],
        ['2026-11-10', 'rent'],
        ['2026-11-10', 'water'],
      ]);
    }
  });

  it('carry every live payment naming them, none deleted, none of another occurrence', () => {
    const list = billsBetween(
      [rent],
      [
        payment('rent', '2026-11-10', { amountMinor: 200 }),
        payment('rent', '2026-11-10', { amountMinor: 300 }),
        payment('rent', '2026-11-10', { amountMinor: 9, deletedAt: '2026-11-11T00:00:00.000Z' }),
        payment('rent', '2026-10-10', { amountMinor: 500 }),
      ],
      [],
      '2026-11-01',
      '2026-11-30',
    );
    expect(list[0]!.payments.map((p) => p.amountMinor)).toEqual([200, 300]);
  });

  it('of a deleted plan are not listed; a deleted skip skips nothing', () => {
    const gone = { ...water, deletedAt: '2026-10-01T00:00:00.000Z' };
    const undone = skip('rent', '2026-11-10', { deletedAt: '2026-11-11T00:00:00.000Z' });
    const list = billsBetween([rent, gone], [], [undone], '2026-11-01', '2026-11-30');
    expect(list.map((b) => [b.planId, b.skipped])).toEqual([['rent', false]]);
  });

  it("the due list: today's month's unpaid bills up to today (late or due today) and the next 14 days", () => {
    const list = dueBills([rent, phone], [payment('phone', '2026-11-03')], [], '2026-11-10');
    expect(list.map((b) => [b.planId, b.dueOn, b.overdue])).toEqual([
      ['rent', '2026-11-10', false],
    ]);
    const later = dueBills([rent, phone], [], [], '2026-11-27');
    expect(later.map((b) => [b.planId, b.dueOn, b.overdue])).toEqual([
      ['phone', '2026-11-03', true],
      ['rent', '2026-11-10', true],
      ['phone', '2026-12-03', false],
      ['rent', '2026-12-10', false],
    ]);
  });
});
