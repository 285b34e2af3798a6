/**
 * The last dashboard a household saw, kept so that the next visit paints it at once, marked as
 * updating, while the figures are read and computed again (issue 29; docs/design-notes.md,
 * "The last dashboard first"). What is kept is the dashboard's top as it was drawn (its HTML, up
 * to the score card) and the text of the stylesheets that drew it (so that it paints in the
 * first frame, with no stylesheet to wait for).
 *
 * A snapshot is only ever shown for the day, the language, the build, the household and the
 * dashboard scope it was drawn for, and never when the phone has a lock or hides its amounts.
 * Every write drops it (`writeTransaction` calls `dropSnapshot` before and after each write, a
 * restore and a merge included): a snapshot never outlives a change, and the next dashboard
 * drawn saves a new one.
 *
 * Its own localStorage key, read and written here only; every access is guarded, so a blocked
 * or full storage only means no snapshot.
 */

export const SNAPSHOT_KEY = 'anyam.snapshot';
const VERSION = 1;
/**
 * A dashboard's top is 10–40 KB of HTML and the app's stylesheet about 60 KB of text; anything
 * far larger is not kept (localStorage holds a few megabytes).
 */
export const MAX_SNAPSHOT_CHARS = 300_000;

export interface DashboardSnapshot {
  v: number;
  /** The build's dashboard files (see snapshotContext): another build may draw differently. */
  build: string;
  /** The local day it was drawn on (`dayKey`): "due in 3 days" and the month's figures move with it. */
  day: string;
  locale: string;
  household: string;
  /** Whose dashboard: the phone's owner and its dashboard scope. */
  scope: string;
  html: string;
  /** The text of the page's stylesheets when it was drawn (the same build's: see `build`). */
  css: string;
  /** The shell around the view (header, navigation, banners; `main` empty). */
  shell: string;
}

export interface SnapshotContext {
  build: string;
  day: string;
  locale: string;
  household: string | null;
  scope: string;
  /** A lock, or amounts hidden: nothing is kept or shown. */
  private: boolean;
}

const isText = (value: unknown): value is string => typeof value === 'string';

/**
 * The device's local day, as the key a snapshot is kept under ("Sat Dec 05 2026"): a cache key,
 * not a date any figure reads, so the shell needs no date library for it.
 */
export function dayKey(now: Date = new Date()): string {
  return now.toDateString();
}

/** Whether `value` is a snapshot drawn for exactly this context. */
export function snapshotFits(value: unknown, ctx: SnapshotContext): value is DashboardSnapshot {
  if (ctx.private || ctx.household === null || ctx.build === '') return false;
  if (value === null || typeof value !== 'object') return false;
  const s = value as Partial<DashboardSnapshot>;
  return (
    s.v === VERSION &&
    s.build === ctx.build &&
    s.day === ctx.day &&
    s.locale === ctx.locale &&
    s.household === ctx.household &&
    s.scope === ctx.scope &&
    isText(s.html) &&
    s.html.length > 0 &&
    s.html.length <= MAX_SNAPSHOT_CHARS &&
    isText(s.css) &&
    s.css.length > 0 &&
    s.css.length <= MAX_SNAPSHOT_CHARS &&
    isText(s.shell) &&
    s.shell.length > 0 &&
    s.shell.length <= MAX_SNAPSHOT_CHARS
  );
}

/** What of the phone's settings a snapshot depends on (state/device.svelte.ts holds them). */
export interface PhoneSettings {
  householdName: string | null;
  memberId: string | null;
  dashboardScope: string;
  lock: unknown;
  hideAmounts: boolean;
}

/**
 * This page's context: the build's dashboard files (index.html's metas, whose names change
 * with their code), the local day, the language shown and the phone's settings.
 */
export function snapshotContext(
  phone: PhoneSettings,
  locale: string,
  doc: Document = document,
): SnapshotContext {
  const meta = (name: string) =>
    doc.querySelector<HTMLMetaElement>(`meta[name="${name}"]`)?.content ?? '';
  return {
    build: meta('anyam-dashboard-chunks') + '|' + meta('anyam-dashboard-texts'),
    day: dayKey(),
    locale,
    household: phone.householdName,
    scope: `${phone.memberId ?? ''}:${phone.dashboardScope}`,
    private: phone.lock !== null || phone.hideAmounts,
  };
}

function storage(): Storage | null {
  try {
    return globalThis.localStorage ?? null;
  } catch {
    // A privacy mode can throw on the mere access.
    return null;
  }
}

/** The snapshot for this context, or null (one that does not fit is dropped). */
export function readSnapshot(ctx: SnapshotContext): DashboardSnapshot | null {
  const store = storage();
  if (!store) return null;
  try {
    const raw = store.getItem(SNAPSHOT_KEY);
    if (raw === null) return null;
    const value: unknown = JSON.parse(raw);
    if (snapshotFits(value, ctx)) return value;
    store.removeItem(SNAPSHOT_KEY);
  } catch {
    // Unreadable: as if there were none.
  }
  return null;
}

/** Keeps what the dashboard drew, for this context (never for a private phone). */
export function saveSnapshot(
  ctx: SnapshotContext,
  drawn: { html: string; css: string; shell: string },
): boolean {
  const snapshot: DashboardSnapshot = {
    v: VERSION,
    build: ctx.build,
    day: ctx.day,
    locale: ctx.locale,
    household: ctx.household ?? '',
    scope: ctx.scope,
    html: drawn.html,
    css: drawn.css,
    shell: drawn.shell,
  };
  if (!snapshotFits(snapshot, ctx)) {
    dropSnapshot();
    return false;
  }
  const store = storage();
  if (!store) return false;
  try {
    store.setItem(SNAPSHOT_KEY, JSON.stringify(snapshot));
    return true;
  } catch {
    // Full: no snapshot, and no half-written one either.
    dropSnapshot();
    return false;
  }
}

export function dropSnapshot(): void {
  try {
    storage()?.removeItem(SNAPSHOT_KEY);
  } catch {
    // Blocked storage holds no snapshot.
  }
}
