/**
 * The dashboard's side of the first score computed in a worker (lib/db/first-score.ts): the
 * view draws it while its live queries wait, then opens them (after that paint, once idle) and
 * computes from their rows as before. The rows are the same, so the figures are too; what the
 * worker saves is the main thread's work before the score is on screen (the rollups' read and
 * the computation: about 60 ms at 4x CPU with ten years of entries).
 */
import { FIRST_SCORE_WAIT_MS, takeEarlyScore } from '../../lib/db/early-score';
import type { FirstScore } from '../../lib/domain/first-score';
import { inUrgentTask } from '../../lib/ui/urgent-task';

export class FirstScoreGate {
  /** The worker's answer, when it holds (no write since it started). */
  score = $state.raw<FirstScore | null>(null);
  /** The live queries may start: the worker's score is drawn, or there is none to wait for. */
  live = $state(true);

  constructor() {
    const early = takeEarlyScore();
    if (early === null) return;
    this.live = false;
    const timer = setTimeout(() => this.open(), FIRST_SCORE_WAIT_MS);
    // In a task of its own: an answer already in when the view mounts would otherwise be drawn
    // in the view's set-up task, and together they made the longest task before the score
    // (125-180 ms at 4x CPU with ten years of entries; docs/performance.md, "Eleventh pass").
    void early.value.then((score) =>
      inUrgentTask(() => {
        if (score !== null && early.valid() && !this.live) this.score = score;
        else this.open();
        if (this.live) clearTimeout(timer);
      }),
    );
  }

  /** The score for the view's filter and day, while the live rows are not in. */
  scoreFor(memberId: string, today: string): FirstScore | null {
    const score = this.score;
    return score !== null && score.memberId === memberId && score.today === today ? score : null;
  }

  open(): void {
    this.live = true;
  }

  /** The view's filter or day is not the worker's: nothing to draw from it, read now. */
  openUnless(first: FirstScore | null): void {
    if (!this.live && this.score !== null && first === null) this.open();
  }
}
