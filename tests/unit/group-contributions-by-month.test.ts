// The score's E reads every month's savings-group contributions at once
// (groupContributionsByMonth); each month must be what the one-month reading gives.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Group } from '../../src/lib/domain/group-model';
import { GROUP_CADENCES } from '../../src/lib/domain/group-model';
import {
  groupContributionsByMonth,
  groupContributionsInMonth,
} from '../../src/lib/domain/groups-loop';
import { addMonths } from '../../src/lib/domain/months';

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
  it('gives each month what groupContributionsInMonth gives it, a missing rate included', () => {
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
          expect(all).toEqual(
            months.map((m) => groupContributionsInMonth(groups, m, 'PHP', rates)),
          );
        },
      ),
      { numRuns: 300 },
    );
  });
});
