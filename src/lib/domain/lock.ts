/**
 * The app lock's rules, pure: what a PIN must be and how long a wrong guess makes the next one
 * wait. The lock keeps people who pick up the phone out of the household's figures; it is not
 * encryption (docs/design-notes.md).
 */

/** Six digits: a million guesses, which the growing wait makes a matter of years by hand. */
export const PIN_MIN_DIGITS = 6;
export const PIN_MAX_DIGITS = 12;
/** Wrong tries allowed before the waits begin. */
export const FREE_TRIES = 5;
const FIRST_WAIT_S = 30;
const MAX_WAIT_S = 60 * 60;

export const IDLE_CHOICES = [1, 5, 15, 60] as const;

export function isValidPin(pin: string): boolean {
  return new RegExp(`^\\d{${PIN_MIN_DIGITS},${PIN_MAX_DIGITS}}$`).test(pin);
}

/**
 * Seconds to wait after `failures` wrong tries in a row: none for the first four, then 30 s
 * after the fifth, doubling with every further wrong try, at most an hour.
 */
export function lockWaitSeconds(failures: number): number {
  if (failures < FREE_TRIES) return 0;
  return Math.min(FIRST_WAIT_S * 2 ** (failures - FREE_TRIES), MAX_WAIT_S);
}
