import { device } from './device.svelte';

/**
 * What every page needs of the app lock: whether it covers the app, whether the app has been
 * opened since the page loaded, and whether hidden amounts are shown for now. Decided at start
 * from the device's settings (a lock set: covered, and nothing drawn before the first unlock).
 * The rest of the lock (the PIN, the fingerprint, the idle timer, the wait after wrong tries:
 * lock.svelte.ts, which changes this state) loads only where a lock is set or being set.
 */
export class LockGate {
  #locked = $state(device.current.lock !== null);
  #opened = $state(device.current.lock === null);
  #revealed = $state(false);

  /** The lock covers the app. */
  get locked(): boolean {
    return this.#locked;
  }

  /**
   * False until the first unlock of this page: before it, the app is not drawn at all; after
   * it, a lock only covers the app (a half-typed form survives an idle lock).
   */
  get opened(): boolean {
    return this.#opened;
  }

  /** Amounts shown although "hide amounts" is on: until the next lock or a tap on Hide. */
  get revealed(): boolean {
    return this.#revealed;
  }

  /** Covers the app; amounts shown for now are hidden again. */
  cover(): void {
    this.#locked = true;
    this.#revealed = false;
  }

  /** Uncovers the app (unlocked, or the lock removed). */
  uncover(): void {
    this.#locked = false;
    this.#opened = true;
  }

  /** Shows the amounts although "hide amounts" is on, or hides them again. */
  toggleAmounts(): void {
    this.#revealed = !this.#revealed;
  }

  hideAmountsAgain(): void {
    this.#revealed = false;
  }
}

/** The page's lock state (lock.svelte.ts's `appLock` changes it). */
export const lockGate = new LockGate();

/** True while amounts must not be shown. */
export function amountsHidden(): boolean {
  return device.current.hideAmounts && !lockGate.revealed;
}
