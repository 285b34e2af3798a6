import Dexie from 'dexie';
import type {
  Fund,
  Member,
  Place,
  Plan,
  Rate,
  Rollup,
  Saving,
  SetAside,
  Settings,
  Skip,
  Stream,
} from '../domain/model';
import { todayIso } from '../domain/dates';
import type { Group, GroupPayment } from '../domain/group-model';
import { getDb, type StoreName } from '../db/database';
import { readDebts, type DebtsRead } from '../db/repo/debts';
import { listFunds, listSetAsides } from '../db/repo/funds';
import { readGroups } from '../db/repo/groups';
import { listSkipsAhead } from '../db/repo/skips';
import { listMembers } from '../db/repo/members';
import { listPlaces } from '../db/repo/places';
import { listPlans } from '../db/repo/plans';
import { listRates } from '../db/repo/rates';
import { listSavings } from '../db/repo/savings';
import { getSettings } from '../db/repo/settings';
import { listStreams } from '../db/repo/streams';
import { markPhase } from '../db/phase-mark';
import { beginSnapshotRead } from '../db/score-snapshot-write';

/** What a returning visit's first screen reads, in one read transaction (issue 29). */
export interface EarlyRead {
  settings: Settings | null;
  members: Member[];
  streams: Stream[];
  plans: Plan[];
  savings: Saving[];
  places: Place[];
  rates: Rate[];
  /** Only when the visit opens on the dashboard (the score reads every rollup row)… */
  rollups: Rollup[];
  /** …and the few rows it also weighs: funds and set-asides (free savings), … */
  funds: Fund[];
  setAsides: SetAside[];
  /** …the funds' "not this time" answers ahead, … */
  skipsAhead: Skip[];
  /** …savings groups (contributions due and at risk) and debts (instalments due). */
  groups: { groups: Group[]; payments: GroupPayment[] };
  debts: DebtsRead;
}

/**
 * One part of the early read, handed to the live query that would otherwise read it itself
 * (LiveQuery.seedFrom). `changed()` is true once any write (this tab, another tab, a restore, a
 * merge) has happened since the read began: the rows may then be out of date.
 */
export interface EarlySeed<T> {
  value: Promise<T>;
  changed: () => boolean;
}

const HOUSEHOLD: readonly StoreName[] = [
  'settings',
  'members',
  'streams',
  'plans',
  'savings',
  'places',
  'rates',
];

/** What the dashboard's score reads besides the household's tables. */
const DASHBOARD: readonly StoreName[] = [
  'rollups',
  'funds',
  'setAsides',
  'skips',
  'groups',
  'groupPayments',
  'debts',
  'repayments',
];
const DASHBOARD_KEYS: readonly (keyof EarlyRead)[] = [
  'rollups',
  'funds',
  'setAsides',
  'skipsAhead',
  'groups',
  'debts',
];
const HOUSEHOLD_KEYS: readonly (keyof EarlyRead)[] = [
  'settings',
  'members',
  'streams',
  'plans',
  'savings',
  'places',
  'rates',
];

let early: {
  read: Promise<Partial<EarlyRead>>;
  /** The rows, a task after the read: shared, so every household table arrives in one task. */
  delivered?: Promise<Partial<EarlyRead>>;
  /** The dashboard's rows, a task after the household's. */
  dashboard?: Promise<Partial<EarlyRead>>;
  untaken: Set<keyof EarlyRead>;
  changed: boolean;
  /** The dashboard's read's token: its score card may be kept (db/score-snapshot.ts). */
  token: string | null;
  stop: () => void;
} | null = null;

/**
 * Starts the first screen's reads now (issue 29: the data starts first). Called by early-start.ts
 * as soon as this chunk (the household state's) has loaded on a returning visit, while the
 * shell and the view's code still load: the household's tables (and, for the dashboard, every rollup row and
 * the funds, savings groups and debts its score weighs) in one read transaction, through the same repository functions the live queries call, so the
 * rows are exactly theirs. The household state and the dashboard take their part once
 * (takeEarly) instead of issuing their own first reads. A failure is not reported here: each
 * live query then reads for itself and meets it again.
 */
export function readEarly(options: { rollups?: boolean } = {}): void {
  if (early !== null) return;
  const dashboard = options.rollups === true;
  const state = {
    untaken: new Set<keyof EarlyRead>(
      dashboard ? [...HOUSEHOLD_KEYS, ...DASHBOARD_KEYS] : HOUSEHOLD_KEYS,
    ),
    changed: false,
    // Before the transaction: a write from here on removes it, so rows it may have missed are
    // never kept as the last score.
    token: dashboard ? beginSnapshotRead() : null,
    stop: () => Dexie.on.storagemutated.unsubscribe(mark),
    read: readFirstScreen(dashboard),
  };
  // Listens until the first write: from then on every seed is out of date.
  function mark() {
    state.changed = true;
    state.stop();
  }
  Dexie.on.storagemutated.subscribe(mark);
  // Nobody waits on a failed read but the seeds, which fall back to their own query.
  state.read.catch(() => undefined);
  early = state;
}

/**
 * The first screen's rows in one read transaction (the dashboard's too when `dashboard`),
 * through the same repository functions the live queries call: the early read's, and the read
 * that confirms a score card before it is kept after a write (views/dashboard/keep-score).
 */
export function readFirstScreen(dashboard: boolean): Promise<Partial<EarlyRead>> {
  const stores = dashboard ? [...HOUSEHOLD, ...DASHBOARD] : HOUSEHOLD;
  return getDb().transaction('r', stores, async () => {
    // Every read starts at once, inside this transaction (each repository read joins it).
    const owed = dashboard
      ? Promise.all([
          // As listRollups (db/repo/rollups.ts) reads them: imported from there, its write
          // paths would join the household's chunk.
          getDb().rollups.toArray(),
          listFunds(),
          listSetAsides(),
          listSkipsAhead(todayIso()),
          readGroups(),
          readDebts(),
        ])
      : null;
    const [settings, members, streams, plans, savings, places, rates] = await Promise.all([
      getSettings(),
      listMembers(),
      listStreams(),
      listPlans(),
      listSavings(),
      listPlaces(),
      listRates(),
    ]);
    const read: Partial<EarlyRead> = {
      settings: settings ?? null,
      members,
      streams,
      plans,
      savings,
      places,
      rates,
    };
    markPhase('read');
    if (owed === null) return read;
    const [rollups, funds, setAsides, skipsAhead, groups, debts] = await owed;
    return { ...read, rollups, funds, setAsides, skipsAhead, groups, debts };
  });
}

/**
 * The early read's `key`, once (a second caller, or a view mounted again later, reads for
 * itself); null when no early read covers it or a write has happened since it began.
 */
export function takeEarly<K extends keyof EarlyRead>(key: K): EarlySeed<EarlyRead[K]> | null {
  const state = early;
  if (state === null || !state.untaken.delete(key) || state.changed) return null;
  // The rows come in a task of their own, as a query's answer would, and the dashboard's in the
  // one after: the household's tables render the shell in one task and the score comes in the
  // next, rather than the shell, the view and the score in a single long task.
  state.delivered ??= state.read.then(nextTask);
  state.dashboard ??= state.delivered.then(nextTask);
  const rows = DASHBOARD_KEYS.includes(key) ? state.dashboard : state.delivered;
  return {
    value: rows.then((read) => read[key] as EarlyRead[K]),
    changed: () => state.changed,
  };
}

/**
 * The token of the early read of the dashboard's rows (db/score-snapshot.ts), or null: no such
 * read, or a write has happened since it began (the score drawn from it may be out of date).
 */
export function earlySnapshotToken(): string | null {
  return early === null || early.changed ? null : early.token;
}

function nextTask<T>(value: T): Promise<T> {
  return new Promise((resolve) => setTimeout(() => resolve(value), 0));
}

/** Tests: forget the early read (each case starts as a fresh page). */
export function forgetEarly(): void {
  early?.stop();
  early = null;
}
