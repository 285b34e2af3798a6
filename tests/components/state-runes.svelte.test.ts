// @vitest-environment jsdom
import Dexie from 'dexie';
import { flushSync } from 'svelte';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { stopWatching, watch } from '../watch.svelte';
import { AnyamError } from '../../src/lib/domain/model';
import { DbStatus, isOutdatedError } from '../../src/lib/state/db-status.svelte';
import { minuteClock } from '../../src/lib/state/minute-clock.svelte';
import { Router, routeFromHash } from '../../src/lib/state/router.svelte';
import { PINNED_NOW } from '../pinned-day';

/*
 * Issue 24: the small state classes as a view uses them, inside $effect.root: a reader re-runs
 * when they change, and what they start stops with the root.
 */
afterEach(() => {
  stopWatching();
  vi.useRealTimers();
});

describe('Router', () => {
  it('reads the view from the hash, and anything it does not know as the dashboard', () => {
    expect(routeFromHash('#/entries')).toBe('entries');
    expect(routeFromHash('#pay')).toBe('pay');
    expect(routeFromHash('#/plans/abc?x=1')).toBe('plans');
    expect(routeFromHash('#/nowhere')).toBe('dashboard');
    expect(routeFromHash('')).toBe('dashboard');
  });

  it('follows the hash as it changes, re-running its readers', async () => {
    location.hash = '#/streams';
    const router = new Router();
    const seen = watch(() => router.current);
    expect(seen).toEqual(['streams']);
    location.hash = '#/settings';
    await vi.waitFor(() => expect(seen.at(-1)).toBe('settings'));
    location.hash = '#/unknown';
    await vi.waitFor(() => expect(seen.at(-1)).toBe('dashboard'));
    expect(router.href('pay')).toBe('#/pay');
    // Read-only: the route changes with the address, never by assignment.
    const property = Object.getOwnPropertyDescriptor(Router.prototype, 'current');
    expect(property && property.set !== undefined).toBe(false);
  });
});

describe('minuteClock', () => {
  it('moves every minute and when the app comes back, and stops with its owner', () => {
    vi.useFakeTimers({ toFake: ['setInterval', 'clearInterval', 'Date'] });
    // The clock's first reading: the pinned day, set here so every step below is known.
    const first = PINNED_NOW.getTime();
    vi.setSystemTime(first);
    const seen: number[] = [];
    const stop = $effect.root(() => {
      const clock = minuteClock();
      $effect(() => {
        seen.push(clock.now.getTime());
      });
    });
    flushSync();
    expect(seen).toEqual([first]);
    expect(vi.getTimerCount()).toBe(1);

    vi.advanceTimersByTime(59_000);
    flushSync();
    expect(seen).toHaveLength(1);
    vi.advanceTimersByTime(1_000);
    flushSync();
    expect(seen.at(-1)).toBe(first + 60_000);

    // Back from the background after a sleep the timer did not see.
    vi.setSystemTime(first + 3_600_000);
    document.dispatchEvent(new Event('visibilitychange'));
    flushSync();
    expect(seen.at(-1)).toBe(first + 3_600_000);

    stop();
    expect(vi.getTimerCount()).toBe(0);
    const count = seen.length;
    document.dispatchEvent(new Event('visibilitychange'));
    vi.advanceTimersByTime(120_000);
    flushSync();
    expect(seen).toHaveLength(count);
  });
});

describe('DbStatus', () => {
  it('re-runs its readers when a failure means the database was closed under this tab', () => {
    const status = new DbStatus();
    // Watching a database that never closes: only the errors it is told about count here.
    status.watch({ onOutdated: () => () => undefined } as unknown as Parameters<
      DbStatus['watch']
    >[0]);
    const seen = watch(() => status.outdated);
    status.noteError(new AnyamError('entry/not-found'));
    status.noteError(new Error('network'));
    flushSync();
    expect(seen).toEqual([false]);
    status.noteError(new AnyamError('db/outdated'));
    flushSync();
    expect(seen).toEqual([false, true]);
  });

  it('knows the failures that mean only a reload helps', () => {
    expect(isOutdatedError(new Dexie.DatabaseClosedError())).toBe(true);
    expect(isOutdatedError(new Dexie.VersionError())).toBe(true);
    expect(isOutdatedError(new AnyamError('db/outdated'))).toBe(true);
    expect(isOutdatedError(new AnyamError('db/full'))).toBe(false);
    expect(isOutdatedError(new Dexie.ConstraintError())).toBe(false);
    expect(isOutdatedError(null)).toBe(false);
    expect(isOutdatedError('DatabaseClosedError')).toBe(false);
  });
});
