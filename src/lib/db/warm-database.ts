import { DATABASE_NAME } from './database-name';
import { openExisting } from './open-existing';
import { markPhase } from './phase-mark';

/**
 * The browser opens a site's IndexedDB files once per start, at the first connection, and that
 * open takes longer the more a household has stored: in Chromium's trace of a returning visit,
 * 74 ms with 100,000 entries against 9 ms for a new household (LevelDB's recovery and the undo
 * logs' set-up, in the browser's storage thread; docs/performance.md, "Eleventh pass"). The
 * page's first connection was Dexie's, once the data layer's code had arrived, so that wait
 * came on top of the chunk's. A returning visit now asks for a plain connection from the entry
 * chunk's first task (early-start.ts): the browser opens its files while the page loads the
 * data layer, and Dexie's open and the score's worker find them open.
 *
 * Sooner still, index.html's first script asks for the same connection, under the same rules,
 * before any module has arrived (about 150 ms before the entry chunk's first task at 4x CPU;
 * docs/performance.md, "Twelfth pass"), and leaves it to the page as `anyamEarlyOpen`
 * (`takeEarlyOpen`). It is allowed by its hash (scripts/csp.mjs). This module's own connection
 * is for a page where that script did not run: a host whose policy refuses it, a test.
 *
 * The connection is held until the caller releases it (Dexie has opened) or HOLD_MS have passed,
 * so that the browser does not close the files in between. It never changes the database and
 * gives way at once to an upgrade or a deletion (open-existing.ts).
 */
export const HOLD_MS = 10_000;

export interface WarmDatabase {
  /** Closes the plain connection, now or as soon as it has opened. Idempotent. */
  release: () => void;
}

export function warmDatabase(
  factory: IDBFactory | null = globalThis.indexedDB ?? null,
  name: string = DATABASE_NAME,
): WarmDatabase {
  if (!factory) return { release: () => undefined };
  const opening = openExisting(factory, name);
  let released = false;
  const release = () => {
    if (released) return;
    released = true;
    clearTimeout(timer);
    void opening.then((db) => db?.close());
  };
  const timer = setTimeout(release, HOLD_MS);
  void opening.then((db) => {
    if (db !== null && !released) markPhase('db-warm');
  });
  return { release };
}

declare global {
  /** The connection index.html's first script asked for, until the page takes it. */
  var anyamEarlyOpen: WarmDatabase | undefined;
}

/** The connection index.html's first script opened, once; null where it did not run. */
export function takeEarlyOpen(): WarmDatabase | null {
  const held = globalThis.anyamEarlyOpen;
  globalThis.anyamEarlyOpen = undefined;
  return typeof held?.release === 'function' ? held : null;
}
