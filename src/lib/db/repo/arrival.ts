import { AnyamError, type Entry, type IsoDate, type MinorUnits } from '../../domain/model';
import { assertRecordRules } from '../../domain/record-rules';
import { todayIso } from '../../domain/dates';
import { validateRecord } from '../../domain/schema';
import { getDb } from '../database';
import { liveStream } from './entries';
import { nowIso, requireLive } from './record';
import { applyRollupDeltas, deltaOf, loadConversion, ROLLUP_STORES } from './rollup-store';
import { writeTransaction } from './transaction';

/** What the "Arrived" dialog gives; everything but the day is optional. */
export interface ArrivalInput {
  /** The day it landed. */
  on: IsoDate;
  placeId?: string | null;
  /** What reached the place, in the place's currency. */
  landedMinor?: MinorUnits | null;
  /** Fees, in the payout's currency. */
  feeMinor?: MinorUnits | null;
  via?: string;
}

const ARRIVAL_STORES = [...ROLLUP_STORES, 'streams', 'places'] as const;

/**
 * "Arrived": a pending payout becomes received, with the day it landed and, when given, the
 * place, the amount that landed (in the place's currency) and the fees. One read-write
 * transaction moves the entry and its rollup rows (pending → received); a refused arrival
 * (arrival-rules.ts) writes nothing. Returns the entry as it was, for Undo (`undoArrived`).
 */
export async function markArrived(entryId: string, input: ArrivalInput): Promise<Entry> {
  return writeTransaction(ARRIVAL_STORES, async (db) => {
    const before = await requireLive(db.entries, entryId, 'entry/not-found');
    if (before.status !== 'pending') throw new AnyamError('entry/not-pending', { id: entryId });
    const stream = await liveStream(db, before.streamId);
    const places = await db.places.toArray();
    const conversion = await loadConversion(db);
    const placeId = input.placeId ?? null;
    const place = places.find((p) => p.id === placeId);
    const landed = input.landedMinor ?? null;
    const after = validateRecord('entries', {
      ...before,
      status: 'received',
      updatedAt: nowIso(),
      arrival: {
        on: input.on,
        placeId,
        landedMinor: landed,
        landedCurrency: landed === null ? null : (place?.currency ?? before.currency),
        feeMinor: input.feeMinor ?? null,
        via: input.via ?? '',
      },
    });
    assertRecordRules('entries', after, {
      today: todayIso(),
      streams: new Map([[stream.id, stream]]),
      places: new Map(places.map((p) => [p.id, p])),
      rates: conversion.rates,
      baseCurrency: conversion.baseCurrency,
    });
    await db.entries.put(after);
    await applyRollupDeltas(db, [deltaOf(before, -1, conversion), deltaOf(after, 1, conversion)]);
    return before;
  });
}

/**
 * Undo of "Arrived": the entry as it was before (`before`, what markArrived returned), every
 * field but `updatedAt`, which is now, so that a merge carries the undo to the other phones
 * instead of bringing the arrival back. The rollup rows move back in the same transaction.
 */
export async function undoArrived(before: Entry): Promise<Entry> {
  return writeTransaction(ARRIVAL_STORES, async (db) => {
    const current = await requireLive(db.entries, before.id, 'entry/not-found');
    await liveStream(db, before.streamId);
    const restored: Entry = { ...before, updatedAt: nowIso() };
    const conversion = await loadConversion(db);
    await db.entries.put(restored);
    await applyRollupDeltas(db, [
      deltaOf(current, -1, conversion),
      deltaOf(restored, 1, conversion),
    ]);
    return restored;
  });
}

/** Every live pending entry, oldest first: the payouts "Arrived" is offered on. */
export async function listPendingPayouts(limit = 50): Promise<Entry[]> {
  const rows = await getDb()
    .entries.where('[status+date]')
    .between(['pending', ''], ['pending', '\uffff'], true, true)
    .filter((e) => e.deletedAt === null)
    .limit(limit)
    .toArray();
  return rows;
}

/**
 * Live entries earned from six months before `from` on: every payout that can have landed since
 * `from` (a payout lands weeks, not months, after it was earned). What Pay's loss card reads.
 */
export async function listEntriesForLoss(from: IsoDate): Promise<Entry[]> {
  const rows = await getDb().entries.where('date').aboveOrEqual(addBack(from)).toArray();
  return rows.filter((e) => e.deletedAt === null);
}

function addBack(from: IsoDate): IsoDate {
  const year = Number(from.slice(0, 4));
  const month = Number(from.slice(5, 7)) - 6;
  const y = month <= 0 ? year - 1 : year;
  const mm = month <= 0 ? month + 12 : month;
  return `${String(y).padStart(4, '0')}-${String(mm).padStart(2, '0')}-01`;
}

/** The latest arrival of a stream's payouts, to offer its place and route again; null if none. */
export async function lastArrivalOf(streamId: string): Promise<Entry['arrival'] | null> {
  const latest = await getDb()
    .entries.where('[streamId+date]')
    .between([streamId, ''], [streamId, '\uffff'], true, true)
    .reverse()
    .filter((e) => e.deletedAt === null && e.arrival !== undefined)
    .first();
  return latest?.arrival ?? null;
}
