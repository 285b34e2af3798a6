/// <reference lib="webworker" />
/**
 * Anyam's service worker (vite-plugin-pwa, injectManifest). It does what the generated worker
 * did — precache the build, serve index.html for navigations, drop old caches, wait for the
 * person's "Reload" before a new version takes over, and control the first visit at once — and
 * one more thing: it is the share target. A household file shared from WhatsApp, Telegram or
 * Nearby Share arrives as a POST of multipart form data to ./share-target; the worker keeps the
 * file in a cache and sends the app to the merge preview (src/lib/pwa/shared-file.ts).
 */
import { clientsClaim } from 'workbox-core';
import {
  cleanupOutdatedCaches,
  createHandlerBoundToURL,
  precacheAndRoute,
} from 'workbox-precaching';
import { NavigationRoute, registerRoute } from 'workbox-routing';
import {
  SHARE_CACHE,
  SHARE_HASH,
  SHARED_FILE_KEY,
  SHARED_NAME_HEADER,
} from './lib/pwa/shared-file';
import {
  KEEP_TEXTS,
  TEXTS_FILE,
  keepLocales,
  localesUsed,
  rememberLocale,
  splitManifest,
} from './lib/pwa/kept-texts';

declare const self: ServiceWorkerGlobalScope;

const SHARE_PATH = 'share-target';

function appUrl(query: string): string {
  return new URL(`./${SHARE_HASH}?${query}`, self.registration.scope).href;
}

/** The one file of the share in the cache; an empty or multi-file share is said so. */
async function receiveShare(request: Request): Promise<Response> {
  let files: File[];
  try {
    const data = await request.formData();
    files = data.getAll('file').filter((value): value is File => value instanceof File);
  } catch {
    // Not multipart at all (a text share): no file.
    files = [];
  }
  if (files.length !== 1) {
    return Response.redirect(appUrl(`share-error=${files.length === 0 ? 'none' : 'several'}`), 303);
  }
  const file = files[0]!;
  const cache = await caches.open(SHARE_CACHE);
  await cache.put(
    SHARED_FILE_KEY,
    new Response(file, {
      headers: {
        'content-type': file.type || 'application/octet-stream',
        [SHARED_NAME_HEADER]: encodeURIComponent(file.name),
      },
    }),
  );
  return Response.redirect(appUrl('shared=1'), 303);
}

// Registered before workbox's routes: the first listener to call respondWith wins.
self.addEventListener('fetch', (event) => {
  const url = new URL(event.request.url);
  const target = new URL(SHARE_PATH, self.registration.scope);
  if (event.request.method === 'POST' && url.pathname === target.pathname) {
    event.respondWith(receiveShare(event.request));
  }
});

// One mention of the manifest: the build replaces exactly one. The texts in languages other
// than English are kept only for the languages this phone uses (lib/pwa/kept-texts.ts).
const { precache: MANIFEST, texts: TEXTS } = splitManifest(self.__WB_MANIFEST);
precacheAndRoute(MANIFEST);
cleanupOutdatedCaches();

/**
 * The build's files that are not precached (Chart.js, the same-room sync, the CSV import, the
 * first score's worker: see globIgnores in vite.config.ts) are kept once fetched: cache first,
 * then the network. Their names carry a content hash, so a kept file is never stale. A file that a later release
 * precaches is dropped from here when that release's worker activates; a kept file of an
 * earlier release that no page asks for any more stays (a few KB; Chart.js changes only with
 * its version).
 */
const RUNTIME_CACHE = 'anyam-runtime';
const ASSETS = new URL('assets/', self.registration.scope).pathname;
const PRECACHED = new Set(
  MANIFEST.map(
    (entry) => new URL(typeof entry === 'string' ? entry : entry.url, self.registration.scope).href,
  ),
);
const THIS_RELEASE_TEXTS = new Set(
  [...TEXTS.values()].flat().map((url) => new URL(url, self.registration.scope).href),
);

async function keepUsedTexts(locales: readonly string[]): Promise<void> {
  await keepLocales(await caches.open(RUNTIME_CACHE), locales, TEXTS, self.registration.scope);
}

// An update installs with the texts of every language this phone has used, so that it opens
// offline in them after "Reload".
self.addEventListener('install', (event) => {
  event.waitUntil(localesUsed().then(keepUsedTexts));
});

self.addEventListener('message', (event) => {
  const data = event.data as { type?: unknown; locale?: unknown } | null;
  // With registerType 'prompt', workbox-window asks the waiting worker to take over on "Reload".
  if (data?.type === 'SKIP_WAITING') void self.skipWaiting();
  // The app shows a language: keep its texts from now on.
  if (data?.type === KEEP_TEXTS && typeof data.locale === 'string') {
    event.waitUntil(rememberLocale(data.locale).then(keepUsedTexts));
  }
});

registerRoute(
  ({ url, request }) =>
    request.method === 'GET' &&
    url.origin === self.location.origin &&
    url.pathname.startsWith(ASSETS),
  async ({ request }) => {
    const cache = await caches.open(RUNTIME_CACHE);
    const kept = await cache.match(request);
    if (kept) return kept;
    const response = await fetch(request);
    if (response.ok) await cache.put(request, response.clone());
    return response;
  },
);

self.addEventListener('activate', (event) => {
  // A file kept by an earlier release that this one precaches is served from the precache;
  // the runtime copy is dropped.
  event.waitUntil(
    caches.open(RUNTIME_CACHE).then(async (cache) => {
      for (const request of await cache.keys()) {
        if (PRECACHED.has(request.url)) await cache.delete(request);
        // Texts of an earlier release: this one has its own.
        else if (TEXTS_FILE.test(request.url) && !THIS_RELEASE_TEXTS.has(request.url)) {
          await cache.delete(request);
        }
      }
    }),
  );
});
registerRoute(new NavigationRoute(createHandlerBoundToURL('index.html')));
// The first visit is controlled at once; later versions still wait for "Reload".
clientsClaim();
