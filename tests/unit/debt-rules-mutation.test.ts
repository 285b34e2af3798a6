// Issue 28 (mutation round): the record rules of debts and repayments (debt-rules.ts): a date at
// most a year ahead, and the repayments that go past what was left of a debt.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Debt, Repayment } from '../../src/lib/domain/debt-model';
import { debtRules, overRepaid } from '../../src/lib/domain/debt-rules';
import { addDaysIso } from '../../src/lib/domain/dates';
import { assertRecordRules, latestEntryDate } from '../../src/lib/domain/record-rules';

const at = '2026-01-01T00:00:00.000Z';
type DebtRow = Pick<Debt, 'id' | 'amountMinor' | 'currency' | 'deletedAt'>;
const debt = (id: string, amountMinor: number, extra: Partial<DebtRow> = {}): DebtRow => ({
  id,
  amountMinor,
  currency: 'PHP',
  deletedAt: null,
  ...extra,
});
const repayment = (
  id: string,
  debtId: string,
  date: string,
  amountMinor: number,
  extra: Partial<Repayment> = {},
): Repayment => ({
  id,
  createdAt: at,
  updatedAt: at,
  deletedAt: null,
  debtId,
  dueOn: null,
  date,
  amountMinor,
  currency: 'PHP',
  note: '',
  isSample: false,
  ...extra,
});

describe('a loan and a repayment are dated at most a year ahead', () => {
  const rules = debtRules(latestEntryDate);
  const today = '2026-11-24';

  it('a year from today is kept, the day after is refused with both dates', () => {
    fc.assert(
      fc.property(fc.integer({ min: -400, max: 800 }), (days) => {
        const date = addDaysIso(today, days);
        const late = date > '2027-11-24' ? { date, latest: '2027-11-24' } : null;
        expect(rules.debts[0]!.broken({ date } as Debt, { today })).toEqual(late);
        expect(rules.repayments[0]!.broken({ date } as Repayment, { today })).toEqual(late);
      }),
      { numRuns: 300 },
    );
  });

  it('exactly a year from today is kept, for a loan and for a repayment', () => {
    expect(rules.debts[0]!.broken({ date: '2027-11-24' } as Debt, { today })).toBeNull();
    expect(rules.repayments[0]!.broken({ date: '2027-11-24' } as Repayment, { today })).toBeNull();
  });

  it('the rules are about their own tables and fields, and record-rules runs them', () => {
    expect(rules.debts.map((r) => [r.table, r.code, r.field])).toEqual([
      ['debts', 'debt/date-too-far', 'date'],
    ]);
    expect(rules.repayments.map((r) => [r.table, r.code, r.field])).toEqual([
      ['repayments', 'repayment/date-too-far', 'date'],
    ]);
    const ctx = { today, streams: new Map() };
    expect(() => assertRecordRules('repayments', { date: '2027-11-25' }, ctx)).toThrow(
      expect.objectContaining({
        code: 'repayment/date-too-far',
        details: { field: 'date', date: '2027-11-25', latest: '2027-11-24' },
      }),
    );
    expect(() => assertRecordRules('debts', { date: '2027-11-25' }, ctx)).toThrow(
      expect.objectContaining({ code: 'debt/date-too-far' }),
    );
  });
});

/** A reading of the rule that shares no code with debt-rules.ts. */
function reference(debts: readonly DebtRow[], repayments: readonly Repayment[]) {
  const out: { repaymentId: string; leftMinor: number; currency: string }[] = [];
  for (const d of debts) {
    if (d.deletedAt !== null) continue;
    const mine = repayments
      .filter((r) => r.debtId === d.id && r.deletedAt === null)
      .sort((a, b) => a.date.localeCompare(b.date) || a.id.localeCompare(b.id));
    let left = d.amountMinor;
    for (const r of mine) {
      if (r.amountMinor > left) {
        out.push({ repaymentId: r.id, leftMinor: left < 0 ? 0 : left, currency: d.currency });
      }
      left -= r.amountMinor;
    }
  }
  return out;
}

describe('repayments that go past what was left of a debt', () => {
  it('repaying exactly the amount is not over; one minor unit more is, with what was left', () => {
    const d = debt('d', 1_000);
    expect(overRepaid([d], [repayment('a', 'd', '2026-01-01', 1_000)])).toEqual([]);
    const over = repayment('b', 'd', '2026-01-02', 1);
    expect(overRepaid([d], [repayment('a', 'd', '2026-01-01', 1_000), over])).toEqual([
      { repayment: over, leftMinor: 0, currency: 'PHP' },
    ]);
  });

  it('reads repayments in date order, then by id, whatever order they come in', () => {
    const d = debt('d', 1_000, { currency: 'VND' });
    const early = repayment('z', 'd', '2026-01-01', 800);
    const late = repayment('a', 'd', '2026-02-01', 300);
    // In date order the second one goes past the 200 left; read by id the first would.
    expect(overRepaid([d], [late, early])).toEqual([
      { repayment: late, leftMinor: 200, currency: 'VND' },
    ]);
    const x = repayment('x', 'd', '2026-03-01', 100);
    const y = repayment('y', 'd', '2026-03-01', 150);
    const d2 = debt('d', 200);
    expect(overRepaid([d2], [y, x])).toEqual([{ repayment: y, leftMinor: 100, currency: 'PHP' }]);
  });

  it('each over-repayment after the first has nothing left before it (never below 0)', () => {
    const d = debt('d', 100);
    const rows = [repayment('a', 'd', '2026-01-01', 150), repayment('b', 'd', '2026-01-02', 10)];
    expect(overRepaid([d], rows).map((o) => [o.repayment.id, o.leftMinor])).toEqual([
      ['a', 100],
      ['b', 0],
    ]);
  });

  it('leaves out deleted debts, deleted repayments and repayments of no debt given', () => {
    const rows = [
      repayment('a', 'gone', '2026-01-01', 5_000),
      repayment('b', 'd', '2026-01-01', 5_000, { deletedAt: at }),
      repayment('c', 'other', '2026-01-01', 5_000),
    ];
    expect(overRepaid([debt('gone', 1, { deletedAt: at }), debt('d', 1)], rows)).toEqual([]);
  });

  it('agrees with a plain reading of the rule on random debts and repayments (property)', () => {
    const ids = ['d1', 'd2', 'd3'];
    const rowArb = fc.record({
      debtId: fc.constantFrom(...ids, 'none'),
      day: fc.integer({ min: 0, max: 5 }),
      amountMinor: fc.integer({ min: 1, max: 600 }),
      deleted: fc.boolean(),
    });
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 1, max: 1_000 }), { minLength: 3, maxLength: 3 }),
        fc.array(fc.boolean(), { minLength: 3, maxLength: 3 }),
        fc.array(rowArb, { maxLength: 12 }),
        (amounts, deleted, raw) => {
          const debts = ids.map((id, i) =>
            debt(id, amounts[i]!, { deletedAt: deleted[i] ? at : null, currency: `C${i}` }),
          );
          const rows = raw.map((r, i) =>
            repayment(
              `r${String(i).padStart(2, '0')}`,
              r.debtId,
              addDaysIso('2026-01-01', r.day),
              r.amountMinor,
              {
                deletedAt: r.deleted ? at : null,
              },
            ),
          );
          const got = overRepaid(debts, rows).map((o) => ({
            repaymentId: o.repayment.id,
            leftMinor: o.leftMinor,
            currency: o.currency,
          }));
          const byKey = (a: { repaymentId: string }, b: { repaymentId: string }) =>
            a.repaymentId.localeCompare(b.repaymentId);
          expect([...got].sort(byKey)).toEqual(reference(debts, rows).sort(byKey));
        },
      ),
      { numRuns: 300 },
    );
  });
});
