/**
 * The score card a household saw last, kept so that the next visit paints it at once, marked as
 * updating, while the figures are read and computed again (issue 29's item 3; design in
 * docs/design-notes.md, "The last score first"). What is kept is the card's text as drawn, in
 * the language it was drawn in: a few hundred bytes, no HTML.
 *
 * A snapshot is only ever shown for the day, the language, the build, the household and the
 * dashboard scope it was drawn for, and never when the phone has a lock or hides its amounts.
 * Every write drops it (`writeTransaction` calls `dropScoreSnapshot` before and after each
 * write, a restore and a merge included): a snapshot never outlives a change. A dashboard may
 * keep a new one only when no write has happened since its rows were read (`beginSnapshotRead`:
 * a write drops the read's token too).
 *
 * Its own localStorage keys, read here and written in `score-snapshot-write.ts` only (this
 * module is in the entry chunk, which needs only to read); every access is guarded, so a
 * blocked or full storage only means no snapshot.
 */

import { isBand } from '../domain/score-bands';

export const SNAPSHOT_KEY = 'anyam.score-snapshot';
/** The token of the read a dashboard is drawing from; a write removes it. */
export const SNAPSHOT_READ_KEY = 'anyam.score-snapshot-read';
export const SNAPSHOT_VERSION = 1;
/** Each kept text is a title, a number or a sentence: anything longer is not a score card. */
export const MAX_TEXT = 300;

/** The score card's text, as the dashboard drew it. */
export interface ScoreCardText {
  /** "Resilience score, November 2026". */
  title: string;
  /** "72", in the language's digits. */
  score: string;
  /** "of 100". */
  of: string;
  /** The band's key (its colour) and name, or '' when the score has no band. */
  band: string;
  bandName: string;
  /** "Your score as you last saw it today. Updating…" */
  note: string;
}

export interface ScoreSnapshot extends ScoreCardText {
  v: number;
  /** The build's dashboard files (see snapshotContext): another build may compute differently. */
  build: string;
  /** The local day it was drawn on (`dayKey`): the month the score reads moves with it. */
  day: string;
  locale: string;
  household: string;
  /** Whose dashboard: the phone's owner and its dashboard scope. */
  scope: string;
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

const isText = (value: unknown, empty = false): value is string =>
  typeof value === 'string' && value.length <= MAX_TEXT && (empty || value.length > 0);

/**
 * The device's local day, as the key a snapshot is kept under ("Sun Dec 06 2026"): a cache key,
 * not a date any figure reads, so the entry chunk needs no date library for it.
 */
export function dayKey(now: Date = new Date()): string {
  return now.toDateString();
}

/** Whether a snapshot may be kept or shown at all in this context. */
export function mayKeep(ctx: SnapshotContext): boolean {
  return !ctx.private && ctx.household !== null && ctx.build !== '';
}

/** Whether `value` is a snapshot drawn for exactly this context. */
export function snapshotFits(value: unknown, ctx: SnapshotContext): value is ScoreSnapshot {
  if (!mayKeep(ctx)) return false;
  if (value === null || typeof value !== 'object') return false;
  const s = value as Partial<ScoreSnapshot>;
  return (
    s.v === SNAPSHOT_VERSION &&
    s.build === ctx.build &&
    s.day === ctx.day &&
    s.locale === ctx.locale &&
    s.household === ctx.household &&
    s.scope === ctx.scope &&
    isText(s.title) &&
    isText(s.score) &&
    isText(s.of) &&
    isText(s.note) &&
    isText(s.bandName, true) &&
    (s.band === '' ? s.bandName === '' : isBand(s.band))
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
  const chunks = meta('anyam-dashboard-chunks');
  return {
    build: chunks === '' ? '' : `${chunks}|${meta('anyam-dashboard-texts')}`,
    day: dayKey(),
    locale,
    household: phone.householdName,
    scope: `${phone.memberId ?? ''}:${phone.dashboardScope}`,
    private: phone.lock !== null || phone.hideAmounts,
  };
}

export function storage(): Storage | null {
  try {
    return globalThis.localStorage ?? null;
  } catch {
    // A privacy mode can throw on the mere access.
    return null;
  }
}

/** The snapshot for this context, or null (one that does not fit is dropped). */
export function readScoreSnapshot(ctx: SnapshotContext): ScoreSnapshot | null {
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
