/**
 * The cross-field rules of a stream's schema (issue 28, seventh round): what a backup restore, a
 * CSV import and a form accept for a stream's start, end and pay day. Each is a property over
 * many dates (fast-check), since a wrong comparison shows only at the edges (the same day).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  AnyamError,
  STREAM_CADENCES,
  type IsoDate,
  type PayDay,
  type Stream,
} from '../../src/lib/domain/model';
import { validateRecord } from '../../src/lib/domain/schema';

const stream: Stream = {
  id: '6f0c1a52-3d1e-4b7a-9f0e-2b8c4d5e6f70',
  createdAt: '2026-01-01T00:00:00.000Z',
  updatedAt: '2026-01-01T00:00:00.000Z',
  deletedAt: null,
  memberId: '0b8e7f3a-1c2d-4e5f-8a9b-0c1d2e3f4a5b',
  name: 'Gaji',
  kind: 'formal',
  platform: '',
  currency: 'IDR',
  expected: { amountMinor: 520_000_000, cadence: 'monthly', daysPerWeek: 5 },
  startedOn: null,
  endedOn: null,
  payDay: null,
  archived: false,
  isSample: false,
};

const DAY = 86_400_000;
/** A calendar date of the years Anyam stores (1900–2999). */
const isoDate = fc
  .integer({ min: Date.UTC(1900, 0, 1) / DAY, max: Date.UTC(2999, 11, 31) / DAY })
  .map((d) => new Date(d * DAY).toISOString().slice(0, 10) as IsoDate);

function codeOf(value: unknown): string | null {
  try {
    validateRecord('streams', value);
    return null;
  } catch (e) {
    if (e instanceof AnyamError) return e.code;
    throw e;
  }
}

describe('a stream ends on or after the day it starts', () => {
  it('an end on or after the start is accepted, the same day included', () => {
    fc.assert(
      fc.property(isoDate, isoDate, (a, b) => {
        const [startedOn, endedOn] = a <= b ? [a, b] : [b, a];
        expect(codeOf({ ...stream, startedOn, endedOn })).toBeNull();
      }),
      { numRuns: 300 },
    );
  });

  it('a stream may end on the day it starts', () => {
    expect(codeOf({ ...stream, startedOn: '2026-03-01', endedOn: '2026-03-01' })).toBeNull();
  });

  it('an end before the start is refused as ended-before-start', () => {
    fc.assert(
      fc.property(isoDate, isoDate, (a, b) => {
        fc.pre(a !== b);
        const [endedOn, startedOn] = a < b ? [a, b] : [b, a];
        expect(codeOf({ ...stream, startedOn, endedOn })).toBe('stream/ended-before-start');
      }),
      { numRuns: 300 },
    );
  });

  it('without a start any end is accepted, and without an end any start', () => {
    fc.assert(
      fc.property(isoDate, (d) => {
        expect(codeOf({ ...stream, startedOn: null, endedOn: d })).toBeNull();
        expect(codeOf({ ...stream, startedOn: d, endedOn: null })).toBeNull();
      }),
      { numRuns: 300 },
    );
  });
});

describe("a pay day fits the stream's cadence", () => {
  const payDays: PayDay[] = [
    { cadence: 'monthly', day: 31 },
    { cadence: 'weekly', weekday: 1 },
    { cadence: 'biweekly', anchor: '2026-01-02' },
  ];
  const cadences = STREAM_CADENCES;

  it.each(payDays.flatMap((payDay) => cadences.map((cadence) => [payDay, cadence] as const)))(
    'a %j pay day on a %s stream is accepted only when the cadences agree',
    (payDay, cadence) => {
      const value = { ...stream, payDay, expected: { ...stream.expected, cadence } };
      expect(codeOf(value)).toBe(payDay.cadence === cadence ? null : 'stream/invalid-pay-day');
    },
  );

  it('no pay day fits every cadence', () => {
    for (const cadence of cadences) {
      expect(codeOf({ ...stream, expected: { ...stream.expected, cadence } })).toBeNull();
    }
  });
});
