import { m } from '../../paraglide/messages.js';
import { PIN_MIN_DIGITS } from '../../lib/domain/lock';
import { registerErrorTexts } from '../../lib/i18n/error-text';
import { formatNumber } from '../../lib/state/format.svelte';
import { LOCK_ERRORS } from '../../lib/state/lock.svelte';

/** What a PIN must be: "At least 6 digits, numbers only." */
export function pinRule(): string {
  return m.hh_lock_pin_rule({ digits: formatNumber(PIN_MIN_DIGITS, 0) });
}

// The lock's refusals, registered where the lock's forms are shown.
registerErrorTexts({
  [LOCK_ERRORS.pinInvalid]: pinRule,
  [LOCK_ERRORS.pinRequired]: () => m.lk_device_needs_pin(),
  [LOCK_ERRORS.deviceFailed]: () => m.hh_lock_device_failed(),
});
