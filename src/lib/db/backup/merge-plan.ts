/**
 * The one merge rule, as a plan: given this phone's records and a file's, what the merge writes
 * (each row with its kind: added, changed, restored or deleted), which settings row goes, and
 * which records both sides changed differently. Pure (no Dexie): the merge (restore.ts) and its
 * preview (merge-preview.ts) both build this plan, so the preview shows what the merge writes.
 *
 * The plan is built in three steps, so that a 100,000-entry file can be read and planned in
 * chunks: `planSmallTables` (every table but entries, tens of rows each, whole), then
 * `planEntries` for each chunk of the file's entries with this phone's versions of them, then
 * `planFollowers` for this phone's other entries of the streams whose member or deletion the
 * merge changes (`streamsToFollow`). `planMerge` runs the three on tables in memory.
 *
 * The rule (docs/backup-format.md "Restore"): records are matched by id; the one with the later
 * `updatedAt` wins, a tie going to the larger canonical text; settings are one row whatever its
 * id; after the merge each entry takes its stream's member, a live entry of a deleted stream is
 * deleted with it, and entries deleted with a stream that the merge brings back come back.
 */
import {
  TABLE_NAMES,
  type BaseRecord,
  type Entry,
  type HouseholdTables,
  type Settings,
  type Stream,
  type TableName,
  type Timestamp,
} from '../../domain/model';
import { byId } from './backup-format';
import { alignEntry, mergeSettings, winner } from './merge';
import type { ChangeKind } from './merge-preview-model';

/** One row the merge writes. */
export interface PlannedRow {
  table: TableName;
  kind: ChangeKind;
  /** This phone's version before the merge (for settings: its settings row, whatever its id). */
  before: BaseRecord | null;
  after: BaseRecord;
  /**
   * Written only to keep an entry with its stream (it follows a moved, deleted or restored
   * stream), not because the file's version of it won.
   */
  derived: boolean;
  /** False for this phone's entry that follows its stream without being in the file. */
  fromFile: boolean;
}

/** A record both sides hold in different versions, and the side the rule keeps. */
export interface PlannedConflict {
  table: TableName;
  id: string;
  kept: 'file' | 'phone';
  phone: BaseRecord;
  file: BaseRecord;
}

export interface MergePlan {
  /** Rows to put, per table. */
  puts: Record<TableName, PlannedRow[]>;
  /** Settings rows of this phone that go (the other phone's settings row of another id won). */
  deleteSettings: string[];
  /** Records both phones changed (see `isConflict`); the view lists those differing in content. */
  conflicts: PlannedConflict[];
}

/** Every table but entries: read whole on both sides. */
export type SmallTables = Omit<HouseholdTables, 'entries'>;

/** What planning the entries needs from the small tables' plan. */
export interface EntryContext {
  /** `since` of a changes-only file, null for a whole file. */
  since: Timestamp | null;
  /** The streams after the merge. */
  streams: Map<string, Stream>;
  /**
   * Per stream, the deletion times of both sides' versions that differ from the stream's after
   * the merge: entries deleted with such a deletion follow the stream (alignEntry).
   */
  deletions: Map<string, Set<string>>;
  /**
   * Streams whose member or deletion the merge changes, or that it brings back: this phone's
   * entries of them follow.
   */
  follow: Set<string>;
}

export function emptyPlan(): MergePlan {
  return {
    puts: Object.fromEntries(TABLE_NAMES.map((t) => [t, []])) as unknown as MergePlan['puts'],
    deleteSettings: [],
    conflicts: [],
  };
}

/**
 * Two versions hold the same content and stamps. Same answer as comparing their canonical JSON
 * (keys in any order, a key holding `undefined` as absent), without building two strings per row.
 */
export function sameContent(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (a === null || b === null || typeof a !== 'object' || typeof b !== 'object') return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  if (Array.isArray(a)) {
    const bb = b as unknown[];
    return a.length === bb.length && a.every((x, i) => sameContent(x, bb[i]));
  }
  const ra = a as Record<string, unknown>;
  const rb = b as Record<string, unknown>;
  let na = 0;
  for (const key in ra) {
    if (ra[key] === undefined) continue;
    na++;
    if (!sameContent(ra[key], rb[key])) return false;
  }
  let nb = 0;
  for (const key in rb) if (rb[key] !== undefined) nb++;
  return na === nb;
}

/** What writing `after` over `before` does to the record, as the preview names it. */
export function changeKind(before: BaseRecord | null, after: BaseRecord): ChangeKind {
  if (before === null) return after.deletedAt === null ? 'added' : 'deleted';
  if (before.deletedAt === null && after.deletedAt !== null) return 'deleted';
  if (before.deletedAt !== null && after.deletedAt === null) return 'restored';
  return 'changed';
}

/**
 * Both phones changed the record: for a changes-only file, both versions were written since
 * `since` (whichever side the rule keeps); for a whole file, which has no such date, this
 * phone's version beats a different one in the file (a reader expecting the file's value would
 * otherwise be surprised). The preview lists only those whose content differs.
 */
function isConflict(
  mine: BaseRecord,
  theirs: BaseRecord,
  kept: BaseRecord,
  since: Timestamp | null,
): boolean {
  if (since === null) return kept === mine;
  return mine.updatedAt >= since && theirs.updatedAt >= since;
}

function noteConflict(
  plan: MergePlan,
  table: TableName,
  mine: BaseRecord,
  theirs: BaseRecord,
  kept: BaseRecord,
  since: Timestamp | null,
): void {
  if (!isConflict(mine, theirs, kept, since)) return;
  plan.conflicts.push({
    table,
    id: theirs.id,
    kept: kept === mine ? 'phone' : 'file',
    phone: mine,
    file: theirs,
  });
}

function put(
  plan: MergePlan,
  table: TableName,
  before: BaseRecord | null,
  after: BaseRecord,
  derived = false,
  fromFile = true,
): void {
  plan.puts[table].push({
    table,
    kind: changeKind(before, after),
    before,
    after,
    derived,
    fromFile,
  });
}

/**
 * Plans every table but entries (whole: tens of rows each) into `plan`, and returns what the
 * entries' plan needs.
 */
export function planSmallTables(
  plan: MergePlan,
  local: SmallTables,
  incoming: SmallTables,
  since: Timestamp | null,
): EntryContext {
  for (const table of TABLE_NAMES) {
    if (table === 'entries') continue;
    const mineRows = local[table] as BaseRecord[];
    const theirRows = incoming[table] as BaseRecord[];
    if (table === 'settings') {
      planSettings(plan, local.settings, incoming.settings, since);
      continue;
    }
    const mineById = new Map(mineRows.map((r) => [r.id, r]));
    for (const theirs of theirRows) {
      const mine = mineById.get(theirs.id);
      if (!mine) {
        put(plan, table, null, theirs);
        continue;
      }
      if (sameContent(mine, theirs)) continue;
      const kept = winner(mine, theirs);
      noteConflict(plan, table, mine, theirs, kept, since);
      if (kept !== mine) put(plan, table, mine, theirs);
    }
  }
  return entryContext(local.streams, incoming.streams, since);
}

function planSettings(
  plan: MergePlan,
  local: readonly Settings[],
  incoming: readonly Settings[],
  since: Timestamp | null,
): void {
  const [merged] = mergeSettings(local, incoming);
  if (!merged) return;
  const mine = local[0] ?? null;
  const theirs = incoming[0];
  if (mine && theirs && !sameContent(mine, theirs)) {
    noteConflict(plan, 'settings', mine, theirs, merged === theirs ? theirs : mine, since);
  }
  for (const row of local) if (row.id !== merged.id) plan.deleteSettings.push(row.id);
  const same = local.find((row) => row.id === merged.id);
  if (same && sameContent(same, merged)) return;
  put(plan, 'settings', mine, merged);
}

/** The streams after the merge, the deletions it undoes, and the streams whose entries follow. */
function entryContext(
  local: readonly Stream[],
  incoming: readonly Stream[],
  since: Timestamp | null,
): EntryContext {
  const mine = new Map(local.map((s) => [s.id, s]));
  const theirs = new Map(incoming.map((s) => [s.id, s]));
  const streams = new Map(mine);
  for (const [id, s] of theirs) {
    const here = mine.get(id);
    streams.set(id, here ? winner(here, s) : s);
  }
  const deletions = new Map<string, Set<string>>();
  const follow = new Set<string>();
  for (const [id, stream] of streams) {
    const times = new Set<string>();
    for (const side of [mine.get(id), theirs.get(id)])
      if (side?.deletedAt && side.deletedAt !== stream.deletedAt) times.add(side.deletedAt);
    if (times.size > 0) deletions.set(id, times);
    // Entries of a stream whose deletion the merge undoes or moves are looked at even when this
    // phone's version won: an entry here deleted at the very instant the other phone deleted the
    // stream follows it on both phones alike (the merge stays symmetric).
    const before = mine.get(id);
    if (
      deletions.has(id) ||
      (before && (before.memberId !== stream.memberId || before.deletedAt !== stream.deletedAt))
    ) {
      follow.add(id);
    }
  }
  return { since, streams, deletions, follow };
}

/** The streams whose entries on this phone the merge may change (read them for `planFollowers`). */
export function streamsToFollow(context: EntryContext): string[] {
  return [...context.follow];
}

/**
 * Plans a chunk of the file's entries: `mine[i]` is this phone's version of `theirs[i]` (or
 * undefined). Each merged entry is aligned with its stream after the merge.
 */
export function planEntries(
  plan: MergePlan,
  context: EntryContext,
  theirs: readonly Entry[],
  mine: readonly (Entry | undefined)[],
): void {
  for (let i = 0; i < theirs.length; i++) {
    const file = theirs[i]!;
    const here = mine[i];
    let kept: Entry = file;
    const align = (entry: Entry) =>
      alignEntry(entry, context.streams.get(entry.streamId), context.deletions.get(entry.streamId));
    if (here) {
      if (sameContent(here, file)) kept = here;
      else {
        // Two versions of one millisecond are ordered by their text as aligned with the merged
        // stream: a merged copy holds its entries aligned, so comparing the raw versions could
        // pick the other one when the merge is merged again (tests/unit/arrival-merge.test.ts).
        const mineAligned = align(here);
        kept = winner(mineAligned, align(file)) === mineAligned ? here : file;
        noteConflict(plan, 'entries', here, file, kept, context.since);
      }
    }
    const aligned = align(kept);
    if (here && (aligned === here || sameContent(here, aligned))) continue;
    put(plan, 'entries', here ?? null, aligned, kept === here || aligned !== kept);
  }
}

/**
 * Plans this phone's entries that the file does not carry (`inFile` tells) but whose stream the
 * merge moves, deletes or brings back: they follow it. `rows` may hold any entries of this
 * phone; only those of `context.follow` streams are looked at.
 */
export function planFollowers(
  plan: MergePlan,
  context: EntryContext,
  rows: readonly Entry[],
  inFile: (id: string) => boolean,
): void {
  for (const entry of rows) {
    if (!context.follow.has(entry.streamId) || inFile(entry.id)) continue;
    const aligned = alignEntry(
      entry,
      context.streams.get(entry.streamId),
      context.deletions.get(entry.streamId),
    );
    if (aligned !== entry) put(plan, 'entries', entry, aligned, true, false);
  }
}

/** The whole plan for two households in memory (tests; the app plans in chunks, same steps). */
export function planMerge(
  local: HouseholdTables,
  incoming: HouseholdTables,
  since: Timestamp | null = null,
): MergePlan {
  const plan = emptyPlan();
  const context = planSmallTables(plan, local, incoming, since);
  const mine = new Map(local.entries.map((e) => [e.id, e]));
  planEntries(
    plan,
    context,
    incoming.entries,
    incoming.entries.map((e) => mine.get(e.id)),
  );
  const fileIds = new Set(incoming.entries.map((e) => e.id));
  planFollowers(plan, context, local.entries, (id) => fileIds.has(id));
  return plan;
}

/** `local` with the plan written (tables sorted by id): the tables the merge leaves. */
export function applyPlan(local: HouseholdTables, plan: MergePlan): HouseholdTables {
  const out = {} as Record<TableName, BaseRecord[]>;
  for (const table of TABLE_NAMES) {
    const rows = new Map((local[table] as BaseRecord[]).map((r) => [r.id, r]));
    if (table === 'settings') for (const id of plan.deleteSettings) rows.delete(id);
    for (const row of plan.puts[table]) rows.set(row.after.id, row.after);
    out[table] = [...rows.values()].sort(byId);
  }
  return out as unknown as HouseholdTables;
}

/** The household after merging `incoming` into `local`: the plan, written in memory. */
export function mergeTables(local: HouseholdTables, incoming: HouseholdTables): HouseholdTables {
  return applyPlan(local, planMerge(local, incoming));
}
