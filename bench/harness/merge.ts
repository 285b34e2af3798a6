/**
 * The merge preview against the 100k-entry household (issue 23, acceptance 6), in the browser
 * the app runs in: a changes-only household file with ONE changed entry, and a whole 100k file
 * (1,000 entries changed on the other phone). Each is read (`readBackupFile`: parse, validate)
 * and previewed (`previewMerge`: the merge plan in a read transaction) as MergeFlow does, timed
 * apart; the progress reports the preview gives are counted. bench/merge.mjs drives it.
 */
import { exportBackup, previewMerge, readBackupFile } from '../../src/lib/db/backup';
import { serializeBackup } from '../../src/lib/db/backup/backup-format';
import type { HouseholdTables } from '../../src/lib/domain/model';

interface Timed {
  readMs: number;
  previewMs: number;
  totalMs: number;
  progressReports: number;
  written: number;
  conflicts: number;
}

async function timePreview(text: string): Promise<Timed> {
  const t0 = performance.now();
  const prepared = await readBackupFile(text);
  const t1 = performance.now();
  let progressReports = 0;
  const preview = await previewMerge(prepared, { onProgress: () => (progressReports += 1) });
  const t2 = performance.now();
  const written = Object.values(preview.tables).reduce(
    (n, c) => n + c.added + c.changed + c.restored + c.deleted,
    0,
  );
  return {
    readMs: t1 - t0,
    previewMs: t2 - t1,
    totalMs: t2 - t0,
    progressReports,
    written,
    conflicts: preview.conflictCount,
  };
}

/**
 * Runs against the database the caller seeded (the 100k household): `runs` previews of each
 * file. Nothing is written.
 */
export async function mergePreviewRuns(runs: number, fullRuns: number) {
  const whole = JSON.parse((await exportBackup()).text) as {
    tables: HouseholdTables;
    exportedAt: string;
    app: { name: string; version: string };
  };
  const tables = whole.tables;
  const later = new Date(Date.parse(whole.exportedAt) + 60_000).toISOString();

  // Changes only: one entry edited on the other phone, with the records it must carry.
  const entry = { ...tables.entries[tables.entries.length - 1]!, note: 'edited', updatedAt: later };
  const stream = tables.streams.find((s) => s.id === entry.streamId)!;
  const empty = Object.fromEntries(Object.keys(tables).map((t) => [t, []]));
  const oneChange = serializeBackup(
    {
      ...empty,
      settings: tables.settings,
      members: tables.members.filter((m) => m.id === entry.memberId),
      streams: [stream],
      entries: [entry],
    } as unknown as HouseholdTables,
    {
      exportedAt: later,
      app: whole.app,
      changes: { since: whole.exportedAt, household: tables.settings[0]!.id },
      sender: { memberId: entry.memberId },
    },
  );

  // The whole household, 1,000 of its entries edited on the other phone.
  const step = Math.max(1, Math.floor(tables.entries.length / 1_000));
  const entries = tables.entries.map((e, i) =>
    i % step === 0 && i / step < 1_000 ? { ...e, note: 'edited', updatedAt: later } : e,
  );
  const full = serializeBackup(
    { ...tables, entries },
    { exportedAt: later, app: whole.app, sender: { memberId: entry.memberId } },
  );

  const one: Timed[] = [];
  for (let i = 0; i < runs; i++) one.push(await timePreview(oneChange));
  const all: Timed[] = [];
  for (let i = 0; i < fullRuns; i++) all.push(await timePreview(full));
  return {
    entriesStored: tables.entries.length,
    fullBytes: full.length,
    one,
    all,
  };
}
