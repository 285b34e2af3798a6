/**
 * Where a returning visit's time goes, for `npm run bench` (docs/performance.md, "Phases"): a
 * User Timing mark per step on the way to the dashboard's score. A mark costs microseconds and
 * sends nothing anywhere; the bench reads them from the page and prints their medians, so a
 * change that moves one step is seen without a profiler. In db, the lowest layer that marks a
 * step (opening the database), so that every layer above can mark its own.
 */
export type Phase =
  /** The entry chunk's first task (a returning visit starts its data here). */
  | 'entry'
  /** index.html's first script asks for the database (a returning visit, before any module). */
  | 'db-early'
  /** The browser has opened the database's files (warm-database.ts: a plain connection). */
  | 'db-warm'
  /** The data layer's code (Dexie, the database) has arrived and run. */
  | 'data-layer'
  /** IndexedDB is open. */
  | 'db-open'
  /** The first score's worker has answered (first-score.ts; its answer may be null). */
  | 'worker-answer'
  /** The first screen's rows are read (the early read's one transaction). */
  | 'read'
  /** The dashboard view's code runs. */
  | 'view'
  /** The score's computation starts, and ends. */
  | 'compute'
  | 'computed'
  /** The score is drawn (the task that renders it has ended). */
  | 'drawn';

export function markPhase(phase: Phase): void {
  // Only the first of each: a phase is a step of the visit's first load, not of later updates.
  if (typeof performance === 'undefined' || typeof performance.mark !== 'function') return;
  const name = `anyam:${phase}`;
  if (performance.getEntriesByName(name, 'mark').length === 0) performance.mark(name);
}
