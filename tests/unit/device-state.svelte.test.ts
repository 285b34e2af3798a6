// @vitest-environment jsdom
/**
 * The device store (issue 24): the app's one localStorage key, read-only state changed through
 * methods, and guarded: a storage that is full, blocked or holds garbage costs only the memory.
 * Runs inside `$effect.root`, as a view would read it.
 */
import { flushSync } from 'svelte';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { stopWatching, watch } from '../watch.svelte';
import { Device, DEVICE_KEY } from '../../src/lib/state/device.svelte';

const quotaExceeded = () => {
  throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
};

beforeEach(() => localStorage.clear());
afterEach(() => {
  stopWatching();
  vi.restoreAllMocks();
});

describe('Device', () => {
  it('starts from the defaults, and follows a change in every effect that reads it', () => {
    const device = new Device();
    expect(device.current.memberId).toBeNull();
    expect(device.current.lastStreamId).toBeNull();
    const seen = watch(() => device.current.lastStreamId);
    device.rememberStream('s1');
    flushSync();
    device.rememberStream('s2');
    flushSync();
    expect(seen).toEqual([null, 's1', 's2']);
    expect(JSON.parse(localStorage.getItem(DEVICE_KEY)!)).toMatchObject({ lastStreamId: 's2' });
  });

  it('writes nothing when a remembered value is the same', () => {
    const device = new Device();
    device.rememberHouseholdName('Keluarga Uji');
    const write = vi.spyOn(Storage.prototype, 'setItem');
    device.rememberHouseholdName('Keluarga Uji');
    expect(write).not.toHaveBeenCalled();
    device.rememberHouseholdName('');
    expect(device.current.householdName).toBeNull();
  });

  it('keeps a change for this tab, and throws nothing, when the storage is full', () => {
    const device = new Device();
    const write = vi.spyOn(Storage.prototype, 'setItem').mockImplementation(quotaExceeded);
    expect(() => device.rememberStream('s1')).not.toThrow();
    expect(() => device.update({ hideAmounts: true })).not.toThrow();
    expect(write).toHaveBeenCalled();
    expect(device.current.lastStreamId).toBe('s1');
    expect(device.current.hideAmounts).toBe(true);
  });

  it('starts from the defaults when the storage cannot be read or holds garbage', () => {
    localStorage.setItem(DEVICE_KEY, '{not json');
    expect(new Device().current.dashboardScope).toBe('household');
    localStorage.setItem(DEVICE_KEY, '[1,2]');
    expect(new Device().current.knownHouseholds).toEqual([]);
    vi.spyOn(Storage.prototype, 'getItem').mockImplementation(() => {
      throw new DOMException('Blocked', 'SecurityError');
    });
    expect(new Device().current.lock).toBeNull();
  });

  it("reads an older version's separate keys once, then keeps them in its own", () => {
    localStorage.setItem('anyam.lastStreamId', 'old-stream');
    localStorage.setItem('anyam.householdName', 'Keluarga Lama');
    localStorage.setItem('anyam.csvImport', JSON.stringify({ dateFormat: 'DD/MM/YYYY' }));
    const device = new Device();
    expect(device.current.lastStreamId).toBe('old-stream');
    expect(device.current.householdName).toBe('Keluarga Lama');
    expect(device.current.csvImport).toEqual({ dateFormat: 'DD/MM/YYYY' });
    device.update({ hideAmounts: false });
    expect(localStorage.getItem('anyam.lastStreamId')).toBeNull();
    expect(localStorage.getItem('anyam.householdName')).toBeNull();
    expect(localStorage.getItem('anyam.csvImport')).toBeNull();
    expect(new Device().current.householdName).toBe('Keluarga Lama');
  });

  it('is read-only from outside: its state cannot be changed but through its methods', () => {
    const device = new Device();
    expect(() => {
      (device.current as { memberId: string | null }).memberId = 'someone';
    }).toThrow(TypeError);
    expect(() => {
      (device as unknown as { current: unknown }).current = {};
    }).toThrow(TypeError);
    expect(device.current.memberId).toBeNull();
  });

  it("follows another tab's change", () => {
    const device = new Device();
    const seen = watch(() => device.current.memberId);
    localStorage.setItem(DEVICE_KEY, JSON.stringify({ memberId: 'ani' }));
    window.dispatchEvent(new StorageEvent('storage', { key: DEVICE_KEY }));
    flushSync();
    expect(seen).toEqual([null, 'ani']);
  });
});
