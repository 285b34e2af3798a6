import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { alignEntry, canonicalJson, mergeSettings, winner } from '../../src/lib/db/backup/merge';
import type { Entry, Settings, Stream } from '../../src/lib/domain/model';

/* The pure merge rules (db/backup/merge.ts) each stated alone; backup-merge.test.ts checks whole households. */
describe('canonicalJson: one record, one text', () => {
  it('sorts object keys at every depth and keeps array order', () => {
    expect(canonicalJson({ b: 1, a: { d: [3, { z: 1, y: 2 }], c: null } })).toBe(
      '{"a":{"c":null,"d":[3,{"y":2,"z":1}]},"b":1}',
    );
  });

  it('gives the same text whatever order the keys were written in (property)', () => {
    fc.assert(
      fc.property(
        fc.dictionary(fc.string({ maxLength: 4 }), fc.jsonValue({ maxDepth: 2 })),
        (o) => {
          const reversed = Object.fromEntries(Object.entries(o).reverse());
          expect(canonicalJson(reversed)).toBe(canonicalJson(o));
          expect(JSON.parse(canonicalJson(o))).toEqual(JSON.parse(JSON.stringify(o)));
        },
      ),
      { numRuns: 300 },
    );
  });
});

const at = (updatedAt: string, over: object = {}) =>
  ({ id: 'r', createdAt: '2026-01-01T00:00:00.000Z', updatedAt, deletedAt: null, ...over }) as {
    id: string;
    createdAt: string;
    updatedAt: string;
    deletedAt: string | null;
    note?: string;
  };

describe('winner', () => {
  it('on the same millisecond, picks the same version whichever side it is on (the greater text)', () => {
    const t = '2026-03-01T10:00:00.000Z';
    const a = at(t, { note: 'a' });
    const b = at(t, { note: 'b' });
    expect(winner(a, b)).toBe(b);
    expect(winner(b, a)).toBe(b);
  });

  it('returns one of two equal versions', () => {
    const a = at('2026-03-01T10:00:00.000Z');
    expect(winner(a, { ...a })).toEqual(a);
  });
});

describe('mergeSettings: one settings row per household', () => {
  const row = (id: string, updatedAt: string): Settings =>
    ({ ...at(updatedAt), id, householdName: id, baseCurrency: 'IDR' }) as unknown as Settings;

  it('keeps none when neither side has one, and the only one when one side has it', () => {
    expect(mergeSettings([], [])).toEqual([]);
    const only = row('mine', '2026-01-01T00:00:00.000Z');
    expect(mergeSettings([only], [])).toEqual([only]);
    expect(mergeSettings([], [only])).toEqual([only]);
  });

  it('keeps the newer row whatever its id and side, and drops the other', () => {
    const older = row('phone-a', '2026-01-01T00:00:00.000Z');
    const newer = row('phone-b', '2026-02-01T00:00:00.000Z');
    expect(mergeSettings([older], [newer])).toEqual([newer]);
    expect(mergeSettings([newer], [older])).toEqual([newer]);
  });
});

describe('alignEntry: an entry keeps the rules of its stream after a merge', () => {
  const times = [
    '2026-11-01T00:00:10.000Z',
    '2026-11-01T00:01:30.000Z',
    '2026-11-01T00:03:20.000Z',
  ];
  const time = fc.constantFrom(...times);

  it('takes the stream’s member; is deleted with a deleted stream; follows the stream only when deleted at one of its deletions, and otherwise keeps its own deletion (property)', () => {
    fc.assert(
      fc.property(
        fc.constantFrom('member-a', 'member-b'),
        fc.constantFrom('member-a', 'member-b'),
        fc.option(time, { nil: null }),
        fc.option(time, { nil: null }),
        fc.subarray(times),
        (entryMember, streamMember, entryDeleted, streamDeleted, deletions) => {
          const entry = {
            id: 'e',
            streamId: 's',
            memberId: entryMember,
            updatedAt: '2026-11-01T00:05:00.000Z',
            deletedAt: entryDeleted,
          } as unknown as Entry;
          const stream = { id: 's', memberId: streamMember, deletedAt: streamDeleted } as Stream;
          const aligned = alignEntry(entry, stream, new Set(deletions));
          const followsStream =
            entryDeleted === null ? streamDeleted !== null : deletions.includes(entryDeleted);
          expect(aligned).toEqual({
            ...entry,
            memberId: streamMember,
            deletedAt: followsStream ? streamDeleted : entryDeleted,
          });
        },
      ),
      { numRuns: 300 },
    );
  });

  it('an entry deleted on its own, whose stream moved to another member, moves and stays deleted', () => {
    const entry = {
      id: 'e',
      streamId: 's',
      memberId: 'member-a',
      updatedAt: '2026-11-01T00:05:00.000Z',
      deletedAt: times[0],
    } as unknown as Entry;
    const stream = { id: 's', memberId: 'member-b', deletedAt: null } as Stream;
    expect(alignEntry(entry, stream, new Set([times[1]!]))).toEqual({
      ...entry,
      memberId: 'member-b',
    });
  });

  it('an entry of a stream this merge does not know is left as it is', () => {
    const entry = { id: 'e', memberId: 'member-a', deletedAt: null } as unknown as Entry;
    expect(alignEntry(entry, undefined)).toBe(entry);
  });
});
