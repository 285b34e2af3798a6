/**
 * Builds the merge plan (merge-plan.ts) of a file against this phone's database, inside the
 * caller's transaction (a read one for the preview, the write one for the merge): the small
 * tables whole, then the file's entries in chunks with this phone's versions of them (one
 * bulkGet per chunk), then this phone's other entries of the streams the merge moves, deletes or
 * brings back. Never reads the 100,000 entries the file does not touch.
 */
import { TABLE_NAMES, type BaseRecord, type TableName } from '../../domain/model';
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
}

const CHUNK = 5_000;

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
    const mine = await db.entries.bulkGet(chunk.map((e) => e.id));
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
