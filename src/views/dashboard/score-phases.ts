import { markPhase } from '../../lib/db/phase-mark';
import { computeThenDraw } from '../../lib/ui/compute-then-draw';

/**
 * The score's first computation and drawing (computeThenDraw's two tasks), with the steps the
 * bench reads marked: `compute`, `computed`, and `drawn` once the render has run (Svelte renders
 * in a microtask of the draw's task). The marks belong to the dashboard's score, not to every
 * user of computeThenDraw.
 */
export function scoreComputeThenDraw(compute: () => unknown, draw: () => void): () => void {
  return computeThenDraw(
    () => {
      markPhase('compute');
      compute();
      markPhase('computed');
    },
    () => {
      draw();
      queueMicrotask(() => markPhase('drawn'));
    },
  );
}

/** The worker's first score drawn (nothing to compute here): `drawn` once rendered. */
export function drawFirst(draw: () => void): void {
  draw();
  queueMicrotask(() => markPhase('drawn'));
}
