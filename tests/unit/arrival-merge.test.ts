import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { mergeTables } from '../../src/lib/db/backup/merge-plan';
import type { Entry, HouseholdTables } from '../../src/lib/domain/model';
import { apply, base, op, stamp, time, type Op } from './merge-phones';

/*
 * Merge with the fields of schema version 5: two phones edit, mark payouts arrived (with any
 * arrival) and undo them apart; the merge stays symmetric and idempotent, and every surviving
 * arrival is one a phone wrote (never a mix of two).
 */

type ArrivalOp =
  | {
      kind: 'arrive';
      i: number;
      t: number;
      days: number;
      landed: number | null;
      fee: number | null;
      via: string;
    }
  | { kind: 'undo'; i: number; t: number };

const arrivalOp: fc.Arbitrary<ArrivalOp> = fc.oneof(
  fc.record({
    kind: fc.constant('arrive' as const),
    i: fc.nat(),
    t: time,
    days: fc.integer({ min: 0, max: 30 }),
    landed: fc.option(fc.integer({ min: 1, max: 1e9 }), { nil: null }),
    fee: fc.option(fc.nat(1e6), { nil: null }),
    via: fc.constantFrom('', 'PayPal', 'Wise'),
  }),
  fc.record({ kind: fc.constant('undo' as const), i: fc.nat(), t: time }),
);

function applyArrivals(tables: HouseholdTables, ops: readonly (Op | ArrivalOp)[], side: string) {
  let h = tables;
  for (const o of ops) {
    if (o.kind !== 'arrive' && o.kind !== 'undo') {
      h = apply(h, [o], side);
      continue;
    }
    h = structuredClone(h);
    const entry: Entry = h.entries[o.i % h.entries.length]!;
    // Undo applies to an arrived payout only (as the app offers it).
    if (entry.deletedAt !== null || (o.kind === 'undo' && !entry.arrival)) continue;
    const at = stamp(o.t);
    if (o.kind === 'arrive') {
      entry.status = 'received';
      entry.arrival = {
        on: entry.date,
        placeId: o.landed === null ? null : `${side.repeat(8)}-0000-4000-8000-000000000001`,
        landedMinor: o.landed,
        landedCurrency: o.landed === null ? null : 'PHP',
        feeMinor: o.fee === null ? null : Math.min(o.fee, entry.amountMinor),
        via: o.via,
      };
    } else {
      entry.status = 'pending';
      delete entry.arrival;
    }
    entry.updatedAt = at;
  }
  return h;
}

const phone = (side: string) =>
  fc
    .array(fc.oneof(op, arrivalOp), { maxLength: 12 })
    .map((list) => applyArrivals(base, list, side));

const sorted = (h: HouseholdTables) => mergeTables(h, { ...h, settings: [] });

function symmetricAndIdempotent(a: HouseholdTables, b: HouseholdTables): void {
  const ab = mergeTables(a, b);
  expect(ab).toEqual(mergeTables(b, a));
  expect(mergeTables(a, a)).toEqual(sorted(a));
  expect(mergeTables(ab, b)).toEqual(ab);
  expect(mergeTables(ab, a)).toEqual(ab);
  const written = new Map<string, Entry>();
  for (const e of [...a.entries, ...b.entries])
    written.set(`${e.id}|${e.updatedAt}|${JSON.stringify(e.arrival)}`, e);
  for (const e of ab.entries) {
    if (e.arrival)
      expect(written.has(`${e.id}|${e.updatedAt}|${JSON.stringify(e.arrival)}`)).toBe(true);
  }
}

describe('merge with arrivals', () => {
  it('is symmetric and idempotent', () => {
    fc.assert(fc.property(phone('a'), phone('b'), symmetricAndIdempotent), { numRuns: 300 });
  });

  it('stays idempotent when two versions of one millisecond differ and the merge aligns one', () => {
    // The run that found it (2026-12-05): the tie between two versions of an entry was broken on
    // their raw text, but a merged copy holds the entry aligned with its stream, so merging the
    // merge again picked the other version. The tie is now broken on the aligned versions.
    fc.assert(fc.property(phone('a'), phone('b'), symmetricAndIdempotent), {
      numRuns: 300,
      seed: 623582890,
    });
  });
});
