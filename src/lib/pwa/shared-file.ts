/**
 * The hand-over between the service worker's share target (src/sw.ts) and the app: the worker
 * answers the share sheet's POST by putting the one shared file in a cache under a fixed key and
 * sending the app to `#/settings/household?shared=1` (or `?share-error=none|several`); the app
 * takes the file out, once.
 */
import { SHARE_CACHE } from './share-waiting';

export { SHARE_CACHE };
export const SHARED_FILE_KEY = 'shared-household-file';
/** The file's name travels in a header, since a cached Response has no name of its own. */
export const SHARED_NAME_HEADER = 'x-anyam-file-name';
export const SHARE_HASH = '#/settings/household';

export type ShareProblem = 'none' | 'several';

/** What the address says about a share: a file waiting, a refused share, or nothing. */
export function shareSignal(hash: string): { shared: boolean; problem: ShareProblem | null } {
  const query = new URLSearchParams(hash.split('?')[1] ?? '');
  const problem = query.get('share-error');
  return {
    shared: query.get('shared') === '1',
    problem: problem === 'none' || problem === 'several' ? problem : null,
  };
}

/** Takes the shared file out of the cache (so it is offered once), or null. */
export async function takeSharedFile(): Promise<File | null> {
  if (typeof caches === 'undefined') return null;
  const cache = await caches.open(SHARE_CACHE);
  const response = await cache.match(SHARED_FILE_KEY);
  if (!response) return null;
  await cache.delete(SHARED_FILE_KEY);
  const name = decodeURIComponent(response.headers.get(SHARED_NAME_HEADER) ?? 'household.json.gz');
  const blob = await response.blob();
  return new File([blob], name, { type: blob.type });
}

/**
 * Takes a waiting shared file out of the cache without opening it, for a phone with no household
 * yet: nothing to merge it into, and a file left in Cache Storage would stay there unseen.
 * True when there was one.
 */
export async function discardSharedFile(): Promise<boolean> {
  if (typeof caches === 'undefined') return false;
  // `caches.open` would create the cache on every first visit: ask first.
  if (!(await caches.has(SHARE_CACHE))) return false;
  const cache = await caches.open(SHARE_CACHE);
  return cache.delete(SHARED_FILE_KEY);
}

/** Whether onboarding says a share was refused: the address says one came, or a file waited. */
export function shareRefusedBeforeHousehold(
  signal: ReturnType<typeof shareSignal>,
  hadFile: boolean,
): boolean {
  return hadFile || signal.shared;
}

/**
 * Onboarding's side of a share that arrived before the phone has a household: the file leaves
 * the share cache, the address forgets the share (a reload does not say it again), and the answer
 * says whether to tell the person (set up first, or restore that file as the household).
 */
export async function refuseShareBeforeHousehold(): Promise<boolean> {
  const signal = shareSignal(location.hash);
  const hadFile = await discardSharedFile().catch(() => false);
  if (signal.shared || signal.problem) {
    history.replaceState(null, '', location.pathname + location.search);
  }
  return shareRefusedBeforeHousehold(signal, hadFile);
}
