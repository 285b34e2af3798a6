import { beforeEach, describe, expect, it } from 'vitest';
import { device } from '../../src/lib/state/device.svelte';
import {
  MAX_PEERS,
  mergedFrom,
  peerMerged,
  peerOf,
  sinceFor,
  syncDeviceId,
  useSession,
} from '../../src/lib/sync/sync-device';

describe('what a phone remembers of its syncs', () => {
  beforeEach(() => device.update({ syncDeviceId: null, syncPeers: [], syncSessions: [] }));

  it('sends a phone it never synced with the whole household, then its changes since', () => {
    expect(sinceFor('phone-b')).toBeUndefined();
    peerMerged('phone-b', '2026-12-01T08:00:00.000Z');
    expect(sinceFor('phone-b')).toBe('2026-12-01T07:59:00.000Z');
    // Another phone is its own story.
    expect(sinceFor('phone-c')).toBeUndefined();
  });

  it('sends on what a third phone brought since, but not back what came from the phone itself', () => {
    peerMerged('phone-b', '2026-12-01T08:00:00.000Z');
    peerMerged('phone-c', '2026-12-01T08:00:00.000Z');
    // A household file from phone C, with records from November, is merged here.
    device.merged(null, '2026-11-20T10:00:00.000Z');
    expect(sinceFor('phone-b')).toBe('2026-11-20T10:00:00.000Z');
    // Merging C's file came from a sync with C: those records need not go back to C.
    mergedFrom('phone-c', null);
    expect(sinceFor('phone-c')).toBe('2026-12-01T07:59:00.000Z');
    expect(sinceFor('phone-b')).toBe('2026-11-20T10:00:00.000Z');
  });

  it('keeps one id for this phone, the newest peers, and used sessions', () => {
    const id = syncDeviceId();
    expect(syncDeviceId()).toBe(id);
    for (let i = 0; i < MAX_PEERS + 5; i++) peerMerged(`p${i}`, '2026-12-01T08:00:00.000Z');
    expect(device.current.syncPeers).toHaveLength(MAX_PEERS);
    expect(peerOf('p0')).toBeNull();
    expect(peerOf(`p${MAX_PEERS + 4}`)).not.toBeNull();
    useSession('0123456789abcdef');
    useSession('0123456789abcdef');
    expect(device.current.syncSessions).toEqual(['0123456789abcdef']);
  });
});
