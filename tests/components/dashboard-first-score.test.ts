// @vitest-environment jsdom
// Issue 29: a returning visit's score is read and computed in a worker (lib/db/first-score.ts)
// and the dashboard draws it before its own live queries read anything; they open after that
// paint and the view's own computation replaces it. A write since the worker started, another
// filter, or no answer: the view reads and computes as before.
import 'fake-indexeddb/auto';
import { cleanup, render, screen } from '@testing-library/svelte';
import { afterEach, beforeEach, expect, it, vi } from 'vitest';
import type { AnyamDatabase } from '../../src/lib/db/database';
import type { EarlyScore } from '../../src/lib/db/early-score';
import { firstScore } from '../../src/lib/db/first-score';
import type { FirstScore } from '../../src/lib/domain/first-score';
import * as dashboard from '../../src/lib/domain/dashboard';
import { forgetEarly } from '../../src/lib/state/early-read';
import DashboardView from '../../src/views/dashboard/DashboardView.svelte';
import { dropDatabase, freshDatabase } from '../db/helpers';
import { seedSalaryHousehold } from './salary-household';
import { onEachTransaction } from './transaction-spy';

let early: EarlyScore | null = null;
vi.mock('../../src/lib/db/early-score', () => ({
  EARLY_SCORE_READ_KEY: 'anyam.early-score-read',
  FIRST_SCORE_WAIT_MS: 1500,
  startEarlyScore: () => false,
  takeEarlyScore: () => {
    const taken = early;
    early = null;
    return taken;
  },
}));
vi.mock('../../src/lib/domain/dashboard', async (importOriginal) => {
  const real = await importOriginal<typeof import('../../src/lib/domain/dashboard')>();
  return {
    ...real,
    computeDashboard: vi.fn((input: Parameters<typeof real.computeDashboard>[0]) => {
      events.push('computed');
      return real.computeDashboard(input);
    }),
  };
});
const compute = vi.mocked(dashboard.computeDashboard);
/** Each score drawn, as it is drawn (a mutation observer's callback runs before any other task). */
function watchScores(): void {
  const observer = new MutationObserver(() => {
    const shown = document.querySelector('[data-testid="dash-score-value"]')?.textContent;
    if (shown && events.at(-1) !== `drawn ${shown}`) events.push(`drawn ${shown}`);
  });
  observer.observe(document.body, { subtree: true, childList: true, characterData: true });
}

/** What happened, in order: the rollups read here, a computation, a score drawn. */
let events: string[] = [];
onEachTransaction((stores) => {
  if (stores.includes('rollups') && !stores.includes('entries')) events.push('rollups read');
});

let db: AnyamDatabase;
let worker: FirstScore;

beforeEach(async () => {
  db = freshDatabase('dashboard-first-score');
  HTMLCanvasElement.prototype.getContext = () => null;
  await seedSalaryHousehold(13, (k) => 500_000_000 + k * 10_000_000);
  const request = { now: Date.now(), ownerId: null, scope: 'household' as const };
  worker = (await firstScore(indexedDB, request, db.name))!;
  compute.mockClear();
  events = [];
  watchScores();
});

afterEach(async () => {
  cleanup();
  forgetEarly();
  early = null;
  await dropDatabase(db);
});

/** The worker's answer with a score of its own, so the test can tell whose figure is drawn. */
function answer(score: FirstScore | null, valid = true): void {
  early = { value: Promise.resolve(score), valid: () => valid };
}
function marked(score: FirstScore, value: number): FirstScore {
  const dash = score.dash!;
  return { ...score, dash: { ...dash, resilience: { ...dash.resilience, score: value } } };
}
const scoreText = () => screen.getByTestId('dash-score-value').textContent;
const computedScore = () => String(worker.dash!.resilience.score);

it("draws the worker's score before reading or computing anything, then the view's own", async () => {
  answer(marked(worker, 42));
  render(DashboardView);
  // After that paint the live queries open, and the view's computation replaces it.
  await vi.waitFor(() => expect(scoreText()).toBe(computedScore()), { timeout: 3000 });
  // Drawn from the worker first: before any rollups were read here, before any computation.
  expect(events).toEqual(['drawn 42', 'rollups read', 'computed', `drawn ${computedScore()}`]);
});

it('draws the same figure as the view computes (the worker computes what the view would)', async () => {
  answer(worker);
  render(DashboardView);
  await screen.findByTestId('dash-score');
  expect(scoreText()).toBe(computedScore());
  await vi.waitFor(() => expect(compute).toHaveBeenCalled(), { timeout: 3000 });
  expect(compute.mock.results[0]!.value).toEqual(worker.dash);
  expect(scoreText()).toBe(computedScore());
});

it('never draws it after a write since the worker started', async () => {
  answer(marked(worker, 42), false);
  render(DashboardView);
  await screen.findByTestId('dash-score');
  expect(scoreText()).toBe(computedScore());
  expect(compute).toHaveBeenCalled();
});

it("never draws it for another filter than the view's, and reads at once", async () => {
  answer({ ...marked(worker, 42), memberId: 'someone-else' });
  render(DashboardView);
  // Not after the gate's longest wait (1.5 s): the view sees the mismatch and reads.
  await vi.waitFor(() => expect(screen.getByTestId('dash-score-value')).toBeTruthy(), {
    timeout: 1000,
  });
  expect(scoreText()).toBe(computedScore());
});

it('reads and computes as before when the worker has no answer', async () => {
  answer(null);
  render(DashboardView);
  await vi.waitFor(() => expect(screen.getByTestId('dash-score-value')).toBeTruthy(), {
    timeout: 1000,
  });
  expect(scoreText()).toBe(computedScore());
  expect(compute).toHaveBeenCalled();
});
