/**
 * The app lock as rune state. Locked from the start when a lock is set (nothing of the household
 * is drawn before it opens), again after the chosen idle time, and when the app comes back after
 * being hidden that long. Wrong PINs count across reloads (device state), so closing the tab does
 * not skip the wait.
 *
 * The wait after wrong PINs is stored as the time LEFT and counted down here by a monotonic
 * clock (performance.now()) once a second while it runs and the app is open, never by the date:
 * moving the device clock forward does not shorten it, and a reload starts from what was stored
 * (at most the last second is counted again). No timer runs without a wait, except the one that
 * locks an open app after the idle time (one timeout, due then, not a tick). What remains possible, said as it is: the wait counts only
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
import { AnyamError } from '../domain/model';
import { device } from './device.svelte';
import { LockGate, lockGate } from './lock-gate.svelte';

export type PinResult = 'ok' | 'wrong' | 'wait';

/**
 * The lock's refusals, as codes (translated by i18n/lock-errors.ts): a PIN that breaks the rule,
 * a fingerprint lock where no PIN is set, the phone not giving a credential.
 */
export const LOCK_ERRORS = {
  pinInvalid: 'lock/pin-invalid',
  pinRequired: 'lock/pin-required',
  deviceFailed: 'lock/device-failed',
} as const;

const ACTIVITY = ['pointerdown', 'keydown', 'touchstart', 'wheel'] as const;
const DEFAULT_IDLE_MINUTES = 5;
/** The wait is counted down once a second while it runs. */
const TICK_MS = 1000;

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

/**
 * One per page (`appLock`); tests make others to see what a reload would read. Its state is
 * read through getters and changed only by its methods.
 */
export class AppLock {
  /** Whether the app is covered, opened, its amounts revealed: what the shell reads. */
  readonly #gate: LockGate;
  #pinNeeded = $state(false);
  #enabled = $derived(device.current.lock !== null);
  /** A wait after wrong PINs is running: the only time the lock ticks. */
  #waiting = $derived((device.current.lock?.waitLeftMs ?? 0) > 0);
  #idleMinutes = $derived(device.current.lock?.idleMinutes ?? DEFAULT_IDLE_MINUTES);
  #lastActivity = moment();
  /** When the wait was last counted down, by the monotonic clock. */
  #lastCount = monotonic();
  /** The wait left this page last stored: another value was stored by another tab. */
  #written: number | undefined;
  #started = false;

  /** `gate`: the page's (lockGate) for the page's lock; tests give each lock its own. */
  constructor(gate: LockGate = new LockGate()) {
    this.#gate = gate;
    migrateStoredWait();
    this.#written = device.current.lock?.waitLeftMs;
  }

  get settings(): Readonly<LockSettings> | null {
    return device.current.lock;
  }

  get enabled(): boolean {
    return this.#enabled;
  }

  /** The lock covers the app (lock-gate.svelte.ts). */
  get locked(): boolean {
    return this.#gate.locked;
  }

  /** False until the first unlock of this page (lock-gate.svelte.ts). */
  get opened(): boolean {
    return this.#gate.opened;
  }

  /** Amounts shown although "hide amounts" is on: until the next lock or a tap on Hide. */
  get revealed(): boolean {
    return this.#gate.revealed;
  }

  /**
   * The phone confirmed its owner on a fingerprint lock that has no PIN (set up before the PIN
   * was required): the lock screen asks for a PIN, or to turn the lock off, before the app opens.
   */
  get pinNeeded(): boolean {
    return this.#pinNeeded;
  }

  /** Seconds still to wait before the next PIN try (0: try now). */
  get waitSeconds(): number {
    return waitSeconds(this.settings?.waitLeftMs ?? 0);
  }

  /**
   * Starts watching for idleness and for the app being hidden and shown again. Two timers at
   * most, each only while it has work: the wait's countdown, once a second while a wait runs;
   * and, while the app is open under a lock, one timeout due when it would have been idle long
   * enough. Returns what stops them (for tests; the page's lock runs as long as the page).
   */
  start(): () => void {
    if (typeof window === 'undefined' || this.#started) return () => undefined;
    this.#started = true;
    const active = () => (this.#lastActivity = moment());
    const shown = () => {
      if (document.visibilityState === 'visible' && this.#idleSince(this.#lastActivity)) {
        this.lock();
      }
    };
    for (const type of ACTIVITY) window.addEventListener(type, active, { passive: true });
    document.addEventListener('visibilitychange', shown);
    const stopEffects = $effect.root(() => {
      $effect(() => {
        if (!this.#waiting) return;
        this.#lastCount = monotonic();
        const timer = setInterval(() => this.#countWait(), TICK_MS);
        return () => clearInterval(timer);
      });
      $effect(() => {
        if (!this.#enabled || this.#gate.locked) return;
        const idleMs = this.#idleMinutes * 60_000;
        let timer: ReturnType<typeof setTimeout>;
        const check = () => {
          const left = this.#idleLeft(idleMs);
          if (left > 0) timer = setTimeout(check, left);
          else this.lock();
        };
        timer = setTimeout(check, this.#idleLeft(idleMs));
        return () => clearTimeout(timer);
      });
    });
    return () => {
      stopEffects();
      for (const type of ACTIVITY) window.removeEventListener(type, active);
      document.removeEventListener('visibilitychange', shown);
      this.#started = false;
    };
  }

  #idleSince(since: Moment): boolean {
    const now = moment();
    const idleMs = this.#idleMinutes * 60_000;
    return idleLongEnough(idleMs, now.wall - since.wall, now.mono - since.mono);
  }

  /** Milliseconds until the app has been idle `idleMs` by either clock (0 or less: it has). */
  #idleLeft(idleMs: number): number {
    const now = moment();
    const since = this.#lastActivity;
    if (idleLongEnough(idleMs, now.wall - since.wall, now.mono - since.mono)) return 0;
    return idleMs - Math.max(now.wall - since.wall, now.mono - since.mono);
  }

  #countWait(): void {
    const now = monotonic();
    const elapsed = now - this.#lastCount;
    this.#lastCount = now;
    const stored = this.settings?.waitLeftMs ?? 0;
    if (stored <= 0) return;
    if (stored !== this.#written) {
      // Another tab (or a reload's first look) stored it: count from here, so that two open
      // tabs never count the same second twice.
      this.#written = stored;
    } else {
      this.#storeWait(countDown(stored, elapsed));
    }
  }

  #storeWait(left: number): void {
    this.#written = left;
    this.#save({ waitLeftMs: left });
  }

  lock(): void {
    if (!this.enabled) return;
    this.#gate.cover();
  }

  /** Shows the amounts although "hide amounts" is on, or hides them again. */
  toggleAmounts(): void {
    this.#gate.toggleAmounts();
  }

  /** "Hide amounts" turned on or off: nothing stays revealed from before. */
  setHideAmounts(on: boolean): void {
    device.update({ hideAmounts: on });
    this.#gate.hideAmountsAgain();
  }

  #open(): void {
    this.#gate.uncover();
    this.#pinNeeded = false;
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

  /** True once the phone confirmed its owner; false when it did not (or could not ask). */
  async unlockWithDevice(): Promise<boolean> {
    const id = this.settings?.credentialId;
    if (!id) return false;
    try {
      if (!(await (await webauthn()).verifyPlatformCredential(id))) return false;
    } catch {
      // Cancelled, timed out, no authenticator: the phone did not confirm.
      return false;
    }
    this.#save({ failures: 0 });
    this.#storeWait(0);
    // A fingerprint lock from before the PIN was required: a PIN first (LockScreen asks).
    if (!this.settings?.pin) this.#pinNeeded = true;
    else this.#open();
    return true;
  }

  /** Sets (or changes) the PIN; one that breaks the rule is refused and nothing changes. */
  async setPin(typed: string): Promise<void> {
    if (!isValidPin(typed)) throw new AnyamError(LOCK_ERRORS.pinInvalid);
    this.#save({ pin: await (await pin()).hashPin(typed) });
    if (this.#pinNeeded) this.#open();
  }

  /** Turns on the fingerprint (or screen lock) unlock; refused where no PIN is set. */
  async setDeviceUnlock(label: string): Promise<void> {
    const settings = this.settings;
    if (
      !deviceUnlockAllowed({ pin: Boolean(settings?.pin), device: Boolean(settings?.credentialId) })
    )
      throw new AnyamError(LOCK_ERRORS.pinRequired);
    let credentialId: string;
    try {
      credentialId = await (await webauthn()).registerPlatformCredential(label);
    } catch (error) {
      // Cancelled, refused or not available: said as one thing, with what the phone said kept.
      throw new AnyamError(LOCK_ERRORS.deviceFailed, { cause: String(error) });
    }
    this.#save({ credentialId });
  }

  setIdleMinutes(minutes: number): void {
    this.#save({ idleMinutes: minutes });
  }

  /**
   * Removes the lock, PIN and fingerprint together (a fingerprint lock is never left without its
   * PIN). Asked from the unlocked app, or right after the phone confirmed its owner.
   */
  disable(): void {
    if (this.#gate.locked && !this.#pinNeeded) return;
    device.update({ lock: null });
    this.#gate.uncover();
    this.#pinNeeded = false;
  }
}

/** The page's lock: it covers and uncovers the page's lockGate. */
export const appLock = new AppLock(lockGate);
