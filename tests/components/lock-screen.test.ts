// @vitest-environment jsdom
import 'fake-indexeddb/auto';
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/svelte';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import LockScreen from '../../src/components/lock/LockScreen.svelte';
import LockSection from '../../src/components/lock/LockSection.svelte';
import * as webauthn from '../../src/lib/lock/webauthn';
import * as pins from '../../src/lib/lock/pin';
import { hashPin } from '../../src/lib/lock/pin';
import type { LockSettings } from '../../src/lib/domain/lock';
import { device } from '../../src/lib/state/device.svelte';
import { AppLock } from '../../src/lib/state/lock.svelte';

/*
 * Issue 23: the lock screen says one thing at a time (never "wait 30 s" and "Wrong PIN" together),
 * tells a person who forgot the PIN what to do, never offers a PIN that is not there, and
 * Settings refuses a fingerprint lock without a PIN.
 */
vi.mock('../../src/lib/lock/webauthn', () => ({
  platformUnlockAvailable: vi.fn(() => Promise.resolve(true)),
  registerPlatformCredential: vi.fn(() => Promise.resolve('new-credential')),
  verifyPlatformCredential: vi.fn(() => Promise.resolve(false)),
}));
vi.mock('../../src/lib/lock/pin', async (original) => {
  const real = await original<typeof import('../../src/lib/lock/pin')>();
  return { ...real, hashPin: vi.fn((pin: string) => real.hashPin(pin, 1_000)) };
});

function lockWith(patch: Partial<LockSettings>): void {
  device.update({
    lock: { credentialId: null, pin: null, idleMinutes: 5, failures: 0, waitLeftMs: 0, ...patch },
  });
}

/** Every line the lock screen says below its title and its way in (its live messages). */
function liveMessages(): string[] {
  return [...screen.getByTestId('lock-screen').querySelectorAll('[aria-live]')]
    .map((el) => el.textContent?.trim() ?? '')
    .filter(Boolean);
}

async function typeWrongPin(): Promise<void> {
  await fireEvent.input(screen.getByTestId('unlock-pin'), { target: { value: '000000' } });
  await fireEvent.click(screen.getByTestId('unlock-submit'));
}

beforeEach(() => {
  device.update({ lock: null });
  vi.mocked(webauthn.verifyPlatformCredential).mockResolvedValue(false);
  vi.mocked(webauthn.registerPlatformCredential).mockClear();
});
afterEach(cleanup);

describe('the lock screen', () => {
  it('shows one message at a time: the tries left, then only the wait', async () => {
    lockWith({ pin: await hashPin('246810', 1_000), failures: 3 });
    render(LockScreen, { lock: new AppLock() });
    await typeWrongPin();
    await waitFor(() =>
      expect(liveMessages()).toEqual(['Wrong PIN. Tries left before a wait: 1.']),
    );
    await typeWrongPin();
    await waitFor(() =>
      expect(liveMessages()).toEqual(['Too many wrong tries. Try again in 30 s.']),
    );
    expect(screen.getByTestId('lock-screen').textContent).not.toContain('Wrong PIN');
    expect(screen.getByTestId('unlock-pin')).toHaveProperty('disabled', true);
    // The PIN field points at that one message.
    const described = screen.getByTestId('unlock-pin').getAttribute('aria-describedby') ?? '';
    expect(described.split(' ')).toContain(screen.getByTestId('unlock-message').id);
  });

  it('says what to do about a forgotten PIN', async () => {
    lockWith({ pin: await hashPin('246810', 1_000) });
    render(LockScreen, { lock: new AppLock() });
    const forgot = screen.getByTestId('lock-forgot');
    expect(forgot.querySelector('summary')?.textContent).toBe('Forgot the PIN?');
    const text = forgot.textContent ?? '';
    expect(text).toContain('cannot be recovered');
    expect(text).toContain("Clear this site's data");
    expect(text).toContain('Delete data');
    expect(text).toContain('backup file');
    expect(text).toContain('household file sent from another phone');
  });

  it('with a fingerprint and no PIN (set up before issue 23) never offers the PIN', async () => {
    lockWith({ credentialId: 'old-credential' });
    render(LockScreen, { lock: new AppLock() });
    expect(screen.queryByTestId('unlock-pin')).toBeNull();
    await fireEvent.click(screen.getByTestId('unlock-device'));
    await waitFor(() =>
      expect(liveMessages()).toEqual(['The phone did not confirm it is you. Try again.']),
    );
    expect(screen.getByTestId('lock-screen').textContent).not.toMatch(/use the PIN/i);
    expect(screen.getByTestId('lock-forgot').querySelector('summary')?.textContent).toBe(
      'Cannot unlock?',
    );
  });

  it('with a fingerprint and no PIN asks for a PIN once the fingerprint opened it', async () => {
    lockWith({ credentialId: 'old-credential' });
    vi.mocked(webauthn.verifyPlatformCredential).mockResolvedValue(true);
    // A page opened on this lock: locked, and nothing of the app drawn yet.
    const lock = new AppLock();
    render(LockScreen, { lock });
    await fireEvent.click(screen.getByTestId('unlock-device'));
    await screen.findByTestId('lock-pin-needed');
    expect(lock.opened).toBe(false);
    await fireEvent.input(screen.getByTestId('lock-new-pin'), { target: { value: '13579' } });
    await fireEvent.input(screen.getByTestId('lock-new-pin-again'), {
      target: { value: '13579' },
    });
    await fireEvent.click(screen.getByTestId('lock-new-pin-save'));
    await screen.findByText('At least 6 digits, numbers only.', { selector: '[aria-live]' });
    expect(device.current.lock?.pin).toBeNull();
    await fireEvent.input(screen.getByTestId('lock-new-pin'), { target: { value: '135790' } });
    await fireEvent.input(screen.getByTestId('lock-new-pin-again'), {
      target: { value: '135790' },
    });
    await fireEvent.click(screen.getByTestId('lock-new-pin-save'));
    await waitFor(() => expect(lock.opened).toBe(true));
    expect(device.current.lock?.pin).not.toBeNull();
    expect(device.current.lock?.credentialId).toBe('old-credential');
  });
});

describe('Settings → Lock and privacy', () => {
  it('says in one sentence what the lock protects and what it does not', () => {
    render(LockSection);
    const limits = screen.getByTestId('lock-limits').textContent ?? '';
    expect(limits).toContain('sees only the lock screen');
    expect(limits).toContain("copies this browser's files");
    expect(limits).toContain("clears this site's data");
    expect(limits.match(/[.!?](\s|$)/g)).toHaveLength(1);
  });

  it('refuses the fingerprint lock until a PIN is set, then turns it on', async () => {
    render(LockSection);
    const useDevice = await screen.findByTestId('lock-use-device');
    await fireEvent.click(useDevice);
    await screen.findByText(/^Set a PIN first/);
    expect(webauthn.registerPlatformCredential).not.toHaveBeenCalled();
    expect(device.current.lock).toBeNull();
    expect(document.activeElement).toBe(screen.getByTestId('lock-pin'));

    await fireEvent.input(screen.getByTestId('lock-pin'), { target: { value: '246810' } });
    await fireEvent.input(screen.getByTestId('lock-pin-again'), { target: { value: '246810' } });
    await fireEvent.click(screen.getByTestId('lock-save-pin'));
    // The PIN's hashing loads when first used: on a loaded machine that takes its time.
    await screen.findByRole('heading', { name: 'Change the PIN' }, { timeout: 20_000 });
    await waitFor(() => expect(useDevice).toHaveProperty('disabled', false));
    await fireEvent.click(useDevice);
    await waitFor(() => expect(device.current.lock?.credentialId).toBe('new-credential'));
    expect(screen.queryByText(/^Set a PIN first/)).toBeNull();
  });

  it('says what is wrong with a new PIN, and holds the form while it is saved', async () => {
    render(LockSection);
    const pin = screen.getByTestId('lock-pin');
    const again = screen.getByTestId('lock-pin-again');
    const save = screen.getByTestId('lock-save-pin');
    const error = () => screen.getByTestId('lock-section').querySelector('.field-error');
    await fireEvent.input(pin, { target: { value: '2468' } });
    await fireEvent.click(save);
    await waitFor(() => expect(error()?.textContent).toBe('At least 6 digits, numbers only.'));
    expect(pin.getAttribute('aria-invalid')).toBe('true');
    await fireEvent.input(pin, { target: { value: '246810' } });
    await fireEvent.input(again, { target: { value: '246811' } });
    await fireEvent.click(save);
    await waitFor(() => expect(error()?.textContent).toBe('The two PINs are not the same.'));
    expect(device.current.lock).toBeNull();

    // Saving: the form is held (no second save, no fingerprint set-up meanwhile).
    let release: () => void = () => undefined;
    const held = new Promise<void>((resolve) => (release = resolve));
    const real = vi.mocked(pins.hashPin).getMockImplementation()!;
    vi.mocked(pins.hashPin).mockImplementationOnce(async (typed) => {
      await held;
      return real(typed);
    });
    await fireEvent.input(again, { target: { value: '246810' } });
    await fireEvent.click(save);
    await waitFor(() => expect(save).toHaveProperty('disabled', true));
    expect(await screen.findByTestId('lock-use-device')).toHaveProperty('disabled', true);
    expect(error()?.textContent).toBe('');
    release();
    await waitFor(() => expect(save).toHaveProperty('disabled', false), { timeout: 20_000 });
    expect(device.current.lock?.pin).not.toBeNull();
    expect(pin).toHaveProperty('value', '');
    expect(again).toHaveProperty('value', '');
  });

  it('warns about a fingerprint lock without a PIN', () => {
    lockWith({ credentialId: 'old-credential' });
    render(LockSection);
    expect(screen.getByTestId('lock-no-pin').textContent).toContain('has no PIN');
  });
});
