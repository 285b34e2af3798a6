/**
 * The hand-over between the service worker's share target (src/sw.ts) and the app: the worker
 * answers the share sheet's POST by putting the one shared file in a cache under a fixed key and
 * sending the app to `#/settings/household?shared=1` (or `?share-error=none|several`); the app
 * takes the file out, once.
 */
export const SHARE_CACHE = 'anyam-share';
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
