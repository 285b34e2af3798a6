// The rules of occurrences.ts written out plainly (docs/testing.md, "Mutation testing"): the dates
// a pay day or a plan falls on in a range, both ends included, checked against a day-by-day
// reading of the rule in UTC arithmetic that shares no code with date-fns.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { IsoDate, PayDay, Plan } from '../../src/lib/domain/model';
import {
  createdOn,
  occurrenceKey,
  payDayOccurrences,
  planOccurrences,
  skippedKeys,
  streamOccurrences,
} from '../../src/lib/domain/occurrences';

const DAY_MS = 86_400_000;
const dayNumber = (iso: string): number =>
  Date.UTC(Number(iso.slice(0, 4)), Number(iso.slice(5, 7)) - 1, Number(iso.slice(8, 10))) / DAY_MS;
const isoOf = (n: number): IsoDate => new Date(n * DAY_MS).toISOString().slice(0, 10);
const daysInMonth = (year: number, month0: number): number =>
  new Date(Date.UTC(year, month0 + 1, 0)).getUTCDate();
const isoWeekday = (n: number): number => ((new Date(n * DAY_MS).getUTCDay() + 6) % 7) + 1;

/** Whether the pay day falls on day `n`, read from the rule alone. */
function paidOn(payDay: PayDay, n: number): boolean {
  const date = new Date(n * DAY_MS);
  switch (payDay.cadence) {
    case 'monthly':
      return (
        date.getUTCDate() ===
        Math.min(payDay.day, daysInMonth(date.getUTCFullYear(), date.getUTCMonth()))
      );
    case 'weekly':
      return isoWeekday(n) === payDay.weekday;
    case 'biweekly':
      return (((n - dayNumber(payDay.anchor)) % 14) + 14) % 14 === 0;
  }
}

function everyPayDay(payDay: PayDay, from: IsoDate, to: IsoDate): IsoDate[] {
  const out: IsoDate[] = [];
  for (let n = dayNumber(from); n <= dayNumber(to); n++) if (paidOn(payDay, n)) out.push(isoOf(n));
  return out;
}

/** The k-th due date of a plan counted from its anchor, month ends clamped from the anchor. */
function planStep(plan: Pick<Plan, 'cadence' | 'dueOn'>, k: number): IsoDate {
  const n = dayNumber(plan.dueOn);
  if (plan.cadence === 'weekly') return isoOf(n + 7 * k);
  const a = new Date(n * DAY_MS);
  const months = a.getUTCMonth() + (plan.cadence === 'monthly' ? k : 12 * k);
  const year = a.getUTCFullYear() + Math.floor(months / 12);
  const month0 = months % 12;
  const day = Math.min(a.getUTCDate(), daysInMonth(year, month0));
  return isoOf(Date.UTC(year, month0, day) / DAY_MS);
}

function everyDueDate(plan: Pick<Plan, 'cadence' | 'dueOn'>, from: IsoDate, to: IsoDate) {
  if (plan.cadence === 'once') return plan.dueOn >= from && plan.dueOn <= to ? [plan.dueOn] : [];
  const out: IsoDate[] = [];
  for (let k = 0; planStep(plan, k) <= to; k++)
    if (planStep(plan, k) >= from) out.push(planStep(plan, k));
  return out;
}

const day = (lo: string, span: number) =>
  fc.integer({ min: 0, max: span }).map((n) => isoOf(dayNumber(lo) + n));
const payDay: fc.Arbitrary<PayDay> = fc.oneof(
  fc.integer({ min: 1, max: 31 }).map((d) => ({ cadence: 'monthly' as const, day: d })),
  fc.integer({ min: 1, max: 7 }).map((w) => ({ cadence: 'weekly' as const, weekday: w })),
  day('2022-01-01', 1500).map((anchor) => ({ cadence: 'biweekly' as const, anchor })),
);
const range = fc
  .tuple(day('2023-01-01', 1100), fc.integer({ min: 0, max: 100 }))
  .map(([from, length]) => ({ from, to: isoOf(dayNumber(from) + length) }));
const expected = (cadence: PayDay['cadence']) => ({
  amountMinor: 1_000_00,
  cadence,
  daysPerWeek: 5,
});

describe('the dates a pay day falls on', () => {
  it('are every day of the range, both ends included, that the pay day falls on', () => {
    fc.assert(
      fc.property(payDay, range, (pay, { from, to }) => {
        expect(payDayOccurrences(pay, from, to)).toEqual(everyPayDay(pay, from, to));
      }),
      { numRuns: 300 },
    );
  });

  it('a range of one day that is the pay day answers it, for every cadence', () => {
    expect(payDayOccurrences({ cadence: 'monthly', day: 25 }, '2026-10-25', '2026-10-25')).toEqual([
      '2026-10-25',
    ]);
    expect(
      payDayOccurrences({ cadence: 'weekly', weekday: 3 }, '2026-10-28', '2026-10-28'),
    ).toEqual(['2026-10-28']);
    const biweekly = { cadence: 'biweekly', anchor: '2026-01-02' } as const;
    expect(payDayOccurrences(biweekly, '2026-10-23', '2026-10-23')).toEqual(['2026-10-23']);
    // A range that ends on a biweekly pay day includes it.
    expect(payDayOccurrences(biweekly, '2026-10-16', '2026-10-23')).toEqual(['2026-10-23']);
  });

  it('a reversed range has none', () => {
    for (const pay of [
      { cadence: 'monthly', day: 25 },
      { cadence: 'weekly', weekday: 3 },
      { cadence: 'biweekly', anchor: '2026-01-02' },
    ] as const)
      expect(payDayOccurrences(pay, '2026-10-31', '2026-10-01')).toEqual([]);
  });
});

describe('a stream’s pay days', () => {
  it('are its pay days in the range that fall on or after its start and on or before its end', () => {
    const bound = fc.option(day('2023-01-01', 1200), { nil: null });
    fc.assert(
      fc.property(payDay, range, bound, bound, (pay, { from, to }, startedOn, endedOn) => {
        const stream = { payDay: pay, expected: expected(pay.cadence), startedOn, endedOn };
        const inLife = everyPayDay(pay, from, to).filter(
          (d) => (startedOn === null || d >= startedOn) && (endedOn === null || d <= endedOn),
        );
        expect(streamOccurrences(stream, from, to)).toEqual(inLife);
      }),
      { numRuns: 300 },
    );
  });

  it('a stream that ends on a pay day is paid that day; one that starts on it too', () => {
    const pay = { cadence: 'monthly', day: 25 } as const;
    const stream = {
      payDay: pay,
      expected: expected('monthly'),
      startedOn: '2026-08-25',
      endedOn: '2026-10-25',
    };
    expect(streamOccurrences(stream, '2026-01-01', '2026-12-31')).toEqual([
      '2026-08-25',
      '2026-09-25',
      '2026-10-25',
    ]);
  });
});

describe('the dates a plan falls due', () => {
  const plan = fc.record({
    cadence: fc.constantFrom<Plan['cadence']>('monthly', 'weekly', 'yearly', 'once'),
    dueOn: day('2018-01-01', 3000),
  });

  it('are its due date and each step after it (month ends clamped from the due date) that fall in the range, however long ago it was first due', () => {
    fc.assert(
      fc.property(plan, range, (p, { from, to }) => {
        expect(planOccurrences(p, from, to)).toEqual(everyDueDate(p, from, to));
      }),
      { numRuns: 300 },
    );
  });

  it('a yearly plan first due years ago falls on its day in the year asked, 29 February on the 28th', () => {
    expect(
      planOccurrences({ cadence: 'yearly', dueOn: '2020-02-29' }, '2026-01-01', '2026-12-31'),
    ).toEqual(['2026-02-28']);
    expect(
      planOccurrences({ cadence: 'yearly', dueOn: '2019-07-15' }, '2026-07-01', '2026-07-31'),
    ).toEqual(['2026-07-15']);
  });

  it('a monthly plan first due long ago falls in the month asked; a weekly one on its weekday', () => {
    expect(
      planOccurrences({ cadence: 'monthly', dueOn: '2021-01-31' }, '2026-02-01', '2026-03-31'),
    ).toEqual(['2026-02-28', '2026-03-31']);
    expect(
      planOccurrences({ cadence: 'weekly', dueOn: '2024-01-03' }, '2026-10-26', '2026-11-08'),
    ).toEqual(['2026-10-28', '2026-11-04']);
  });

  it('a one-off plan is due on its date when the range starts or ends on it, or is that one day', () => {
    const once = { cadence: 'once', dueOn: '2026-07-10' } as const;
    expect(planOccurrences(once, '2026-07-10', '2026-07-31')).toEqual(['2026-07-10']);
    expect(planOccurrences(once, '2026-07-01', '2026-07-10')).toEqual(['2026-07-10']);
    expect(planOccurrences(once, '2026-07-10', '2026-07-10')).toEqual(['2026-07-10']);
    expect(planOccurrences(once, '2026-07-11', '2026-07-31')).toEqual([]);
  });

  it('a reversed range has none, for every cadence', () => {
    for (const cadence of ['monthly', 'weekly', 'yearly', 'once'] as const)
      expect(planOccurrences({ cadence, dueOn: '2026-07-10' }, '2026-07-31', '2026-07-01')).toEqual(
        [],
      );
  });
});

describe('skips and keys', () => {
  it('a key names the source and the date; only live skips are looked up', () => {
    expect(occurrenceKey('rent', '2026-07-10')).toBe('rent|2026-07-10');
    const base = {
      createdAt: '2026-01-01T00:00:00.000Z',
      updatedAt: '2026-01-01T00:00:00.000Z',
      isSample: false,
    };
    const keys = skippedKeys([
      { ...base, id: 'a', kind: 'plan', sourceId: 'rent', dueOn: '2026-07-10', deletedAt: null },
      {
        ...base,
        id: 'b',
        kind: 'plan',
        sourceId: 'rent',
        dueOn: '2026-08-10',
        deletedAt: '2026-07-01T00:00:00.000Z',
      },
    ]);
    expect([...keys]).toEqual(['rent|2026-07-10']);
  });

  it('a record was created on the local calendar date of its creation time', () => {
    const at = new Date(2026, 6, 10, 23, 30);
    expect(createdOn({ createdAt: at.toISOString() })).toBe('2026-07-10');
  });
});
