import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { AnyamDatabase } from '../../src/lib/db/database';
import {
  baseFields,
  definedOnly,
  listSmall,
  newId,
  nowIso,
  requireDeleted,
  requireLive,
  restoreIn,
  softDeleteIn,
} from '../../src/lib/db/repo/record';
import { readTransaction, repoError, writeTransaction } from '../../src/lib/db/repo/transaction';
import { AnyamError, type Member } from '../../src/lib/domain/model';
import { PINNED_NOW } from '../pinned-day';
import { dropDatabase, freshDatabase } from './helpers';

/*
 * The record helpers every repository builds on (repo/record.ts) and the error a failed
 * transaction leaves with (repo/transaction.ts), each rule stated on its own.
 */
const UUID_V4 = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

describe('newId', () => {
  it('is a fresh UUID v4', () => {
    const ids = Array.from({ length: 50 }, newId);
    for (const id of ids) expect(id).toMatch(UUID_V4);
    expect(new Set(ids).size).toBe(50);
  });

  it('is a UUID v4 from random bytes where crypto.randomUUID is missing (an insecure context)', () => {
    const real = globalThis.crypto;
    vi.stubGlobal('crypto', {
      getRandomValues: (a: Uint8Array<ArrayBuffer>) => real.getRandomValues(a),
    });
    try {
      const ids = Array.from({ length: 200 }, newId);
      for (const id of ids) expect(id).toMatch(UUID_V4);
      expect(new Set(ids).size).toBe(200);
    } finally {
      vi.unstubAllGlobals();
    }
  });

  it('sets the version and variant bits whatever the random bytes are', () => {
    for (const fill of [0x00, 0xff]) {
      vi.stubGlobal('crypto', { getRandomValues: (a: Uint8Array) => a.fill(fill) });
      try {
        expect(newId()).toMatch(UUID_V4);
      } finally {
        vi.unstubAllGlobals();
      }
    }
    vi.stubGlobal('crypto', { getRandomValues: (a: Uint8Array) => a.fill(0xff) });
    try {
      expect(newId()).toBe('ffffffff-ffff-4fff-bfff-ffffffffffff');
    } finally {
      vi.unstubAllGlobals();
    }
  });
});

describe('baseFields: the common fields of a new record', () => {
  it('are a new id, created and updated now, not deleted', () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(PINNED_NOW);
    try {
      const f = baseFields();
      expect(f.id).toMatch(UUID_V4);
      expect(f).toMatchObject({
        createdAt: PINNED_NOW.toISOString(),
        updatedAt: PINNED_NOW.toISOString(),
        deletedAt: null,
      });
      expect(nowIso()).toBe(PINNED_NOW.toISOString());
    } finally {
      vi.useRealTimers();
    }
  });

  it('keep what an import brings, and an imported record with no updatedAt was last updated when created', () => {
    const createdAt = '2024-02-03T04:05:06.007Z';
    expect(baseFields({ id: 'x', createdAt })).toEqual({
      id: 'x',
      createdAt,
      updatedAt: createdAt,
      deletedAt: null,
    });
    const full = {
      id: 'y',
      createdAt,
      updatedAt: '2025-01-01T00:00:00.000Z',
      deletedAt: createdAt,
    };
    expect(baseFields(full)).toEqual(full);
  });
});

it('definedOnly drops only the keys set to undefined', () => {
  expect(definedOnly({ a: undefined, b: null, c: 0, d: '', e: false, f: 'x' })).toEqual({
    b: null,
    c: 0,
    d: '',
    e: false,
    f: 'x',
  });
});

describe('live and deleted rows', () => {
  let db: AnyamDatabase;
  const member = (id: string, deletedAt: string | null): Member =>
    ({
      ...baseFields({ id, createdAt: '2026-01-01T00:00:00.000Z', deletedAt }),
      name: id,
    }) as Member;

  beforeEach(async () => {
    db = freshDatabase('record');
    await db.members.bulkPut([member('live', null), member('gone', '2026-02-01T00:00:00.000Z')]);
  });
  afterEach(() => dropDatabase(db));

  it('requireLive finds a live row and refuses a deleted or missing one with the code and id', async () => {
    expect((await requireLive(db.members, 'live', 'member/not-found')).id).toBe('live');
    for (const id of ['gone', 'nobody']) {
      await expect(requireLive(db.members, id, 'member/not-found')).rejects.toMatchObject({
        code: 'member/not-found',
        details: { id },
      });
    }
  });

  it('requireDeleted finds a deleted row and refuses a live or missing one', async () => {
    expect((await requireDeleted(db.members, 'gone', 'member/not-deleted')).id).toBe('gone');
    for (const id of ['live', 'nobody']) {
      await expect(requireDeleted(db.members, id, 'member/not-deleted')).rejects.toMatchObject({
        code: 'member/not-deleted',
        details: { id },
      });
    }
  });

  it('a transaction that fails leaves with the typed error, and its writes undone', async () => {
    const constraint = () => Object.assign(new Error('dup'), { name: 'ConstraintError' });
    await expect(
      writeTransaction(['members'], async (d) => {
        await d.members.put(member('new', null));
        throw constraint();
      }),
    ).rejects.toMatchObject({ code: 'db/constraint' });
    expect(await db.members.get('new')).toBeUndefined();
    await expect(
      readTransaction(['members'], () => Promise.reject(constraint())),
    ).rejects.toMatchObject({ code: 'db/constraint' });
    expect(await readTransaction(['members'], (d) => d.members.count())).toBe(2);
  });

  it('listSmall leaves deleted rows out unless asked for them', async () => {
    expect((await listSmall(db.members)).map((m) => m.id)).toEqual(['live']);
    expect((await listSmall(db.members, true)).map((m) => m.id).sort()).toEqual(['gone', 'live']);
  });

  it('a soft delete keeps the row, marked deleted and updated at the same moment; restoring clears the mark', async () => {
    const deleted = await softDeleteIn(db.members, 'live', 'member/not-found');
    expect(deleted.deletedAt).not.toBeNull();
    expect(deleted.updatedAt).toBe(deleted.deletedAt);
    expect(await db.members.get('live')).toEqual(deleted);
    await expect(softDeleteIn(db.members, 'live', 'member/not-found')).rejects.toMatchObject({
      code: 'member/not-found',
    });

    const restored = await restoreIn(db.members, 'live', 'member/not-deleted');
    expect(restored.deletedAt).toBeNull();
    expect(restored.updatedAt >= deleted.updatedAt).toBe(true);
    expect(await db.members.get('live')).toEqual(restored);
    await expect(restoreIn(db.members, 'live', 'member/not-deleted')).rejects.toMatchObject({
      code: 'member/not-deleted',
    });
  });
});

describe('repoError: what a failed transaction leaves with', () => {
  // A database whose only use here is being marked outdated.
  const db = () => {
    const markOutdated = vi.fn();
    return Object.assign({ markOutdated } as unknown as AnyamDatabase, { spy: markOutdated });
  };

  it('passes an AnyamError through unchanged', () => {
    const e = new AnyamError('entry/date-too-far');
    expect(repoError(db(), e)).toBe(e);
  });

  it('names a full device storage/full', () => {
    const cause = Object.assign(new Error('q'), { name: 'QuotaExceededError' });
    expect(repoError(db(), cause)).toMatchObject({ code: 'storage/full', details: { cause } });
  });

  it('marks the database outdated when it was closed or upgraded by newer code', () => {
    for (const name of ['DatabaseClosedError', 'VersionError']) {
      const d = db();
      const cause = Object.assign(new Error(name), { name });
      expect(repoError(d, cause)).toMatchObject({ code: 'db/outdated', details: { cause } });
      expect(d.spy).toHaveBeenCalledTimes(1);
    }
  });

  it('names a broken key constraint db/constraint, without marking the database outdated', () => {
    for (const name of ['ConstraintError', 'BulkError']) {
      const d = db();
      const cause = Object.assign(new Error(name), { name });
      expect(repoError(d, cause)).toMatchObject({ code: 'db/constraint', details: { cause } });
      expect(d.spy).not.toHaveBeenCalled();
    }
  });

  it('leaves any other error as it was', () => {
    const d = db();
    const other = new TypeError('boom');
    expect(repoError(d, other)).toBe(other);
    expect(repoError(d, null)).toBeNull();
    expect(repoError(d, 'text')).toBe('text');
    expect(d.spy).not.toHaveBeenCalled();
  });
});
