/**
 * The app lock as rune state. Locked from the start when a lock is set (nothing of the household
 * is drawn before it opens), again after the chosen idle time, and when the app comes back after
 * being hidden that long. Wrong PINs count across reloads (device state), so closing the tab does
 * not skip the wait.
 */
import { isValidPin, lockWaitSeconds } from '../domain/lock';
// PIN hashing and WebAuthn load when first used, not with the app shell every page needs.
const pin = () => import('../lock/pin');
const webauthn = () => import('../lock/webauthn');
import { device, type LockSettings } from './device.svelte';

export type PinResult = 'ok' | 'wrong' | 'wait';

const ACTIVITY = ['pointerdown', 'keydown', 'touchstart', 'wheel'] as const;
const DEFAULT_IDLE_MINUTES = 5;

class AppLock {
  locked = $state(device.current.lock !== null);
  /**
   * False until the first unlock of this page: before it, the app is not drawn at all; after
   * it, a lock only covers the app (a half-typed form survives an idle lock).
   */
  opened = $state(device.current.lock === null);
  /** Amounts shown although "hide amounts" is on: until the next lock or a tap on Hide. */
  revealed = $state(false);
  /** Ticks every second while a wait runs, so the countdown re-renders. */
  now = $state(Date.now());
  #lastActivity = Date.now();
  #hiddenAt: number | null = null;
  #timer: ReturnType<typeof setInterval> | null = null;

  get settings(): LockSettings | null {
    return device.current.lock;
  }

  get enabled(): boolean {
    return this.settings !== null;
  }

  /** Seconds still to wait before the next PIN try (0: try now). */
  get waitSeconds(): number {
    const until = this.settings?.waitUntil;
    if (!until) return 0;
    return Math.max(0, Math.ceil((Date.parse(until) - this.now) / 1000));
  }

  /** Starts watching for idleness and for the app being hidden and shown again. */
  start(): void {
    if (typeof window === 'undefined' || this.#timer !== null) return;
    const active = () => (this.#lastActivity = Date.now());
    for (const type of ACTIVITY) window.addEventListener(type, active, { passive: true });
    document.addEventListener('visibilitychange', () => {
      if (document.visibilityState === 'hidden') this.#hiddenAt = Date.now();
      else if (this.#hiddenAt !== null && Date.now() - this.#hiddenAt >= this.#idleMs())
        this.lock();
    });
    this.#timer = setInterval(() => {
      this.now = Date.now();
      if (!this.locked && this.enabled && Date.now() - this.#lastActivity >= this.#idleMs()) {
        this.lock();
      }
    }, 1000);
  }

  #idleMs(): number {
    return (this.settings?.idleMinutes ?? DEFAULT_IDLE_MINUTES) * 60_000;
  }

  lock(): void {
    if (!this.enabled) return;
    this.locked = true;
    this.revealed = false;
  }

  #open(): void {
    this.locked = false;
    this.opened = true;
    this.#lastActivity = Date.now();
  }

  #save(patch: Partial<LockSettings>): void {
    const current = this.settings ?? {
      credentialId: null,
      pin: null,
      idleMinutes: DEFAULT_IDLE_MINUTES,
      failures: 0,
      waitUntil: null,
    };
    device.update({ lock: { ...current, ...patch } });
  }

  async unlockWithPin(typed: string): Promise<PinResult> {
    const stored = this.settings?.pin;
    if (!stored) return 'wrong';
    this.now = Date.now();
    if (this.waitSeconds > 0) return 'wait';
    if (await (await pin()).pinMatches(typed, stored)) {
      this.#save({ failures: 0, waitUntil: null });
      this.#open();
      return 'ok';
    }
    const failures = (this.settings?.failures ?? 0) + 1;
    const wait = lockWaitSeconds(failures);
    this.#save({
      failures,
      waitUntil: wait > 0 ? new Date(Date.now() + wait * 1000).toISOString() : null,
    });
    this.now = Date.now();
    return 'wrong';
  }

  async unlockWithDevice(): Promise<boolean> {
    const id = this.settings?.credentialId;
    if (!id) return false;
    if (!(await (await webauthn()).verifyPlatformCredential(id))) return false;
    this.#save({ failures: 0, waitUntil: null });
    this.#open();
    return true;
  }

  async setPin(typed: string): Promise<void> {
    if (!isValidPin(typed)) throw new Error('invalid pin');
    this.#save({ pin: await (await pin()).hashPin(typed) });
  }

  async setDeviceUnlock(label: string): Promise<void> {
    this.#save({ credentialId: await (await webauthn()).registerPlatformCredential(label) });
  }

  setIdleMinutes(minutes: number): void {
    this.#save({ idleMinutes: minutes });
  }

  /** Removes the lock (asked from the unlocked app only). */
  disable(): void {
    device.update({ lock: null });
    this.locked = false;
    this.opened = true;
  }
}

export const appLock = new AppLock();

/** True while amounts must not be shown. */
export function amountsHidden(): boolean {
  return device.current.hideAmounts && !appLock.revealed;
}
