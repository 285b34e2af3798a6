// A sort order stated as a rule of its comparator (issue 28): the comparator's sign is the sign
// of comparing the order's keys one after another, in both directions, and equal keys answer 0.
// What `Array.prototype.sort` needs for the same order on every engine; through `sort` alone it
// cannot be tested, since V8 reads only whether an answer is below zero, one way round.
import fc from 'fast-check';
import { expect } from 'vitest';

export type OrderKey = (string | number)[];

/** Keys compared in turn; the sign of the first that differs. */
function compareKeys(a: OrderKey, b: OrderKey): number {
  for (let i = 0; i < a.length; i++) {
    if (a[i]! < b[i]!) return -1;
    if (a[i]! > b[i]!) return 1;
  }
  return 0;
}

export function expectOrderOf<T>(
  arb: fc.Arbitrary<T>,
  compare: (a: T, b: T) => number,
  key: (x: T) => OrderKey,
  numRuns = 200,
): void {
  fc.assert(
    fc.property(arb, arb, (a, b) => {
      expect(Math.sign(compare(a, b))).toBe(compareKeys(key(a), key(b)));
      expect(Math.sign(compare(b, a))).toBe(compareKeys(key(b), key(a)));
    }),
    { numRuns },
  );
}
