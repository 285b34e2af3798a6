import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { alignEntry, winner } from '../../src/lib/db/backup/merge';
import { mergeTables } from '../../src/lib/db/backup/merge-plan';
import type { Entry, HouseholdTables } from '../../src/lib/domain/model';
import { householdFactory } from '../factories';

const base = householdFactory.build({ seed: 21, months: 2, entriesPerMonth: 12, members: 2 });

/** What a phone can do, as the repositories do it (same fields, same timestamps). */
type Op =
  | { kind: 'edit'; i: number; t: number; amount: number }
  | { kind: 'delete'; i: number; t: number }
  | { kind: 'add'; i: number; t: number; n: number }
  | { kind: 'rename'; t: number; name: string }
  | { kind: 'move'; i: number; t: number; member: number }
  | { kind: 'stop'; i: number; t: number }
  | { kind: 'pay'; i: number; t: number; n: number; amount: number }
  | { kind: 'unpay'; i: number; t: number }
  | { kind: 'skip'; i: number; t: number; n: number };

// Few distinct times, so that two phones often write in the same millisecond.
const time = fc.integer({ min: 0, max: 20 });
const op: fc.Arbitrary<Op> = fc.oneof(
  fc.record({ kind: fc.constant('edit'), i: fc.nat(), t: time, amount: fc.nat(1e9) }),
  fc.record({ kind: fc.constant('delete'), i: fc.nat(), t: time }),
  fc.record({ kind: fc.constant('add'), i: fc.nat(), t: time, n: fc.nat(1e6) }),
  fc.record({
    kind: fc.constant('rename'),
    t: time,
    name: fc.string({ minLength: 1, maxLength: 8 }),
  }),
  fc.record({ kind: fc.constant('move'), i: fc.nat(), t: time, member: fc.nat() }),
  fc.record({ kind: fc.constant('stop'), i: fc.nat(), t: time }),
  fc.record({
    kind: fc.constant('pay'),
    i: fc.nat(),
    t: time,
    n: fc.nat(1e6),
    amount: fc.nat(1e9),
  }),
  fc.record({ kind: fc.constant('unpay'), i: fc.nat(), t: time }),
  fc.record({ kind: fc.constant('skip'), i: fc.nat(), t: time, n: fc.nat(1e6) }),
);

const stamp = (t: number) => new Date(Date.UTC(2026, 10, 1, 0, 0, t)).toISOString();
const uuid = (n: number, side: string) =>
  `${side.repeat(8)}-0000-4000-8000-${String(n).padStart(12, '0')}`;

function apply(
  tables: HouseholdTables,
  ops: readonly Op[],
  side: string,
  clock: (t: number) => string = stamp,
): HouseholdTables {
  const h = structuredClone(tables);
  for (const o of ops) {
    const at = clock(o.t);
    const entry = h.entries[('i' in o ? o.i : 0) % h.entries.length]!;
    const stream = h.streams[('i' in o ? o.i : 0) % h.streams.length]!;
    if (o.kind === 'edit' && entry.deletedAt === null) {
      Object.assign(entry, { amountMinor: o.amount, updatedAt: at });
    } else if (o.kind === 'delete' && entry.deletedAt === null) {
      Object.assign(entry, { deletedAt: at, updatedAt: at });
    } else if (o.kind === 'add' && stream.deletedAt === null) {
      const added: Entry = {
        ...entry,
        id: uuid(o.n, side),
        streamId: stream.id,
        memberId: stream.memberId,
        createdAt: at,
        updatedAt: at,
        deletedAt: null,
      };
      if (!h.entries.some((e) => e.id === added.id)) h.entries.push(added);
    } else if (o.kind === 'rename') {
      Object.assign(h.settings[0]!, { householdName: o.name, updatedAt: at });
    } else if (o.kind === 'move' && stream.deletedAt === null) {
      const member = h.members[o.member % h.members.length]!;
      Object.assign(stream, { memberId: member.id, updatedAt: at });
      for (const e of h.entries) {
        if (e.streamId === stream.id) Object.assign(e, { memberId: member.id, updatedAt: at });
      }
    } else if (o.kind === 'pay') {
      // A payment made on this phone (a different amount than the plan's, some of the time).
      const plan = h.plans[o.i % h.plans.length]!;
      const id = uuid(o.n, side === 'a' ? 'c' : side === 'b' ? 'd' : 'e');
      if (!h.payments.some((p) => p.id === id)) {
        h.payments.push({
          id,
          createdAt: at,
          updatedAt: at,
          deletedAt: null,
          isSample: false,
          planId: plan.id,
          dueOn: plan.dueOn,
          date: plan.dueOn,
          amountMinor: o.amount,
          currency: plan.currency,
          note: '',
        });
      }
    } else if (o.kind === 'unpay' && h.payments.length > 0) {
      const payment = h.payments[o.i % h.payments.length]!;
      if (payment.deletedAt === null) Object.assign(payment, { deletedAt: at, updatedAt: at });
    } else if (o.kind === 'skip') {
      const id = uuid(o.n, side === 'a' ? 'f' : '9');
      if (!h.skips.some((x) => x.id === id)) {
        h.skips.push({
          id,
          createdAt: at,
          updatedAt: at,
          deletedAt: null,
          isSample: false,
          kind: 'stream',
          sourceId: stream.id,
          dueOn: '2026-10-25',
        });
      }
    } else if (o.kind === 'stop' && stream.deletedAt === null) {
      Object.assign(stream, { deletedAt: at, updatedAt: at });
      for (const e of h.entries) {
        if (e.streamId === stream.id && e.deletedAt === null) {
          Object.assign(e, { deletedAt: at, updatedAt: at });
        }
      }
    }
  }
  return h;
}

const phone = (side: string, clock?: (t: number) => string, ops = op) =>
  fc.array(ops, { maxLength: 12 }).map((list) => apply(base, list, side, clock));
/** Everything but deleting a whole stream (see the three-phone test). */
const opKeepingStreams = op.filter((o) => o.kind !== 'stop');

function sorted(h: HouseholdTables): HouseholdTables {
  return mergeTables(h, { ...h, settings: [] });
}

describe('merge rules', () => {
  it('give the same household whichever side merges into which', () => {
    fc.assert(
      fc.property(phone('a'), phone('b'), (a, b) => {
        expect(mergeTables(a, b)).toEqual(mergeTables(b, a));
      }),
      { numRuns: 200 },
    );
  });

  it('change nothing when a household merges with itself or a result merges again', () => {
    fc.assert(
      fc.property(phone('a'), phone('b'), (a, b) => {
        expect(mergeTables(a, a)).toEqual(sorted(a));
        const ab = mergeTables(a, b);
        expect(mergeTables(ab, b)).toEqual(ab);
        expect(mergeTables(ab, a)).toEqual(ab);
      }),
      { numRuns: 200 },
    );
  });

  it('combine three phones in any grouping, as long as no stream is deleted', () => {
    // Deleting a stream deletes its live entries with the stream's own timestamp (so that
    // restoring it brings them back). When two phones delete the same stream at different times
    // and a third edits one of its entries, which deletion time that entry ends up with depends
    // on the grouping: it is deleted either way. docs/backup-format.md says so.
    fc.assert(
      fc.property(
        phone('a', undefined, opKeepingStreams),
        phone('b', undefined, opKeepingStreams),
        phone('c', undefined, opKeepingStreams),
        (a, b, c) => {
          expect(mergeTables(mergeTables(a, b), c)).toEqual(mergeTables(a, mergeTables(b, c)));
        },
      ),
      { numRuns: 200 },
    );
  });

  it('keep every live entry with the member of its stream, and none on a deleted stream', () => {
    fc.assert(
      fc.property(phone('a'), phone('b'), (a, b) => {
        const m = mergeTables(a, b);
        const streams = new Map(m.streams.map((s) => [s.id, s]));
        for (const e of m.entries) {
          const s = streams.get(e.streamId)!;
          expect(e.memberId).toBe(s.memberId);
          if (s.deletedAt !== null) expect(e.deletedAt).not.toBeNull();
        }
        expect(m.settings).toHaveLength(1);
      }),
      { numRuns: 200 },
    );
  });

  it('bring back the entries deleted with a stream when the merge brings the stream back', () => {
    const stream = base.streams[0]!;
    const entry = base.entries.find((e) => e.streamId === stream.id)!;
    const deletedAt = '2026-11-01T00:01:30.000Z';
    const revived = new Set([deletedAt]);
    const live = { ...stream, deletedAt: null };
    // Deleted with the stream (its deletion time), whatever its own updatedAt.
    const withStream = { ...entry, updatedAt: '2026-11-01T00:02:00.000Z', deletedAt };
    expect(alignEntry(withStream, live, revived).deletedAt).toBeNull();
    // Deleted on its own, at another time: stays deleted.
    const own = {
      ...entry,
      updatedAt: '2026-11-01T00:03:00.000Z',
      deletedAt: '2026-11-01T00:00:10.000Z',
    };
    expect(alignEntry(own, live, revived)).toEqual(own);
    // No stream deletion undone: nothing comes back.
    expect(alignEntry(withStream, live)).toEqual(withStream);
    // A live entry on a deleted stream is deleted with the stream's timestamp.
    expect(alignEntry({ ...entry, deletedAt: null }, { ...stream, deletedAt }).deletedAt).toBe(
      deletedAt,
    );
  });

  it('carry payments and skips from both phones, a deleted payment staying deleted', () => {
    fc.assert(
      fc.property(phone('a'), phone('b'), (a, b) => {
        const m = mergeTables(a, b);
        const ids = (h: HouseholdTables) => new Set([...h.payments, ...h.skips].map((r) => r.id));
        expect(ids(m)).toEqual(new Set([...ids(a), ...ids(b)]));
        for (const p of m.payments) {
          const mine = [...a.payments, ...b.payments].filter((x) => x.id === p.id);
          if (mine.some((x) => x.deletedAt !== null && x.updatedAt >= p.updatedAt)) {
            expect(p.deletedAt).not.toBeNull();
          }
        }
      }),
      { numRuns: 200 },
    );
  });

  it('let the newer updatedAt win, and break a tie the same way on both phones', () => {
    const e = base.entries[0]!;
    const older = { ...e, note: 'older', updatedAt: stamp(1) };
    const newer = { ...e, note: 'newer', updatedAt: stamp(2) };
    expect(winner(older, newer)).toBe(newer);
    expect(winner(newer, older)).toBe(newer);
    const x = { ...e, note: 'x', updatedAt: stamp(3) };
    const y = { ...e, note: 'y', updatedAt: stamp(3) };
    expect(winner(x, y)).toBe(winner(y, x));
  });
});
