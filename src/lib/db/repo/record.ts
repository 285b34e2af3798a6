import { AnyamError, type BaseRecord, type Member, type Timestamp } from '../../domain/model';
import type { Table } from 'dexie';

/** A random UUID v4; `crypto.randomUUID` only exists in secure contexts, hence the fallback. */
export function newId(): string {
  // Stryker disable next-line StringLiteral: without this test the fallback runs, and it makes a random UUID v4 too
  if (typeof crypto.randomUUID === 'function') return crypto.randomUUID();
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  bytes[6] = (bytes[6]! & 0x0f) | 0x40;
  bytes[8] = (bytes[8]! & 0x3f) | 0x80;
  const hex = [...bytes].map((b) => b.toString(16).padStart(2, '0')).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

export function nowIso(): Timestamp {
  return new Date().toISOString();
}

/** The common fields of a record created now, unless the caller (import, seeding) brings them. */
export function baseFields(given: Partial<BaseRecord> = {}): BaseRecord {
  const now = nowIso();
  return {
    id: given.id ?? newId(),
    createdAt: given.createdAt ?? now,
    updatedAt: given.updatedAt ?? given.createdAt ?? now,
    deletedAt: given.deletedAt ?? null,
  };
}

/** The live (not soft-deleted) row `id`, or `code` ('member/not-found' …) as an error. */
export async function requireLive<T extends BaseRecord>(
  table: Table<T, string>,
  id: string,
  code: string,
): Promise<T> {
  const row = await table.get(id);
  if (!row || row.deletedAt !== null) throw new AnyamError(code, { id });
  return row;
}

/** The soft-deleted row `id`, for a restore; `code` when it is missing or not deleted. */
export async function requireDeleted<T extends BaseRecord>(
  table: Table<T, string>,
  id: string,
  code: string,
): Promise<T> {
  const row = await table.get(id);
  if (!row || row.deletedAt === null) throw new AnyamError(code, { id });
  return row;
}

/** Rows of a small table, soft-deleted ones left out unless asked for. */
export async function listSmall<T extends BaseRecord>(
  table: Table<T, string>,
  includeDeleted = false,
): Promise<T[]> {
  const rows = await table.toArray();
  return includeDeleted ? rows : rows.filter((row) => row.deletedAt === null);
}

/** `patch` without the keys set to undefined, so that spreading it never blanks a field. */
export function definedOnly<T extends object>(patch: T): Partial<T> {
  return Object.fromEntries(
    Object.entries(patch).filter(([, value]) => value !== undefined),
  ) as Partial<T>;
}

/** The member `memberId` a record names is live; else `code` ('stream/unknown-member' …). */
export async function requireLiveMember(
  members: Table<Member, string>,
  memberId: string,
  code: string,
): Promise<void> {
  const member = await members.get(memberId);
  if (!member || member.deletedAt !== null) throw new AnyamError(code, { memberId });
}

/** What else a delete or a restore does, in its transaction. */
export interface Cascade<T> {
  /** Runs before the write, with the row as it is; throws to refuse the write. */
  check?: (row: T) => Promise<void>;
  /** Runs after the write: `before` and `after` the row, `at` the write's timestamp. */
  then?: (after: T, before: T, at: Timestamp) => Promise<unknown>;
}

/**
 * Marks a live row deleted (soft: it stays, with `deletedAt`, until undone); what depends on it
 * is deleted by `cascade.then` with the same timestamp, so that a restore finds exactly those.
 */
export async function softDeleteIn<T extends BaseRecord>(
  table: Table<T, string>,
  id: string,
  notFoundCode: string,
  cascade: Cascade<T> = {},
): Promise<T> {
  const row = await requireLive(table, id, notFoundCode);
  // Only what is there is awaited: an `await undefined` here let Dexie commit the transaction early.
  if (cascade.check) await cascade.check(row);
  const now = nowIso();
  const deleted = { ...row, deletedAt: now, updatedAt: now };
  await table.put(deleted);
  if (cascade.then) await cascade.then(deleted, row, now);
  return deleted;
}

/** Undoes `softDeleteIn`. */
export async function restoreIn<T extends BaseRecord>(
  table: Table<T, string>,
  id: string,
  notFoundCode: string,
  cascade: Cascade<T> = {},
): Promise<T> {
  const row = await requireDeleted(table, id, notFoundCode);
  if (cascade.check) await cascade.check(row);
  const now = nowIso();
  const restored = { ...row, deletedAt: null, updatedAt: now };
  await table.put(restored);
  if (cascade.then) await cascade.then(restored, row, now);
  return restored;
}
