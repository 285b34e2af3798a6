// Issue 29: the first score's worker is started from the entry chunk (lib/db/early-score.ts) and
// its answer handed over once, and only while no write has happened since it started.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { startEarlyScore, takeEarlyScore } from '../../src/lib/db/early-score';
import { dropScoreSnapshot } from '../../src/lib/db/score-snapshot-write';

const items = new Map<string, string>();
const storage = {
  getItem: (key: string) => items.get(key) ?? null,
  setItem: (key: string, value: string) => void items.set(key, value),
  removeItem: (key: string) => void items.delete(key),
};

/** A worker that answers the request with `reply` (or fails), as the real one would post it. */
class FakeWorker {
  static reply: unknown = null;
  static fail = false;
  static made: { url: string; request: unknown; ended: boolean }[] = [];
  onmessage: ((event: { data: unknown }) => void) | null = null;
  onerror: (() => void) | null = null;
  onmessageerror: (() => void) | null = null;
  readonly record: { url: string; request: unknown; ended: boolean };
  constructor(url: URL) {
    this.record = { url: String(url), request: null, ended: false };
    FakeWorker.made.push(this.record);
  }
  postMessage(request: unknown) {
    this.record.request = request;
    queueMicrotask(() =>
      FakeWorker.fail ? this.onerror?.() : this.onmessage?.({ data: FakeWorker.reply }),
    );
  }
  terminate() {
    this.record.ended = true;
  }
}

const request = { now: 1_796_000_000_000, ownerId: null, scope: 'household' as const };

beforeEach(() => {
  performance.clearMarks();
  items.clear();
  FakeWorker.made = [];
  FakeWorker.fail = false;
  FakeWorker.reply = { memberId: '', dash: null };
  vi.stubGlobal('localStorage', storage);
  vi.stubGlobal('Worker', FakeWorker);
});
afterEach(() => {
  takeEarlyScore();
  vi.unstubAllGlobals();
});

describe('the first score from the entry chunk', () => {
  it('starts the worker with the request, and hands its answer over once', async () => {
    expect(startEarlyScore(request)).toBe(true);
    expect(FakeWorker.made).toHaveLength(1);
    expect(FakeWorker.made[0]!.url).toContain('score-worker');
    expect(FakeWorker.made[0]!.request).toEqual(request);
    const early = takeEarlyScore()!;
    expect(await early.value).toEqual(FakeWorker.reply);
    expect(early.valid()).toBe(true);
    // When it answered, for the bench's steps (db/phase-mark.ts).
    expect(performance.getEntriesByName('anyam:worker-answer', 'mark')).toHaveLength(1);
    // Ended once it has answered; a second view computes for itself.
    expect(FakeWorker.made[0]!.ended).toBe(true);
    expect(takeEarlyScore()).toBeNull();
  });

  it('no longer holds once any write has happened since it started (dropScoreSnapshot)', async () => {
    startEarlyScore(request);
    const early = takeEarlyScore()!;
    dropScoreSnapshot();
    await early.value;
    expect(early.valid()).toBe(false);
  });

  it('no longer holds once another page has started its own', () => {
    startEarlyScore(request);
    const early = takeEarlyScore()!;
    startEarlyScore(request);
    expect(early.valid()).toBe(false);
    expect(takeEarlyScore()!.valid()).toBe(true);
  });

  it('answers null when the worker fails', async () => {
    FakeWorker.fail = true;
    startEarlyScore(request);
    expect(await takeEarlyScore()!.value).toBeNull();
  });

  it('starts nothing without storage for its token, or without workers', () => {
    vi.stubGlobal('localStorage', undefined);
    expect(startEarlyScore(request)).toBe(false);
    vi.stubGlobal('localStorage', storage);
    vi.stubGlobal('Worker', undefined);
    expect(startEarlyScore(request)).toBe(false);
    expect(takeEarlyScore()).toBeNull();
  });
});
