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
 * - an entry deleted with its stream follows the stream's deletion after the merge: the merge
 *   brings the stream back (the other side's version is newer) → the entry comes back, as
 *   restoring a stream on one phone does; the stream stays deleted but at the other side's
 *   deletion time → the entry carries that time, so that restoring the stream later brings it
 *   back with the others. "Deleted with its stream" means its `deletedAt` is one of the deletion
 *   times either side's version of the stream has. Without the first, a changes-only file that
 *   carried an entry before its stream left the entry deleted where the full file brought it
 *   back (tests/db/household-file.test.ts); without the second, two changes-only files (a stream
 *   brought back, then deleted again) left such an entry with another deletion time than one
 *   file of both did (tests/unit/backup-merge.test.ts, "any order of changes-only files").
 * `deletions`: the deletion times of both sides' versions of the stream. Depends only on the
 * merged entry and both versions of the stream, so it keeps the merge symmetric. It leaves
 * `updatedAt` alone: the next merge aligns again anyway, and a new timestamp would let this
 * derived fix outrank a real edit made on another phone.
 */
export function alignEntry(
  entry: Entry,
  stream: Stream | undefined,
  deletions: ReadonlySet<string> = new Set(),
): Entry {
  if (!stream) return entry;
  const moved = entry.memberId !== stream.memberId;
  const orphaned = stream.deletedAt !== null && entry.deletedAt === null;
  const followsDeletion =
    entry.deletedAt !== null &&
    // Stryker disable next-line ConditionalExpression: an entry deleted at the stream's own deletion time, made to follow it, gets that same time and the stream's member (as `moved` already gives it): the same content
    entry.deletedAt !== stream.deletedAt &&
    deletions.has(entry.deletedAt);
  if (!moved && !orphaned && !followsDeletion) return entry;
  return {
    ...entry,
    memberId: stream.memberId,
    deletedAt: orphaned || followsDeletion ? stream.deletedAt : entry.deletedAt,
  };
}
