/**
 * "The last dashboard first" (docs/design-notes.md): a returning visit to the dashboard paints
 * the dashboard it drew last time (db/dashboard-snapshot.ts) as soon as the shell mounts,
 * marked as updating and inert, while the live view reads and computes behind it, hidden. The
 * live view takes its place as soon as its score (or its empty state) is drawn.
 *
 * The snapshot is drawn in a closed shadow root: its text, ids and buttons stay apart from the
 * live page's (one "Paid" button, one #main, one name for each control), and nothing can reach
 * into it. It holds the stylesheets the page had when it was drawn, from the worker's cache.
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

  /** Paints the stored snapshot for this context, if there is one. */
  start(ctx: SnapshotContext): void {
    if (this.active) return;
    const snapshot = readSnapshot(ctx);
    if (!snapshot) return;
    this.#host = drawHost(snapshot, () => this.end());
    this.active = true;
    this.#timer = setTimeout(() => this.end(), LONGEST_MS);
    addEventListener(DASHBOARD_DRAWN, this.end);
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

function drawHost(snapshot: DashboardSnapshot, failed: () => void): HTMLElement {
  const host = document.createElement('div');
  host.className = 'last-dashboard';
  host.setAttribute('aria-hidden', 'true');
  host.inert = true;
  const root = host.attachShadow({ mode: 'closed' });
  let pending = snapshot.styles.length;
  for (const href of snapshot.styles) {
    const link = document.createElement('link');
    link.rel = 'stylesheet';
    link.href = href;
    // Shown once every stylesheet is in: never a moment of unstyled figures.
    link.onload = () => {
      pending -= 1;
      if (pending === 0) host.dataset.snapshot = 'shown';
    };
    link.onerror = failed;
    root.append(link);
  }
  const body = document.createElement('div');
  body.innerHTML = snapshot.html;
  root.append(body);
  return host;
}
