import Dexie from 'dexie';
import { expect, vi } from 'vitest';

/**
 * What the page's plain early connections (index.html's first script, db/warm-database.ts) must
 * let through, shared by their tests: a database with one row, the connections a factory opened
 * (and whether each was closed), and an upgrade or a deletion that is never blocked.
 */
export interface Watched {
  db: IDBDatabase;
  closed: boolean;
}

/** An IndexedDB factory that records each connection it opens; `rename` maps the name asked. */
export function watchedFactory(rename: (name: string) => string = (name) => name) {
  const connections: Watched[] = [];
  const opened: string[] = [];
  const factory = {
    open(name: string, version?: number) {
      opened.push(name);
      const actual = rename(name);
      const request =
        version === undefined ? indexedDB.open(actual) : indexedDB.open(actual, version);
      request.addEventListener('success', () => {
        const db = request.result;
        const entry = { db, closed: false };
        const close = db.close.bind(db);
        db.close = () => {
          entry.closed = true;
          close();
        };
        connections.push(entry);
      });
      return request;
    },
  } as unknown as IDBFactory;
  return { factory, connections, opened };
}

export async function existingDatabase(label: string, version = 10): Promise<string> {
  const name = `${label}-${Math.random().toString(36).slice(2)}`;
  const db = new Dexie(name);
  db.version(version / 10).stores({ entries: 'id, date' });
  await db.table('entries').add({ id: 'e1', date: '2026-12-01' });
  db.close();
  return name;
}

/** Dexie upgrades the database without being blocked; the held connection closed; rows kept. */
export async function expectUpgradeGoesThrough(name: string, held: Watched): Promise<void> {
  const next = new Dexie(name);
  next.version(1).stores({ entries: 'id, date' });
  next.version(2).stores({ entries: 'id, date', notes: 'id' });
  const blocked = vi.fn();
  next.on('blocked', blocked);
  await next.open();
  expect(blocked).not.toHaveBeenCalled();
  expect(held.closed).toBe(true);
  expect(await next.table('entries').toArray()).toEqual([{ id: 'e1', date: '2026-12-01' }]);
  next.close();
}

/** The database is deleted without being blocked. */
export async function expectDeletionGoesThrough(name: string): Promise<void> {
  const blocked = vi.fn();
  await new Promise<void>((resolve, reject) => {
    const request = indexedDB.deleteDatabase(name);
    request.onblocked = blocked;
    request.onsuccess = () => resolve();
    request.onerror = () => reject(new Error(String(request.error)));
  });
  expect(blocked).not.toHaveBeenCalled();
  expect((await indexedDB.databases()).map((d) => d.name)).not.toContain(name);
}
