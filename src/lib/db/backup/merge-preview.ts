/**
 * What merging a file would do, computed with the same rule as the write (merge.ts) in a read
 * transaction: nothing is written. Shape and meaning: merge-preview-model.ts.
 */
import {
  TABLE_NAMES,
  type BaseRecord,
  type Entry,
  type Settings,
  type Timestamp,
} from '../../domain/model';
import { readTransaction } from '../repo/transaction';
import { sameRecord, winner } from './merge';
import {
  differingFields,
  emptyCounts,
  PREVIEW_DETAIL_LIMIT,
  type ChangeCounts,
  type ChangeKind,
  type MergePreview,
  type PreviewConflict,
  type PreviewRecord,
} from './merge-preview-model';
import type { PreparedRestore } from './restore';

export {
  differingFields,
  PREVIEW_DETAIL_LIMIT,
  type ChangeCounts,
  type ChangeKind,
  type MergePreview,
  type PreviewConflict,
  type PreviewRecord,
} from './merge-preview-model';

type Outcome = ChangeKind | 'kept' | 'same';

/** What the rule does with one incoming row against this phone's version of it. */
function outcome(mine: BaseRecord | undefined, theirs: BaseRecord): Outcome {
  if (!mine) return theirs.deletedAt === null ? 'added' : 'same';
  if (sameRecord(mine, theirs)) return 'same';
  if (winner(mine, theirs) === mine) return 'kept';
  if (theirs.deletedAt !== null && mine.deletedAt === null) return 'deleted';
  if (theirs.deletedAt === null && mine.deletedAt !== null) return 'restored';
  return 'changed';
}

/**
 * A changes-only file tells when the other phone last sent: a record both phones edited since
 * then is a conflict, whichever side the rule keeps. A whole file has no such date; there the
 * records whose version on this phone beats a different one in the file are listed, since a
 * reader expecting the file's value would otherwise be surprised.
 */
function isConflict(
  mine: BaseRecord,
  theirs: BaseRecord,
  what: Outcome,
  since: Timestamp | null,
): boolean {
  if (since === null) return what === 'kept';
  return mine.updatedAt >= since && theirs.updatedAt >= since;
}

const KIND_ORDER: Record<ChangeKind, number> = { added: 0, changed: 1, restored: 2, deleted: 3 };

export async function previewMerge(prepared: PreparedRestore): Promise<MergePreview> {
  const backup = prepared.backup;
  const since = backup.changes?.since ?? null;
  return readTransaction(TABLE_NAMES, async (db) => {
    const tables = Object.fromEntries(
      TABLE_NAMES.map((t) => [t, emptyCounts()]),
    ) as MergePreview['tables'];
    const members: Record<string, ChangeCounts> = {};
    const records: PreviewRecord[] = [];
    const conflicts: PreviewConflict[] = [];
    let conflictCount = 0;
    const names: MergePreview['names'] = {
      household: null,
      members: {},
      streams: {},
      plans: {},
      places: {},
    };
    const [hereMembers, hereStreams, herePlans, herePlaces, hereSettings] = await Promise.all([
      db.members.toArray(),
      db.streams.toArray(),
      db.plans.toArray(),
      db.places.toArray(),
      db.settings.toArray(),
    ]);
    for (const m of [...hereMembers, ...backup.tables.members]) names.members[m.id] = m.name;
    for (const s of [...hereStreams, ...backup.tables.streams]) {
      names.streams[s.id] = { name: s.name, memberId: s.memberId, currency: s.currency };
    }
    for (const p of [...herePlans, ...backup.tables.plans]) names.plans[p.id] = p.name;
    for (const p of [...herePlaces, ...backup.tables.places]) names.places[p.id] = p.name;
    names.household =
      backup.tables.settings[0]?.householdName ?? hereSettings[0]?.householdName ?? null;

    for (const name of TABLE_NAMES) {
      const incoming = backup.tables[name] as BaseRecord[];
      let local: (BaseRecord | undefined)[];
      if (name === 'settings') {
        // One settings row per household, whatever its id (mergeSettings).
        const here: Settings[] = hereSettings;
        local = incoming.map(() => here[0]);
      } else {
        local = await db.table<BaseRecord, string>(name).bulkGet(incoming.map((r) => r.id));
      }
      const listed: PreviewRecord[] = [];
      incoming.forEach((theirs, i) => {
        const mine = local[i];
        const what = outcome(mine, theirs);
        if (what === 'same') return;
        if (what !== 'kept') {
          tables[name][what] += 1;
          listed.push({
            table: name,
            id: theirs.id,
            kind: what,
            before: mine ?? null,
            after: theirs,
          });
          if (name === 'entries') {
            const member = (theirs as Entry).memberId;
            (members[member] ??= emptyCounts())[what] += 1;
          }
        }
        if (mine && what !== 'added') {
          if (!isConflict(mine, theirs, what, since)) return;
          const fields = differingFields(mine, theirs);
          if (fields.length === 0) return;
          conflictCount += 1;
          if (conflicts.length < PREVIEW_DETAIL_LIMIT) {
            conflicts.push({
              table: name,
              id: theirs.id,
              kept: what === 'kept' ? 'phone' : 'file',
              phone: mine,
              file: theirs,
              fields,
            });
          }
        }
      });
      listed.sort((a, b) => KIND_ORDER[a.kind] - KIND_ORDER[b.kind]);
      records.push(...listed.slice(0, PREVIEW_DETAIL_LIMIT));
    }
    const nothingNew = TABLE_NAMES.every((t) => {
      const c = tables[t];
      return c.added + c.changed + c.restored + c.deleted === 0;
    });
    return {
      tables,
      members,
      records,
      conflicts,
      conflictCount,
      names,
      senderMemberId: null,
      nothingNew,
    };
  });
}
