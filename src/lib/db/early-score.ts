/**
 * Starts a returning visit's first score in a worker (first-score.ts) from the entry chunk's
 * first task (early-start.ts), and hands its answer to the dashboard once (issue 29: the score's
 * read and computation leave the page's main thread, which meanwhile loads the shell and the
 * view).
 *
 * An answer is only taken while no write has happened since the worker was started: a token
 * in localStorage that every write removes, in this tab or another (dropScoreSnapshot, called
 * by writeTransaction before and after each write, restores and merges included). Without
 * storage, or after a write, the dashboard reads and computes on the page as before.
 */
import type { FirstScore } from '../domain/first-score';
import type { FirstScoreRequest } from './first-score';
import { markPhase } from './phase-mark';
import { storage } from './score-snapshot';

/**
 * How long the dashboard waits for the worker's answer before it reads for itself: far longer
 * than the worker takes on a slow phone (it answers before the view's code has run), so only a
 * worker that failed silently is not waited for.
 */
export const FIRST_SCORE_WAIT_MS = 1500;

/** The token of the worker's read in progress (removed by every write). */
export const EARLY_SCORE_READ_KEY = 'anyam.early-score-read';

export interface EarlyScore {
  /** The worker's answer: null when it had none (no database yet, another version, a failure). */
  value: Promise<FirstScore | null>;
  /** No write has happened since the worker started: its figures are the database's. */
  valid: () => boolean;
}

let early: EarlyScore | null = null;

/** Starts the worker; false when this browser cannot (then nothing waits for it). */
export function startEarlyScore(request: FirstScoreRequest): boolean {
  if (early !== null) return true;
  const store = storage();
  if (store === null || typeof Worker !== 'function') return false;
  const token = `${Date.now().toString(36)}-${Math.random().toString(36).slice(2)}`;
  let worker: Worker;
  try {
    store.setItem(EARLY_SCORE_READ_KEY, token);
    worker = new Worker(new URL('./score-worker.ts', import.meta.url), {
      type: 'module',
      name: 'anyam-first-score',
    });
  } catch {
    return false;
  }
  const value = new Promise<FirstScore | null>((resolve) => {
    const end = (score: FirstScore | null) => {
      markPhase('worker-answer');
      resolve(score);
      worker.terminate();
    };
    worker.onmessage = (event: MessageEvent<FirstScore | null>) => end(event.data ?? null);
    worker.onerror = () => end(null);
    worker.onmessageerror = () => end(null);
  });
  worker.postMessage(request);
  early = { value, valid: () => readToken() === token };
  return true;
}

function readToken(): string | null {
  try {
    return storage()?.getItem(EARLY_SCORE_READ_KEY) ?? null;
  } catch {
    return null;
  }
}

/** The worker's answer, once (a view mounted again later computes for itself); null if none. */
export function takeEarlyScore(): EarlyScore | null {
  const taken = early;
  early = null;
  return taken;
}
