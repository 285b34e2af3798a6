import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { HOLD_MS, warmDatabase } from '../../src/lib/db/warm-database';
import {
  existingDatabase,
  expectDeletionGoesThrough,
  expectUpgradeGoesThrough,
  watchedFactory,
} from './plain-connection';

/**
 * Issue 29: a returning visit asks the browser to open the database's files from the entry
 * chunk's first task, with a plain connection (db/warm-database.ts). That connection must never
 * create a database, must be closed once released or after HOLD_MS, and must never hold up an
 * upgrade or a deletion.
 */

const settled = () => new Promise((done) => setTimeout(done, 20));

afterEach(() => vi.useRealTimers());

describe('warmDatabase', () => {
  it('never creates a database that is not there', async () => {
    const name = `absent-${Math.random().toString(36).slice(2)}`;
    const { factory, connections } = watchedFactory();
    const warm = warmDatabase(factory, name);
    await settled();
    warm.release();
    expect(connections).toEqual([]);
    expect((await indexedDB.databases()).map((d) => d.name)).not.toContain(name);
  });

  it('holds its connection until released, then closes it', async () => {
    const name = await existingDatabase('held');
    const { factory, connections } = watchedFactory();
    const warm = warmDatabase(factory, name);
    await settled();
    expect(connections.map((c) => c.closed)).toEqual([false]);
    warm.release();
    await settled();
    expect(connections.map((c) => c.closed)).toEqual([true]);
    // Released twice: nothing more happens.
    warm.release();
    expect(connections).toHaveLength(1);
  });

  it('closes a connection released before it opened, as soon as it opens', async () => {
    const name = await existingDatabase('early');
    const { factory, connections } = watchedFactory();
    warmDatabase(factory, name).release();
    await settled();
    expect(connections.map((c) => c.closed)).toEqual([true]);
  });

  it('closes by itself after HOLD_MS when nobody releases it', async () => {
    const name = await existingDatabase('forgotten');
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    const { factory, connections } = watchedFactory();
    warmDatabase(factory, name);
    // fake-indexeddb schedules with setImmediate, which is not faked here.
    const turns = async (n: number) => {
      for (let i = 0; i < n; i++) await new Promise((done) => setImmediate(done));
    };
    await turns(50);
    expect(connections.map((c) => c.closed)).toEqual([false]);
    vi.advanceTimersByTime(HOLD_MS - 1);
    await turns(5);
    expect(connections[0]!.closed).toBe(false);
    vi.advanceTimersByTime(1);
    await turns(5);
    expect(connections[0]!.closed).toBe(true);
  });

  it('gives way to an upgrade at once: not blocked, and the rows are kept', async () => {
    const name = await existingDatabase('upgraded');
    const { factory, connections } = watchedFactory();
    warmDatabase(factory, name);
    await settled();
    expect(connections.map((c) => c.closed)).toEqual([false]);

    await expectUpgradeGoesThrough(name, connections[0]!);
  });

  it('gives way to a deletion at once', async () => {
    const name = await existingDatabase('deleted');
    const { factory } = watchedFactory();
    warmDatabase(factory, name);
    await settled();
    await expectDeletionGoesThrough(name);
  });

  it('does nothing where there is no IndexedDB', () => {
    expect(() => warmDatabase(null).release()).not.toThrow();
  });
});
