import Dexie from 'dexie';
import type { Place, Plan, Rate, Rollup, Saving, Settings, Stream, Member } from '../domain/model';
import { getDb, type StoreName } from '../db/database';
import { listMembers } from '../db/repo/members';
import { listPlaces } from '../db/repo/places';
import { listPlans } from '../db/repo/plans';
import { listRates } from '../db/repo/rates';
import { listSavings } from '../db/repo/savings';
import { getSettings } from '../db/repo/settings';
import { listStreams } from '../db/repo/streams';

/** What a returning visit's first screen reads, in one read transaction (issue 29). */
export interface EarlyRead {
  settings: Settings | null;
  members: Member[];
  streams: Stream[];
  plans: Plan[];
  savings: Saving[];
  places: Place[];
  rates: Rate[];
  /** Only when the visit opens on the dashboard (the score reads every rollup row). */
  rollups: Rollup[];
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

let early: {
  read: Promise<Partial<EarlyRead>>;
  /** The rows, a task after the read: shared, so every household table arrives in one task. */
  delivered?: Promise<Partial<EarlyRead>>;
  untaken: Set<keyof EarlyRead>;
  changed: boolean;
  stop: () => void;
} | null = null;

/**
 * Starts the first screen's reads now (issue 29: the data starts first). Called by early-start.ts
 * as soon as this chunk (the household state's) has loaded on a returning visit, while the
 * shell and the view's code still load: the household's tables (and, for the dashboard, every rollup row) in
 * one read transaction, through the same repository functions the live queries call, so the
 * rows are exactly theirs. The household state and the dashboard take their part once
 * (takeEarly) instead of issuing their own first reads. A failure is not reported here: each
 * live query then reads for itself and meets it again.
 */
export function readEarly(options: { rollups?: boolean } = {}): void {
  if (early !== null) return;
  const db = getDb();
  const stores = options.rollups ? [...HOUSEHOLD, 'rollups' as const] : HOUSEHOLD;
  const state = {
    untaken: new Set<keyof EarlyRead>(stores as (keyof EarlyRead)[]),
    changed: false,
    stop: () => Dexie.on.storagemutated.unsubscribe(mark),
    read: db.transaction('r', stores, async () => {
      const [settings, members, streams, plans, savings, places, rates, rollups] =
        await Promise.all([
          getSettings(),
          listMembers(),
          listStreams(),
          listPlans(),
          listSavings(),
          listPlaces(),
          listRates(),
          // As listRollups (db/repo/rollups.ts) reads them: imported from there, its write
          // paths would join the household's chunk.
          options.rollups ? getDb().rollups.toArray() : undefined,
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
      if (rollups) read.rollups = rollups;
      return read;
    }),
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
 * The early read's `key`, once (a second caller, or a view mounted again later, reads for
 * itself); null when no early read covers it or a write has happened since it began.
 */
export function takeEarly<K extends keyof EarlyRead>(key: K): EarlySeed<EarlyRead[K]> | null {
  const state = early;
  if (state === null || !state.untaken.delete(key) || state.changed) return null;
  // The rows come in a task of their own, as a query's answer would, and the rollups in the one
  // after: the household's tables render the shell in one task and the score comes in the next,
  // rather than the shell, the view and the score in a single long task.
  state.delivered ??= state.read.then(nextTask);
  const rows = key === 'rollups' ? state.delivered.then(nextTask) : state.delivered;
  return {
    value: rows.then((read) => read[key] as EarlyRead[K]),
    changed: () => state.changed,
  };
}

function nextTask<T>(value: T): Promise<T> {
  return new Promise((resolve) => setTimeout(() => resolve(value), 0));
}

/** Tests: forget the early read (each case starts as a fresh page). */
export function forgetEarly(): void {
  early?.stop();
  early = null;
}
