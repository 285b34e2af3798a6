/**
 * Whether a shared household file may be waiting, answered without loading the share code:
 * onboarding asks on every first visit, and the answer is almost always no, so the code that
 * takes the file out and the words that explain it (shared-file.ts, ShareRefusedNotice.svelte)
 * load only when it is yes.
 */
export const SHARE_CACHE = 'anyam-share';

export async function shareMayBeWaiting(hash: string): Promise<boolean> {
  if (/[?&](shared|share-error)=/.test(hash)) return true;
  // `caches.has` does not create the cache, as `caches.open` would.
  return typeof caches !== 'undefined' && caches.has(SHARE_CACHE);
}
