// Issue 28 (mutation round): what debt costs the household each month (debt-share.ts): the
// instalments of the debts we owe that fall due in the month, valued at their due date's rate,
// unless the debt was repaid in full or forgiven by then; unknown (null) without a rate.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Debt, Repayment } from '../../src/lib/domain/debt-model';
import { instalments } from '../../src/lib/domain/debt-schedule';
import { debtPaymentsByMonth, debtSharePercent } from '../../src/lib/domain/debt-share';
import { addDaysIso } from '../../src/lib/domain/dates';

const at = '2026-01-01T00:00:00.000Z';
const debt = (over: Partial<Debt> = {}): Debt => ({
  id: 'd1',
  createdAt: at,
  updatedAt: at,
  deletedAt: null,
  counterparty: 'Bank',
  kind: 'bank',
  direction: 'we-owe',
  amountMinor: 1_000,
  currency: 'PHP',
  date: '2026-01-01',
  // 300, 300, 300, 100 on 10 Feb, 10 Mar, 10 Apr, 10 May.
  schedule: { count: 4, amountMinor: 300, cadence: 'monthly', firstDue: '2026-02-10' },
  forgivenOn: null,
  note: '',
  isSample: false,
  ...over,
});
let n = 0;
const repaid = (date: string, amountMinor: number, over: Partial<Repayment> = {}): Repayment => ({
  id: `r${n++}`,
  createdAt: at,
  updatedAt: at,
  deletedAt: null,
  debtId: 'd1',
  dueOn: null,
  date,
  amountMinor,
  currency: 'PHP',
  note: '',
  isSample: false,
  ...over,
});
const MONTHS = ['2026-01', '2026-02', '2026-03', '2026-04', '2026-05', '2026-06'];
const byMonth = (debts: Debt[], repayments: Repayment[] = [], rates = [] as never[]) =>
  debtPaymentsByMonth(debts, repayments, MONTHS, 'PHP', rates);

describe('the debt payments of a month', () => {
  it('are the instalments due in it, the last taking the remainder', () => {
    expect(byMonth([debt()])).toEqual([0, 300, 300, 300, 100, 0]);
  });

  it('count only live debts we owe that have a schedule', () => {
    expect(byMonth([debt({ direction: 'owed-to-us' })])).toEqual([0, 0, 0, 0, 0, 0]);
    expect(byMonth([debt({ deletedAt: at })])).toEqual([0, 0, 0, 0, 0, 0]);
    expect(byMonth([debt({ schedule: null })])).toEqual([0, 0, 0, 0, 0, 0]);
  });

  it('add the instalments of several debts due in one month', () => {
    const other = debt({
      id: 'd2',
      amountMinor: 50,
      schedule: { count: 1, amountMinor: 50, cadence: 'monthly', firstDue: '2026-03-31' },
    });
    expect(byMonth([debt(), other])).toEqual([0, 300, 350, 300, 100, 0]);
  });

  it('stop from the day the debt is forgiven, that day included', () => {
    expect(byMonth([debt({ forgivenOn: '2026-03-10' })])).toEqual([0, 300, 0, 0, 0, 0]);
    expect(byMonth([debt({ forgivenOn: '2026-03-11' })])).toEqual([0, 300, 300, 0, 0, 0]);
  });

  it('stop once live repayments made before the due day reach the amount', () => {
    // 1,000 repaid on 10 March: the March instalment (due that day) still counts, April not.
    expect(byMonth([debt()], [repaid('2026-03-10', 1_000)])).toEqual([0, 300, 300, 0, 0, 0]);
    expect(byMonth([debt()], [repaid('2026-03-09', 999)])).toEqual([0, 300, 300, 300, 100, 0]);
    expect(byMonth([debt()], [repaid('2026-03-09', 600), repaid('2026-03-01', 400)])).toEqual([
      0, 300, 0, 0, 0, 0,
    ]);
    expect(byMonth([debt()], [repaid('2026-01-05', 1_000, { deletedAt: at })])).toEqual([
      0, 300, 300, 300, 100, 0,
    ]);
    expect(byMonth([debt()], [repaid('2026-01-05', 1_000, { debtId: 'other' })])).toEqual([
      0, 300, 300, 300, 100, 0,
    ]);
  });

  it('count paid, unpaid and skipped instalments alike while the debt is still owed', () => {
    const rows = [repaid('2026-02-10', 300, { dueOn: '2026-02-10' })];
    expect(byMonth([debt()], rows)).toEqual([0, 300, 300, 300, 100, 0]);
  });

  it('are valued at the rate of each due date, and unknown in a month no rate converts', () => {
    const usd = debt({ currency: 'USD' });
    const rates = [{ currency: 'USD', date: '2026-03-10', value: '2', deletedAt: null }];
    expect(debtPaymentsByMonth([usd], [], MONTHS, 'PHP', rates)).toEqual([
      0,
      null,
      600,
      600,
      200,
      0,
    ]);
    // A deleted rate converts nothing.
    const gone = [{ ...rates[0]!, deletedAt: at }];
    expect(debtPaymentsByMonth([usd], [], MONTHS, 'PHP', gone)).toEqual([
      0,
      null,
      null,
      null,
      null,
      0,
    ]);
    // A month already unknown stays unknown, whatever another debt adds to it.
    const php = debt({ id: 'd2' });
    expect(debtPaymentsByMonth([usd, php], [], MONTHS, 'PHP', [])).toEqual([
      0,
      null,
      null,
      null,
      null,
      0,
    ]);
  });

  it('cover instalments on the first and the last day of a month, and only the months asked', () => {
    const edges = debt({
      amountMinor: 20,
      schedule: { count: 2, amountMinor: 10, cadence: 'monthly', firstDue: '2026-05-31' },
    });
    // 31 May and 30 June.
    expect(debtPaymentsByMonth([edges], [], ['2026-05', '2026-06'], 'PHP', [])).toEqual([10, 10]);
    // The 31st of the last month asked counts too.
    expect(debtPaymentsByMonth([edges], [], ['2026-04', '2026-05'], 'PHP', [])).toEqual([0, 10]);
    const first = debt({
      amountMinor: 20,
      schedule: { count: 2, amountMinor: 10, cadence: 'monthly', firstDue: '2026-05-01' },
    });
    expect(debtPaymentsByMonth([first], [], ['2026-05'], 'PHP', [])).toEqual([10]);
    expect(debtPaymentsByMonth([first], [], ['2026-06'], 'PHP', [])).toEqual([10]);
    // Months that are not contiguous: an instalment between them counts in neither.
    expect(debtPaymentsByMonth([debt()], [], ['2026-02', '2026-04'], 'PHP', [])).toEqual([
      300, 300,
    ]);
    expect(debtPaymentsByMonth([debt()], [], [], 'PHP', [])).toEqual([]);
  });

  it('equal the instalments due in each month by a plain reading of the rule (property)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 10_000 }),
        fc.integer({ min: 1, max: 12 }),
        fc.integer({ min: 0, max: 200 }),
        fc.constantFrom<'monthly' | 'weekly'>('monthly', 'weekly'),
        fc.array(
          fc.record({
            day: fc.integer({ min: 0, max: 240 }),
            amount: fc.integer({ min: 1, max: 3_000 }),
          }),
          { maxLength: 4 },
        ),
        fc.option(fc.integer({ min: 0, max: 240 }), { nil: null }),
        (amount, count, startDay, cadence, pays, forgivenDay) => {
          const each = Math.max(1, Math.floor(amount / count));
          const d = debt({
            amountMinor: amount,
            schedule: {
              count,
              amountMinor: each,
              cadence,
              firstDue: addDaysIso('2026-01-01', startDay),
            },
            forgivenOn: forgivenDay === null ? null : addDaysIso('2026-01-01', forgivenDay),
          });
          const rows = pays.map((p) => repaid(addDaysIso('2026-01-01', p.day), p.amount));
          const expected = MONTHS.map(() => 0);
          for (const i of instalments(d.amountMinor, d.schedule!)) {
            const col = MONTHS.indexOf(i.dueOn.slice(0, 7));
            if (col < 0) continue;
            if (d.forgivenOn !== null && d.forgivenOn <= i.dueOn) continue;
            const before = rows
              .filter((r) => r.date < i.dueOn)
              .reduce((s, r) => s + r.amountMinor, 0);
            if (before >= amount) continue;
            expected[col]! += i.amountMinor;
          }
          expect(byMonth([d], rows)).toEqual(expected);
        },
      ),
      { numRuns: 300 },
    );
  });
});

describe('debt payments as a share of income', () => {
  it('is a whole percent, rounded half up, and none without income', () => {
    expect(debtSharePercent(1, 8)).toBe(13);
    expect(debtSharePercent(1, 3)).toBe(33);
    expect(debtSharePercent(2, 3)).toBe(67);
    expect(debtSharePercent(500, 1_000)).toBe(50);
    expect(debtSharePercent(500, 1)).toBe(50_000);
    expect(debtSharePercent(500, 0)).toBeNull();
    expect(debtSharePercent(500, -10)).toBeNull();
  });
});
