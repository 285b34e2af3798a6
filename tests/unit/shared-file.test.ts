/**
 * A household file shared to a phone with no household yet (issue 23, bad input): onboarding
 * refuses it with a message, and the file leaves the share cache either way.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import {
  discardSharedFile,
  SHARE_CACHE,
  SHARED_FILE_KEY,
  shareRefusedBeforeHousehold,
  shareSignal,
} from '../../src/lib/pwa/shared-file';

/** A Cache Storage holding `keys` in the share cache (or no share cache at all). */
function fakeCaches(keys: string[] | null) {
  const stored = new Set(keys ?? []);
  const cache = { delete: vi.fn((key: string) => Promise.resolve(stored.delete(key))) };
  const storage = {
    has: vi.fn((name: string) => Promise.resolve(name === SHARE_CACHE && keys !== null)),
    open: vi.fn(() => Promise.resolve(cache)),
  };
  vi.stubGlobal('caches', storage);
  return { stored, storage };
}

afterEach(() => vi.unstubAllGlobals());

describe('a share before the phone has a household', () => {
  it('is refused when the address says a file came, or when one was waiting', () => {
    const shared = shareSignal('#/settings/household?shared=1');
    const none = shareSignal('#/');
    expect(shareRefusedBeforeHousehold(shared, true)).toBe(true);
    expect(shareRefusedBeforeHousehold(shared, false)).toBe(true);
    expect(shareRefusedBeforeHousehold(none, true)).toBe(true);
    expect(shareRefusedBeforeHousehold(none, false)).toBe(false);
  });

  it('takes the waiting file out of the share cache', async () => {
    const { stored } = fakeCaches([SHARED_FILE_KEY]);
    expect(await discardSharedFile()).toBe(true);
    expect(stored.has(SHARED_FILE_KEY)).toBe(false);
    expect(await discardSharedFile()).toBe(false);
  });

  it('does not create the share cache on a first visit', async () => {
    const { storage } = fakeCaches(null);
    expect(await discardSharedFile()).toBe(false);
    expect(storage.open).not.toHaveBeenCalled();
  });
});
