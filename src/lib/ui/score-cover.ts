/**
 * "The last score first" (docs/design-notes.md): a returning visit to the dashboard paints the
 * score card it drew last time (db/score-snapshot.ts) in its first frame, marked as updating,
 * over the page, while the shell mounts and the live view reads and computes beneath it. The
 * live view takes its place as soon as it has drawn its score, its empty state or its failure
 * (`scoreDrawn`), when the page leaves the dashboard, or after `LONGEST_MS` whatever happened.
 *
 * The cover is outside #app (the shell's mount clears #app), `inert` and hidden from assistive
 * technology: a screen reader reads the live page, which says "Loading…" until the score is in.
 * It holds text only, never a control: a tap on it does nothing.
 */
import type { ScoreSnapshot } from '../db/score-snapshot';

/** The event the dashboard sends once what it shows in the score's place is drawn. */
export const SCORE_DRAWN = 'anyam:score-drawn';
/** Past this, the live view is shown whatever it shows (its own "Loading…"). */
export const LONGEST_MS = 3000;

/** Tells the cover, if there is one, that the live view has drawn what replaces it. */
export function scoreDrawn(): void {
  dispatchEvent(new Event(SCORE_DRAWN));
}

function el<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  className: string,
  text?: string,
): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  node.className = className;
  if (text !== undefined) node.textContent = text;
  return node;
}

/**
 * Draws `snapshot` over the page, before `page` (index.html's #app). Returns a function that
 * removes it (it also removes itself: see the module's comment).
 */
export function showScoreCover(snapshot: ScoreSnapshot, page: HTMLElement): () => void {
  const cover = el('div', 'score-cover');
  cover.dataset.snapshot = 'shown';
  cover.setAttribute('aria-hidden', 'true');
  cover.inert = true;
  const boot = page.querySelector('.boot');
  if (boot) cover.append(boot.cloneNode(true));
  const card = el('section', 'card score-cover-card');
  const score = el('p', 'score-figure score-cover-score');
  score.append(el('strong', '', snapshot.score), el('span', 'of', snapshot.of));
  if (snapshot.band !== '') {
    score.append(el('span', `band-pill score-cover-band band-${snapshot.band}`, snapshot.bandName));
  }
  card.append(el('h3', '', snapshot.title), score);
  const body = el('div', 'score-cover-body');
  body.append(el('p', 'score-cover-note', snapshot.note), card);
  cover.append(body);
  page.before(cover);

  const end = (): void => {
    removeEventListener(SCORE_DRAWN, end);
    removeEventListener('hashchange', end);
    clearTimeout(timer);
    cover.remove();
  };
  addEventListener(SCORE_DRAWN, end);
  addEventListener('hashchange', end);
  const timer = setTimeout(end, LONGEST_MS);
  return end;
}
