/**
 * The app lock's rules, pure: what a PIN must be, how long a wrong guess makes the next one
 * wait and how that wait is counted, and which ways of opening the lock may go together. The
 * lock keeps people who pick up the phone out of the household's figures; it is not encryption
 * (docs/design-notes.md).
 */

import type { Timestamp } from './model';

/** What this phone stores of its lock (in the device store, src/lib/state/device.svelte.ts). */
export interface PinLock {
  /** PBKDF2-SHA256 of the PIN (base64), never the PIN. */
  hash: string;
  salt: string;
  iterations: number;
}

export interface LockSettings {
  /** WebAuthn credential id (base64url) of this phone's platform authenticator. */
  credentialId: string | null;
  pin: PinLock | null;
  /** Minutes without input before the lock covers the app again. */
  idleMinutes: number;
  /** Wrong PIN tries in a row. */
  failures: number;
  /**
   * Milliseconds still to wait before the next PIN try: counted down by a monotonic clock while
   * the app is open, never by the date (the wait below says what remains possible).
   */
  waitLeftMs: number;
  /** Until when the next try had to wait, by the device clock (before issue 23): read once. */
  waitUntil?: Timestamp | null;
}

/** Six digits: a million guesses, which the growing wait makes a matter of years by hand. */
export const PIN_MIN_DIGITS = 6;
export const PIN_MAX_DIGITS = 12;
/** Wrong tries allowed before the waits begin. */
export const FREE_TRIES = 5;
const FIRST_WAIT_S = 30;
const MAX_WAIT_S = 60 * 60;

export const IDLE_CHOICES = [1, 5, 15, 60] as const;

export function isValidPin(pin: string): boolean {
  return new RegExp(`^\\d{${PIN_MIN_DIGITS},${PIN_MAX_DIGITS}}$`).test(pin);
}

/**
 * Seconds to wait after `failures` wrong tries in a row: none for the first four, then 30 s
 * after the fifth, doubling with every further wrong try, at most an hour.
 */
export function lockWaitSeconds(failures: number): number {
  if (failures < FREE_TRIES) return 0;
  return Math.min(FIRST_WAIT_S * 2 ** (failures - FREE_TRIES), MAX_WAIT_S);
}

/** Wrong tries still free before the next one starts a wait (0 once the waits have begun). */
export function freeTriesLeft(failures: number): number {
  return Math.max(0, FREE_TRIES - failures);
}

/*
 * The wait is counted without trusting the device's clock (issue 23: moving the clock forward
 * used to end it). What is stored is the wait LEFT, in milliseconds; while the app is open it
 * is counted down by the time a monotonic clock (performance.now()) says has passed, and what
 * is left is stored again. Moving the date forward, or back, changes nothing; a reload starts
 * again from what was stored. What remains possible: the wait counts only while Anyam is open
 * (and the phone awake), so a person who closes it waits when they come back; and someone with
 * the browser's files or its developer tools can clear the stored wait, or the whole lock.
 */

/** The wait, in ms, that the `failures`-th wrong try in a row starts. */
export function waitAfterWrongTry(failures: number): number {
  return lockWaitSeconds(failures) * 1000;
}

/**
 * What is left of a wait of `leftMs` after `elapsedMs` more of a monotonic clock. An elapsed
 * time that is negative or not a number (a clock that went back, a broken reading) counts as
 * none: the wait never ends sooner than the time that truly passed.
 */
export function countDown(leftMs: number, elapsedMs: number): number {
  const left = Number.isFinite(leftMs) ? Math.max(0, leftMs) : 0;
  const elapsed = Number.isFinite(elapsedMs) && elapsedMs > 0 ? elapsedMs : 0;
  return Math.max(0, left - elapsed);
}

/** Whole seconds to show for a wait of `leftMs` (a wait of 0.2 s still reads "1 s"). */
export function waitSeconds(leftMs: number): number {
  return Number.isFinite(leftMs) && leftMs > 0 ? Math.ceil(leftMs / 1000) : 0;
}

/**
 * The wait to count from, given what device state holds: `stored` (the wait left, in ms) when
 * it is a number, never more than the wrong tries so far can have started; otherwise a wait
 * stored by an older Anyam as a moment on the device clock (`legacyUntil`, read once against
 * `nowMs` and turned into a wait left), or, when nothing readable is there, the whole wait of
 * `failures`. A value that cannot be read never opens the lock sooner.
 */
export function storedWaitLeft(
  stored: unknown,
  failures: number,
  legacyUntil: string | null = null,
  nowMs = 0,
): number {
  const most = waitAfterWrongTry(failures);
  if (typeof stored === 'number') return Number.isFinite(stored) ? clamp(stored, 0, most) : most;
  if (legacyUntil === null) return stored === undefined || stored === null ? 0 : most;
  const until = Date.parse(legacyUntil);
  return Number.isFinite(until) ? clamp(until - nowMs, 0, most) : most;
}

function clamp(value: number, low: number, high: number): number {
  return Math.min(high, Math.max(low, value));
}

/**
 * Whether the app has been left long enough to lock again: by the device clock OR by the
 * monotonic one, so a clock moved back does not keep the app open, and a phone whose monotonic
 * clock stood still while it slept still locks when the date says the time has passed.
 */
export function idleLongEnough(idleMs: number, wallElapsedMs: number, monoElapsedMs: number) {
  return wallElapsedMs >= idleMs || monoElapsedMs >= idleMs;
}

/** How the lock opens on this phone. */
export interface LockWays {
  pin: boolean;
  /** The phone's fingerprint, face or screen lock (WebAuthn). */
  device: boolean;
}

/**
 * The fingerprint lock goes only with a PIN: a passkey can be lost (a new fingerprint, a reset
 * screen lock, another authenticator) and the PIN is then the only way in. So it is turned on
 * only where a PIN is set (first, or in the same step), and the PIN is never taken away on its
 * own: turning the lock off removes both.
 */
export function deviceUnlockAllowed(ways: LockWays): boolean {
  return ways.pin;
}

/**
 * A fingerprint lock with no PIN, as Anyam allowed before issue 23: the phone asks for a PIN
 * after its next fingerprint unlock, before the app opens (or the lock is turned off instead).
 */
export function pinFallbackMissing(ways: LockWays): boolean {
  return ways.device && !ways.pin;
}
