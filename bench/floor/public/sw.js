// The floor page's service worker: precaches the page and its one script at install, serves
// both from the cache first, and controls the page at once.
const CACHE = 'anyam-bench-floor-v1';
const FILES = ['./', './assets/index.js'];

self.addEventListener('install', (event) => {
  event.waitUntil(
    caches
      .open(CACHE)
      .then((cache) => cache.addAll(FILES))
      .then(() => self.skipWaiting()),
  );
});
self.addEventListener('activate', (event) => event.waitUntil(self.clients.claim()));
self.addEventListener('fetch', (event) => {
  const url = new URL(event.request.url);
  const key = url.pathname.endsWith('/__floor/') ? './' : event.request;
  event.respondWith(
    caches
      .open(CACHE)
      .then((cache) => cache.match(key))
      .then((hit) => hit ?? fetch(event.request)),
  );
});
