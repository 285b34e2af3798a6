/**
 * Every end-to-end test runs on a day it names, never on the machine's: each page's `Date`
 * starts at `PINNED_NOW` (and runs on from there), so the sample household, the month card and
 * every "this month" read the same on 4 December, on 1 January and on 29 February. Only `Date`
 * moves: timers, animation frames and idle callbacks stay the browser's own, so what a test
 * sees of scheduling is what a person's browser does. A test that needs another day, or to move
 * time, calls `page.clock.install({ time })` itself (Playwright's full fake clock, on top of
 * this), or sets `test.use({ pinnedNow: … })`; `pinnedNow: null` leaves `Date` alone.
 * Node-side code that builds dates for the page (CSV rows, expected labels) uses
 * `PINNED_TODAY`/`pinnedDaysAgo`, never `new Date()`. docs/testing.md says how a test chooses
 * its day.
 */
import { test as base, type Browser, type BrowserContext } from '@playwright/test';

import { PINNED_NOW, PINNED_TODAY } from '../pinned-day';

export { PINNED_NOW, PINNED_TODAY };

const DAY = 86_400_000;

/** The UTC date `days` days before the pinned day, as 'YYYY-MM-DD'. */
export function pinnedDaysAgo(days: number): string {
  return new Date(Date.parse(`${PINNED_TODAY}T12:00:00Z`) - days * DAY).toISOString().slice(0, 10);
}

/**
 * Starts `Date` at `time` (pinned by default) in every page of a context, for contexts a test
 * opens itself too. The offset is fixed once per context, so a reload does not turn the clock
 * back and records written before it stay older than those written after.
 */
export async function pinClock(context: BrowserContext, time: Date = PINNED_NOW): Promise<void> {
  // Node's clock and the browser's are the machine's (faketime moves both).
  const offset = time.getTime() - Date.now(); // machine clock: the offset to the pinned day
  await context.addInitScript((ms: number) => {
    const MachineDate = Date;
    class PinnedDate extends MachineDate {
      constructor(...args: [] | ConstructorParameters<DateConstructor>) {
        if (args.length === 0) super(MachineDate.now() + ms);
        else super(...args);
      }

      static override now(): number {
        return MachineDate.now() + ms;
      }
    }
    globalThis.Date = PinnedDate as DateConstructor;
  }, offset);
}

/** A new browser context (another phone, a fresh profile) on the pinned day. */
export async function newPinnedContext(
  browser: Browser,
  options: Parameters<Browser['newContext']>[0] = {},
  time: Date = PINNED_NOW,
): Promise<BrowserContext> {
  const context = await browser.newContext(options);
  await pinClock(context, time);
  return context;
}

export const test = base.extend<{ pinnedNow: Date | null }>({
  pinnedNow: [PINNED_NOW, { option: true }],
  context: async ({ context, pinnedNow }, use) => {
    if (pinnedNow) await pinClock(context, pinnedNow);
    await use(context);
  },
});

export { expect } from '@playwright/test';
