/**
 * The sample household's debts (issue 28, seventh round), on any day: a family loan made 75 days
 * before today, repaid by the month from a month after, its first instalment paid on its day;
 * and a paylater plan of six monthly instalments made 20 days before today, so one is always
 * due in the coming weeks. Both owed by the household, in its currency; the same for the same day.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addDaysIso } from '../../src/lib/domain/dates';
import { instalmentDate, instalmentAmounts } from '../../src/lib/domain/debt-schedule';
import { validateRecord } from '../../src/lib/domain/schema';
import { sampleDebts } from '../../src/lib/domain/sample-debts';
import { todayArb } from '../factories/today';

const NOW = '2026-11-29T08:00:00.000Z';
const countryArb = fc.constantFrom('ID' as const, 'PH' as const, 'VN' as const);
const CURRENCY = { ID: 'IDR', PH: 'PHP', VN: 'VND' } as const;

describe('the sample debts, on any day', () => {
  it('a family loan 75 days old, repaid each month from a month after; its first instalment paid', () => {
    fc.assert(
      fc.property(todayArb, countryArb, (today, country) => {
        const { debts, repayments } = sampleDebts(country, today, NOW);
        const [family] = debts;
        const loanDate = addDaysIso(today, -75);
        expect(family).toMatchObject({
          kind: 'person',
          direction: 'we-owe',
          currency: CURRENCY[country],
          date: loanDate,
          forgivenOn: null,
          isSample: true,
          createdAt: NOW,
        });
        expect(family!.note).not.toBe('');
        const s = family!.schedule!;
        expect(s.cadence).toBe('monthly');
        expect(s.firstDue).toBe(instalmentDate(loanDate, 'monthly', 1));
        // As many instalments of the same amount as it takes; the last takes what remains.
        const amounts = instalmentAmounts(family!.amountMinor, s);
        expect(amounts.reduce((a, b) => a + b, 0)).toBe(family!.amountMinor);
        expect(amounts.at(-1)!).toBeGreaterThan(0);
        expect(amounts.at(-1)!).toBeLessThanOrEqual(s.amountMinor);
        expect(repayments).toEqual([
          expect.objectContaining({
            debtId: family!.id,
            dueOn: s.firstDue,
            date: s.firstDue,
            amountMinor: s.amountMinor,
            currency: family!.currency,
            isSample: true,
          }),
        ]);
        expect(repayments[0]!.date <= today).toBe(true);
      }),
      { numRuns: 300 },
    );
  });

  it('a paylater plan of six monthly instalments, 20 days old, its first due within the month', () => {
    fc.assert(
      fc.property(todayArb, countryArb, (today, country) => {
        const { debts } = sampleDebts(country, today, NOW);
        const paylater = debts[1]!;
        const planDate = addDaysIso(today, -20);
        expect(paylater).toMatchObject({
          kind: 'paylater',
          direction: 'we-owe',
          currency: CURRENCY[country],
          date: planDate,
          forgivenOn: null,
          note: '',
        });
        const s = paylater.schedule!;
        expect(s).toMatchObject({ count: 6, cadence: 'monthly' });
        expect(s.amountMinor).toBe(Math.floor(paylater.amountMinor / 6));
        expect(s.firstDue).toBe(instalmentDate(planDate, 'monthly', 1));
        expect(s.firstDue > today).toBe(true);
        expect(s.firstDue <= addDaysIso(today, 11)).toBe(true);
      }),
      { numRuns: 300 },
    );
  });

  it('is valid, and the same for the same day', () => {
    fc.assert(
      fc.property(todayArb, countryArb, (today, country) => {
        const sample = sampleDebts(country, today, NOW);
        for (const d of sample.debts) expect(() => validateRecord('debts', d)).not.toThrow();
        for (const r of sample.repayments) {
          expect(() => validateRecord('repayments', r)).not.toThrow();
        }
        expect(sampleDebts(country, today, NOW)).toEqual(sample);
        const ids = [...sample.debts, ...sample.repayments].map((x) => x.id);
        expect(new Set(ids).size).toBe(3);
      }),
      { numRuns: 300 },
    );
  });
});
