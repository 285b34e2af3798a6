/**
 * Issue 22 for plans, earmarked coverage and the usual amount: properties over random plans and
 * a random "today" (todayArb favours the 1st, a month's last day, 29 February and 31 December).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addDaysIso } from '../../src/lib/domain/dates';
import { earmarkedNowAndLast } from '../../src/lib/domain/earmarked';
import {
  PLAN_CATEGORIES,
  STREAM_KINDS,
  type Payment,
  type Plan,
  type Skip,
} from '../../src/lib/domain/model';
import { monthGlance } from '../../src/lib/domain/month-glance';
import { addMonths, daysInMonth, monthOf } from '../../src/lib/domain/months';
import { planOccurrences } from '../../src/lib/domain/occurrences';
import { outlierOf } from '../../src/lib/domain/outlier';
import {
  earmarkedCoverage,
  firstDueMonth,
  monthBills,
  nextDueOn,
} from '../../src/lib/domain/plans';
import { usualAmount } from '../../src/lib/domain/usual-amount';
import { todayArb } from '../factories/today';
import { makePlan, makeRate } from './analytics-fixtures';

const RUNS = { numRuns: 300 };
const pad = (n: number) => String(n).padStart(2, '0');

/** A date within four years around `today`, month ends and 29 February favoured. */
const dateNear = (today: string) =>
  fc
    .record({ shift: fc.integer({ min: -30, max: 18 }), end: fc.boolean(), day: fc.nat() })
    .map(({ shift, end, day }) => {
      const month = addMonths(monthOf(today), shift);
      const days = daysInMonth(month);
      return `${month}-${pad(end ? days : 1 + (day % days))}`;
    });

const planArb = (today: string) =>
  fc
    .record({
      cadence: fc.constantFrom<Plan['cadence']>('monthly', 'weekly', 'yearly', 'once'),
      dueOn: fc.oneof(dateNear(today), fc.constant('2024-02-29'), fc.constant('2025-01-31')),
      amountMinor: fc.integer({ min: 1, max: 50_000_000_00 }),
      category: fc.constantFrom(...PLAN_CATEGORIES),
      currency: fc.constantFrom('IDR', 'IDR', 'USD'),
      fundedBy: fc.subarray([...STREAM_KINDS]),
    })
    .map((over) => makePlan(over));

const householdArb = todayArb.chain((today) =>
  fc.record({
    today: fc.constant(today),
    plans: fc.array(planArb(today), { maxLength: 6 }),
    byKind: fc.record(
      Object.fromEntries(
        STREAM_KINDS.map((k) => [k, fc.integer({ min: 0, max: 10_000_000_00 })]),
      ) as Record<(typeof STREAM_KINDS)[number], fc.Arbitrary<number>>,
    ),
    withRate: fc.boolean(),
    answer: fc.array(fc.constantFrom('none', 'paid', 'skipped', 'paid-more'), { maxLength: 40 }),
  }),
);

describe('earmarked coverage: no plan is judged before its first due month', () => {
  it('leaves a plan out of every month before its first due month, and says when it starts', () => {
    fc.assert(
      fc.property(householdArb, ({ today, plans, byKind, withRate }) => {
        const rates = withRate ? [makeRate('USD', '2000-01-01', '16000')] : [];
        for (const month of [addMonths(monthOf(today), -1), monthOf(today)]) {
          const groups = earmarkedCoverage(plans, month, { byKind }, 'IDR', rates);
          for (const g of groups) {
            for (const id of g.planIds) {
              const plan = plans.find((p) => p.id === id)!;
              expect(firstDueMonth(plan) <= month).toBe(true);
            }
          }
        }
        const { soFar, last } = earmarkedNowAndLast({
          rollups: [],
          streams: [],
          plans,
          rates,
          baseCurrency: 'IDR',
          today,
        });
        for (const view of [soFar, last]) {
          const month = view.period.months[0]!;
          const judged = new Set(view.groups.flatMap((g) => g.planIds));
          for (const plan of plans) {
            const notYet = view.notYet.some((n) => n.planId === plan.id);
            const early = plan.fundedBy.length > 0 && firstDueMonth(plan) > month;
            expect(notYet).toBe(early);
            if (early) expect(judged.has(plan.id)).toBe(false);
          }
        }
        expect(last.period.complete).toBe(true);
        expect(soFar.period.months).toEqual([monthOf(today)]);
      }),
      RUNS,
    );
  });
});

describe('nextDueOn', () => {
  it('is on or after today and is an occurrence of the plan, with none between today and it', () => {
    fc.assert(
      fc.property(
        todayArb.chain((today) => fc.tuple(fc.constant(today), planArb(today))),
        ([today, plan]) => {
          const next = nextDueOn(plan, today);
          if (plan.cadence === 'once') {
            expect(next).toBe(plan.dueOn >= today ? plan.dueOn : null);
            return;
          }
          expect(next).not.toBeNull();
          expect(next! >= today).toBe(true);
          expect(next! >= plan.dueOn).toBe(true);
          expect(planOccurrences(plan, next!, next!)).toEqual([next]);
          expect(planOccurrences(plan, today, addDaysIso(next!, -1))).toEqual([]);
        },
      ),
      RUNS,
    );
  });

  it('goes across month ends and 29 February', () => {
    const yearly = (dueOn: string) => makePlan({ amountMinor: 1, cadence: 'yearly', dueOn });
    const monthly = (dueOn: string) => makePlan({ amountMinor: 1, cadence: 'monthly', dueOn });
    // The fee first due 1 June 2025, read on 5 December 2026.
    expect(nextDueOn(yearly('2025-06-01'), '2026-12-05')).toBe('2027-06-01');
    expect(nextDueOn(yearly('2025-06-01'), '2027-06-01')).toBe('2027-06-01');
    expect(nextDueOn(yearly('2025-06-01'), '2027-06-02')).toBe('2028-06-01');
    // 29 February: the 28th in a common year, the 29th again in a leap year.
    expect(nextDueOn(yearly('2024-02-29'), '2025-01-10')).toBe('2025-02-28');
    expect(nextDueOn(yearly('2024-02-29'), '2027-03-01')).toBe('2028-02-29');
    expect(nextDueOn(yearly('2024-02-29'), '2028-02-29')).toBe('2028-02-29');
    // The 31st: the last day of shorter months, back to the 31st after them.
    expect(nextDueOn(monthly('2025-01-31'), '2026-02-01')).toBe('2026-02-28');
    expect(nextDueOn(monthly('2025-01-31'), '2028-02-01')).toBe('2028-02-29');
    expect(nextDueOn(monthly('2025-01-31'), '2026-03-01')).toBe('2026-03-31');
    expect(nextDueOn(monthly('2025-01-31'), '2026-12-31')).toBe('2026-12-31');
    // Not started yet: its first due date.
    expect(nextDueOn(monthly('2026-12-10'), '2026-12-05')).toBe('2026-12-10');
    // A one-off: its day, or none once it has passed.
    const once = makePlan({ amountMinor: 1, cadence: 'once', dueOn: '2026-12-31' });
    expect(nextDueOn(once, '2026-12-31')).toBe('2026-12-31');
    expect(nextDueOn(once, '2027-01-01')).toBeNull();
  });
});

describe("this month's bills: one function", () => {
  it("the Plans view's total is the month card's billsMinor, and its categories add up to it", () => {
    fc.assert(
      fc.property(householdArb, ({ today, plans, withRate, answer }) => {
        const month = monthOf(today);
        const rates = withRate ? [makeRate('USD', '2000-01-01', '16000')] : [];
        const common = {
          createdAt: '2026-01-01T00:00:00.000Z',
          updatedAt: '2026-01-01T00:00:00.000Z',
          deletedAt: null,
          isSample: false,
        };
        const payments: Payment[] = [];
        const skips: Skip[] = [];
        const occurrences = plans.flatMap((p) =>
          planOccurrences(p, `${month}-01`, `${month}-${pad(daysInMonth(month))}`).map((d) => ({
            plan: p,
            dueOn: d,
          })),
        );
        occurrences.forEach(({ plan, dueOn }, i) => {
          const a = answer[i] ?? 'none';
          if (a === 'skipped') {
            skips.push({ ...common, id: `s${i}`, sourceId: plan.id, kind: 'plan', dueOn });
          } else if (a !== 'none') {
            payments.push({
              ...common,
              id: `p${i}`,
              planId: plan.id,
              dueOn,
              date: today,
              amountMinor: plan.amountMinor * (a === 'paid-more' ? 2 : 1),
              currency: plan.currency,
              note: '',
            });
          }
        });
        const glance = monthGlance({
          month,
          streams: [],
          plans,
          entries: [],
          rollups: [],
          payments,
          skips,
          rates,
          baseCurrency: 'IDR',
        });
        const bills = monthBills(glance, plans);
        expect(bills.totalMinor).toBe(glance.billsMinor);
        const sum = PLAN_CATEGORIES.reduce((s, c) => s + bills.byCategory[c], 0);
        expect(sum).toBe(glance.billsMinor);
        expect(bills.month).toBe(month);
        // A yearly plan counts only in a month it falls due, and then whole (never ÷ 12).
        for (const plan of plans.filter((p) => p.cadence === 'yearly' && p.currency === 'IDR')) {
          const due = glance.bills.filter((b) => b.planId === plan.id);
          for (const b of due) expect(b.baseMinor).toBe(plan.amountMinor);
        }
      }),
      RUNS,
    );
  });
});

describe('the usual amount: one function for the chip and the warning', () => {
  it("the warning's usual amount is usualAmount's value, and it warns only from it", () => {
    fc.assert(
      fc.property(
        todayArb.chain((today) =>
          fc.record({
            today: fc.constant(today),
            history: fc.array(
              fc.record({
                date: dateNear(today),
                amountMinor: fc.integer({ min: 0, max: 10_000_000_00 }),
              }),
              { maxLength: 8 },
            ),
            expected: fc.oneof(fc.constant(null), fc.integer({ min: 0, max: 10_000_000_00 })),
            amount: fc.integer({ min: 0, max: 1_000_000_000_00 }),
          }),
        ),
        ({ today, history, expected, amount }) => {
          const usual = usualAmount(history, today, expected);
          const outlier = outlierOf(amount, history, today, expected);
          if (outlier !== null) {
            expect(usual).not.toBeNull();
            expect(outlier.usualMinor).toBe(usual!.amountMinor);
            expect(outlier.ratio).toBe(amount / usual!.amountMinor);
          } else if (usual !== null && usual.amountMinor > 0) {
            const ratio = amount / usual.amountMinor;
            expect(ratio <= 10 && ratio >= 1 / 10).toBe(true);
          }
        },
      ),
      RUNS,
    );
  });

  it('is the median of the last 6 months, or the expected amount with fewer than 3 entries', () => {
    const at = (date: string, amountMinor: number) => ({ date, amountMinor });
    const history = [
      at('2026-10-25', 5_512_000_00),
      at('2026-11-25', 5_512_000_00),
      at('2026-09-25', 5_200_000_00),
    ];
    expect(usualAmount(history, '2026-12-05', 5_200_000_00)).toEqual({
      amountMinor: 5_512_000_00,
      basis: 'recent',
    });
    expect(usualAmount(history.slice(0, 2), '2026-12-05', 5_200_000_00)).toEqual({
      amountMinor: 5_200_000_00,
      basis: 'expected',
    });
    expect(usualAmount(history.slice(0, 2), '2026-12-05', 0)).toBeNull();
    // Older than 6 months: not counted.
    expect(usualAmount([...history, at('2026-06-01', 1)], '2026-12-05')?.amountMinor).toBe(
      5_512_000_00,
    );
  });
});
