import { m } from '../../paraglide/messages.js';
import { isValidPin } from '../../lib/domain/lock';
import { errorText } from '../../lib/i18n/error-text';
import type { AppLock } from '../../lib/state/lock.svelte';
// The lock's refusals get their words where this form is shown.
import './lock-texts';

/**
 * A new PIN typed twice, as Settings and the lock screen (a fingerprint lock without a PIN) ask
 * for it: what is typed, the one error under both fields, and whether it is being saved. The
 * fields bind to `pin` and `again` (NewPinFields).
 */
export class NewPin {
  pin = $state('');
  again = $state('');
  #error = $state<string | null>(null);
  #busy = $state(false);
  readonly #lock: () => AppLock;

  constructor(lock: () => AppLock) {
    this.#lock = lock;
  }

  /** The rule the lock refused the PIN by, or the two not matching; null when none. */
  get error(): string | null {
    return this.#error;
  }

  get busy(): boolean {
    return this.#busy;
  }

  /** Sets the PIN; true once it is set (the fields are emptied), false with the error shown. */
  async save(): Promise<boolean> {
    if (this.#busy) return false;
    this.#error = null;
    // The rule first (the lock refuses a PIN that breaks it), then whether the two match.
    if (isValidPin(this.pin) && this.pin !== this.again) {
      this.#error = m.hh_lock_pin_mismatch();
      return false;
    }
    this.#busy = true;
    try {
      await this.#lock().setPin(this.pin);
      this.pin = '';
      this.again = '';
      return true;
    } catch (error) {
      this.#error = errorText(error);
      return false;
    } finally {
      this.#busy = false;
    }
  }
}
