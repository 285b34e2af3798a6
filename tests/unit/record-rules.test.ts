import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addDaysIso } from '../../src/lib/domain/dates';
import type { Entry } from '../../src/lib/domain/model';
import { assertRecordRules, latestEntryDate } from '../../src/lib/domain/record-rules';
import { PINNED_TODAY } from '../pinned-day';

/*
 * The record rules (domain/record-rules.ts) as pure functions: the db tests
 * (tests/db/record-rules.test.ts) show every write path runs them; these state each rule's edge.
 */
const streams = new Map([
  ['s-ani', { memberId: 'm-ani' }],
  ['s-budi', { memberId: 'm-budi' }],
]);
const context = { today: '2026-11-24', streams };

function entry(over: Partial<Entry> = {}): Entry {
  return { date: '2026-11-20', streamId: 's-ani', memberId: 'm-ani', ...over } as Entry;
}

function refusal(table: Parameters<typeof assertRecordRules>[0], record: unknown) {
  try {
    assertRecordRules(table, record, context);
    return null;
  } catch (e) {
    return e as { code: string; details: Record<string, unknown> };
  }
}

describe('latestEntryDate: one year from today', () => {
  it('is the same day next year', () => {
    expect(latestEntryDate('2026-11-24')).toBe('2027-11-24');
    expect(latestEntryDate('2026-12-31')).toBe('2027-12-31');
  });

  it('is 28 February next year from 29 February', () => {
    expect(latestEntryDate('2028-02-29')).toBe('2029-02-28');
  });

  it('defaults to the device date (the pinned day in tests)', () => {
    expect(latestEntryDate()).toBe(latestEntryDate(PINNED_TODAY));
  });
});

describe('an entry may lie at most a year ahead', () => {
  it('accepts the last allowed day and refuses the day after it, naming both dates', () => {
    expect(refusal('entries', entry({ date: '2027-11-24' }))).toBeNull();
    const e = refusal('entries', entry({ date: '2027-11-25' }));
    expect(e?.code).toBe('entry/date-too-far');
    expect(e?.details).toEqual({ field: 'date', date: '2027-11-25', latest: '2027-11-24' });
  });

  it('holds for any date around the limit (property)', () => {
    fc.assert(
      fc.property(fc.integer({ min: -400, max: 400 }), (offset) => {
        const date = addDaysIso('2027-11-24', offset);
        const e = refusal('entries', entry({ date }));
        expect(e === null).toBe(offset <= 0);
      }),
      { numRuns: 300 },
    );
  });
});

describe("an entry belongs to its stream's member", () => {
  it("refuses another member's entry on the stream, naming both members", () => {
    const e = refusal('entries', entry({ memberId: 'm-budi' }));
    expect(e?.code).toBe('entry/member-mismatch');
    expect(e?.details).toEqual({ field: 'memberId', memberId: 'm-budi', streamMemberId: 'm-ani' });
  });

  it("accepts the stream's own member, and a stream not in the context", () => {
    expect(refusal('entries', entry({ streamId: 's-budi', memberId: 'm-budi' }))).toBeNull();
    expect(refusal('entries', entry({ streamId: 's-gone', memberId: 'm-budi' }))).toBeNull();
  });

  it('reports the date rule first when both are broken', () => {
    expect(refusal('entries', entry({ date: '2030-01-01', memberId: 'm-budi' }))?.code).toBe(
      'entry/date-too-far',
    );
  });
});

it('a table with no rules accepts any record', () => {
  expect(refusal('streams', { date: '2099-01-01', memberId: 'x', streamId: 's-ani' })).toBeNull();
});
