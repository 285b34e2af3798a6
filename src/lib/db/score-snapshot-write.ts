/**
 * Keeping and dropping the last score (score-snapshot.ts says what it is and when it is shown):
 * apart from the reading side, which the entry chunk carries, these go with the data layer.
 */
import {
  SNAPSHOT_KEY,
  SNAPSHOT_READ_KEY,
  SNAPSHOT_VERSION,
  snapshotFits,
  storage,
  type ScoreCardText,
  type ScoreSnapshot,
  type SnapshotContext,
} from './score-snapshot';
import { EARLY_SCORE_READ_KEY } from './early-score';

/**
 * Called as a read that a dashboard may draw from begins: the token `saveScoreSnapshot` needs.
 * A write in this tab or another removes it, so rows read before a write are never kept.
 */
export function beginSnapshotRead(): string {
  const token = `${Date.now().toString(36)}-${Math.random().toString(36).slice(2)}`;
  try {
    storage()?.setItem(SNAPSHOT_READ_KEY, token);
  } catch {
    // Blocked or full storage: nothing will be kept.
  }
  return token;
}

/**
 * Keeps the score card drawn from the read `token` began, for this context. Nothing is kept for
 * a private phone, or when a write has happened since that read (the token is gone).
 */
export function saveScoreSnapshot(
  ctx: SnapshotContext,
  token: string,
  card: ScoreCardText,
): boolean {
  const store = storage();
  if (!store) return false;
  const snapshot: ScoreSnapshot = {
    v: SNAPSHOT_VERSION,
    build: ctx.build,
    day: ctx.day,
    locale: ctx.locale,
    household: ctx.household ?? '',
    scope: ctx.scope,
    ...card,
  };
  try {
    if (store.getItem(SNAPSHOT_READ_KEY) !== token || !snapshotFits(snapshot, ctx)) return false;
    store.setItem(SNAPSHOT_KEY, JSON.stringify(snapshot));
    return true;
  } catch {
    // Full: no snapshot, and no half-written one either.
    dropScoreSnapshot();
    return false;
  }
}

/**
 * Drops the snapshot and the tokens of the reads in progress, the first score's worker's
 * included (every write calls it).
 */
export function dropScoreSnapshot(): void {
  try {
    const store = storage();
    store?.removeItem(SNAPSHOT_KEY);
    store?.removeItem(SNAPSHOT_READ_KEY);
    store?.removeItem(EARLY_SCORE_READ_KEY);
  } catch {
    // Blocked storage holds no snapshot.
  }
}
