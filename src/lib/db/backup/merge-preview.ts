/**
 * What merging a file would do: the merge's own plan (merge-plan.ts, read by merge-plan-read.ts
 * exactly as the write reads it) computed in a read transaction, nothing written, and turned into
 * the preview the person reads. Shape and meaning: merge-preview-model.ts.
 */
import { TABLE_NAMES, type Entry } from '../../domain/model';
import { readTransaction } from '../repo/transaction';
import { type JobProgressListener } from './cancel';
import type { MergePlan } from './merge-plan';
import { readMergePlan } from './merge-plan-read';
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

export * from './merge-preview-model';

export interface PreviewOptions {
  /** Phase 'reading': the file's rows compared with this phone's so far (done of total). */
  onProgress?: JobProgressListener;
  signal?: AbortSignal;
  chunkSize?: number;
  /** Tests only (merge-plan-read.ts). */
  lookup?: 'auto' | 'get';
}

const KIND_ORDER: Record<ChangeKind, number> = { added: 0, changed: 1, restored: 2, deleted: 3 };

export async function previewMerge(
  prepared: PreparedRestore,
  options: PreviewOptions = {},
): Promise<MergePreview> {
  const backup = prepared.backup;
  return readTransaction(TABLE_NAMES, async (db) => {
    const plan = await readMergePlan(db, backup, options);
    const [hereMembers, hereStreams, herePlans, herePlaces, hereSettings] = await Promise.all([
      db.members.toArray(),
      db.streams.toArray(),
      db.plans.toArray(),
      db.places.toArray(),
      db.settings.toArray(),
    ]);
    const names: MergePreview['names'] = {
      household: backup.tables.settings[0]?.householdName ?? hereSettings[0]?.householdName ?? null,
      members: {},
      streams: {},
      plans: {},
      places: {},
    };
    for (const m of [...hereMembers, ...backup.tables.members]) names.members[m.id] = m.name;
    for (const s of [...hereStreams, ...backup.tables.streams]) {
      names.streams[s.id] = { name: s.name, memberId: s.memberId, currency: s.currency };
    }
    for (const p of [...herePlans, ...backup.tables.plans]) names.plans[p.id] = p.name;
    for (const p of [...herePlaces, ...backup.tables.places]) names.places[p.id] = p.name;
    const sender = backup.sender?.memberId ?? null;
    return {
      ...previewOfPlan(plan),
      names,
      senderMemberId: sender !== null && sender in names.members ? sender : null,
    };
  });
}

/** The counts, records and conflicts of a plan (the names are the caller's). */
export function previewOfPlan(plan: MergePlan): Omit<MergePreview, 'names' | 'senderMemberId'> {
  const tables = Object.fromEntries(
    TABLE_NAMES.map((t) => [t, emptyCounts()]),
  ) as MergePreview['tables'];
  const members: Record<string, ChangeCounts> = {};
  const records: PreviewRecord[] = [];
  for (const name of TABLE_NAMES) {
    const listed: PreviewRecord[] = [];
    for (const row of plan.puts[name]) {
      tables[name][row.kind] += 1;
      if (name === 'entries') {
        (members[(row.after as Entry).memberId] ??= emptyCounts())[row.kind] += 1;
      }
      listed.push({
        table: name,
        id: row.after.id,
        kind: row.kind,
        before: row.before,
        after: row.after,
        ...(row.derived ? { derived: true } : {}),
      });
    }
    // Stable: within a kind, in the file's order.
    listed.sort((a, b) => KIND_ORDER[a.kind] - KIND_ORDER[b.kind]);
    records.push(...listed.slice(0, PREVIEW_DETAIL_LIMIT));
  }
  const conflicts: PreviewConflict[] = [];
  let conflictCount = 0;
  for (const c of plan.conflicts) {
    const fields = differingFields(c.phone, c.file);
    if (fields.length === 0) continue;
    conflictCount += 1;
    if (conflicts.length < PREVIEW_DETAIL_LIMIT) conflicts.push({ ...c, fields });
  }
  const nothingNew =
    plan.deleteSettings.length === 0 && TABLE_NAMES.every((t) => plan.puts[t].length === 0);
  return { tables, members, records, conflicts, conflictCount, nothingNew };
}
