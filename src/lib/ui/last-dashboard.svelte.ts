/**
 * "The last dashboard first" (docs/design-notes.md): a returning visit to the dashboard paints
 * the dashboard it drew last time (db/dashboard-snapshot.ts) in its first frame (main.ts draws
 * it, then mounts the shell at once), marked as updating and inert, while the live view reads
 * and computes behind it, hidden. The live view takes its place as soon as its score (or its
 * empty state, or its failure) is drawn.
 *
 * The snapshot is drawn in a closed shadow root: its text, ids and buttons stay apart from the
 * live page's (one "Paid" button, one #main, one name for each control), and nothing can reach
 * into it. It holds its own copy of the stylesheets the page had when it was drawn.
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
  /** A snapshot stands in for the live view (which stays hidden until `end`). */
  active = $state(false);
  #host: HTMLElement | null = null;
  #timer: ReturnType<typeof setTimeout> | undefined;

  /**
   * Draws the stored snapshot for this context, if there is one, and whether it did. Into
   * `page` (index.html's #app, before the shell mounts): with a copy of the shell it was drawn
   * in, inert, so the first frame is the last screen; the shell's mount then takes the copy's
   * place and moves the snapshot into its own `main` (`place`).
   */
  start(ctx: SnapshotContext, page?: { target: HTMLElement; note: string }): boolean {
    if (this.active) return true;
    const snapshot = readSnapshot(ctx);
    if (!snapshot) return false;
    try {
      this.#host = drawHost(snapshot);
    } catch {
      // A browser without constructable stylesheets: the live view alone, as before.
      return false;
    }
    if (page && snapshot.shell !== '') {
      // The same pill the shell shows (App.svelte) until the live view takes over.
      const note = document.createElement('p');
      note.className = 'last-dashboard-note';
      note.setAttribute('role', 'status');
      note.textContent = page.note;
      const copy = document.createElement('div');
      copy.style.display = 'contents';
      copy.inert = true;
      copy.innerHTML = snapshot.shell;
      const main = copy.querySelector('main');
      if (main) {
        main.classList.add('under-snapshot');
        main.append(note, this.#host);
        page.target.replaceChildren(copy);
      }
    }
    this.active = true;
    this.#timer = setTimeout(() => this.end(), LONGEST_MS);
    addEventListener(DASHBOARD_DRAWN, this.end);
    return true;
  }

  /** The live view is drawn (or the snapshot failed): the snapshot gives way. */
  readonly end = (): void => {
    removeEventListener(DASHBOARD_DRAWN, this.end);
    clearTimeout(this.#timer);
    this.#host?.remove();
    this.#host = null;
    this.active = false;
  };

  /** Svelte action: the snapshot is drawn inside `node` (moved there if drawn elsewhere). */
  readonly place = (node: HTMLElement) => {
    if (this.#host) node.append(this.#host);
  };
}

export const lastDashboard = new LastDashboard();

function drawHost(snapshot: DashboardSnapshot): HTMLElement {
  const host = document.createElement('div');
  host.className = 'last-dashboard';
  host.setAttribute('aria-hidden', 'true');
  host.inert = true;
  const root = host.attachShadow({ mode: 'closed' });
  // Its own copy of the stylesheets, parsed now: styled in the first frame it is in (a link to
  // the same file, even cached, applies a task or more later, behind the view's code).
  const sheet = new CSSStyleSheet();
  sheet.replaceSync(snapshot.css);
  root.adoptedStyleSheets = [sheet];
  const body = document.createElement('div');
  body.innerHTML = snapshot.html;
  root.append(body);
  host.dataset.snapshot = 'shown';
  return host;
}
