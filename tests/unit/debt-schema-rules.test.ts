/**
 * What a debt record must be to be stored or restored (issue 28, seventh round): its schedule's
 * last instalment takes what remains and so must be more than zero, its first instalment falls
 * on or after the loan's day, and it is forgiven on or after that day. Properties over dates and
 * amounts (fast-check), since a wrong comparison shows only at the edges: the same day, a last
 * instalment of exactly one minor unit.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { MAX_INSTALMENTS, type Debt } from '../../src/lib/domain/debt-model';
import { scheduleFits } from '../../src/lib/domain/debt-schema';
import { AnyamError, type IsoDate } from '../../src/lib/domain/model';
import { MAX_MINOR } from '../../src/lib/domain/money';
import { validateRecord } from '../../src/lib/domain/schema';

const debt: Debt = {
  id: '6f0c1a52-3d1e-4b7a-9f0e-2b8c4d5e6f70',
  createdAt: '2026-01-01T00:00:00.000Z',
  updatedAt: '2026-01-01T00:00:00.000Z',
  deletedAt: null,
  counterparty: 'Koperasi',
  kind: 'cooperative',
  direction: 'we-owe',
  amountMinor: 300_000,
  currency: 'IDR',
  date: '2026-01-05',
  schedule: { count: 3, amountMinor: 100_000, cadence: 'monthly', firstDue: '2026-02-05' },
  forgivenOn: null,
  note: '',
  isSample: false,
};

function codeOf(value: unknown): string | null {
  try {
    validateRecord('debts', value);
    return null;
  } catch (e) {
    if (e instanceof AnyamError) return e.code;
    throw e;
  }
}

const DAY = 86_400_000;
const isoDate = fc
  .integer({ min: Date.UTC(1900, 0, 1) / DAY, max: Date.UTC(2999, 11, 31) / DAY })
  .map((d) => new Date(d * DAY).toISOString().slice(0, 10) as IsoDate);
/** Two dates, the first on or before the second. */
const ordered = fc.tuple(isoDate, isoDate).map(([a, b]) => (a <= b ? [a, b] : [b, a]));

describe('the last instalment takes what remains, so it must be more than zero', () => {
  it('a schedule fits exactly when the amount is more than count − 1 instalments', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: MAX_INSTALMENTS }),
        fc.integer({ min: 1, max: 10_000_000 }),
        fc.integer({ min: -3, max: 3 }),
        (count, each, nudge) => {
          // Around the edge: a last instalment of −2 … 4 minor units.
          const amount = (count - 1) * each + 1 + nudge;
          fc.pre(amount >= 1);
          const schedule = {
            count,
            amountMinor: each,
            cadence: 'monthly' as const,
            firstDue: '2026-01-05',
          };
          expect(scheduleFits(schedule, amount)).toBe(amount - (count - 1) * each >= 1);
        },
      ),
      { numRuns: 300 },
    );
  });

  it('one instalment of any amount fits any debt', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: MAX_MINOR }),
        fc.integer({ min: 1, max: MAX_MINOR }),
        (each, amount) => {
          const schedule = {
            count: 1,
            amountMinor: each,
            cadence: 'weekly' as const,
            firstDue: '2026-01-05',
          };
          expect(scheduleFits(schedule, amount)).toBe(true);
        },
      ),
      { numRuns: 300 },
    );
  });

  it('a debt whose last instalment is one minor unit is stored; one of nothing is refused', () => {
    const fits = { ...debt, amountMinor: 200_001 };
    expect(codeOf(fits)).toBeNull();
    expect(codeOf({ ...debt, amountMinor: 200_000 })).toBe('debt/schedule-too-long');
    expect(codeOf({ ...debt, amountMinor: 199_999 })).toBe('debt/schedule-too-long');
    expect(codeOf({ ...debt, schedule: null, amountMinor: 1 })).toBeNull();
  });
});

describe("the first instalment falls on or after the loan's day", () => {
  it('on or after the day is accepted, the same day included; before is refused', () => {
    fc.assert(
      fc.property(ordered, ([date, firstDue]) => {
        const schedule = { ...debt.schedule!, firstDue };
        expect(codeOf({ ...debt, date, schedule })).toBeNull();
        if (date !== firstDue) {
          const early = { ...debt.schedule!, firstDue: date };
          expect(codeOf({ ...debt, date: firstDue, schedule: early })).toBe('debt/due-before-date');
        }
      }),
      { numRuns: 300 },
    );
  });

  it('a debt without a schedule has no first instalment to check', () => {
    fc.assert(
      fc.property(isoDate, (date) => {
        expect(codeOf({ ...debt, date, schedule: null })).toBeNull();
      }),
      { numRuns: 300 },
    );
  });
});

describe('a debt is forgiven on or after the day it was made', () => {
  it('on or after the day is accepted, the same day included; before is refused', () => {
    fc.assert(
      fc.property(ordered, ([date, forgivenOn]) => {
        const schedule = { ...debt.schedule!, firstDue: date };
        expect(codeOf({ ...debt, date, schedule, forgivenOn })).toBeNull();
        if (date !== forgivenOn) {
          const late = { ...debt.schedule!, firstDue: forgivenOn };
          expect(codeOf({ ...debt, date: forgivenOn, schedule: late, forgivenOn: date })).toBe(
            'debt/invalid-date',
          );
        }
      }),
      { numRuns: 300 },
    );
  });
});
