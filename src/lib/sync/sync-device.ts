/**
 * What a phone remembers of its syncs (in device state, never in the household): its own sync
 * id, per phone synced with when that phone last merged what this one sent, and the session ids
 * already used (so a code read twice is refused).
 */
import { nextSendSince } from '../db/backup/household-file';
import { newId } from '../db/repo/record';
import { rememberSession } from '../domain/sync-code';
import type { Timestamp } from '../domain/model';
import { device, type SyncPeer } from '../state/device.svelte';

/** Phones remembered; the oldest sync is forgotten first (its next file is then whole). */
export const MAX_PEERS = 20;

export function syncDeviceId(): string {
  const id = device.current.syncDeviceId;
  if (id) return id;
  const made = newId();
  device.update({ syncDeviceId: made });
  return made;
}

export function peerOf(id: string): SyncPeer | null {
  return device.current.syncPeers.find((p) => p.id === id) ?? null;
}

/** Where the file for `peer` starts: its changes since their last sync; all of it the first time. */
export function sinceFor(peer: string): Timestamp | undefined {
  const known = peerOf(peer);
  return known ? nextSendSince(known.sentAt, known.oldestMerged) : undefined;
}

/** `peer` merged the file this phone made at `sentAt`. */
export function peerMerged(peer: string, sentAt: Timestamp): void {
  const others = device.current.syncPeers.filter((p) => p.id !== peer);
  device.update({
    syncPeers: [{ id: peer, sentAt, oldestMerged: null }, ...others].slice(0, MAX_PEERS),
  });
}

/**
 * This phone merged `peer`'s file: the records it wrote came from that phone, so they need not
 * go back to it (device.merged lowered every peer's start; `before` is that peer's as it was).
 */
export function mergedFrom(peer: string, before: Timestamp | null): void {
  device.update({
    syncPeers: device.current.syncPeers.map((p) =>
      p.id === peer ? { ...p, oldestMerged: before } : p,
    ),
  });
}

export function useSession(session: string): void {
  device.update({ syncSessions: rememberSession(device.current.syncSessions, session) });
}
