// @vitest-environment jsdom
// Issue 29: a returning visit's dashboard reads its tables in one early read transaction
// (state/early-read.ts) and the household state and the dashboard take their first rows from it.
// A file of its own: the household state is shared by the module and must start unread.
import 'fake-indexeddb/auto';
import { cleanup, render, screen } from '@testing-library/svelte';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { AnyamDatabase } from '../../src/lib/db/database';
import { earlySnapshotToken, forgetEarly, readEarly } from '../../src/lib/state/early-read';
import {
  SNAPSHOT_KEY,
  SNAPSHOT_READ_KEY,
  type ScoreCardText,
} from '../../src/lib/db/score-snapshot';
import { keepIfConfirmed } from '../../src/views/dashboard/keep-score.svelte';
import { device } from '../../src/lib/state/device.svelte';
import { addEntry, addPlan, listStreams } from '../../src/lib/db/repo';
import * as dashboard from '../../src/lib/domain/dashboard';
import { todayIso } from '../../src/lib/domain/dates';
import { addMonths, inProgressMonth } from '../../src/lib/domain/months';
import DashboardView from '../../src/views/dashboard/DashboardView.svelte';
import { dropDatabase, freshDatabase } from '../db/helpers';
import { seedSalaryHousehold } from './salary-household';
import { onEachTransaction } from './transaction-spy';

vi.mock('../../src/lib/domain/dashboard', async (importOriginal) => {
  const real = await importOriginal<typeof import('../../src/lib/domain/dashboard')>();
  return { ...real, computeDashboard: vi.fn(real.computeDashboard) };
});
const compute = vi.mocked(dashboard.computeDashboard);
let db: AnyamDatabase;

/** The stores of every IndexedDB transaction opened, in order. */
let scopes: string[][] = [];
onEachTransaction((stores) => scopes.push([...stores].sort()));

beforeEach(async () => {
  db = freshDatabase('dashboard-early-read');
  HTMLCanvasElement.prototype.getContext = () => null;
  await seedSalaryHousehold(13, (k) => 500_000_000 + k * 10_000_000);
  compute.mockClear();
  scopes = [];
});

afterEach(async () => {
  cleanup();
  forgetEarly();
  await dropDatabase(db);
});

/** Transactions that read what the score needs (the monthly loop's own read, with entries, aside). */
function scoreReads(): string[][] {
  return scopes.filter(
    (s) => !s.includes('entries') && SCORE_STORES.some((store) => s.includes(store)),
  );
}

/** Every table the score weighs (DashboardView's input), sorted as `scopes` records them. */
const SCORE_STORES = [
  'debts',
  'funds',
  'groupPayments',
  'groups',
  'members',
  'places',
  'plans',
  'rates',
  'repayments',
  'rollups',
  'savings',
  'setAsides',
  'settings',
  'skips',
  'streams',
];

it('reads every table the score needs in one transaction, first, and computes the score once', async () => {
  // What had read the score's tables when the score was computed.
  let readsAtCompute: string[][] | null = null;
  const real = compute.getMockImplementation()!;
  compute.mockImplementationOnce((input) => {
    readsAtCompute = scoreReads();
    return real(input);
  });
  readEarly({ rollups: true });
  render(DashboardView);
  await screen.findByTestId('dash-score');

  // The score was computed from one transaction: the early one, with all of the score's tables
  // (the funds, savings groups and debts included).
  expect(readsAtCompute).toEqual([SCORE_STORES]);
  expect(scoreReads()[0]).toEqual(SCORE_STORES);
  expect(compute).toHaveBeenCalledTimes(1);

  // Once idle the live queries subscribe (their own reads): the same rows, so the dashboard is
  // not computed again; a write after that is shown as before.
  await vi.waitFor(() => expect(scoreReads().length).toBeGreaterThan(1), { timeout: 3000 });
  await new Promise((resolve) => setTimeout(resolve, 300));
  expect(compute).toHaveBeenCalledTimes(1);
  await addPlan({
    name: 'School',
    category: 'essential',
    amountMinor: 20_000_000,
    currency: 'IDR',
    cadence: 'monthly',
    dueOn: '2025-01-10',
  });
  await vi.waitFor(() => expect(compute).toHaveBeenCalledTimes(2), { timeout: 3000 });
  expect(compute.mock.calls[1]![0].plans.map((p) => p.name)).toEqual(['Rent', 'School']);
  const [salary] = await listStreams();
  await addEntry({
    streamId: salary!.id,
    date: `${inProgressMonth(todayIso())}-02`,
    amountMinor: 7,
  });
  await vi.waitFor(() => expect(compute).toHaveBeenCalledTimes(3), { timeout: 3000 });
});

it('never shows the early rows once a write has happened since they were read', async () => {
  const [salary] = await listStreams();
  readEarly({ rollups: true });
  // A write (another pay in last month) lands after the early read began, before the
  // dashboard takes its rows.
  await addEntry({
    streamId: salary!.id,
    date: `${addMonths(inProgressMonth(todayIso()), -1)}-20`,
    amountMinor: 900_000_000,
  });
  render(DashboardView);
  await screen.findByTestId('dash-score');
  await new Promise((resolve) => setTimeout(resolve, 300));
  // Every computation saw the written entry: none ran on the rows read before it.
  for (const [input] of compute.mock.calls) {
    const month = addMonths(inProgressMonth(todayIso()), -1);
    const total = input.rollups
      .filter((r) => r.month === month && r.status === 'received')
      .reduce((sum, r) => sum + r.baseMinor, 0);
    expect(total).toBe(900_000_000 + 500_000_000 + 10_000_000);
  }
  expect(compute.mock.calls.length).toBeGreaterThan(0);
});

it('marks each step to the score once, in order, for the bench (lib/db/phase-mark.ts)', async () => {
  performance.clearMarks();
  const at = (step: string) => performance.getEntriesByName(`anyam:${step}`, 'mark');
  readEarly({ rollups: true });
  render(DashboardView);
  await screen.findByTestId('dash-score');
  await vi.waitFor(() => expect(at('drawn')).toHaveLength(1));
  for (const step of ['read', 'view', 'compute', 'computed', 'drawn'])
    expect(at(step), step).toHaveLength(1);
  const time = (step: string) => at(step)[0]!.startTime;
  expect(time('compute')).toBeGreaterThanOrEqual(time('read'));
  expect(time('computed')).toBeGreaterThanOrEqual(time('compute'));
  expect(time('drawn')).toBeGreaterThanOrEqual(time('computed'));

  // Back to the dashboard later (a view drawn again): the marks stay those of the visit's load.
  cleanup();
  render(DashboardView);
  await screen.findByTestId('dash-score');
  await new Promise((resolve) => setTimeout(resolve, 100));
  for (const step of ['view', 'compute', 'computed', 'drawn'])
    expect(at(step), step).toHaveLength(1);
});

describe('the last score (issue 29 item 3: db/score-snapshot.ts)', () => {
  const kept = () => localStorage.getItem(SNAPSHOT_KEY);
  beforeEach(() => {
    localStorage.clear();
    document.head.innerHTML = '<meta name="anyam-dashboard-chunks" content="/assets/a.js">';
    device.update({ householdName: 'Test' });
  });
  afterEach(() => {
    document.head.innerHTML = '';
    device.update({ householdName: null });
  });

  it('leaves the score computed in a task of its own (it reads the score only once drawn)', async () => {
    performance.clearMarks();
    let computeMarked: boolean | null = null;
    const real = compute.getMockImplementation()!;
    compute.mockImplementationOnce((input) => {
      computeMarked = performance.getEntriesByName('anyam:compute', 'mark').length === 1;
      return real(input);
    });
    readEarly({ rollups: true });
    render(DashboardView);
    await screen.findByTestId('dash-score-value');
    // The first computation ran in computeThenDraw's task (marked 'compute'), not in the task
    // that delivered the rows.
    expect(computeMarked).toBe(true);
  });

  it('is kept once the score drawn from the early read is on screen and the page idle', async () => {
    readEarly({ rollups: true });
    expect(earlySnapshotToken()).toBe(localStorage.getItem(SNAPSHOT_READ_KEY));
    render(DashboardView);
    const score = await screen.findByTestId('dash-score-value');
    await vi.waitFor(() => expect(kept()).not.toBeNull(), { timeout: 3000 });
    const stored = JSON.parse(kept()!) as { score: string; title: string; household: string };
    expect(stored.score).toBe(score.textContent);
    expect(stored.title).toMatch(/^Resilience score, /);
    expect(stored.household).toBe('Test');
  });

  it('is not kept from rows read before a write: kept once a read of its own confirms it', async () => {
    readEarly({ rollups: true });
    const [salary] = await listStreams();
    const lastMonth = addMonths(inProgressMonth(todayIso()), -1);
    // Last month's pay doubled: the score read before this write is not the score after it.
    await addEntry({ streamId: salary!.id, date: `${lastMonth}-20`, amountMinor: 900_000_000 });
    expect(earlySnapshotToken()).toBeNull();
    render(DashboardView);
    const score = await screen.findByTestId('dash-score-value');
    await vi.waitFor(() => expect(kept()).not.toBeNull(), { timeout: 5000 });
    expect((JSON.parse(kept()!) as { score: string }).score).toBe(score.textContent);
    // The confirming read began after the write (the write removed the early read's token).
    expect(localStorage.getItem(SNAPSHOT_READ_KEY)).not.toBeNull();
  });

  it('is kept without an early read once a read of its own confirms it', async () => {
    readEarly();
    expect(earlySnapshotToken()).toBeNull();
    render(DashboardView);
    const score = await screen.findByTestId('dash-score-value');
    await vi.waitFor(() => expect(kept()).not.toBeNull(), { timeout: 5000 });
    expect((JSON.parse(kept()!) as { score: string }).score).toBe(score.textContent);
  });

  it('is not kept by a confirming read that a write overtakes, or that computes another card', async () => {
    render(DashboardView);
    const score = (await screen.findByTestId('dash-score-value')).textContent;
    await vi.waitFor(() => expect(kept()).not.toBeNull(), { timeout: 5000 });
    const card = JSON.parse(kept()!) as ScoreCardText;
    localStorage.removeItem(SNAPSHOT_KEY);
    expect(await keepIfConfirmed({ ...card, score: String(Number(score) + 1) })).toBe(false);
    const [salary] = await listStreams();
    const confirming = keepIfConfirmed(card);
    await addEntry({
      streamId: salary!.id,
      date: `${inProgressMonth(todayIso())}-03`,
      amountMinor: 5,
    });
    expect(await confirming).toBe(false);
    expect(kept()).toBeNull();
    // The view, still mounted, confirms its own new card after the write: its read's token would
    // replace this one's. Unmounted, only this read is under way.
    cleanup();
    expect(await keepIfConfirmed(card)).toBe(true);
  });
});
