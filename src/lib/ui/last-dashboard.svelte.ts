/**
 * "The last dashboard first" (docs/design-notes.md): a returning visit to the dashboard paints
 * the screen it drew last time (db/dashboard-snapshot.ts: the shell, the dashboard's top) in its
 * first frame, marked as updating and inert, in place of index.html's static header. The shell
 * mounts beside it, hidden, and its live view reads and computes there; the whole live page
 * takes the snapshot's place at once when the dashboard has drawn its score (or its empty
 * state, or its failure): no moment of half a page, no banner arriving late.
 *
 * The snapshot is drawn in a closed shadow root, with its own parsed copy of the page's
 * stylesheet: its text, ids and buttons stay apart from the live page's (one "Paid" button,
 * one #main, one name for each control), and no script, screen reader or test reaches it. The
 * pill that says it is updating is the page's `role="status"`.
 */
import {
  readSnapshot,
  type DashboardSnapshot,
  type SnapshotContext,
} from '../db/dashboard-snapshot';
import { DASHBOARD_DRAWN } from './last-dashboard-event';

/** Past this, the live view is shown whatever it shows (its own "Loading…"). */
const LONGEST_MS = 4000;

class LastDashboard {
  /** The last screen stands in for the live page (which stays hidden until `end`). */
  active = $state(false);
  #host: HTMLElement | null = null;
  #live: HTMLElement | null = null; // where the shell mounts
  #timer: ReturnType<typeof setTimeout> | undefined;

  /**
   * Draws the stored snapshot for this context into `page` (index.html's #app, before the
   * shell mounts), if there is one. Returns the element the shell is to mount in (under the
   * snapshot until it ends), or null when there is no snapshot.
   */
  start(ctx: SnapshotContext, page: HTMLElement, note: string): HTMLElement | null {
    if (this.active) return this.#live;
    const snapshot = readSnapshot(ctx);
    if (!snapshot || typeof CSSStyleSheet !== 'function' || !('adoptedStyleSheets' in page)) {
      return null;
    }
    const live = document.createElement('div');
    // Rendered and laid out as usual, under the last screen (which takes every tap): showing it
    // is then only the last screen's removal.
    live.className = 'live-page';
    this.#live = live;
    page.append(live);
    this.active = true;
    // Drawn in a task of its own, before the shell's (which waits for a frame): the entry's
    // task and the drawing were one 180–240 ms task at 4x CPU.
    setTimeout(() => {
      if (!this.active) return;
      this.#host = drawHost(snapshot, note);
      page.replaceChildren(this.#host, live);
    }, 0);
    this.#timer = setTimeout(() => this.end(), LONGEST_MS);
    addEventListener(DASHBOARD_DRAWN, this.end);
    return live;
  }

  /** The live dashboard is drawn (or the page left it): the live page takes over. */
  readonly end = (): void => {
    removeEventListener(DASHBOARD_DRAWN, this.end);
    clearTimeout(this.#timer);
    this.#host?.remove();
    this.#host = null;

    this.active = false;
  };
}

export const lastDashboard = new LastDashboard();

function drawHost(snapshot: DashboardSnapshot, note: string): HTMLElement {
  const host = document.createElement('div');
  host.className = 'last-dashboard';
  const root = host.attachShadow({ mode: 'closed' });
  // Its own copy of the stylesheet, parsed now: styled in the first frame it is in (a link to
  // the same file, even cached, applies a task or more later, behind the view's code).
  const sheet = new CSSStyleSheet();
  sheet.replaceSync(snapshot.css);
  root.adoptedStyleSheets = [sheet];
  const screen = document.createElement('div');
  screen.inert = true;
  screen.setAttribute('aria-hidden', 'true');
  screen.innerHTML = snapshot.shell;
  const main = screen.querySelector('main');
  if (!main) throw new Error('the snapshot has no main');
  main.innerHTML = snapshot.html;
  // The pill: light DOM, so a screen reader hears it (the screen itself is hidden from it).
  const pill = document.createElement('p');
  pill.className = 'last-dashboard-note';
  pill.setAttribute('role', 'status');
  pill.textContent = note;
  root.append(screen);
  host.append(pill);
  root.append(document.createElement('slot'));
  host.dataset.snapshot = 'shown';
  return host;
}
