/**
 * What merging a file would do, computed with the same rule as the write (merge.ts) in a read
 * transaction: nothing is written. The preview counts new, changed and deleted records per table
 * and per member, and lists the records both sides hold in different versions with the side
 * whose version the rule keeps.
 */
import {
  TABLE_NAMES,
  type BaseRecord,
  type Entry,
  type Settings,
  type TableName,
  type Timestamp,
} from '../../domain/model';
import { readTransaction } from '../repo/transaction';
import { sameRecord, winner } from './merge';
import type { PreparedRestore } from './restore';

export interface ChangeCounts {
  added: number;
  changed: number;
  deleted: number;
}

export interface MergeConflict {
  table: TableName;
  id: string;
  /** A name a person recognises (plan or stream name, entry date), from the kept version. */
  label: string;
  /** Whose version the rule keeps: the file's or this phone's. */
  kept: 'file' | 'phone';
  fileUpdatedAt: Timestamp;
  phoneUpdatedAt: Timestamp;
}

export interface MergePreview {
  tables: Record<TableName, ChangeCounts>;
  /** Entries added, changed or deleted per member id (the kept version's member). */
  members: Record<string, ChangeCounts>;
  /** Member names, from this phone or the file, for the per-member lines. */
  memberNames: Record<string, string>;
  conflicts: MergeConflict[];
  /** True when merging would write nothing. */
  nothingNew: boolean;
}

function emptyCounts(): ChangeCounts {
  return { added: 0, changed: 0, deleted: 0 };
}

function labelOf(row: BaseRecord): string {
  const r = row as Partial<{ name: string; title: string; date: string; householdName: string }>;
  return r.name ?? r.title ?? r.householdName ?? r.date ?? row.id;
}

type Outcome = keyof ChangeCounts | 'kept' | 'same';

/** What the rule does with one incoming row against this phone's version of it. */
function outcome(mine: BaseRecord | undefined, theirs: BaseRecord): Outcome {
  if (!mine) return theirs.deletedAt === null ? 'added' : 'same';
  if (sameRecord(mine, theirs)) return 'same';
  if (winner(mine, theirs) === mine) return 'kept';
  return theirs.deletedAt !== null && mine.deletedAt === null ? 'deleted' : 'changed';
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

export async function previewMerge(prepared: PreparedRestore): Promise<MergePreview> {
  const backup = prepared.backup;
  const since = backup.changes?.since ?? null;
  return readTransaction(TABLE_NAMES, async (db) => {
    const tables = Object.fromEntries(TABLE_NAMES.map((t) => [t, emptyCounts()])) as Record<
      TableName,
      ChangeCounts
    >;
    const members: Record<string, ChangeCounts> = {};
    const memberNames: Record<string, string> = {};
    const conflicts: MergeConflict[] = [];
    for (const m of [...backup.tables.members, ...(await db.members.toArray())]) {
      memberNames[m.id] = m.name;
    }
    for (const name of TABLE_NAMES) {
      const incoming = backup.tables[name] as BaseRecord[];
      let local: (BaseRecord | undefined)[];
      if (name === 'settings') {
        // One settings row per household, whatever its id (mergeSettings).
        const here: Settings[] = await db.settings.toArray();
        local = incoming.map(() => here[0]);
      } else {
        local = await db.table<BaseRecord, string>(name).bulkGet(incoming.map((r) => r.id));
      }
      incoming.forEach((theirs, i) => {
        const mine = local[i];
        const what = outcome(mine, theirs);
        if (what === 'same') return;
        if (what !== 'kept') {
          tables[name][what] += 1;
          if (name === 'entries') {
            const member = (theirs as Entry).memberId;
            (members[member] ??= emptyCounts())[what] += 1;
          }
        }
        if (mine && (what === 'kept' || what === 'changed' || what === 'deleted')) {
          if (!isConflict(mine, theirs, what, since)) return;
          conflicts.push({
            table: name,
            id: theirs.id,
            label: labelOf(what === 'kept' ? mine : theirs),
            kept: what === 'kept' ? 'phone' : 'file',
            fileUpdatedAt: theirs.updatedAt,
            phoneUpdatedAt: mine.updatedAt,
          });
        }
      });
    }
    const nothingNew = TABLE_NAMES.every((t) => {
      const c = tables[t];
      return c.added + c.changed + c.deleted === 0;
    });
    return { tables, members, memberNames, conflicts, nothingNew };
  });
}
