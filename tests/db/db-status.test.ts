import 'fake-indexeddb/auto';
import Dexie from 'dexie';
import { afterEach, describe, expect, it } from 'vitest';
import { storesAt, CURRENT_VERSION } from '../../src/lib/db/migrations';
import { addMember, listMembers } from '../../src/lib/db/repo';
import { DbStatus } from '../../src/lib/state/db-status.svelte';
import { codeOf, dropDatabase, freshDatabase } from './helpers';

const cleanup: Dexie[] = [];
afterEach(async () => {
  for (const db of cleanup.splice(0)) await dropDatabase(db);
});

describe('db status', () => {
  it('turns outdated, instead of failing, when another tab opens a newer schema', async () => {
    const db = freshDatabase('status');
    cleanup.push(db);
    const status = new DbStatus();
    status.watch(db);
    await addMember({ name: 'Sari' });
    expect(status.outdated).toBe(false);

    // "Another tab": a newer Anyam with one more table.
    const newer = new Dexie(db.name);
    newer.version(CURRENT_VERSION + 1).stores({ ...storesAt(CURRENT_VERSION), extra: 'id' });
    cleanup.push(newer);
    await newer.open(); // resolves only because this tab let go of its connection
    expect(status.outdated).toBe(true);
    expect(db.outdated).toBe(true);

    // This tab's writes and reads now fail with one code the shell understands.
    expect(await codeOf(addMember({ name: 'Budi' }))).toBe('db/outdated');
    await expect(listMembers()).rejects.toMatchObject({ name: 'DatabaseClosedError' });
  });

  it('turns outdated when a query reports the database closed', () => {
    const status = new DbStatus();
    status.noteError(new Error('unrelated'));
    expect(status.outdated).toBe(false);
    status.noteError(new Dexie.DatabaseClosedError());
    expect(status.outdated).toBe(true);
  });
});

describe('the shared status', () => {
  it('watches the shared database as soon as the banner reads it', async () => {
    const db = freshDatabase('shared-status');
    cleanup.push(db);
    const status = new DbStatus();
    expect(status.outdated).toBe(false);
    await addMember({ name: 'Sari' });
    const newer = new Dexie(db.name);
    newer.version(CURRENT_VERSION + 1).stores({ ...storesAt(CURRENT_VERSION), extra: 'id' });
    cleanup.push(newer);
    await newer.open();
    expect(status.outdated).toBe(true);
  });
});
