import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  countDown,
  deviceUnlockAllowed,
  freeTriesLeft,
  idleLongEnough,
  isValidPin,
  lockWaitSeconds,
  pinFallbackMissing,
  storedWaitLeft,
  waitAfterWrongTry,
  waitSeconds,
} from '../../src/lib/domain/lock';

const DAY = 86_400_000;

describe('the app lock PIN', () => {
  it('is six to twelve digits and nothing else', () => {
    expect(isValidPin('123456')).toBe(true);
    expect(isValidPin('123456789012')).toBe(true);
    expect(isValidPin('12345')).toBe(false);
    expect(isValidPin('1234567890123')).toBe(false);
    expect(isValidPin('12345a')).toBe(false);
    expect(isValidPin('１２３４５６')).toBe(false);
    expect(isValidPin(' 123456')).toBe(false);
  });

  it('lets four wrong tries pass, then makes each wrong try wait longer, up to an hour', () => {
    expect([0, 1, 4].map(lockWaitSeconds)).toEqual([0, 0, 0]);
    expect([5, 6, 7, 8].map(lockWaitSeconds)).toEqual([30, 60, 120, 240]);
    expect(lockWaitSeconds(12)).toBe(3600);
    expect(lockWaitSeconds(40)).toBe(3600);
    expect(waitAfterWrongTry(5)).toBe(30_000);
  });

  it('says how many wrong tries are left before the waits begin', () => {
    expect([0, 1, 4, 5, 9].map(freeTriesLeft)).toEqual([5, 4, 1, 0, 0]);
  });
});

describe('the wait after wrong PINs, counted by a monotonic clock (issue 23)', () => {
  it('ends only when the monotonic time that passed covers it, whatever the date says', () => {
    // The rule takes no date at all: a device clock moved a day forward changes nothing.
    expect(countDown(30_000, 1_000)).toBe(29_000);
    expect(countDown(30_000, 29_999)).toBe(1);
    expect(countDown(30_000, 30_000)).toBe(0);
    expect(countDown(30_000, 10 * DAY)).toBe(0);
  });

  it('never shortens a wait for a clock that went back or a reading that is not a number', () => {
    expect(countDown(30_000, -DAY)).toBe(30_000);
    expect(countDown(30_000, Number.NaN)).toBe(30_000);
    expect(countDown(30_000, Number.POSITIVE_INFINITY)).toBe(30_000);
    expect(countDown(Number.NaN, 1_000)).toBe(0);
  });

  it('counts the same however the time is cut into ticks, and never below zero (property)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 3_600_000 }),
        fc.array(fc.integer({ min: -5_000, max: 120_000 }), { maxLength: 40 }),
        (left, ticks) => {
          const counted = ticks.reduce((rest, tick) => countDown(rest, tick), left);
          const passed = ticks.reduce((sum, tick) => sum + Math.max(0, tick), 0);
          expect(counted).toBe(Math.max(0, left - passed));
          expect(counted).toBeGreaterThanOrEqual(0);
          expect(counted).toBeLessThanOrEqual(left);
        },
      ),
      { numRuns: 300 },
    );
  });

  it('shows whole seconds, rounding up', () => {
    expect([0, -5, 1, 999, 1_000, 1_001, 29_500].map(waitSeconds)).toEqual([0, 0, 1, 1, 1, 2, 30]);
    expect(waitSeconds(Number.NaN)).toBe(0);
  });

  it('reads a stored wait back as it was: a reload keeps the wait left', () => {
    expect(storedWaitLeft(20_000, 5)).toBe(20_000);
    expect(storedWaitLeft(0, 5)).toBe(0);
    expect(storedWaitLeft(undefined, 0)).toBe(0);
  });

  it('never reads back more than the wrong tries can have started, nor a garbled wait as none', () => {
    expect(storedWaitLeft(10 * DAY, 5)).toBe(30_000);
    expect(storedWaitLeft(-1, 5)).toBe(0);
    expect(storedWaitLeft(Number.NaN, 6)).toBe(60_000);
    expect(storedWaitLeft('soon', 6)).toBe(60_000);
  });

  it('turns a wait an older Anyam stored as a moment into a wait left, at most the whole wait', () => {
    const now = Date.parse('2026-12-04T10:00:00Z');
    expect(storedWaitLeft(undefined, 5, '2026-12-04T10:00:20Z', now)).toBe(20_000);
    expect(storedWaitLeft(undefined, 5, '2026-12-04T09:00:00Z', now)).toBe(0);
    // A moment far ahead (the clock had been moved back) waits no longer than the tries earned.
    expect(storedWaitLeft(undefined, 5, '2027-12-04T10:00:00Z', now)).toBe(30_000);
    expect(storedWaitLeft(undefined, 7, 'garbled', now)).toBe(120_000);
  });

  it('nothing stored means no wait; something stored that cannot be read means the whole wait', () => {
    expect(storedWaitLeft(undefined, 5)).toBe(0);
    expect(storedWaitLeft(null, 5)).toBe(0);
    expect(storedWaitLeft({}, 5)).toBe(30_000);
    expect(storedWaitLeft('20000', 5)).toBe(30_000);
    expect(storedWaitLeft(true, 5)).toBe(30_000);
  });

  it('locks an idle app when either clock says the time has passed', () => {
    expect(idleLongEnough(60_000, 59_000, 59_000)).toBe(false);
    expect(idleLongEnough(60_000, 60_000, 10)).toBe(true);
    // The date moved back an hour: the monotonic clock still counts the minute.
    expect(idleLongEnough(60_000, -3_600_000, 60_000)).toBe(true);
  });
});

describe('the fingerprint lock and its PIN (issue 23)', () => {
  it('is turned on only where a PIN is set', () => {
    expect(deviceUnlockAllowed({ pin: false, device: false })).toBe(false);
    expect(deviceUnlockAllowed({ pin: true, device: false })).toBe(true);
    expect(deviceUnlockAllowed({ pin: true, device: true })).toBe(true);
  });

  it('knows a fingerprint lock from before, without a PIN, for what it is', () => {
    expect(pinFallbackMissing({ pin: false, device: true })).toBe(true);
    expect(pinFallbackMissing({ pin: true, device: true })).toBe(false);
    expect(pinFallbackMissing({ pin: true, device: false })).toBe(false);
    expect(pinFallbackMissing({ pin: false, device: false })).toBe(false);
  });
});
