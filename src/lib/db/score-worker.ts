/**
 * The worker that computes a returning visit's first score (first-score.ts), started by
 * early-score.ts. One question, one answer (null when in doubt), then the page ends it.
 */
import { firstScore, type FirstScoreRequest } from './first-score';

const scope = self as unknown as {
  onmessage: ((event: MessageEvent<FirstScoreRequest>) => void) | null;
  postMessage(message: unknown): void;
  indexedDB: IDBFactory;
};

scope.onmessage = (event) => {
  firstScore(scope.indexedDB, event.data).then(
    (score) => scope.postMessage(score),
    () => scope.postMessage(null),
  );
};
