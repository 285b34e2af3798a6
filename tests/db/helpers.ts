import Dexie from 'dexie';
import { expect } from 'vitest';
import { openDatabase, useDatabase, type AnyamDatabase } from '../../src/lib/db/database';
import { addMember, addRate, addStream, saveSettings } from '../../src/lib/db/repo';
import { rollupsFromEntries } from '../../src/lib/domain/rollup';
import type { Member, Rollup, Stream } from '../../src/lib/domain/model';

/*
 * Test files import 'fake-indexeddb/auto' as their very first line: Dexie looks up
 * `indexedDB` once, when its module is first evaluated.
 */

let counter = 0;

/** A new, empty database of its own, made the shared one that repositories use. */
export function freshDatabase(label = 'test'): AnyamDatabase {
  counter += 1;
  const db = openDatabase(`${label}-${counter}-${Math.random().toString(36).slice(2, 8)}`);
  useDatabase(db);
  return db;
}

/**
 * Waits until the clock has moved on. A deletion that undoes with another (a stream's entries, a
 * fund's set-asides) shares its timestamp; something a person deleted on its own, before, has an
 * earlier one. Two calls in one millisecond would look like one deletion: a warm test process
 * makes them that fast.
 */
export function aMomentLater(): Promise<void> {
  return new Promise((done) => setTimeout(done, 2));
}

export async function dropDatabase(db: Dexie): Promise<void> {
  db.close();
  await Dexie.delete(db.name);
}

export interface Basics {
  member: Member;
  other: Member;
  idr: Stream;
  usd: Stream;
  php: Stream;
}

/** An IDR household with two members, streams in IDR, USD and PHP, and rates for both. */
export async function seedBasics(): Promise<Basics> {
  await saveSettings({ householdName: 'Test', baseCurrency: 'IDR' });
  const member = await addMember({ name: 'Sari', color: '#2f6f4e' });
  const other = await addMember({ name: 'Budi', color: '#b5523b', role: 'youth' });
  const idr = await addStream({
    memberId: member.id,
    name: 'Warung',
    kind: 'informal',
    currency: 'IDR',
  });
  const usd = await addStream({
    memberId: member.id,
    name: 'Tasks',
    kind: 'microtask',
    currency: 'USD',
  });
  const php = await addStream({
    memberId: other.id,
    name: 'Remit',
    kind: 'support',
    currency: 'PHP',
  });
  await addRate({ currency: 'USD', date: '2025-01-01', value: '15800' });
  await addRate({ currency: 'USD', date: '2025-07-01', value: '16250.5' });
  await addRate({ currency: 'PHP', date: '2025-03-15', value: '281.25' });
  return { member, other, idr, usd, php };
}

function byKey(rows: Rollup[]): Rollup[] {
  return [...rows].sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
}

/** The stored rollups and a recomputation from every stored entry, rate and the base currency. */
export async function rollupsAndTruth(db: AnyamDatabase): Promise<[Rollup[], Rollup[]]> {
  const [stored, entries, rates, settings] = await Promise.all([
    db.rollups.toArray(),
    db.entries.toArray(),
    db.rates.toArray(),
    db.settings.toArray(),
  ]);
  return [byKey(stored), rollupsFromEntries(entries, rates, settings[0]?.baseCurrency ?? '')];
}

export async function expectRollupsConsistent(db: AnyamDatabase): Promise<void> {
  const [stored, truth] = await rollupsAndTruth(db);
  expect(stored).toEqual(truth);
}

/** The AnyamError code a promise rejects with. */
export async function codeOf(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
  } catch (error) {
    return (error as { code?: string }).code ?? `not an AnyamError: ${String(error)}`;
  }
  return 'resolved';
}
