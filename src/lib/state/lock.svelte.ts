/**
 * The app lock as rune state. Locked from the start when a lock is set (nothing of the household
 * is drawn before it opens), again after the chosen idle time, and when the app comes back after
 * being hidden that long. Wrong PINs count across reloads (device state), so closing the tab does
 * not skip the wait.
 *
 * The wait after wrong PINs is stored as the time LEFT and counted down here by a monotonic
 * clock (performance.now()) once a second while the app is open, never by the date: moving the
 * device clock forward does not shorten it, and a reload starts from what was stored (at most
 * the last second is counted again). What remains possible, said as it is: the wait counts only
 * while Anyam is open and the phone awake; and someone with the browser's files or developer
 * tools can clear it, or the whole lock (docs/design-notes.md, "The app lock").
 */
import {
  countDown,
  deviceUnlockAllowed,
  idleLongEnough,
  isValidPin,
  storedWaitLeft,
  waitAfterWrongTry,
  waitSeconds,
  type LockSettings,
} from '../domain/lock';
// PIN hashing and WebAuthn load when first used, not with the app shell every page needs.
const pin = () => import('../lock/pin');
const webauthn = () => import('../lock/webauthn');
import { device } from './device.svelte';

export type PinResult = 'ok' | 'wrong' | 'wait';

/** Turning on the fingerprint lock where no PIN is set: refused, nothing changes. */
export class PinRequiredError extends Error {
  readonly code = 'lock/pin-required';
  constructor() {
    super('A fingerprint lock needs a PIN first');
  }
}

const ACTIVITY = ['pointerdown', 'keydown', 'touchstart', 'wheel'] as const;
const DEFAULT_IDLE_MINUTES = 5;

/** The monotonic clock: it never jumps with the device's date. */
const monotonic = (): number => performance.now();

/** A moment by both clocks, so that idleness can be judged by either. */
interface Moment {
  wall: number;
  mono: number;
}
const moment = (): Moment => ({ wall: Date.now(), mono: monotonic() });

/**
 * A lock stored by an older Anyam kept its wait as a moment on the device clock (`waitUntil`):
 * read it once, as the wait left, and store that instead.
 */
function migrateStoredWait(): void {
  const settings = device.current.lock;
  if (!settings) return;
  if (typeof settings.waitLeftMs === 'number' && !('waitUntil' in settings)) return;
  const { waitUntil, ...rest } = settings;
  const left = storedWaitLeft(
    settings.waitLeftMs,
    settings.failures,
    waitUntil ?? null,
    Date.now(),
  );
  device.update({ lock: { ...rest, waitLeftMs: left } });
}

/** One per page (`appLock`); tests make others to see what a reload would read. */
export class AppLock {
  locked = $state(device.current.lock !== null);
  /**
   * False until the first unlock of this page: before it, the app is not drawn at all; after
   * it, a lock only covers the app (a half-typed form survives an idle lock).
   */
  opened = $state(device.current.lock === null);
  /** Amounts shown although "hide amounts" is on: until the next lock or a tap on Hide. */
  revealed = $state(false);
  /**
   * The phone confirmed its owner on a fingerprint lock that has no PIN (set up before the PIN
   * was required): the lock screen asks for a PIN, or to turn the lock off, before the app opens.
   */
  pinNeeded = $state(false);
  #enabled = $derived(device.current.lock !== null);
  #lastActivity = moment();
  #hiddenAt: Moment | null = null;
  /** When the wait was last counted down, by the monotonic clock. */
  #lastCount = monotonic();
  /** The wait left this page last stored: another value was stored by another tab. */
  #written: number | undefined;
  #started = false;

  constructor() {
    migrateStoredWait();
    this.#written = device.current.lock?.waitLeftMs;
  }

  get settings(): LockSettings | null {
    return device.current.lock;
  }

  get enabled(): boolean {
    return this.#enabled;
  }

  /** Seconds still to wait before the next PIN try (0: try now). */
  get waitSeconds(): number {
    return waitSeconds(this.settings?.waitLeftMs ?? 0);
  }

  /**
   * Starts watching for idleness and for the app being hidden and shown again, and counting
   * down a wait: once a second, and only while a lock is set (no timer runs without one).
   * Returns what stops the timer (for tests; the page's lock runs as long as the page).
   */
  start(): () => void {
    if (typeof window === 'undefined' || this.#started) return () => undefined;
    this.#started = true;
    const active = () => (this.#lastActivity = moment());
    for (const type of ACTIVITY) window.addEventListener(type, active, { passive: true });
    document.addEventListener('visibilitychange', () => {
      if (document.visibilityState === 'hidden') this.#hiddenAt = moment();
      else if (this.#hiddenAt !== null && this.#idleSince(this.#hiddenAt)) this.lock();
    });
    return $effect.root(() => {
      $effect(() => {
        if (!this.#enabled) return;
        this.#lastCount = monotonic();
        const timer = setInterval(() => this.#tick(), 1000);
        return () => clearInterval(timer);
      });
    });
  }

  #idleSince(since: Moment): boolean {
    const now = moment();
    return idleLongEnough(this.#idleMs(), now.wall - since.wall, now.mono - since.mono);
  }

  #tick(): void {
    const now = monotonic();
    const elapsed = now - this.#lastCount;
    this.#lastCount = now;
    const settings = this.settings;
    if (!settings) return;
    const stored = settings.waitLeftMs;
    if (stored > 0) {
      if (stored !== this.#written) {
        // Another tab (or a reload's first look) stored it: count from here, so that two open
        // tabs never count the same second twice.
        this.#written = stored;
      } else {
        this.#storeWait(countDown(stored, elapsed));
      }
    }
    if (!this.locked && this.#idleSince(this.#lastActivity)) this.lock();
  }

  #storeWait(left: number): void {
    this.#written = left;
    this.#save({ waitLeftMs: left });
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
    this.pinNeeded = false;
    this.#lastActivity = moment();
  }

  #save(patch: Partial<LockSettings>): void {
    const current: LockSettings = this.settings ?? {
      credentialId: null,
      pin: null,
      idleMinutes: DEFAULT_IDLE_MINUTES,
      failures: 0,
      waitLeftMs: 0,
    };
    device.update({ lock: { ...current, ...patch } });
  }

  async unlockWithPin(typed: string): Promise<PinResult> {
    const stored = this.settings?.pin;
    if (!stored) return 'wrong';
    if (this.waitSeconds > 0) return 'wait';
    if (await (await pin()).pinMatches(typed, stored)) {
      this.#save({ failures: 0 });
      this.#storeWait(0);
      this.#open();
      return 'ok';
    }
    const failures = (this.settings?.failures ?? 0) + 1;
    this.#save({ failures });
    this.#lastCount = monotonic();
    this.#storeWait(waitAfterWrongTry(failures));
    return 'wrong';
  }

  async unlockWithDevice(): Promise<boolean> {
    const id = this.settings?.credentialId;
    if (!id) return false;
    if (!(await (await webauthn()).verifyPlatformCredential(id))) return false;
    this.#save({ failures: 0 });
    this.#storeWait(0);
    // A fingerprint lock from before the PIN was required: a PIN first (LockScreen asks).
    if (!this.settings?.pin) this.pinNeeded = true;
    else this.#open();
    return true;
  }

  async setPin(typed: string): Promise<void> {
    if (!isValidPin(typed)) throw new Error('invalid pin');
    this.#save({ pin: await (await pin()).hashPin(typed) });
    if (this.pinNeeded) this.#open();
  }

  /** Turns on the fingerprint (or screen lock) unlock; refused where no PIN is set. */
  async setDeviceUnlock(label: string): Promise<void> {
    const settings = this.settings;
    if (
      !deviceUnlockAllowed({ pin: Boolean(settings?.pin), device: Boolean(settings?.credentialId) })
    )
      throw new PinRequiredError();
    this.#save({ credentialId: await (await webauthn()).registerPlatformCredential(label) });
  }

  setIdleMinutes(minutes: number): void {
    this.#save({ idleMinutes: minutes });
  }

  /**
   * Removes the lock, PIN and fingerprint together (a fingerprint lock is never left without its
   * PIN). Asked from the unlocked app, or right after the phone confirmed its owner.
   */
  disable(): void {
    if (this.locked && !this.pinNeeded) return;
    device.update({ lock: null });
    this.locked = false;
    this.opened = true;
    this.pinNeeded = false;
  }
}

export const appLock = new AppLock();

/** True while amounts must not be shown. */
export function amountsHidden(): boolean {
  return device.current.hideAmounts && !appLock.revealed;
}
