/**
 * Texts per language (scripts/locale-split.mjs): each chunk's texts in Bahasa Indonesia,
 * Filipino and Vietnamese are files of their own, `tr-<chunk>-<locale>-<hash>.js`. The service
 * worker does not precache them all (three languages a household does not read); it keeps every
 * file of the languages this phone has used, so each view opens offline in them, and fetches
 * those languages' new files while an update installs. The app tells the worker which language
 * it shows (`keepTexts`); the worker remembers the languages in a cache entry of its own.
 */

/** A texts file's name (scripts/locale-split.mjs writes them); its locale is the first group. */
export const TEXTS_FILE = /(?:^|\/)tr-[\w-]+-([a-z]{2,3})-[\w-]{8}\.js$/;

/** The message the app posts to the worker, and the worker's cache of the languages used. */
export const KEEP_TEXTS = 'KEEP_TEXTS';
export const LOCALES_CACHE = 'anyam-locales';
const LOCALES_KEY = 'locales-used';

/** The build's texts files by locale, and the rest of the precache list. */
export function splitManifest<T extends string | { url: string }>(
  manifest: readonly T[],
): { precache: T[]; texts: Map<string, string[]> } {
  const precache: T[] = [];
  const texts = new Map<string, string[]>();
  for (const entry of manifest) {
    const url = typeof entry === 'string' ? entry : entry.url;
    const locale = TEXTS_FILE.exec(url)?.[1];
    if (locale === undefined) {
      precache.push(entry);
      continue;
    }
    texts.set(locale, [...(texts.get(locale) ?? []), url]);
  }
  return { precache, texts };
}

/** The languages this phone has shown (the worker's record of them). */
export async function localesUsed(): Promise<string[]> {
  const kept = await (await caches.open(LOCALES_CACHE)).match(LOCALES_KEY);
  if (!kept) return [];
  const parsed: unknown = await kept.json().catch(() => []);
  return Array.isArray(parsed) ? parsed.filter((l): l is string => typeof l === 'string') : [];
}

/** Adds `locale` to the languages used; returns them all. */
export async function rememberLocale(locale: string): Promise<string[]> {
  const used = await localesUsed();
  if (used.includes(locale)) return used;
  const next = [...used, locale];
  await (await caches.open(LOCALES_CACHE)).put(LOCALES_KEY, Response.json(next));
  return next;
}

/**
 * Puts every texts file of `locales` that `cache` lacks into it (`urls` are the build's, by
 * locale, relative to `scope`). Rejects if one cannot be fetched, so an update's install waits
 * for them or fails (and the worker in place keeps serving).
 */
export async function keepLocales(
  cache: Cache,
  locales: readonly string[],
  texts: ReadonlyMap<string, readonly string[]>,
  scope: string,
): Promise<void> {
  const wanted = locales.flatMap((l) => texts.get(l) ?? []).map((u) => new URL(u, scope).href);
  const missing: string[] = [];
  for (const url of wanted) if (!(await cache.match(url))) missing.push(url);
  await cache.addAll(missing);
}

/** Asks the worker to keep `locale`'s texts (the app calls it when it shows a language). */
export function keepTexts(locale: string): void {
  // Called from an idle callback: a page (or a test's document) may be gone by then.
  if (typeof navigator === 'undefined' || !('serviceWorker' in navigator)) return;
  void navigator.serviceWorker.ready.then((registration) =>
    registration.active?.postMessage({ type: KEEP_TEXTS, locale }),
  );
}
