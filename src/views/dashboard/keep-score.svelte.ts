import { m } from '../../paraglide/messages.js';
import type { DashboardData } from '../../lib/domain/dashboard';
import { todayIso } from '../../lib/domain/dates';
import { guidanceBasics, type Guidance } from '../../lib/domain/guidance';
import {
  mayKeep,
  readScoreSnapshot,
  snapshotContext,
  type ScoreCardText,
} from '../../lib/db/score-snapshot';
import { beginSnapshotRead, saveScoreSnapshot } from '../../lib/db/score-snapshot-write';
import { locale } from '../../lib/i18n/locale.svelte';
import { device } from '../../lib/state/device.svelte';
import { earlySnapshotToken, readFirstScreen } from '../../lib/state/early-read';
import { afterPaintIdle } from '../../lib/ui/after-paint-idle';
import { scoreDrawn } from '../../lib/ui/score-cover';
import { scoreOf } from '../../lib/domain/first-score';
import { bandLabels, scoreTitle } from './labels';

/** The score card's text as ScoreCard draws it (its title, number and band), or null: no score. */
export function scoreCardText(
  dash: DashboardData,
  guidance: Pick<Guidance, 'band'> | null,
): ScoreCardText | null {
  const score = dash.resilience.score;
  if (score === null) return null;
  const band = guidance?.band ?? null;
  return {
    title: scoreTitle(dash.asOf),
    score: String(score),
    of: m.dash_score_of(),
    band: band ?? '',
    bandName: band === null ? '' : bandLabels()[band].name,
    note: m.dash_snapshot_note(),
  };
}

const CARD: readonly (keyof ScoreCardText)[] = ['title', 'score', 'of', 'band', 'bandName', 'note'];
const sameCard = (a: ScoreCardText, b: ScoreCardText | null): boolean =>
  b !== null && CARD.every((key) => a[key] === b[key]);

/**
 * Keeps `card` when a read of its own, begun after every write so far, computes the same card:
 * the way a score drawn after a write (from live queries, which may still hold rows from before
 * it) becomes the next visit's last score. A write during that read removes its token, and
 * nothing is kept.
 */
export async function keepIfConfirmed(card: ScoreCardText): Promise<boolean> {
  const ctx = snapshotContext(device.current, locale.current);
  if (!mayKeep(ctx)) return false;
  const token = beginSnapshotRead();
  const read = await readFirstScreen(true);
  const today = todayIso();
  // The rows as the first score's worker reads them, computed as it computes them.
  const score = scoreOf(
    {
      settings: read.settings ?? undefined,
      members: read.members ?? [],
      rollups: read.rollups ?? [],
      streams: read.streams ?? [],
      plans: read.plans ?? [],
      savings: read.savings ?? [],
      rates: read.rates ?? [],
      funds: read.funds ?? [],
      setAsides: read.setAsides ?? [],
      groups: read.groups ?? { groups: [], payments: [] },
      debts: read.debts ?? { debts: [], repayments: [] },
    },
    { today, ownerId: device.current.memberId, scope: device.current.dashboardScope },
  );
  const dash = score?.dash;
  if (!dash) return false;
  if (!sameCard(card, scoreCardText(dash, guidanceBasics(today, dash)))) return false;
  return saveScoreSnapshot(ctx, token, card);
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

/** A score card drawn after a write is confirmed this long after the page is idle, at most. */
const CONFIRM_WITHIN_MS = 2000;

/**
 * The dashboard's part in "the last score first" (lib/ui/score-cover.ts): the cover gives way
 * once the live view has drawn what takes its place, and the score card is kept for the next
 * visit: at once when drawn from rows read with no write since (state/early-read.ts), else once
 * the page is idle and a read of its own confirms it (`keepIfConfirmed`).
 */
export function lastScore(place: () => ScorePlace): void {
  $effect(() => {
    if (place().settled) scoreDrawn();
  });
  $effect(() => {
    const { opening, idle } = place();
    if (!idle || opening === null) return;
    const card = scoreCardText(opening.dash, opening.guidance);
    const ctx = snapshotContext(device.current, locale.current);
    if (card === null || !mayKeep(ctx) || sameCard(card, readScoreSnapshot(ctx))) return;
    const token = earlySnapshotToken();
    if (token !== null && saveScoreSnapshot(ctx, token, card)) return;
    // Drawn after a write (or the early read was not the dashboard's): confirmed when idle.
    return afterPaintIdle(() => void keepIfConfirmed(card).catch(() => false), CONFIRM_WITHIN_MS);
  });
}
