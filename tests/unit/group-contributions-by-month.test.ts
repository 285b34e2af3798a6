// The score's E reads every month's savings-group contributions at once
// (groupContributionsByMonth); each month must be what reading that month alone gives.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Group } from '../../src/lib/domain/group-model';
import { GROUP_CADENCES } from '../../src/lib/domain/group-model';
import { baseMinorOrNull, type RateRecordLike } from '../../src/lib/domain/base-amount';
import { groupContributionsByMonth, groupRoundsBetween } from '../../src/lib/domain/groups-loop';
import type { MonthKey } from '../../src/lib/domain/model';
import { addMonths, firstDayOf, lastDayOf } from '../../src/lib/domain/months';

/** One month read on its own, plainly: its rounds, each at the rate of the month's last day. */
function contributionsInMonth(
  groups: readonly Group[],
  month: MonthKey,
  rates: readonly RateRecordLike[],
): number | null {
  let sum = 0;
  for (const round of groupRoundsBetween(groups, [], firstDayOf(month), lastDayOf(month))) {
    const base = baseMinorOrNull(round.amountMinor, round.currency, 'PHP', lastDayOf(month), rates);
    if (base === null) return null;
    sum += base;
  }
  return sum;
}

const at = '2026-01-01T00:00:00.000Z';
const arbGroup = fc.record({
  members: fc.integer({ min: 2, max: 24 }),
  contributionMinor: fc.integer({ min: 1, max: 5_000_000 }),
  currency: fc.constantFrom('PHP', 'USD'),
  cadence: fc.constantFrom(...GROUP_CADENCES),
  startsOn: fc
    .date({
      min: new Date('2024-01-01T00:00:00Z'),
      max: new Date('2027-12-31T00:00:00Z'),
      noInvalidDate: true,
    })
    .map((d) => d.toISOString().slice(0, 10)),
  deleted: fc.boolean(),
});

describe('groupContributionsByMonth', () => {
  it('gives each month what reading that month alone gives, a missing rate included', () => {
    fc.assert(
      fc.property(
        fc.array(arbGroup, { maxLength: 4 }),
        fc.integer({ min: 0, max: 30 }),
        fc.integer({ min: 1, max: 40 }),
        (shapes, offset, count) => {
          const groups: Group[] = shapes.map((g, i) => ({
            id: `6f0c1a52-3d1e-4b7a-9f0e-${String(i).padStart(12, '0')}`,
            createdAt: at,
            updatedAt: at,
            deletedAt: g.deleted ? at : null,
            name: `Group ${i}`,
            members: g.members,
            contributionMinor: g.contributionMinor,
            currency: g.currency,
            cadence: g.cadence,
            startsOn: g.startsOn,
            turnRule: 'fixed',
            myTurn: 1,
            bidMinor: 0,
            note: '',
            isSample: false,
          }));
          const months = Array.from({ length: count }, (_, i) => addMonths('2024-01', offset + i));
          // PHP is the base; USD has a rate from mid-2025 only, so earlier months are unknown.
          const rates = [{ currency: 'USD', date: '2025-06-01', value: '58.5', deletedAt: null }];
          const all = groupContributionsByMonth(groups, months, 'PHP', rates);
          expect(all).toEqual(months.map((m) => contributionsInMonth(groups, m, rates)));
        },
      ),
      { numRuns: 300 },
    );
  });
});
