/**
 * Builds the merge plan (merge-plan.ts) of a file against this phone's database, inside the
 * caller's transaction (a read one for the preview, the write one for the merge): the small
 * tables whole, then the file's entries in chunks with this phone's versions of them (one
 * bulkGet per chunk), then this phone's other entries of the streams the merge moves, deletes or
 * brings back. Never reads the 100,000 entries the file does not touch.
 */
import { TABLE_NAMES, type BaseRecord, type Entry, type TableName } from '../../domain/model';
import type { AnyamDatabase } from '../database';
import { entriesOfStream } from '../repo/rollup-store';
import type { BackupFile } from './backup-format';
import { throwIfCancelled, type JobProgressListener } from './cancel';
import {
  emptyPlan,
  planEntries,
  planFollowers,
  planSmallTables,
  streamsToFollow,
  type MergePlan,
  type SmallTables,
} from './merge-plan';

export interface PlanReadOptions {
  /** Phase 'reading': rows of the file compared with this phone's so far. */
  onProgress?: JobProgressListener;
  signal?: AbortSignal;
  chunkSize?: number;
  /** Tests: look this phone's versions up one id at a time even where a range read is cheaper. */
  lookup?: 'auto' | 'get';
}

const CHUNK = 5_000;

/*
 * This phone's versions of a chunk of the file's entries. A whole file's chunk covers a run of
 * ids that this phone mostly holds too: reading that id range in one request (getAll) is several
 * times faster than 5,000 single gets, so it is read so when the range holds at most twice the
 * chunk's rows (a count over a key range is cheap). A sparse chunk (a changes-only file) is
 * looked up id by id. Written inline in the loop below: inside a Dexie transaction every await
 * must be of a Dexie call, and one more level of native async function makes the transaction
 * commit early (PrematureCommitError).
 */
export async function readMergePlan(
  db: AnyamDatabase,
  backup: BackupFile,
  options: PlanReadOptions = {},
): Promise<MergePlan> {
  const chunkSize = options.chunkSize ?? CHUNK;
  const total = TABLE_NAMES.reduce((n, t) => n + backup.tables[t].length, 0);
  let done = 0;
  options.onProgress?.({ phase: 'reading', done, total });
  const plan = emptyPlan();
  const local = {} as Record<TableName, BaseRecord[]>;
  await Promise.all(
    TABLE_NAMES.filter((t) => t !== 'entries').map(async (t) => {
      local[t] = await db.table<BaseRecord, string>(t).toArray();
    }),
  );
  const context = planSmallTables(
    plan,
    local as unknown as SmallTables,
    backup.tables,
    backup.changes?.since ?? null,
  );
  done = total - backup.tables.entries.length;
  options.onProgress?.({ phase: 'reading', done, total });

  const incoming = backup.tables.entries;
  for (let start = 0; start < incoming.length; start += chunkSize) {
    const chunk = incoming.slice(start, start + chunkSize);
    const ids = chunk.map((e) => e.id);
    let mine: (Entry | undefined)[] | null = null;
    // Stryker disable next-line ConditionalExpression,LogicalOperator,EqualityOperator,StringLiteral,BlockStatement: whether a chunk is read by id range or id by id, the rows read by id range are those bulkGet gives (the range holds every id of the chunk), so only the speed differs (npm run bench -- --only merge)
    if (options.lookup !== 'get' && chunk.length > 1) {
      // Stryker disable next-line StringLiteral: Dexie reads an empty index name as the primary key, like ':id'
      const range = db.entries.where(':id').between(minOf(ids), maxOf(ids), true, true);
      // Stryker disable next-line ConditionalExpression,EqualityOperator,ArithmeticOperator,BlockStatement: the 2× test only chooses between the range and bulkGet; the rows read by id range are those bulkGet gives (the range holds every id of the chunk), so only the speed differs (npm run bench -- --only merge)
      if ((await range.count()) <= chunk.length * 2) {
        const rows = new Map((await range.toArray()).map((e) => [e.id, e]));
        mine = ids.map((id) => rows.get(id));
      }
    }
    mine ??= await db.entries.bulkGet(ids);
    planEntries(plan, context, chunk, mine);
    done += chunk.length;
    options.onProgress?.({ phase: 'reading', done, total });
    throwIfCancelled(options.signal);
  }

  const follow = streamsToFollow(context);
  if (follow.length > 0) {
    const inFile = new Set(incoming.map((e) => e.id));
    for (const streamId of follow) {
      const rows = await entriesOfStream(db, streamId).toArray();
      planFollowers(plan, context, rows, (id) => inFile.has(id));
    }
  }
  return plan;
}

// Stryker disable next-line BlockStatement: an undefined lower bound is an open one to Dexie, so the range still holds every id of the chunk (only wider)
function minOf(ids: readonly string[]): string {
  // Stryker disable next-line ArrowFunction: an undefined lower bound is an open one to Dexie, so the range still holds every id of the chunk (only wider)
  return ids.reduce((lo, id) => (id < lo ? id : lo));
}
function maxOf(ids: readonly string[]): string {
  return ids.reduce((hi, id) => (id > hi ? id : hi));
}
