// The rules of a debt's instalments in the monthly loop (debt-due.ts) that its window property
// leaves unstated: which repayments answer an instalment, what is owed once a debt is paid off,
// the order of the list, what is overdue, and the month's sums (issue 28, sixth round).
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addDaysIso } from '../../src/lib/domain/dates';
import type { Debt, DebtSchedule, Repayment } from '../../src/lib/domain/debt-model';
import {
  dueInstalments,
  glanceWithInstalments,
  instalmentOccurrences,
  instalmentsOfMonth,
  scheduleReaches,
  type MonthInstalments,
} from '../../src/lib/domain/debt-due';
import { instalmentDate } from '../../src/lib/domain/debt-schedule';
import type { Skip } from '../../src/lib/domain/model';
import { monthGlance } from '../../src/lib/domain/month-glance';
import { makeRate } from './analytics-fixtures';

const at = '2026-10-01T00:00:00.000Z';
const common = { createdAt: at, updatedAt: at, deletedAt: null, isSample: false };

/** 1,000.00 in four monthly instalments of 250.00 from 5 November. */
function debt(over: Partial<Debt> = {}): Debt {
  return {
    ...common,
    id: 'debt-a',
    counterparty: 'Tita Nena',
    kind: 'person',
    direction: 'we-owe',
    amountMinor: 100_000,
    currency: 'PHP',
    date: '2026-10-01',
    schedule: { count: 4, amountMinor: 25_000, cadence: 'monthly', firstDue: '2026-11-05' },
    forgivenOn: null,
    note: '',
    ...over,
  };
}

let n = 0;
function repayment(debtId: string, dueOn: string | null, amountMinor: number): Repayment {
  n += 1;
  return {
    ...common,
    id: `rep-${n}`,
    debtId,
    dueOn,
    date: dueOn ?? '2026-11-01',
    amountMinor,
    currency: 'PHP',
    note: '',
  };
}

const skip = (sourceId: string, dueOn: string): Skip => ({
  ...common,
  id: `skip-${sourceId}-${dueOn}`,
  kind: 'debt',
  sourceId,
  dueOn,
});

const ALL = ['2026-01-01', '2027-12-31'] as const;

describe('which instalments are owed', () => {
  it('a deleted debt has no instalment due', () => {
    const gone = debt({ deletedAt: '2026-11-01T00:00:00.000Z' });
    expect(instalmentOccurrences([gone], [], [], ...ALL)).toEqual([]);
    expect(instalmentOccurrences([debt()], [], [], ...ALL)).toHaveLength(4);
  });

  it('a one-day window holds the instalment due that day, the first one and a later one', () => {
    for (const day of ['2026-11-05', '2026-12-05'])
      expect(instalmentOccurrences([debt()], [], [], day, day).map((i) => i.dueOn)).toEqual([day]);
    expect(instalmentOccurrences([debt()], [], [], '2026-12-06', '2026-12-06')).toEqual([]);
  });

  it('a deleted repayment does not answer its instalment, and the rest is owed again', () => {
    const paid = { ...repayment('debt-a', '2026-11-05', 25_000), deletedAt: at };
    const [first] = instalmentOccurrences([debt()], [paid], [], '2026-11-01', '2026-11-30');
    expect(first).toMatchObject({ dueOn: '2026-11-05', amountMinor: 25_000, repayments: [] });
  });

  it('once a debt is paid off early, its later instalments are not owed; the paid one stays with its repayment', () => {
    const all = repayment('debt-a', '2026-11-05', 100_000);
    const list = instalmentOccurrences([debt()], [all], [], ...ALL);
    expect(list).toEqual([
      {
        debtId: 'debt-a',
        counterparty: 'Tita Nena',
        direction: 'we-owe',
        dueOn: '2026-11-05',
        amountMinor: 25_000,
        currency: 'PHP',
        repayments: [all],
        skipped: false,
      },
    ]);
  });

  it('a paid instalment keeps its scheduled amount; an unpaid one asks at most what is left', () => {
    // 800.00 paid on the first: 200.00 left, less than the next instalment of 250.00.
    const big = repayment('debt-a', '2026-11-05', 80_000);
    const list = instalmentOccurrences([debt()], [big], [], '2026-11-01', '2026-12-31');
    expect(list.map((i) => [i.dueOn, i.amountMinor])).toEqual([
      ['2026-11-05', 25_000],
      ['2026-12-05', 20_000],
    ]);
  });

  it('oldest first, debts due on one day by their id, whatever order the debts come in', () => {
    const b = debt({ id: 'debt-b', counterparty: 'Bank' });
    const c = debt({
      id: 'debt-c',
      schedule: { count: 4, amountMinor: 25_000, cadence: 'weekly', firstDue: '2026-11-03' },
    });
    const a = debt();
    const key = (debts: Debt[]) =>
      instalmentOccurrences(debts, [], [], '2026-11-01', '2026-11-30').map(
        (i) => `${i.dueOn} ${i.debtId}`,
      );
    const expected = [
      '2026-11-03 debt-c',
      '2026-11-05 debt-a',
      '2026-11-05 debt-b',
      '2026-11-10 debt-c',
      '2026-11-17 debt-c',
      '2026-11-24 debt-c',
    ];
    expect(key([c, b, a])).toEqual(expected);
    expect(key([a, b, c])).toEqual(expected);
    expect(key([b, c, a])).toEqual(expected);
  });
});

describe('the due list’s instalments', () => {
  it('one due before today is overdue; one due today or later is not', () => {
    const weekly = debt({
      schedule: { count: 4, amountMinor: 25_000, cadence: 'weekly', firstDue: '2026-12-01' },
    });
    const overdue = (today: string) =>
      dueInstalments([weekly], [], [], today).map((i) => `${i.dueOn} ${i.overdue}`);
    expect(overdue('2026-12-08')).toEqual([
      '2026-12-01 true',
      '2026-12-08 false',
      '2026-12-15 false',
      '2026-12-22 false',
    ]);
    expect(overdue('2026-12-09').slice(0, 3)).toEqual([
      '2026-12-01 true',
      '2026-12-08 true',
      '2026-12-15 false',
    ]);
  });

  it('a paid or skipped instalment is not on the due list', () => {
    const weekly = debt({
      schedule: { count: 4, amountMinor: 25_000, cadence: 'weekly', firstDue: '2026-12-01' },
    });
    const paid = repayment('debt-a', '2026-12-01', 25_000);
    const list = dueInstalments([weekly], [paid], [skip('debt-a', '2026-12-08')], '2026-12-08');
    expect(list.map((i) => i.dueOn)).toEqual(['2026-12-15', '2026-12-22']);
  });
});

describe('what the household pays in a month', () => {
  it('counts only the debts we owe, not money owed to us', () => {
    const theirs = debt({ id: 'debt-b', direction: 'owed-to-us' });
    const m = instalmentsOfMonth([debt(), theirs], [], [], '2026-11', [], 'PHP');
    expect(m.items.map((i) => i.debtId)).toEqual(['debt-a']);
    expect(m.totalMinor).toBe(25_000);
  });

  it('an instalment no rate converts is flagged and counted nowhere, never as 0; the currencies sorted', () => {
    // The USD debt comes first in the list, so its currency is flagged first.
    const usd = debt({ id: 'debt-b', currency: 'USD' });
    const eur = debt({ id: 'debt-c', currency: 'EUR' });
    const m = instalmentsOfMonth([usd, eur, debt()], [], [], '2026-11', [], 'PHP');
    expect(m.items).toHaveLength(3);
    expect(m).toMatchObject({
      totalMinor: 25_000,
      paidMinor: 0,
      leftMinor: 25_000,
      missingRateCurrencies: ['EUR', 'USD'],
    });
    const rated = instalmentsOfMonth(
      [usd, eur, debt()],
      [],
      [],
      '2026-11',
      [makeRate('USD', '2026-01-01', '50')],
      'PHP',
    );
    expect(rated.missingRateCurrencies).toEqual(['EUR']);
    expect(rated.totalMinor).toBe(25_000 + 25_000 * 50);
  });

  it('paid, left and skipped: the total holds every instalment, left the ones neither paid nor skipped', () => {
    const b = debt({ id: 'debt-b' });
    const c = debt({ id: 'debt-c' });
    const paid = repayment('debt-a', '2026-11-05', 25_000);
    const m = instalmentsOfMonth(
      [debt(), b, c],
      [paid],
      [skip('debt-b', '2026-11-05')],
      '2026-11',
      [],
      'PHP',
    );
    expect(m).toMatchObject({ totalMinor: 75_000, paidMinor: 25_000, leftMinor: 25_000 });
  });
});

describe('the month card with instalments', () => {
  it('adds paid and left instalments to the costs and joins the flagged currencies, once each and sorted', () => {
    const glance = {
      ...monthGlance({
        month: '2026-11',
        streams: [],
        plans: [],
        entries: [],
        rollups: [],
        payments: [],
        skips: [],
        rates: [],
        baseCurrency: 'PHP',
      }),
      bringsMinor: 50_000,
      costsMinor: 10_000,
      missingRateCurrencies: ['USD', 'EUR'],
    };
    const inst: MonthInstalments = {
      items: [],
      totalMinor: 0,
      paidMinor: 20_000,
      leftMinor: 30_000,
      missingRateCurrencies: ['JPY', 'USD'],
    };
    expect(glanceWithInstalments(glance, inst)).toMatchObject({
      costsMinor: 60_000,
      balanceMinor: -10_000,
      shortMinor: 10_000,
      missingRateCurrencies: ['EUR', 'JPY', 'USD'],
    });
  });
});

describe('whether a schedule reaches a window', () => {
  const dayArb = fc.integer({ min: 0, max: 800 }).map((d) => addDaysIso('2026-01-01', d));
  const scheduleArb = fc.record({
    count: fc.integer({ min: 1, max: 30 }),
    amountMinor: fc.constant(100),
    cadence: fc.constantFrom('monthly' as const, 'weekly' as const),
    firstDue: dayArb,
  });

  it('exactly when the window is not empty, its first instalment is not after the window and its last not before it', () => {
    fc.assert(
      fc.property(
        scheduleArb,
        dayArb,
        fc.integer({ min: -3, max: 60 }),
        (schedule: DebtSchedule, from, len) => {
          const to = addDaysIso(from, len);
          const last = instalmentDate(schedule.firstDue, schedule.cadence, schedule.count - 1);
          expect(scheduleReaches(schedule, from, to)).toBe(
            from <= to && schedule.firstDue <= to && last >= from,
          );
        },
      ),
      { numRuns: 300 },
    );
  });

  it('a one-day window on the first or the last instalment is reached; the day after the last is not', () => {
    const s: DebtSchedule = {
      count: 3,
      amountMinor: 100,
      cadence: 'monthly',
      firstDue: '2026-11-05',
    };
    expect(scheduleReaches(s, '2026-11-05', '2026-11-05')).toBe(true);
    expect(scheduleReaches(s, '2027-01-05', '2027-01-05')).toBe(true);
    expect(scheduleReaches(s, '2027-01-06', '2027-02-05')).toBe(false);
    expect(scheduleReaches(s, '2026-11-06', '2026-11-05')).toBe(false);
    expect(scheduleReaches(null, '2026-11-01', '2026-11-30')).toBe(false);
  });
});
