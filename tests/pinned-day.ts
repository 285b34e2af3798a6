/**
 * The day every test runs on unless it names another: Tuesday 24 November 2026, 09:00 in
 * Jakarta (02:00 UTC, so the same date in UTC and in Asia). An ordinary mid-month day with a
 * month of sample history behind it; the days where periods turn over are tested on purpose
 * (tests/factories/today.ts `EDGE_DAYS`, `todayArb`), never by accident of the machine's clock.
 */
export const PINNED_NOW = new Date('2026-11-24T09:00:00+07:00');
export const PINNED_TODAY = '2026-11-24';
