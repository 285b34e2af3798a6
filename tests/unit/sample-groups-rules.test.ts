/**
 * The sample household's savings group (issue 28, seventh round), on any day: one group of its
 * country, begun on its day four months before today's month; every round due before this
 * month is paid on its day with the contribution, numbered from 1; my turn is still to come, so
 * what was paid in shows as savings at risk. The same group for the same day.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { validateRecord } from '../../src/lib/domain/schema';
import { addMonths, firstDayOf, inProgressMonth } from '../../src/lib/domain/months';
import { roundDates } from '../../src/lib/domain/groups';
import { sampleGroup } from '../../src/lib/domain/sample-groups';
import { todayArb } from '../factories/today';

const NOW = '2026-11-29T08:00:00.000Z';
const countryArb = fc.constantFrom('ID' as const, 'PH' as const, 'VN' as const);
const CURRENCY = { ID: 'IDR', PH: 'PHP', VN: 'VND' } as const;

describe('the sample savings group, on any day', () => {
  it('began on its day four months before this month, in the country’s currency', () => {
    fc.assert(
      fc.property(todayArb, countryArb, (today, country) => {
        const { groups } = sampleGroup(country, today, NOW);
        expect(groups).toHaveLength(1);
        const g = groups[0]!;
        const begun = addMonths(inProgressMonth(today), -4);
        expect(g.startsOn).toBe(`${begun}-${country === 'PH' ? '15' : '10'}`);
        expect(g).toMatchObject({
          currency: CURRENCY[country],
          cadence: 'monthly',
          turnRule: country === 'VN' ? 'bid' : 'fixed',
          bidMinor: country === 'VN' ? 1_500_000 : 0,
          isSample: true,
          deletedAt: null,
          createdAt: NOW,
          updatedAt: NOW,
          note: '',
        });
        expect(() => validateRecord('groups', g)).not.toThrow();
      }),
      { numRuns: 300 },
    );
  });

  it('has every round due before this month paid on its day, numbered from 1, and none after', () => {
    fc.assert(
      fc.property(todayArb, countryArb, (today, country) => {
        const { groups, groupPayments } = sampleGroup(country, today, NOW);
        const g = groups[0]!;
        const due = roundDates(g).filter((d) => d < firstDayOf(inProgressMonth(today)));
        expect(due).toHaveLength(4);
        expect(groupPayments.map((p) => [p.round, p.dueOn, p.date])).toEqual(
          due.map((d, i) => [i + 1, d, d]),
        );
        for (const p of groupPayments) {
          expect(p).toMatchObject({
            groupId: g.id,
            kind: 'contribution',
            amountMinor: g.contributionMinor,
            currency: g.currency,
            isSample: true,
            note: '',
          });
          expect(() => validateRecord('groupPayments', p)).not.toThrow();
        }
        // My turn is still to come: what was paid in is at risk.
        expect(g.myTurn!).toBeGreaterThan(groupPayments.length + 1);
        expect(new Set(groupPayments.map((p) => p.id)).size).toBe(groupPayments.length);
      }),
      { numRuns: 300 },
    );
  });

  it('is the same group for the same day', () => {
    fc.assert(
      fc.property(todayArb, countryArb, (today, country) => {
        expect(sampleGroup(country, today, NOW)).toEqual(sampleGroup(country, today, NOW));
      }),
      { numRuns: 300 },
    );
  });
});
