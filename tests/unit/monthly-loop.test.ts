import { describe, expect, it } from 'vitest';
import { monthlyLoop, type MonthlyLoopRows } from '../../src/lib/domain/monthly-loop';
import type { Debt, Repayment } from '../../src/lib/domain/debt-model';
import type { Plan, Stream } from '../../src/lib/domain/model';
import { makePlan, makeStream } from './analytics-fixtures';

/* The due list's order (domain/monthly-loop.ts): what a person answers first. */
const created = '2026-10-01T00:00:00.000Z';
const payDayOn = (id: string, day: number): Stream =>
  makeStream({
    id,
    kind: 'formal',
    expected: { amountMinor: 5_000, cadence: 'monthly', daysPerWeek: 5 },
    payDay: { cadence: 'monthly', day },
    createdAt: created,
  });
const billOn = (id: string, day: number): Plan =>
  makePlan({
    id,
    amountMinor: 1_000,
    dueOn: `2026-10-${String(day).padStart(2, '0')}`,
    createdAt: created,
  });

function loop(
  streams: Stream[],
  plans: Plan[],
  today: string,
  owed: Pick<MonthlyLoopRows, 'debts' | 'repayments'> = {},
) {
  const rows: MonthlyLoopRows = {
    ...owed,
    streams,
    plans,
    rates: [],
    baseCurrency: 'IDR',
    entries: [],
    rollups: [],
    payments: [],
    skips: [],
  };
  return monthlyLoop(rows, today);
}

const order = (
  items: ({ kind: string; dueOn: string } & ({ planId: string } | { streamId: string }))[],
) => items.map((i) => `${i.dueOn} ${i.kind} ${'planId' in i ? i.planId : i.streamId}`);

describe('the due list, in the order to answer it', () => {
  it('oldest first; on one day, income before bills (what comes in pays what goes out)', () => {
    const l = loop(
      [payDayOn('salary', 20)],
      [billOn('rent', 20), billOn('water', 18)],
      '2026-11-24',
    );
    expect(order(l.dueNow)).toEqual([
      '2026-11-18 bill water',
      '2026-11-20 income salary',
      '2026-11-20 bill rent',
    ]);
  });

  it('the same on the coming-up side, whichever order the records come in', () => {
    const plans = [billOn('b-phone', 28), billOn('a-power', 28)];
    const streams = [payDayOn('z-gig', 28), payDayOn('k-job', 28)];
    for (const [s, p] of [
      [streams, plans],
      [[...streams].reverse(), [...plans].reverse()],
    ] as const) {
      expect(order(loop([...s], [...p], '2026-11-24').comingUp)).toEqual([
        '2026-11-28 income k-job',
        '2026-11-28 income z-gig',
        '2026-11-28 bill a-power',
        '2026-11-28 bill b-phone',
      ]);
    }
  });

  it("names today's month so far as the month card's period", () => {
    const l = loop([], [], '2026-11-24');
    expect(l.period).toMatchObject({ kind: 'month-so-far', months: ['2026-11'], to: '2026-11-24' });
    expect(l.today).toBe('2026-11-24');
    expect(l.glance.month).toBe('2026-11');
  });
});

// Issue 28, eleventh round: the instalments' two groups were stated by no test that reaches
// monthlyLoop (an empty "due now" or everything under "coming up" passed).
describe("a debt's unpaid instalments, in the due list's two groups", () => {
  const common = { createdAt: created, updatedAt: created, deletedAt: null, isSample: false };
  // 100.00 in ten weekly instalments of 10.00 from Monday 2 November.
  const debt: Debt = {
    ...common,
    id: 'debt-a',
    counterparty: 'Tita Nena',
    kind: 'person',
    direction: 'we-owe',
    amountMinor: 10_000,
    currency: 'IDR',
    date: '2026-10-01',
    schedule: { count: 10, amountMinor: 1_000, cadence: 'weekly', firstDue: '2026-11-02' },
    forgivenOn: null,
    note: '',
  };
  const paid = (dueOn: string): Repayment => ({
    ...common,
    id: `rep-${dueOn}`,
    debtId: 'debt-a',
    dueOn,
    date: dueOn,
    amountMinor: 1_000,
    currency: 'IDR',
    note: '',
  });
  const days = (items: readonly { dueOn: string; overdue: boolean }[]) =>
    items.map((i) => `${i.dueOn}${i.overdue ? ' overdue' : ''}`);

  it('due today or overdue is "due now", the next 14 days "coming up", each once', () => {
    const l = loop([], [], '2026-11-09', { debts: [debt], repayments: [] });
    expect(days(l.instalmentsNow)).toEqual(['2026-11-02 overdue', '2026-11-09']);
    expect(days(l.instalmentsSoon)).toEqual(['2026-11-16', '2026-11-23']);
  });

  it('a paid instalment is in neither group', () => {
    const l = loop([], [], '2026-11-09', { debts: [debt], repayments: [paid('2026-11-02')] });
    expect(days(l.instalmentsNow)).toEqual(['2026-11-09']);
    expect(days(l.instalmentsSoon)).toEqual(['2026-11-16', '2026-11-23']);
  });
});
