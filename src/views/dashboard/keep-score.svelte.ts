import { m } from '../../paraglide/messages.js';
import type { DashboardData } from '../../lib/domain/dashboard';
import type { Guidance } from '../../lib/domain/guidance';
import { snapshotContext, type ScoreCardText } from '../../lib/db/score-snapshot';
import { saveScoreSnapshot } from '../../lib/db/score-snapshot-write';
import { locale } from '../../lib/i18n/locale.svelte';
import { device } from '../../lib/state/device.svelte';
import { earlySnapshotToken } from '../../lib/state/early-read';
import { formatMonth } from '../../lib/state/format.svelte';
import { scoreDrawn } from '../../lib/ui/score-cover';
import { bandLabels } from './labels';

/** The score card's text as ScoreCard draws it (its title, number and band), or null: no score. */
export function scoreCardText(
  dash: DashboardData,
  guidance: Pick<Guidance, 'band'> | null,
): ScoreCardText | null {
  const score = dash.resilience.score;
  if (score === null) return null;
  const band = guidance?.band ?? null;
  return {
    title: m.dash_score_title({ month: formatMonth(dash.asOf) }),
    score: String(score),
    of: m.dash_score_of(),
    band: band ?? '',
    bandName: band === null ? '' : bandLabels()[band].name,
    note: m.dash_snapshot_note(),
  };
}

/** What the dashboard shows in the score's place, for `lastScore`. */
export interface ScorePlace {
  /** The score, the empty state or the failure is drawn: the last score gives way. */
  settled: boolean;
  /** The score as a returning visit opens on it (last complete month, the phone's own scope)… */
  opening: { dash: DashboardData; guidance: Pick<Guidance, 'band'> | null } | null;
  /** …drawn, and the page idle since (the dashboard's second stage). */
  idle: boolean;
}

/**
 * The dashboard's part in "the last score first" (lib/ui/score-cover.ts): the cover gives way
 * once the live view has drawn what takes its place, and the score card, once drawn from rows
 * read with no write since (state/early-read.ts), is kept for the next visit.
 */
export function lastScore(place: () => ScorePlace): void {
  $effect(() => {
    if (place().settled) scoreDrawn();
  });
  let kept = false;
  $effect(() => {
    const { opening, idle } = place();
    const token = earlySnapshotToken();
    if (kept || !idle || opening === null || token === null) return;
    const card = scoreCardText(opening.dash, opening.guidance);
    if (card === null) return;
    kept = saveScoreSnapshot(snapshotContext(device.current, locale.current), token, card);
  });
}
