import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { AnyamDatabase } from '../../src/lib/db/database';
import { firstScore, IDB_VERSION, readScoreRows } from '../../src/lib/db/first-score';
import {
  addMember,
  addPlan,
  addRate,
  addSaving,
  addStream,
  deletePlan,
  deleteSaving,
  deleteStream,
  listPlaces,
  saveSettings,
} from '../../src/lib/db/repo';
import { loadSampleHousehold } from '../../src/lib/db/repo/sample-load';
import { readFirstScreen } from '../../src/lib/state/early-read';
import { computeDashboard } from '../../src/lib/domain/dashboard';
import { dashboardInputOf } from '../../src/lib/domain/dashboard-input';
import { nextStepOf } from '../../src/lib/domain/guidance';
import { buildSampleHousehold } from '../../src/lib/domain/sample-household';
import { streamsByIncome } from '../../src/lib/domain/streams-by-income';
import { compareSetAsidesNewestFirst } from '../../src/lib/db/repo/list-orders';
import { aMomentLater, dropDatabase, freshDatabase } from './helpers';

/**
 * Issue 29: a returning visit's first score is read and computed in a worker that opens
 * IndexedDB itself (db/first-score.ts). Its rows must be the repositories' rows (the same
 * filters, the same orders) and its figures the view's, or the first screen would say one thing
 * and the live one another; and it must never create or hold up a database.
 */
const TODAY = '2026-12-04';
/** Noon of TODAY on this machine's clock (the page's clock: the worker takes its day from it). */
const NOW = new Date(`${TODAY}T12:00:00`).getTime();
let db: AnyamDatabase;

beforeEach(async () => {
  db = freshDatabase('first-score');
  await saveSettings({ householdName: 'Test', baseCurrency: 'IDR' });
  const sample = buildSampleHousehold(TODAY, '2026-12-04T08:00:00.000Z', 'IDR');
  // Set-asides stored in the reverse of the order they are listed in (newest first).
  const listed = [...sample.setAsides].sort(compareSetAsidesNewestFirst);
  sample.setAsides = listed.map((row, i) => ({
    ...row,
    id: `00000000-0000-4000-8000-00000000000${9 - i}`,
  }));
  await loadSampleHousehold(sample);
  // Rows every list must leave out or order: deleted ones, and rows out of id order.
  const ana = await addMember({ name: 'Ana' });
  const gone = await addStream({
    memberId: ana.id,
    name: 'Old',
    kind: 'informal',
    currency: 'IDR',
  });
  await deleteStream(gone.id);
  // Added first, listed first, stored last.
  const stream = { memberId: ana.id, kind: 'informal' as const, currency: 'IDR' };
  await addStream({ ...stream, id: 'ffffffff-ffff-4fff-bfff-ffffffffffff', name: 'First' });
  await aMomentLater();
  await addStream({ ...stream, id: '00000000-0000-4000-8000-000000000001', name: 'Second' });
  const plan = await addPlan({
    name: 'Gone',
    category: 'essential',
    amountMinor: 5_000_00,
    currency: 'IDR',
    cadence: 'monthly',
    dueOn: '2026-01-01',
  });
  await deletePlan(plan.id);
  await addRate({ currency: 'USD', date: '2024-01-01', value: '15000' });
  const [place] = await listPlaces();
  await addSaving({ placeId: place!.id, date: '2024-02-01', amountMinor: 1_000_00 });
  const deleted = await addSaving({
    placeId: place!.id,
    date: '2024-03-01',
    amountMinor: 2_000_00,
  });
  await deleteSaving(deleted.id);
});
afterEach(() => dropDatabase(db));

async function rawDb(): Promise<IDBDatabase> {
  return new Promise((resolve, reject) => {
    const open = indexedDB.open(db.name);
    open.onsuccess = () => resolve(open.result);
    open.onerror = () => reject(open.error ?? new Error('open failed'));
  });
}

const databaseNames = async () => (await indexedDB.databases()).map((d) => d.name);

describe("the first score's worker", () => {
  it('reads the rows the repositories list, in their order', async () => {
    const raw = await rawDb();
    const rows = await readScoreRows(raw);
    raw.close();
    const repo = await readFirstScreen(true);
    expect(rows).not.toBeNull();
    expect(rows!.settings).toEqual(repo.settings);
    for (const key of ['members', 'streams', 'plans', 'savings', 'rates', 'rollups'] as const) {
      expect(rows![key], key).toEqual(repo[key]);
    }
    expect(rows!.funds).toEqual(repo.funds);
    expect(rows!.setAsides).toEqual(repo.setAsides);
    expect(rows!.groups).toEqual(repo.groups);
    expect(rows!.debts).toEqual({ debts: repo.debts!.debts, repayments: repo.debts!.repayments });
    // The household is one the lists have something to do with.
    expect(repo.debts!.debts.length).toBeGreaterThan(0);
    expect(repo.groups!.payments.length).toBeGreaterThan(0);
    expect(repo.setAsides!.length).toBeGreaterThan(1);
    expect(rows!.streams.some((s) => s.name === 'Old')).toBe(false);
    const names = rows!.streams.map((s) => s.name);
    expect(names.indexOf('First')).toBeLessThan(names.indexOf('Second'));
    expect(rows!.setAsides.map((row) => row.id).slice(0, 2)).toEqual([
      '00000000-0000-4000-8000-000000000009',
      '00000000-0000-4000-8000-000000000008',
    ]);
    expect(rows!.savings.some((row) => row.amountMinor === 2_000_00)).toBe(false);
  });

  it("computes the figures the view computes from its live rows, for the phone's filter", async () => {
    const repo = await readFirstScreen(true);
    const owner = repo.members!.find((m) => repo.rollups!.some((r) => r.memberId === m.id))!;
    for (const [ownerId, scope] of [
      [null, 'household'],
      [owner.id, 'mine'],
    ] as const) {
      const score = await firstScore(indexedDB, { now: NOW, ownerId, scope }, db.name);
      const memberId = scope === 'mine' ? owner.id : '';
      const streams = streamsByIncome(repo.streams!, repo.rollups!, memberId);
      const rows = {
        rollups: repo.rollups!,
        streams: repo.streams!,
        plans: repo.plans!,
        savings: repo.savings!,
        rates: repo.rates!,
        funds: repo.funds!,
        setAsides: repo.setAsides!,
        groups: repo.groups!,
        debts: repo.debts!,
        baseCurrency: 'IDR',
      };
      const dash = computeDashboard({
        ...dashboardInputOf(rows, TODAY, memberId),
        stress: { streamId: streams[0]!.id, fallPercent: 100 },
      });
      expect(score).toEqual({
        memberId,
        today: TODAY,
        hasIncome: true,
        step: nextStepOf(repo.streams!, repo.rollups!, TODAY),
        streamIds: streams.map((s) => s.id),
        dash,
      });
      expect(score!.dash!.resilience.score).not.toBeNull();
      // What crosses to the page is what the view would draw: a structured clone changes nothing.
      expect(structuredClone(score)).toEqual(score);
    }
  });

  it('never creates a database, and answers null for one not there', async () => {
    const name = `absent-${Math.random().toString(36).slice(2)}`;
    expect(
      await firstScore(indexedDB, { now: NOW, ownerId: null, scope: 'household' }, name),
    ).toBeNull();
    expect(await databaseNames()).not.toContain(name);
  });

  it('leaves a database of another version alone, and answers null', async () => {
    const name = `older-${Math.random().toString(36).slice(2)}`;
    await new Promise<void>((resolve) => {
      const open = indexedDB.open(name, IDB_VERSION - 10);
      open.onupgradeneeded = () => open.result.createObjectStore('rollups');
      open.onsuccess = () => {
        open.result.close();
        resolve();
      };
    });
    expect(
      await firstScore(indexedDB, { now: NOW, ownerId: null, scope: 'household' }, name),
    ).toBeNull();
    const versions = (await indexedDB.databases()).filter((d) => d.name === name);
    expect(versions).toEqual([{ name, version: IDB_VERSION - 10 }]);
    indexedDB.deleteDatabase(name);
  });

  it('answers null before the household is set up', async () => {
    const empty = freshDatabase('first-score-empty');
    await empty.open();
    expect(
      await firstScore(indexedDB, { now: NOW, ownerId: null, scope: 'household' }, empty.name),
    ).toBeNull();
    await dropDatabase(empty);
  });
});
