import { describe, expect, it } from 'vitest';
import { monthlyLoop, type MonthlyLoopRows } from '../../src/lib/domain/monthly-loop';
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

function loop(streams: Stream[], plans: Plan[], today: string) {
  const rows: MonthlyLoopRows = {
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
