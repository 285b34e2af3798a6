/**
 * What belongs to this phone and not to the household, so it never travels in a backup or a
 * merge: whose phone it is, when it last sent a household file, which households it has merged
 * files of, where the dashboard opens, and the lock. Kept in localStorage: it is read
 * synchronously at start, before any view (the lock must cover the first paint).
 */
import type { LockSettings } from '../domain/lock';
import type { Timestamp } from '../domain/model';

export const DEVICE_KEY = 'anyam.device';

export type DashboardScope = 'household' | 'mine';

export interface DeviceState {
  memberId: string | null;
  dashboardScope: DashboardScope;
  lastSentAt: Timestamp | null;
  /** Oldest record a merge wrote since the last send: the next changes-only file starts there. */
  oldestMerged: Timestamp | null;
  knownHouseholds: string[];
  /** When this phone first merged a household file (the send prompt counts from it). */
  firstMergedAt: Timestamp | null;
  sendReminderSnoozedUntil: Timestamp | null;
  lock: LockSettings | null;
  hideAmounts: boolean;
  /** This phone's id towards phones it syncs with in the same room (made on the first sync). */
  syncDeviceId: string | null;
  /** Per phone synced with: when it last merged what this phone sent (newest first, bounded). */
  syncPeers: SyncPeer[];
  /** Session ids of sync codes already used here (newest last, bounded): a replay is refused. */
  syncSessions: string[];
}

export interface SyncPeer {
  id: string;
  /** When the file that phone merged was made: the next one starts there. */
  sentAt: Timestamp;
  /** Oldest record a merge wrote here since: it must travel to that phone too. */
  oldestMerged: Timestamp | null;
}

const DEFAULTS: DeviceState = {
  memberId: null,
  dashboardScope: 'household',
  lastSentAt: null,
  oldestMerged: null,
  knownHouseholds: [],
  firstMergedAt: null,
  sendReminderSnoozedUntil: null,
  lock: null,
  hideAmounts: false,
  syncDeviceId: null,
  syncPeers: [],
  syncSessions: [],
};

function load(): DeviceState {
  try {
    const raw: unknown = JSON.parse(localStorage.getItem(DEVICE_KEY) ?? '{}');
    if (raw === null || typeof raw !== 'object' || Array.isArray(raw)) return { ...DEFAULTS };
    return { ...DEFAULTS, ...(raw as Partial<DeviceState>) };
  } catch {
    return { ...DEFAULTS };
  }
}

class Device {
  #state = $state<DeviceState>(load());

  constructor() {
    // Another tab changed it (sent a file, locked): follow.
    if (typeof window === 'undefined') return;
    window.addEventListener('storage', (event) => {
      if (event.key === DEVICE_KEY) this.#state = load();
    });
  }

  get current(): DeviceState {
    return this.#state;
  }

  update(patch: Partial<DeviceState>): void {
    this.#state = { ...this.#state, ...patch };
    try {
      localStorage.setItem(DEVICE_KEY, JSON.stringify(this.#state));
    } catch {
      // A full or blocked localStorage: the choice lasts until the tab closes.
    }
  }

  /** A household file was sent now. */
  sent(at: Timestamp): void {
    this.update({ lastSentAt: at, oldestMerged: null });
  }

  /** A file of `household` was merged; `oldest` is the oldest record the merge wrote. */
  merged(household: string | null, oldest: Timestamp | null): void {
    const known = this.#state.knownHouseholds;
    const prev = this.#state.oldestMerged;
    this.update({
      knownHouseholds: household && !known.includes(household) ? [...known, household] : known,
      oldestMerged: oldest !== null && (prev === null || oldest < prev) ? oldest : prev,
      firstMergedAt: this.#state.firstMergedAt ?? new Date().toISOString(),
      syncPeers: this.#state.syncPeers.map((p) =>
        oldest !== null && (p.oldestMerged === null || oldest < p.oldestMerged)
          ? { ...p, oldestMerged: oldest }
          : p,
      ),
    });
  }
}

export const device = new Device();
