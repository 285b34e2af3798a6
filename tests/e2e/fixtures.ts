/**
 * Every end-to-end test runs on a day it names, never on the machine's: the browser's clock
 * starts at `PINNED_NOW` (and runs on from there), so the sample household, the month card and
 * every "this month" read the same on 4 December, on 1 January and on 29 February. A test that
 * needs another day calls `page.clock.install({ time })` itself, or sets
 * `test.use({ pinnedNow: … })`; `pinnedNow: null` leaves the clock alone. Node-side code that
 * builds dates for the page (CSV rows, expected labels) uses `PINNED_TODAY`/`pinnedDaysAgo`,
 * never `new Date()`. docs/testing.md says how a test chooses its day.
 */
import { test as base, type Browser, type BrowserContext } from '@playwright/test';

import { PINNED_NOW, PINNED_TODAY } from '../pinned-day';

export { PINNED_NOW, PINNED_TODAY };

const DAY = 86_400_000;

/** The UTC date `days` days before the pinned day, as 'YYYY-MM-DD'. */
export function pinnedDaysAgo(days: number): string {
  return new Date(Date.parse(`${PINNED_TODAY}T12:00:00Z`) - days * DAY).toISOString().slice(0, 10);
}

/** Starts a context's clock at `time` (pinned by default): for contexts a test opens itself. */
export async function pinClock(context: BrowserContext, time: Date = PINNED_NOW): Promise<void> {
  await context.clock.install({ time });
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
