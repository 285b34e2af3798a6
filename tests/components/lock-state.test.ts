// @vitest-environment jsdom
import { flushSync } from 'svelte';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { hashPin } from '../../src/lib/lock/pin';
import * as webauthn from '../../src/lib/lock/webauthn';
import type { LockSettings } from '../../src/lib/domain/lock';
import { device, DEVICE_KEY } from '../../src/lib/state/device.svelte';
import { AnyamError } from '../../src/lib/domain/model';
import { errorText } from '../../src/lib/i18n/error-text';
import { AppLock, LOCK_ERRORS } from '../../src/lib/state/lock.svelte';
// Registers the lock's error texts, as the lock's forms do.
import '../../src/components/lock/lock-texts';

/*
 * The lock's state over time (issue 23): the wait after wrong PINs is counted by the monotonic
 * clock, so moving the date changes nothing and a reload keeps what is left; a fingerprint lock
 * needs a PIN. Fake timers move the timers, Date and performance.now() separately. Issue 24: the
 * lock ticks only while a wait runs, its state changes only through its methods, and its
 * refusals are codes with words.
 */
vi.mock('../../src/lib/lock/webauthn', () => ({
  platformUnlockAvailable: vi.fn(() => Promise.resolve(true)),
  registerPlatformCredential: vi.fn(() => Promise.resolve('new-credential')),
  verifyPlatformCredential: vi.fn(() => Promise.resolve(true)),
}));
// Cheap hashes: the iteration count is not what these tests are about.
vi.mock('../../src/lib/lock/pin', async (original) => {
  const real = await original<typeof import('../../src/lib/lock/pin')>();
  return { ...real, hashPin: (pin: string) => real.hashPin(pin, 1_000) };
});

const DAY = 86_400_000;
const stops: (() => void)[] = [];

function lockWith(patch: Partial<LockSettings>): void {
  device.update({
    lock: { credentialId: null, pin: null, idleMinutes: 5, failures: 0, waitLeftMs: 0, ...patch },
  });
}

/**
 * The timers running now, besides jsdom's own: it dispatches a storage event after each write
 * to localStorage through a 0 ms timeout, which this lets run first (one that a timer's callback
 * set needs the clock to move: a millisecond).
 */
function timers(): number {
  vi.advanceTimersByTime(1);
  return vi.getTimerCount();
}

/** A page's lock, as a reload would read device state, counting. */
function page(): AppLock {
  const lock = new AppLock();
  stops.push(lock.start());
  flushSync();
  return lock;
}

beforeEach(() => {
  vi.useFakeTimers({
    toFake: ['setInterval', 'clearInterval', 'setTimeout', 'clearTimeout', 'Date', 'performance'],
  });
  device.update({ lock: null });
  vi.mocked(webauthn.registerPlatformCredential).mockClear();
});

afterEach(() => {
  for (const stop of stops.splice(0)) stop();
  vi.useRealTimers();
});

describe('the wait after wrong PINs', () => {
  it('starts at the fifth wrong PIN and counts down one second a second', async () => {
    lockWith({ pin: await hashPin('246810', 1_000) });
    const lock = page();
    for (let i = 0; i < 4; i++) expect(await lock.unlockWithPin('000000')).toBe('wrong');
    expect(lock.waitSeconds).toBe(0);
    expect(await lock.unlockWithPin('000000')).toBe('wrong');
    expect(lock.waitSeconds).toBe(30);
    expect(await lock.unlockWithPin('246810')).toBe('wait');
    vi.advanceTimersByTime(10_000);
    expect(lock.waitSeconds).toBe(20);
  });

  it('does not end when the date jumps a day forward', async () => {
    lockWith({ pin: await hashPin('246810', 1_000), failures: 5, waitLeftMs: 30_000 });
    const lock = page();
    vi.advanceTimersByTime(5_000);
    expect(lock.waitSeconds).toBe(25);
    vi.setSystemTime(Date.now() + DAY);
    vi.advanceTimersByTime(1_000);
    expect(lock.waitSeconds).toBe(24);
    expect(await lock.unlockWithPin('246810')).toBe('wait');
    // Nor when it jumps back: the wait goes on at one second a second.
    vi.setSystemTime(Date.now() + -2 * DAY);
    vi.advanceTimersByTime(4_000);
    expect(lock.waitSeconds).toBe(20);
    vi.advanceTimersByTime(20_000);
    expect(lock.waitSeconds).toBe(0);
    expect(await lock.unlockWithPin('246810')).toBe('ok');
  });

  it('keeps what is left across a reload, whatever the date is then', async () => {
    lockWith({ pin: await hashPin('246810', 1_000), failures: 6, waitLeftMs: 60_000 });
    const before = page();
    vi.advanceTimersByTime(15_000);
    expect(before.waitSeconds).toBe(45);
    const stored = JSON.parse(localStorage.getItem(DEVICE_KEY)!) as { lock: LockSettings };
    expect(stored.lock.waitLeftMs).toBe(45_000);
    stops.splice(0).forEach((stop) => stop());

    vi.setSystemTime(Date.now() + DAY);
    const after = page();
    expect(after.waitSeconds).toBe(45);
    expect(await after.unlockWithPin('246810')).toBe('wait');
    vi.advanceTimersByTime(45_000);
    expect(await after.unlockWithPin('246810')).toBe('ok');
  });

  it('is not counted twice by two open tabs', async () => {
    lockWith({ pin: await hashPin('246810', 1_000), failures: 5, waitLeftMs: 30_000 });
    const one = page();
    page();
    vi.advanceTimersByTime(10_000);
    // Both tabs share one device state here; without the check each would take its second.
    expect(one.waitSeconds).toBeGreaterThanOrEqual(20);
  });

  it('turns a wait an older Anyam stored by the date into a wait left', () => {
    device.update({
      lock: {
        credentialId: null,
        pin: null,
        idleMinutes: 5,
        failures: 5,
        waitUntil: new Date(Date.now() + DAY).toISOString(),
      } as unknown as LockSettings,
    });
    const lock = page();
    expect(lock.waitSeconds).toBe(30);
    expect(device.current.lock).not.toHaveProperty('waitUntil');
    expect(device.current.lock?.waitLeftMs).toBe(30_000);
  });
});

describe('timers', () => {
  it('runs none while no lock is set', () => {
    page();
    expect(timers()).toBe(0);
  });

  it('ticks only while a wait runs: none under a lock with no wait, none once it ends', async () => {
    const tick = vi.spyOn(globalThis, 'setInterval');
    lockWith({ pin: await hashPin('246810', 1_000), failures: 4 });
    const lock = page();
    expect(lock.locked).toBe(true);
    expect(timers()).toBe(0);
    vi.advanceTimersByTime(60_000);
    expect(tick).not.toHaveBeenCalled();

    // The fifth wrong PIN starts a wait of 30 s: one timer counts it down.
    expect(await lock.unlockWithPin('000000')).toBe('wrong');
    flushSync();
    expect(timers()).toBe(1);
    expect(tick).toHaveBeenCalledTimes(1);
    vi.advanceTimersByTime(29_000);
    expect(lock.waitSeconds).toBe(1);
    vi.advanceTimersByTime(1_000);
    flushSync();
    expect(lock.waitSeconds).toBe(0);
    expect(timers()).toBe(0);
    tick.mockRestore();
  });

  it('while the app is open under a lock, only one timeout, due at the idle time', async () => {
    const tick = vi.spyOn(globalThis, 'setInterval');
    lockWith({ pin: await hashPin('246810', 1_000), idleMinutes: 1 });
    const lock = page();
    expect(await lock.unlockWithPin('246810')).toBe('ok');
    flushSync();
    expect(timers()).toBe(1);
    // Input halfway resets the idle time; the timer looks again when it is due.
    vi.advanceTimersByTime(30_000);
    window.dispatchEvent(new Event('pointerdown'));
    vi.advanceTimersByTime(30_000);
    expect(lock.locked).toBe(false);
    expect(timers()).toBe(1);
    vi.advanceTimersByTime(30_000);
    flushSync();
    expect(lock.locked).toBe(true);
    expect(timers()).toBe(0);
    expect(tick).not.toHaveBeenCalled();
    tick.mockRestore();
  });

  it('a lock turned on in Settings starts the idle timeout; turned off, none is left', () => {
    const lock = page();
    lockWith({});
    flushSync();
    expect(lock.locked).toBe(false);
    expect(timers()).toBe(1);
    lock.setIdleMinutes(15);
    flushSync();
    expect(timers()).toBe(1);
    lock.disable();
    flushSync();
    expect(timers()).toBe(0);
  });

  it('stop() ends every timer and listener', async () => {
    lockWith({ pin: await hashPin('246810', 1_000), failures: 5, waitLeftMs: 30_000 });
    const lock = new AppLock();
    const stop = lock.start();
    flushSync();
    expect(timers()).toBe(1);
    stop();
    expect(timers()).toBe(0);
    vi.advanceTimersByTime(10_000);
    expect(lock.waitSeconds).toBe(30);
  });
});

describe('refusals are codes with words', () => {
  async function refusal(promise: Promise<unknown>): Promise<AnyamError> {
    const error: unknown = await promise.then(
      () => null,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(AnyamError);
    return error as AnyamError;
  }

  it('a PIN that breaks the rule is refused with its code, and nothing is stored', async () => {
    const lock = page();
    for (const typed of ['12345', '12345a', '', '1234567890123']) {
      const error = await refusal(lock.setPin(typed));
      expect(error.code).toBe(LOCK_ERRORS.pinInvalid);
      expect(errorText(error)).toBe('At least 6 digits, numbers only.');
    }
    expect(device.current.lock).toBeNull();
  });

  it('a fingerprint lock without a PIN is refused with its code', async () => {
    const error = await refusal(page().setDeviceUnlock('Keluarga'));
    expect(error.code).toBe(LOCK_ERRORS.pinRequired);
    expect(errorText(error)).toMatch(/^Set a PIN first/);
  });

  it('a phone that gives no credential is refused with its code, and nothing changes', async () => {
    vi.mocked(webauthn.registerPlatformCredential).mockRejectedValueOnce(
      new DOMException('cancelled', 'NotAllowedError'),
    );
    const lock = page();
    await lock.setPin('246810');
    const before = device.current.lock;
    const error = await refusal(lock.setDeviceUnlock('Keluarga'));
    expect(error.code).toBe(LOCK_ERRORS.deviceFailed);
    expect(errorText(error)).toContain('did not confirm');
    expect(device.current.lock).toEqual(before);
  });
});

describe('state changes only through the lock', () => {
  it('exposes read-only state', () => {
    const lock = page();
    for (const name of ['locked', 'opened', 'revealed', 'pinNeeded', 'settings', 'enabled']) {
      const property = Object.getOwnPropertyDescriptor(AppLock.prototype, name);
      expect(typeof property?.get, name).toBe('function');
      expect(property && 'set' in property && property.set !== undefined, name).toBe(false);
      expect(Object.keys(lock)).not.toContain(name);
    }
  });

  it('reveals amounts until the next lock, and hides them when "hide amounts" changes', async () => {
    lockWith({ pin: await hashPin('246810', 1_000) });
    const lock = page();
    await lock.unlockWithPin('246810');
    lock.setHideAmounts(true);
    expect(device.current.hideAmounts).toBe(true);
    lock.toggleAmounts();
    expect(lock.revealed).toBe(true);
    lock.lock();
    expect(lock.locked).toBe(true);
    expect(lock.revealed).toBe(false);
    await lock.unlockWithPin('246810');
    lock.toggleAmounts();
    lock.setHideAmounts(false);
    expect(lock.revealed).toBe(false);
    expect(device.current.hideAmounts).toBe(false);
  });
});

describe('the fingerprint lock needs a PIN', () => {
  it('is refused where no PIN is set, and nothing is registered', async () => {
    const lock = page();
    await expect(lock.setDeviceUnlock('Keluarga')).rejects.toMatchObject({
      code: LOCK_ERRORS.pinRequired,
    });
    expect(webauthn.registerPlatformCredential).not.toHaveBeenCalled();
    expect(device.current.lock).toBeNull();

    await lock.setPin('246810');
    await lock.setDeviceUnlock('Keluarga');
    expect(device.current.lock?.credentialId).toBe('new-credential');
    expect(device.current.lock?.pin).not.toBeNull();
  });

  it('from before (fingerprint, no PIN) asks for a PIN after the fingerprint opens it', async () => {
    lockWith({ credentialId: 'old-credential' });
    const lock = page();
    expect(lock.locked).toBe(true);
    expect(await lock.unlockWithDevice()).toBe(true);
    // Confirmed, but not open: a PIN first.
    expect(lock.pinNeeded).toBe(true);
    expect(lock.opened).toBe(false);
    await lock.setPin('246810');
    expect(lock.pinNeeded).toBe(false);
    expect(lock.opened).toBe(true);
    expect(lock.locked).toBe(false);
    expect(device.current.lock?.pin).not.toBeNull();
    expect(device.current.lock?.credentialId).toBe('old-credential');
  });

  it('from before can be turned off instead, once the phone confirmed its owner', async () => {
    lockWith({ credentialId: 'old-credential' });
    const lock = page();
    lock.disable();
    expect(device.current.lock).not.toBeNull();
    await lock.unlockWithDevice();
    lock.disable();
    expect(device.current.lock).toBeNull();
    expect(lock.opened).toBe(true);
  });
});
