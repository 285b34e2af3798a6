/**
 * Merge rules, pure: how two copies of one household (two phones) combine. Records are matched
 * by id and the newer `updatedAt` wins; a deletion is just a newer version with `deletedAt`, so
 * it travels like an edit. The rules are symmetric (A into B gives the same records as B into A)
 * and idempotent (merging a copy into itself changes nothing), which the tests check.
 * merge-plan.ts applies these rules to whole households: the merge and its preview both use it.
 */
import type { BaseRecord, Entry, Settings, Stream } from '../../domain/model';

/** JSON with object keys sorted: the same record always gives the same text. */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) =>
    v !== null && typeof v === 'object' && !Array.isArray(v)
      ? Object.fromEntries(Object.entries(v).sort(([a], [b]) => (a < b ? -1 : 1)))
      : v,
  );
}

/**
 * The version that survives. Timestamps share one exact shape (schema.ts), so they order as
 * strings. Two different versions with the same `updatedAt` (two phones, one millisecond) are
 * ordered by their text, an arbitrary but fixed rule that both phones apply alike.
 */
export function winner<T extends BaseRecord>(a: T, b: T): T {
  if (a.updatedAt !== b.updatedAt) return a.updatedAt > b.updatedAt ? a : b;
  const ta = canonicalJson(a);
  const tb = canonicalJson(b);
  return ta >= tb ? a : b;
}

/**
 * A household has one settings row, but two phones set up apart have two different ids: the
 * newer row wins whatever its id, and the other one goes.
 */
export function mergeSettings(
  local: readonly Settings[],
  incoming: readonly Settings[],
): Settings[] {
  const all = [...local, ...incoming];
  if (all.length === 0) return [];
  return [all.reduce((best, row) => winner(best, row))];
}

/**
 * Keeps the rules the repositories keep on one phone, once both sides are combined:
 * - an entry takes its member from its stream (the stream may have moved on the other phone);
 * - a deleted stream has no live entries (an entry added on the other phone to a stream deleted
 *   here is deleted with the stream's own `deletedAt`, so that restoring the stream brings it
 *   back together with the others);
 * - a stream one side had deleted and the merge brings back (the other side's version is newer)
 *   brings back the entries deleted with it, those whose `deletedAt` is that deletion's, as
 *   restoring a stream on one phone does. Without this, a changes-only file that carried an
 *   entry before its stream left the entry deleted where the full file brought it back
 *   (tests/db/household-file.test.ts).
 * `revivedAt`: the deletion times of the stream that the merge undid. Depends only on the merged
 * entry and both versions of the stream, so it keeps the merge symmetric. It leaves `updatedAt`
 * alone: the next merge aligns again anyway, and a new timestamp would let this derived fix
 * outrank a real edit made on another phone.
 */
export function alignEntry(
  entry: Entry,
  stream: Stream | undefined,
  revivedAt: ReadonlySet<string> = new Set(),
): Entry {
  if (!stream) return entry;
  const moved = entry.memberId !== stream.memberId;
  const orphaned = stream.deletedAt !== null && entry.deletedAt === null;
  const revived =
    stream.deletedAt === null && entry.deletedAt !== null && revivedAt.has(entry.deletedAt);
  if (!moved && !orphaned && !revived) return entry;
  return {
    ...entry,
    memberId: stream.memberId,
    deletedAt: orphaned ? stream.deletedAt : revived ? null : entry.deletedAt,
  };
}
