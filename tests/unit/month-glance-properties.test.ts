/**
 * The month card's verdict on random households and a random "today" (todayArb: the 1st, a
 * month's last day, 29 February, 31 December come up often). The verdict is what the month
 * brings (received + still expected) against what it costs (paid + left to pay):
 * - receiving a due pay day at its expected amount ("Received") never raises the amount short,
 *   and in fact leaves the verdict where it was;
 * - paying a bill at its amount ("Paid") never changes the verdict;
 * - the card's total of this month's bills is `billsMinor`, the one total of billsOfMonth;
 * - "Due now" holds only what is due today or late, "Coming up" only the next 14 days.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addDaysIso } from '../../src/lib/domain/dates';
import { baseMinorOrNull, liveRates } from '../../src/lib/domain/base-amount';
import { billsOfMonth, COMING_UP_DAYS, loopEntryRange } from '../../src/lib/domain/due';
import type {
  Entry,
  PayDay,
  Payment,
  Plan,
  Rate,
  Skip,
  Stream,
  StreamCadence,
} from '../../src/lib/domain/model';
import { monthGlance } from '../../src/lib/domain/month-glance';
import { monthlyLoop, type MonthlyLoopRows } from '../../src/lib/domain/monthly-loop';
import { monthOf } from '../../src/lib/domain/months';
import { rollupsFromEntries } from '../../src/lib/domain/rollup';
import { todayArb } from '../factories/today';
import { makeEntry, makePlan, makeRate, makeStream } from './analytics-fixtures';

const RUNS = 300;
const BASE = 'IDR';

const common = {
  createdAt: '2020-01-01T00:00:00.000Z',
  updatedAt: '2020-01-01T00:00:00.000Z',
  deletedAt: null,
  isSample: false,
};

const currency = fc.constantFrom('IDR', 'IDR', 'USD');
const amount = fc.oneof(
  fc.integer({ min: 0, max: 20_000_000_00 }),
  fc.integer({ min: 1, max: 99 }),
);
/** A day offset from today (negative: before). */
const offset = (min: number, max: number) => fc.integer({ min, max });

interface StreamSpec {
  cadence: StreamCadence;
  withPayDay: boolean;
  day: number;
  weekday: number;
  anchorOffset: number;
  currency: string;
  amountMinor: number;
  createdOffset: number;
  startedOffset: number | null;
  endedOffset: number | null;
}

const streamSpec: fc.Arbitrary<StreamSpec> = fc.record({
  cadence: fc.constantFrom<StreamCadence>('monthly', 'biweekly', 'weekly', 'daily', 'irregular'),
  withPayDay: fc.boolean(),
  day: fc.integer({ min: 1, max: 31 }),
  weekday: fc.integer({ min: 1, max: 7 }),
  anchorOffset: offset(-400, 40),
  currency,
  amountMinor: amount,
  createdOffset: offset(-400, 10),
  startedOffset: fc.option(offset(-400, 40), { nil: null }),
  endedOffset: fc.option(offset(-40, 400), { nil: null }),
});

function payDayOf(spec: StreamSpec, today: string): PayDay | null {
  if (!spec.withPayDay) return null;
  switch (spec.cadence) {
    case 'monthly':
      return { cadence: 'monthly', day: spec.day };
    case 'weekly':
      return { cadence: 'weekly', weekday: spec.weekday };
    case 'biweekly':
      return { cadence: 'biweekly', anchor: addDaysIso(today, spec.anchorOffset) };
    default:
      return null;
  }
}

interface PlanSpec {
  cadence: Plan['cadence'];
  dueOffset: number;
  currency: string;
  amountMinor: number;
  createdOffset: number;
}

const planSpec: fc.Arbitrary<PlanSpec> = fc.record({
  cadence: fc.constantFrom<Plan['cadence']>('monthly', 'weekly', 'yearly', 'once'),
  dueOffset: offset(-400, 45),
  currency,
  amountMinor: amount,
  createdOffset: offset(-400, 5),
});

const rateSpec = fc.array(
  fc.record({ offset: offset(-500, 40), value: fc.integer({ min: 1, max: 20_000 }) }),
  { maxLength: 4 },
);

/** A household, its rows as the repository would read them for `today`, and its entries. */
interface Household {
  today: string;
  streams: Stream[];
  plans: Plan[];
  entries: Entry[];
  payments: Payment[];
  skips: Skip[];
  rates: Rate[];
}

const iso = (today: string, days: number) => `${addDaysIso(today, days)}T04:00:00.000Z`;

const household: fc.Arbitrary<Household> = fc
  .record({
    today: todayArb,
    streams: fc.array(streamSpec, { minLength: 1, maxLength: 5 }),
    plans: fc.array(planSpec, { maxLength: 5 }),
    rates: rateSpec,
    entries: fc.array(
      fc.record({
        pick: fc.nat(),
        at: offset(-50, 50),
        amountMinor: amount,
        status: fc.constantFrom('received', 'received', 'pending' as const),
      }),
      { maxLength: 10 },
    ),
    payments: fc.array(
      fc.record({
        pick: fc.nat(),
        atAmount: fc.boolean(),
        amountMinor: amount,
        at: offset(-40, 5),
      }),
      { maxLength: 5 },
    ),
    skips: fc.array(fc.record({ pick: fc.nat(), bill: fc.boolean() }), { maxLength: 3 }),
  })
  .map((h) => {
    const { today } = h;
    const streams = h.streams.map((s, i) =>
      makeStream({
        ...common,
        id: `s${i}`,
        kind: 'formal',
        createdAt: iso(today, s.createdOffset),
        currency: s.currency,
        expected: { amountMinor: s.amountMinor, cadence: s.cadence, daysPerWeek: 5 },
        payDay: payDayOf(s, today),
        startedOn: s.startedOffset === null ? null : addDaysIso(today, s.startedOffset),
        endedOn: s.endedOffset === null ? null : addDaysIso(today, s.endedOffset),
      }),
    );
    const plans = h.plans.map((p, i) =>
      makePlan({
        ...common,
        id: `p${i}`,
        createdAt: iso(today, p.createdOffset),
        cadence: p.cadence,
        dueOn: addDaysIso(today, p.dueOffset),
        currency: p.currency,
        amountMinor: p.amountMinor,
      }),
    );
    const rates = h.rates.map((r) => makeRate('USD', addDaysIso(today, r.offset), String(r.value)));
    const entries = h.entries.map((e) =>
      makeEntry(streams[e.pick % streams.length]!, addDaysIso(today, e.at), e.amountMinor, {
        status: e.status,
      }),
    );
    // Payments and skips of real occurrences: this month's bills, and the due list's.
    const month = monthOf(today);
    const bills = billsOfMonth(plans, [], [], month);
    const payments: Payment[] = bills.length
      ? h.payments.map((p, i) => {
          const bill = bills[p.pick % bills.length]!;
          return {
            ...common,
            id: `pay${i}`,
            planId: bill.planId,
            dueOn: bill.dueOn,
            date: addDaysIso(today, p.at),
            amountMinor: p.atAmount ? bill.amountMinor : p.amountMinor,
            currency: bill.currency,
            note: '',
          };
        })
      : [];
    const base = rows({ today, streams, plans, entries, payments: [], skips: [], rates });
    const loop = monthlyLoop(base, today);
    const incomes = loop.due;
    const skips: Skip[] = h.skips.flatMap((s, i) => {
      const source = s.bill ? bills : incomes;
      if (source.length === 0) return [];
      const o = source[s.pick % source.length]!;
      return [
        {
          ...common,
          id: `skip${i}`,
          kind: s.bill ? ('plan' as const) : ('stream' as const),
          sourceId: 'planId' in o ? o.planId : o.streamId,
          dueOn: o.dueOn,
        },
      ];
    });
    return { today, streams, plans, entries, payments, skips, rates };
  });

/** What repo/due.ts `readMonthlyLoop` hands the domain for `today`. */
function rows(h: Household): MonthlyLoopRows {
  const month = monthOf(h.today);
  const range = loopEntryRange(h.today);
  return {
    streams: h.streams,
    plans: h.plans,
    rates: h.rates,
    baseCurrency: BASE,
    entries: h.entries.filter((e) => e.date >= range.from && e.date <= range.to),
    rollups: rollupsFromEntries(h.entries, h.rates, BASE).filter((r) => r.month === month),
    payments: h.payments,
    skips: h.skips,
  };
}

const loopOf = (h: Household) => monthlyLoop(rows(h), h.today);

describe('the month card verdict', () => {
  it('receiving a due pay day at its expected amount never raises the amount short (nor moves the verdict)', () => {
    fc.assert(
      fc.property(household, fc.nat(), (h, pick) => {
        const before = loopOf(h);
        const due = [...before.dueNow, ...before.comingUp].filter((i) => i.kind === 'income');
        fc.pre(due.length > 0);
        const item = due[pick % due.length]!;
        // What "Received" writes (repo/receive.ts): the expected amount on the pay day.
        const stream = h.streams.find((s) => s.id === item.streamId)!;
        const entry = makeEntry(stream, item.dueOn, stream.expected.amountMinor);
        const after = loopOf({ ...h, entries: [...h.entries, entry] });
        expect(after.glance.shortMinor).toBeLessThanOrEqual(before.glance.shortMinor);
        expect(after.glance.balanceMinor).toBe(before.glance.balanceMinor);
        expect(after.glance.billsMinor).toBe(before.glance.billsMinor);
        // It leaves the due list, and nothing else does.
        const key = (i: { dueOn: string; kind: string }) =>
          `${i.kind}|${i.dueOn}|${JSON.stringify(i)}`;
        expect([...after.dueNow, ...after.comingUp].map(key)).toEqual(
          [...before.dueNow, ...before.comingUp].filter((i) => i !== item).map(key),
        );
      }),
      { numRuns: RUNS },
    );
  });

  it('paying a bill at its amount never changes the verdict, whatever day it is paid', () => {
    fc.assert(
      fc.property(household, fc.nat(), fc.integer({ min: -40, max: 10 }), (h, pick, at) => {
        const before = loopOf(h);
        const bills = [
          ...before.dueNow,
          ...before.comingUp,
          ...before.glance.bills.filter((b) => b.payments.length === 0 && !b.skipped),
        ].filter((i) => 'planId' in i);
        fc.pre(bills.length > 0);
        const bill = bills[pick % bills.length]!;
        if (!('planId' in bill)) return;
        const payment: Payment = {
          ...common,
          id: 'paid-now',
          planId: bill.planId,
          dueOn: bill.dueOn,
          date: addDaysIso(h.today, at),
          amountMinor: bill.amountMinor,
          currency: bill.currency,
          note: '',
        };
        const after = loopOf({ ...h, payments: [...h.payments, payment] });
        expect(after.glance.balanceMinor).toBe(before.glance.balanceMinor);
        expect(after.glance.shortMinor).toBe(before.glance.shortMinor);
        expect(after.glance.costsMinor).toBe(before.glance.costsMinor);
        expect(after.glance.billsMinor).toBe(before.glance.billsMinor);
        expect([...after.dueNow, ...after.comingUp]).not.toContainEqual(
          expect.objectContaining({ planId: bill.planId, dueOn: bill.dueOn }),
        );
      }),
      { numRuns: RUNS },
    );
  });

  it('is one figure: brings − costs, short when negative; the bills total is the one billsMinor', () => {
    fc.assert(
      fc.property(household, (h) => {
        const r = rows(h);
        const g = monthGlance({ month: monthOf(h.today), ...r });
        expect(loopOf(h).glance).toEqual(g);
        expect(g.bringsMinor).toBe(g.receivedMinor + g.stillExpectedMinor);
        expect(g.costsMinor).toBe(g.paidMinor + g.leftMinor);
        expect(g.balanceMinor).toBe(g.bringsMinor - g.costsMinor);
        expect(g.shortMinor).toBe(g.balanceMinor < 0 ? -g.balanceMinor : 0);
        // This month's bills: billsOfMonth's occurrences, skipped ones out, at their due date's rate.
        const live = liveRates(h.rates);
        const total = billsOfMonth(h.plans, h.payments, h.skips, monthOf(h.today))
          .filter((b) => !b.skipped)
          .reduce(
            (n, b) => n + (baseMinorOrNull(b.amountMinor, b.currency, BASE, b.dueOn, live) ?? 0),
            0,
          );
        expect(g.billsMinor).toBe(total);
        // When every bill is paid at its amount or left to pay, the costs are the month's bills.
        const atAmount = g.bills.every(
          (b) =>
            b.payments.length === 0 ||
            (!b.skipped && b.payments.length === 1 && b.payments[0]!.amountMinor === b.amountMinor),
        );
        if (atAmount) expect(g.costsMinor).toBe(g.billsMinor);
      }),
      { numRuns: RUNS },
    );
  });

  it('a skipped bill never makes the month look worse; a skipped pay day never better', () => {
    fc.assert(
      fc.property(household, fc.nat(), fc.boolean(), (h, pick, bill) => {
        const before = loopOf(h);
        const source = bill
          ? before.glance.bills.filter((b) => b.payments.length === 0 && !b.skipped)
          : before.due;
        fc.pre(source.length > 0);
        const o = source[pick % source.length]!;
        const skip: Skip = {
          ...common,
          id: 'skip-now',
          kind: bill ? 'plan' : 'stream',
          sourceId: 'planId' in o ? o.planId : o.streamId,
          dueOn: o.dueOn,
        };
        const after = loopOf({ ...h, skips: [...h.skips, skip] });
        if (bill)
          expect(after.glance.balanceMinor).toBeGreaterThanOrEqual(before.glance.balanceMinor);
        else expect(after.glance.balanceMinor).toBeLessThanOrEqual(before.glance.balanceMinor);
      }),
      { numRuns: RUNS },
    );
  });
});

describe('the due list', () => {
  it('"Due now" holds only what is due today or late; "Coming up" only the next 14 days', () => {
    fc.assert(
      fc.property(household, (h) => {
        const loop = loopOf(h);
        const horizon = addDaysIso(h.today, COMING_UP_DAYS);
        for (const i of loop.dueNow) expect(i.dueOn <= h.today).toBe(true);
        for (const i of loop.comingUp) {
          expect(i.dueOn > h.today && i.dueOn <= horizon).toBe(true);
        }
        // Every unpaid bill of the month due up to today is in "Due now"; later ones are not.
        for (const b of loop.glance.bills) {
          if (b.payments.length > 0 || b.skipped) continue;
          const now = loop.dueNow.some(
            (i) => i.kind === 'bill' && i.planId === b.planId && i.dueOn === b.dueOn,
          );
          expect(now).toBe(b.dueOn <= h.today);
        }
        // Sorted by date, no occurrence twice.
        const all = [...loop.dueNow, ...loop.comingUp];
        const dates = all.map((i) => i.dueOn);
        expect(dates).toEqual([...dates].sort());
        const keys = all.map(
          (i) => `${i.kind}|${'planId' in i ? i.planId : i.streamId}|${i.dueOn}`,
        );
        expect(new Set(keys).size).toBe(keys.length);
      }),
      { numRuns: RUNS },
    );
  });
});
