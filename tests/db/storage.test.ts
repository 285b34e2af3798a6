import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { addMember } from '../../src/lib/db/repo';
import { estimateStorage, requestPersistence } from '../../src/lib/db/storage';
import { dropDatabase, freshDatabase } from './helpers';

afterEach(() => {
  vi.unstubAllGlobals();
});

describe('storage', () => {
  it('works without navigator.storage', async () => {
    vi.stubGlobal('navigator', {});
    expect(await requestPersistence()).toBe(false);
    expect(await estimateStorage()).toEqual({ usage: null, quota: null, persisted: null });
  });

  it('asks for persistence once, when the first record is saved', async () => {
    const storage = {
      persisted: vi.fn(() => Promise.resolve(false)),
      persist: vi.fn(() => Promise.resolve(true)),
      estimate: vi.fn(() => Promise.resolve({ usage: 1_024, quota: 1_000_000 })),
    };
    vi.stubGlobal('navigator', { storage });
    const db = freshDatabase('storage');
    expect(storage.persist).not.toHaveBeenCalled();
    await addMember({ name: 'Sari' });
    await vi.waitFor(() => expect(storage.persist).toHaveBeenCalledTimes(1));
    await addMember({ name: 'Budi' });
    expect(storage.persist).toHaveBeenCalledTimes(1);
    expect(await estimateStorage()).toEqual({ usage: 1_024, quota: 1_000_000, persisted: false });
    await dropDatabase(db);
  });
});
