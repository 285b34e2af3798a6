import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Debt, Repayment } from '../../src/lib/domain/debt-model';
import {
  instalmentAmounts,
  instalmentDate,
  instalments,
  scheduleOfCount,
  scheduleOfEach,
} from '../../src/lib/domain/debt-schedule';
import { scheduleFits } from '../../src/lib/domain/debt-schema';
import { debtStatus, owedRow } from '../../src/lib/domain/debts';

const RUNS = { numRuns: 300 };
const amountArb = fc.integer({ min: 1, max: 10_000_000_000 });
const countArb = fc.integer({ min: 1, max: 600 });

describe('instalment dates (date-fns)', () => {
  it('puts a 31st on the last day of shorter months, counted from the first each time', () => {
    expect([0, 1, 2, 3].map((k) => instalmentDate('2026-01-31', 'monthly', k))).toEqual([
      '2026-01-31',
      '2026-02-28',
      '2026-03-31',
      '2026-04-30',
    ]);
    expect(instalmentDate('2027-12-31', 'monthly', 2)).toBe('2028-02-29');
  });
  it('runs weekly across a new year', () => {
    expect([0, 1, 2].map((k) => instalmentDate('2026-12-24', 'weekly', k))).toEqual([
      '2026-12-24',
      '2026-12-31',
      '2027-01-07',
    ]);
  });
});

describe('the remainder rule', () => {
  it('₱12,000 in 6 is six of ₱2,000; ₫1,000,000 in 6 puts the remainder on the last', () => {
    const php = scheduleOfCount(1_200_000, 6, 'monthly', '2026-12-01');
    expect(instalmentAmounts(1_200_000, php)).toEqual(Array(6).fill(200_000));
    const vnd = scheduleOfCount(1_000_000, 6, 'monthly', '2026-12-01');
    expect(instalmentAmounts(1_000_000, vnd)).toEqual([
      166_666, 166_666, 166_666, 166_666, 166_666, 166_670,
    ]);
    // "₱5,000 repaying ₱1,000 a month": five of ₱1,000; ₱5,500 takes a sixth of ₱500.
    expect(
      instalmentAmounts(500_000, scheduleOfEach(500_000, 100_000, 'monthly', '2026-12-01')),
    ).toEqual(Array(5).fill(100_000));
    expect(
      instalmentAmounts(550_000, scheduleOfEach(550_000, 100_000, 'monthly', '2026-12-01')).at(-1),
    ).toBe(50_000);
  });

  it('a schedule by count: the amounts add up exactly, all but the last equal, the last larger by less than the count', () => {
    fc.assert(
      fc.property(amountArb, countArb, (amount, count) => {
        fc.pre(count <= amount);
        const schedule = scheduleOfCount(amount, count, 'monthly', '2026-12-01');
        const parts = instalmentAmounts(amount, schedule);
        expect(scheduleFits(schedule, amount)).toBe(true);
        expect(parts).toHaveLength(count);
        expect(parts.reduce((a, b) => a + b, 0)).toBe(amount);
        expect(parts.slice(0, -1).every((p) => p === schedule.amountMinor)).toBe(true);
        expect(parts.at(-1)! - schedule.amountMinor).toBeGreaterThanOrEqual(0);
        expect(parts.at(-1)! - schedule.amountMinor).toBeLessThan(count);
      }),
      RUNS,
    );
  });

  it('a schedule by amount each: the amounts add up exactly, every one above zero and at most the amount each', () => {
    fc.assert(
      fc.property(amountArb, fc.integer({ min: 1, max: 10_000_000_000 }), (amount, each) => {
        fc.pre(Math.ceil(amount / each) <= 600);
        const schedule = scheduleOfEach(amount, each, 'weekly', '2026-12-28');
        const parts = instalments(amount, schedule);
        expect(scheduleFits(schedule, amount)).toBe(true);
        expect(parts.reduce((a, b) => a + b.amountMinor, 0)).toBe(amount);
        expect(
          parts.every((p) => p.amountMinor > 0 && p.amountMinor <= Math.max(each, amount)),
        ).toBe(true);
        // Dates strictly increase, a week apart.
        for (let i = 1; i < parts.length; i++)
          expect(parts[i]!.dueOn > parts[i - 1]!.dueOn).toBe(true);
      }),
      RUNS,
    );
  });
});

const at = '2026-11-01T00:00:00.000Z';
function debt(amountMinor: number, over: Partial<Debt> = {}): Debt {
  return {
    id: '00000000-0000-4000-8000-0000000000d1',
    createdAt: at,
    updatedAt: at,
    deletedAt: null,
    counterparty: 'Tita Nena',
    kind: 'person',
    direction: 'we-owe',
    amountMinor,
    currency: 'PHP',
    date: '2026-10-01',
    schedule: scheduleOfCount(amountMinor, 5, 'monthly', '2026-11-01'),
    forgivenOn: null,
    note: '',
    isSample: false,
    ...over,
  };
}
function repayment(i: number, amountMinor: number, dueOn: string | null = null): Repayment {
  return {
    id: `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`,
    createdAt: at,
    updatedAt: at,
    deletedAt: null,
    debtId: '00000000-0000-4000-8000-0000000000d1',
    dueOn,
    date: '2026-11-01',
    amountMinor,
    currency: 'PHP',
    note: '',
    isSample: false,
  };
}

describe('what is left', () => {
  it('paid + forgiven + left = amount for any repayments that stay within it', () => {
    fc.assert(
      fc.property(
        amountArb,
        fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { maxLength: 12 }),
        fc.boolean(),
        (amount, shares, forgive) => {
          const rows: Repayment[] = [];
          let left = amount;
          shares.forEach((share, i) => {
            const pay = Math.min(left, Math.max(1, Math.floor(left * share)));
            if (left === 0) return;
            rows.push(repayment(i + 1, pay));
            left -= pay;
          });
          const s = debtStatus(debt(amount, forgive ? { forgivenOn: '2026-11-20' } : {}), rows);
          expect(s.repaidMinor + s.forgivenMinor + s.leftMinor).toBe(amount);
          expect(s.paidOff).toBe(left === 0);
          expect(s.forgiven).toBe(forgive && left > 0);
          expect(s.leftMinor).toBe(forgive ? 0 : left);
        },
      ),
      RUNS,
    );
  });

  it('next due skips the paid instalments and says "paid off" at the end', () => {
    const d = debt(500_000);
    const first = debtStatus(d, []);
    expect(first.nextDue).toMatchObject({ dueOn: '2026-11-01', amountMinor: 100_000 });
    const two = debtStatus(d, [
      repayment(1, 100_000, '2026-11-01'),
      repayment(2, 100_000, '2026-12-01'),
    ]);
    expect(two.nextDue?.dueOn).toBe('2027-01-01');
    expect(owedRow(two)).toMatchObject({ leftMinor: 300_000, paymentsCount: 2, state: 'open' });
    const all = debtStatus(d, [repayment(1, 500_000)]);
    expect(all.nextDue).toBeNull();
    expect(owedRow(all).state).toBe('paid-off');
    // A repayment above the schedule makes the next instalment only what is left.
    expect(debtStatus(d, [repayment(1, 450_000)]).nextDue?.amountMinor).toBe(50_000);
  });
});
