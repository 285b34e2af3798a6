import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { canonicalJson } from '../../src/lib/db/backup/merge';
import {
  applyPlan,
  emptyPlan,
  planMerge,
  planSmallTables,
  sameContent,
  streamsToFollow,
} from '../../src/lib/db/backup/merge-plan';
import type { HouseholdTables, Settings } from '../../src/lib/domain/model';
import { base, stamp } from './merge-phones';

/*
 * The rules of the merge plan (db/backup/merge-plan.ts) that backup-merge.test.ts's random
 * phones do not state: what counts as the same record, which records are listed as conflicts
 * and which side the rule kept, one settings row per household, the streams whose entries
 * follow, the flags of a derived row, and the order of the tables the plan leaves.
 */

const copy = (): HouseholdTables => structuredClone(base);
const withoutEntries = ({ entries: _entries, ...rest }: HouseholdTables) => rest;

describe('sameContent: the answer canonical JSON gives, without building the texts', () => {
  // A small world of values, so that two drawn independently are often equal or nearly so.
  const leaf = fc.constantFrom<unknown>(0, 1, 'x', '', null, true, false);
  const { value } = fc.letrec<{ value: unknown; array: unknown[]; object: object }>((tie) => ({
    value: fc.oneof({ depthSize: 'small' }, leaf, tie('array'), tie('object')),
    // Records hold JSON: an array never holds undefined (JSON would write it as null).
    array: fc.array(tie('value'), { maxLength: 3 }),
    object: fc.dictionary(
      fc.constantFrom('a', 'b', 'c'),
      fc.oneof(tie('value'), fc.constant(undefined)),
      { maxKeys: 3 },
    ),
  }));
  /** The same value with its keys written in another order and keys holding undefined added. */
  const rewritten = (v: unknown, salt: number): unknown => {
    if (Array.isArray(v)) return v.map((x, i) => rewritten(x, salt + i));
    if (v === null || typeof v !== 'object') return v;
    const entries = Object.entries(v).map(([k, x], i) => [k, rewritten(x, salt + i)] as const);
    const out = Object.fromEntries(salt % 2 === 0 ? entries.reverse() : entries);
    if (salt % 3 === 0) out.zz = undefined;
    return out;
  };

  it('is true exactly when the canonical texts are equal (300 runs)', () => {
    fc.assert(
      fc.property(value, value, fc.nat(), (a, b, salt) => {
        expect(sameContent(a, b)).toBe(canonicalJson(a) === canonicalJson(b));
        expect(sameContent(a, rewritten(a, salt))).toBe(true);
        expect(sameContent(rewritten(b, salt), b)).toBe(true);
      }),
      { numRuns: 500 },
    );
  });

  it('tells null, an empty object and an empty array apart, either way round', () => {
    for (const [a, b] of [
      [null, {}],
      [{}, null],
      [[], {}],
      [{}, []],
      [[1], { 0: 1 }],
      [null, []],
    ] as const) {
      expect(sameContent(a, b)).toBe(false);
    }
    expect(sameContent({ a: 1 }, 1)).toBe(false);
    expect(sameContent(1, { a: 1 })).toBe(false);
    expect(sameContent('object', {})).toBe(false);
  });

  it('counts the position of an undefined array item, as JSON writes it (null)', () => {
    expect(sameContent([undefined], [])).toBe(canonicalJson([undefined]) === canonicalJson([]));
    expect(sameContent([1], [1, 2])).toBe(false);
    expect(sameContent([1, 2], [1])).toBe(false);
    expect(sameContent([1, 2], [1, 3])).toBe(false);
  });

  it('reads a key holding undefined as absent, on either side', () => {
    expect(sameContent({ a: 1, b: undefined }, { a: 1 })).toBe(true);
    expect(sameContent({ a: 1 }, { a: 1, b: undefined })).toBe(true);
    expect(sameContent({ a: 1, b: undefined }, { a: 1, b: null })).toBe(false);
    expect(sameContent({ a: 1 }, { a: 1, b: 2 })).toBe(false);
    expect(sameContent({ a: 1, b: 2 }, { a: 1 })).toBe(false);
  });
});

describe('a household merged with an identical copy of itself', () => {
  it('writes nothing, deletes no settings row and lists no conflict', () => {
    const plan = planMerge(base, copy());
    expect(plan.conflicts).toEqual([]);
    expect(plan.deleteSettings).toEqual([]);
    for (const rows of Object.values(plan.puts)) expect(rows).toEqual([]);
  });
});

describe('conflicts: records both phones changed, and the side the rule kept', () => {
  const member = base.members[0]!;
  const renamed = (name: string, second: number) => ({
    ...member,
    name,
    updatedAt: stamp(second),
  });

  it("a whole file: listed when this phone's version beats the file's different one", () => {
    const here = copy();
    here.members[0] = renamed('Here', 20);
    const file = copy();
    file.members[0] = renamed('File', 10);
    const plan = planMerge(here, file);
    expect(plan.conflicts).toEqual([
      {
        table: 'members',
        id: member.id,
        kept: 'phone',
        phone: here.members[0],
        file: file.members[0],
      },
    ]);
    expect(plan.puts.members).toEqual([]);
  });

  it("a whole file: not listed when the file's version wins", () => {
    const here = copy();
    here.members[0] = renamed('Here', 10);
    const file = copy();
    file.members[0] = renamed('File', 20);
    const plan = planMerge(here, file);
    expect(plan.conflicts).toEqual([]);
    expect(plan.puts.members).toEqual([
      {
        table: 'members',
        kind: 'changed',
        before: here.members[0],
        after: file.members[0],
        derived: false,
        fromFile: true,
      },
    ]);
  });

  it('a changes-only file: listed when both versions were written at or after its date, whichever wins', () => {
    const since = stamp(10);
    for (const [mine, theirs, kept] of [
      [10, 20, 'file'],
      [20, 10, 'phone'],
      [15, 12, 'phone'],
    ] as const) {
      const here = copy();
      here.members[0] = renamed('Here', mine);
      const file = copy();
      file.members[0] = renamed('File', theirs);
      expect(planMerge(here, file, since).conflicts).toEqual([
        { table: 'members', id: member.id, kept, phone: here.members[0], file: file.members[0] },
      ]);
    }
  });

  it('a changes-only file: not listed when either version is older than its date', () => {
    const since = stamp(10);
    for (const [mine, theirs] of [
      [9, 20],
      [20, 9],
    ] as const) {
      const here = copy();
      here.members[0] = renamed('Here', mine);
      const file = copy();
      file.members[0] = renamed('File', theirs);
      expect(planMerge(here, file, since).conflicts).toEqual([]);
    }
  });

  it('an entry and the settings row are listed under their own tables', () => {
    const here = copy();
    const file = copy();
    here.entries[0] = { ...here.entries[0]!, note: 'here', updatedAt: stamp(30) };
    file.entries[0] = { ...file.entries[0]!, note: 'file', updatedAt: stamp(20) };
    here.settings[0] = { ...here.settings[0]!, householdName: 'Here', updatedAt: stamp(20) };
    file.settings[0] = { ...file.settings[0]!, householdName: 'File', updatedAt: stamp(30) };
    const plan = planMerge(here, file, stamp(0));
    expect(plan.conflicts.map((c) => [c.table, c.id, c.kept])).toEqual([
      ['settings', here.settings[0].id, 'file'],
      ['entries', here.entries[0].id, 'phone'],
    ]);
  });

  it("the settings row is a conflict of a whole file only when this phone's row wins", () => {
    const here = copy();
    const file = copy();
    here.settings[0] = { ...here.settings[0]!, householdName: 'Here', updatedAt: stamp(30) };
    file.settings[0] = { ...file.settings[0]!, householdName: 'File', updatedAt: stamp(20) };
    expect(planMerge(here, file).conflicts.map((c) => [c.table, c.kept])).toEqual([
      ['settings', 'phone'],
    ]);
    expect(planMerge(file, here).conflicts).toEqual([]);
  });
});

describe('one settings row per household', () => {
  const settings = (id: string, second: number, name: string): Settings => ({
    ...base.settings[0]!,
    id,
    householdName: name,
    updatedAt: stamp(second),
  });
  const A = '00000000-0000-4000-8000-00000000000a';
  const B = '00000000-0000-4000-8000-00000000000b';

  it("two phones set up apart: the file's newer row replaces this phone's row of another id", () => {
    const here = { ...copy(), settings: [settings(A, 10, 'Here')] };
    const file = { ...copy(), settings: [settings(B, 20, 'File')] };
    const plan = planMerge(here, file);
    expect(plan.deleteSettings).toEqual([A]);
    expect(plan.puts.settings.map((r) => [r.before?.id, r.after.id, r.kind])).toEqual([
      [A, B, 'changed'],
    ]);
    expect(applyPlan(here, plan).settings).toEqual([file.settings[0]]);
  });

  it("two phones set up apart: this phone's newer row stays, nothing written", () => {
    const here = { ...copy(), settings: [settings(A, 20, 'Here')] };
    const file = { ...copy(), settings: [settings(B, 10, 'File')] };
    const plan = planMerge(here, file);
    expect(plan.deleteSettings).toEqual([]);
    expect(plan.puts.settings).toEqual([]);
    expect(applyPlan(here, plan).settings).toEqual([here.settings[0]]);
  });
});

describe('the streams whose entries on this phone follow the merge', () => {
  const [s0, s1, s2] = base.streams;
  const other = base.members.find((m) => m.id !== s0!.memberId)!;

  function follow(here: HouseholdTables, file: HouseholdTables): string[] {
    const context = planSmallTables(emptyPlan(), withoutEntries(here), withoutEntries(file), null);
    return streamsToFollow(context).sort();
  }

  it('are none when the file changes no stream, and none for a stream deleted alike on both', () => {
    const here = copy();
    here.streams[2] = { ...s2!, deletedAt: stamp(5), updatedAt: stamp(5) };
    const file = structuredClone(here);
    expect(follow(here, file)).toEqual([]);
  });

  it('are those the file moves to another member, deletes, or brings back; a new stream is not one', () => {
    const here = copy();
    here.streams[2] = { ...s2!, deletedAt: stamp(5), updatedAt: stamp(5) };
    const file = structuredClone(here);
    file.streams[0] = { ...s0!, memberId: other.id, updatedAt: stamp(10) };
    file.streams[1] = { ...s1!, deletedAt: stamp(10), updatedAt: stamp(10) };
    file.streams[2] = { ...s2!, deletedAt: null, updatedAt: stamp(10) };
    file.streams.push({ ...s0!, id: '00000000-0000-4000-8000-0000000000ff', updatedAt: stamp(10) });
    expect(follow(here, file)).toEqual([s0!.id, s1!.id, s2!.id].sort());
  });

  it("include a stream whose deletion time this phone's newer version changes", () => {
    // Deleted on both, at different times: this phone's later deletion wins, and entries the
    // file deleted with the stream at its own time take this phone's time.
    const here = copy();
    here.streams[1] = { ...s1!, deletedAt: stamp(8), updatedAt: stamp(8) };
    const file = copy();
    file.streams[1] = { ...s1!, deletedAt: stamp(6), updatedAt: stamp(6) };
    expect(follow(here, file)).toEqual([s1!.id]);
  });
});

describe('rows written only to keep an entry with its stream', () => {
  const stream = base.streams[0]!;
  const other = base.members.find((m) => m.id !== stream.memberId)!;
  const ofStream = (h: HouseholdTables) => h.entries.filter((e) => e.streamId === stream.id);

  it("are derived and not from the file when they are this phone's entries the file leaves out", () => {
    const file = copy();
    file.streams[0] = { ...stream, memberId: other.id, updatedAt: stamp(10) };
    file.entries = [];
    const plan = planMerge(base, file);
    expect(plan.puts.entries.length).toBe(ofStream(base).length);
    for (const row of plan.puts.entries) {
      expect(row).toMatchObject({ derived: true, fromFile: false, kind: 'changed' });
      expect(row.after).toEqual({ ...row.before, memberId: other.id });
    }
  });

  it("are derived when this phone's version of an entry the file carries wins but must follow the stream", () => {
    const here = copy();
    const mine = ofStream(here)[0]!;
    Object.assign(mine, { note: 'edited here', updatedAt: stamp(30) });
    const file = copy();
    file.streams[0] = { ...stream, memberId: other.id, updatedAt: stamp(10) };
    for (const e of ofStream(file)) e.memberId = other.id;
    const row = planMerge(here, file).puts.entries.find((r) => r.after.id === mine.id)!;
    expect(row).toMatchObject({ derived: true, fromFile: true, before: mine });
    expect(row.after).toEqual({ ...mine, memberId: other.id });
  });

  it("are derived when the file's version wins but its stream was moved on this phone", () => {
    const here = copy();
    here.streams[0] = { ...stream, memberId: other.id, updatedAt: stamp(30) };
    for (const e of ofStream(here)) e.memberId = other.id;
    const file = copy();
    const theirs = ofStream(file)[0]!;
    Object.assign(theirs, { note: 'edited there', updatedAt: stamp(20) });
    const row = planMerge(here, file).puts.entries.find((r) => r.after.id === theirs.id)!;
    expect(row).toMatchObject({ derived: true, fromFile: true });
    expect(row.after).toEqual({ ...theirs, memberId: other.id });
  });

  it("are not derived when the file's newer version is written as it is", () => {
    const file = copy();
    const theirs = ofStream(file)[0]!;
    Object.assign(theirs, { note: 'edited there', updatedAt: stamp(20) });
    const plan = planMerge(base, file);
    expect(plan.puts.entries).toEqual([
      {
        table: 'entries',
        kind: 'changed',
        before: ofStream(base)[0],
        after: theirs,
        derived: false,
        fromFile: true,
      },
    ]);
  });
});

describe('the tables the plan leaves', () => {
  it('are sorted by id, whatever order this phone held them in', () => {
    const here = copy();
    for (const rows of Object.values(here) as unknown[][]) rows.reverse();
    const result = applyPlan(here, emptyPlan());
    for (const [table, rows] of Object.entries(result) as [string, { id: string }[]][]) {
      const ids = rows.map((r) => r.id);
      expect(ids, table).toEqual([...ids].sort());
      expect(ids.length, table).toBe((here[table as keyof HouseholdTables] as unknown[]).length);
    }
  });
});
