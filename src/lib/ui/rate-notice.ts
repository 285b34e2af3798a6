/**
 * One notice per cause per screen. A view that shows MissingRateNotice at its top says so here
 * (provideRateNotice, during its own initialisation); a card inside it (the month card of the
 * monthly loop, for one) then leaves the missing rate to that notice instead of announcing it a
 * second time.
 */
import { getContext, hasContext, setContext } from 'svelte';

const KEY = Symbol('missing-rate-notice');

/** Called by a view that shows MissingRateNotice above its cards. */
export function provideRateNotice(): void {
  setContext(KEY, true);
}

/** True inside a view that already shows MissingRateNotice (call during initialisation). */
export function rateNoticeOnScreen(): boolean {
  return hasContext(KEY) && getContext<boolean>(KEY) === true;
}
