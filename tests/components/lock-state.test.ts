// @vitest-environment jsdom
import { flushSync } from 'svelte';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { hashPin } from '../../src/lib/lock/pin';
import type { LockSettings } from '../../src/lib/domain/lock';
import { device, DEVICE_KEY } from '../../src/lib/state/device.svelte';
import { AppLock, PinRequiredError } from '../../src/lib/state/lock.svelte';

/*
 * The lock's state over time (issue 23): the wait after wrong PINs is counted by the monotonic
 * clock, so moving the date changes nothing and a reload keeps what is left; a fingerprint lock
 * needs a PIN. Fake timers move setInterval, Date and performance.now() separately.
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

/** A page's lock, as a reload would read device state, counting. */
function page(): AppLock {
  const lock = new AppLock();
  stops.push(lock.start());
  flushSync();
  return lock;
}

beforeEach(() => {
  vi.useFakeTimers({ toFake: ['setInterval', 'clearInterval', 'Date', 'performance'] });
  device.update({ lock: null });
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

  it('runs no timer while no lock is set', () => {
    page();
    expect(vi.getTimerCount()).toBe(0);
    lockWith({});
    flushSync();
    expect(vi.getTimerCount()).toBe(1);
    device.update({ lock: null });
    flushSync();
    expect(vi.getTimerCount()).toBe(0);
  });
});

describe('the fingerprint lock needs a PIN', () => {
  it('is refused where no PIN is set, and nothing is registered', async () => {
    const webauthn = await import('../../src/lib/lock/webauthn');
    const lock = page();
    await expect(lock.setDeviceUnlock('Keluarga')).rejects.toBeInstanceOf(PinRequiredError);
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
