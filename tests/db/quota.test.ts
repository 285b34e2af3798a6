import 'fake-indexeddb/auto';
import Dexie, { type DBCore, type DBCoreMutateRequest } from 'dexie';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { AnyamDatabase, useDatabase } from '../../src/lib/db/database';
import { addEntries, addEntry, type EntryInput } from '../../src/lib/db/repo';
import { isQuotaExceeded } from '../../src/lib/db/storage';
import { checksumTables } from './checksum';
import { dropDatabase, seedBasics, type Basics } from './helpers';

/**
 * A database whose IndexedDB "fills up": once `budget` rows have been written to `table`, the
 * next write of it fails the way a browser does, with a DOMException named QuotaExceededError.
 */
function databaseThatFills(name: string) {
  const quota = { table: 'entries', budget: Infinity, written: 0 };
  const db = new AnyamDatabase(name);
  db.use({
    stack: 'dbcore',
    name: 'simulated-quota',
    create(down: DBCore): DBCore {
      return {
        ...down,
        table(tableName) {
          const table = down.table(tableName);
          return {
            ...table,
            mutate(req: DBCoreMutateRequest) {
              if (tableName === quota.table && (req.type === 'add' || req.type === 'put')) {
                quota.written += req.values.length;
                if (quota.written > quota.budget) {
                  return Promise.reject(
                    new DOMException('The quota has been exceeded.', 'QuotaExceededError'),
                  );
                }
              }
              return table.mutate(req);
            },
          };
        },
      };
    },
  });
  return { db, quota };
}

let db: AnyamDatabase;
let quota: { table: string; budget: number; written: number };
let h: Basics;

beforeEach(async () => {
  ({ db, quota } = databaseThatFills(`quota-${Math.random().toString(36).slice(2)}`));
  useDatabase(db);
  h = await seedBasics();
  await addEntry({ streamId: h.idr.id, date: '2025-03-01', amountMinor: 5 });
});
afterEach(() => dropDatabase(db));

function manyEntries(n: number): EntryInput[] {
  return Array.from({ length: n }, (_, i) => ({
    streamId: i % 2 ? h.idr.id : h.usd.id,
    date: `2025-0${1 + (i % 9)}-1${i % 10}`,
    amountMinor: 1_000 + i,
  }));
}

describe('a full disk in the middle of a multi-record write', () => {
  it('leaves 0 rows changed and yields storage/full when the entries run out of room', async () => {
    const before = await checksumTables(db);
    // Chunks of 1,000: the first two fit, the third fails half-way.
    quota.budget = quota.written + 2_500;
    await expect(addEntries(manyEntries(5_000), { chunkSize: 1_000 })).rejects.toMatchObject({
      name: 'AnyamError',
      code: 'storage/full',
    });
    expect(await checksumTables(db)).toEqual(before);
  });

  it('also rolls back the entries when the rollups are the write that does not fit', async () => {
    const before = await checksumTables(db);
    quota.table = 'rollups';
    quota.budget = quota.written;
    await expect(addEntries(manyEntries(300))).rejects.toMatchObject({ code: 'storage/full' });
    await expect(
      addEntry({ streamId: h.idr.id, date: '2025-03-02', amountMinor: 1 }),
    ).rejects.toMatchObject({
      code: 'storage/full',
    });
    expect(await checksumTables(db)).toEqual(before);
  });
});

describe('isQuotaExceeded', () => {
  it('recognises the error however the browser and Dexie wrap it', () => {
    const quotaError = new DOMException('full', 'QuotaExceededError');
    expect(isQuotaExceeded(quotaError)).toBe(true);
    expect(isQuotaExceeded(new Dexie.AbortError('aborted', quotaError))).toBe(true);
    expect(isQuotaExceeded({ name: 'NS_ERROR_DOM_QUOTA_REACHED' })).toBe(true);
    expect(isQuotaExceeded({ name: 'BulkError', failures: [new Error('x'), quotaError] })).toBe(
      true,
    );
    expect(isQuotaExceeded(new DOMException('no', 'ConstraintError'))).toBe(false);
    expect(isQuotaExceeded(null)).toBe(false);
  });
});
