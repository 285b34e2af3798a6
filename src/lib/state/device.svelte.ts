/**
 * What belongs to this phone and not to the household, so it never travels in a backup or a
 * merge: whose phone it is, when it last sent a household file, which households it has merged
 * files of, where the dashboard opens, the lock, the last stream an entry went to, the household's
 * name as last shown and the CSV import's last choices. Kept in localStorage: it is read
 * synchronously at start, before any view (the lock must cover the first paint).
 *
 * This is the app's settings key in localStorage, and this module alone touches it: every
 * read and write is guarded, so a full or blocked storage costs only the memory, never an
 * error (a saved entry stays saved). Two other keys have owners of their own: Paraglide's
 * language (PARAGLIDE_LOCALE: its localStorage strategy, lib/i18n/locale.svelte.ts) and the
 * last score (lib/db/score-snapshot.ts: the data layer drops it on every write).
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
  /** The stream the last entry went to: quick add starts on it. */
  lastStreamId: string | null;
  /** The household's name as last shown, so the next start paints the shell before the database opens. */
  householdName: string | null;
  /** The CSV import's last confirmed choices (checked against each new file before use). */
  csvImport: CsvMemory | null;
  /** The calendar export's alarm: this many days before each item (0–30, domain/ical.ts). */
  calendarAlarmDays: number;
}

/** What the CSV import remembers, as stored (csv-import/memory.ts checks it against a file). */
export interface CsvMemory {
  mapping?: Partial<Record<string, string | null>>;
  dateFormat?: string;
  decimalSeparator?: string;
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
  lastStreamId: null,
  householdName: null,
  csvImport: null,
  calendarAlarmDays: 1,
};

/** Keys of older versions, read once into the device state and then removed. */
const LEGACY_KEYS = {
  lastStreamId: 'anyam.lastStreamId',
  householdName: 'anyam.householdName',
  csvImport: 'anyam.csvImport',
} as const;

function legacy(): Partial<DeviceState> {
  const found: Partial<DeviceState> = {};
  const last = localStorage.getItem(LEGACY_KEYS.lastStreamId);
  if (last) found.lastStreamId = last;
  const name = localStorage.getItem(LEGACY_KEYS.householdName);
  if (name) found.householdName = name;
  const csv = localStorage.getItem(LEGACY_KEYS.csvImport);
  if (csv) {
    try {
      const value: unknown = JSON.parse(csv);
      if (value !== null && typeof value === 'object') found.csvImport = value;
    } catch {
      // Unreadable: the import guesses again.
    }
  }
  return found;
}

function load(): DeviceState {
  try {
    const raw: unknown = JSON.parse(localStorage.getItem(DEVICE_KEY) ?? '{}');
    const stored =
      raw !== null && typeof raw === 'object' && !Array.isArray(raw)
        ? (raw as Partial<DeviceState>)
        : {};
    return Object.freeze({ ...DEFAULTS, ...legacy(), ...stored });
  } catch {
    // Blocked (a privacy mode) or unreadable: this tab starts from the defaults.
    return Object.freeze({ ...DEFAULTS });
  }
}

function save(state: DeviceState): void {
  try {
    localStorage.setItem(DEVICE_KEY, JSON.stringify(state));
    for (const key of Object.values(LEGACY_KEYS)) localStorage.removeItem(key);
  } catch {
    // A full or blocked localStorage: the change lasts until the tab closes.
  }
}

export class Device {
  #state = $state.raw<Readonly<DeviceState>>(load());

  constructor() {
    // Another tab changed it (sent a file, locked): follow.
    if (typeof window === 'undefined') return;
    window.addEventListener('storage', (event) => {
      if (event.key === DEVICE_KEY) this.#state = load();
    });
  }

  /** The state as it is (read-only: changes go through `update` and the methods below). */
  get current(): Readonly<DeviceState> {
    return this.#state;
  }

  /** Changes `patch`'s fields, here at once and in storage when it can be written. */
  update(patch: Partial<DeviceState>): void {
    this.#state = Object.freeze({ ...this.#state, ...patch });
    save(this.#state);
  }

  /** An entry went to `streamId`: quick add starts there next time. */
  rememberStream(streamId: string): void {
    if (this.#state.lastStreamId !== streamId) this.update({ lastStreamId: streamId });
  }

  /** The household's name as shown now ('' when there is none yet). */
  rememberHouseholdName(name: string): void {
    const value = name || null;
    if (this.#state.householdName !== value) this.update({ householdName: value });
  }

  rememberCsvChoices(choices: CsvMemory): void {
    this.update({ csvImport: choices });
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
