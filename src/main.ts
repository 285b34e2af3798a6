import { mount } from 'svelte';
import './app.css';
import App from './App.svelte';
import { startEarly, startEarlyData } from './early-start';
import { readScoreSnapshot, snapshotContext } from './lib/db/score-snapshot';
import { device } from './lib/state/device.svelte';
import { showScoreCover } from './lib/ui/score-cover';
import { applyDocumentLanguage, locale } from './lib/i18n/locale.svelte';
import { installPrompt } from './lib/pwa/install.svelte';
import { router } from './lib/state/router.svelte';
import { toasts } from './lib/state/toasts.svelte';
import { watchPasteLimits } from './lib/ui/paste-limit';
import { m } from './paraglide/messages.js';

const target = document.getElementById('app');
if (!target) throw new Error('#app is missing from index.html');

// The score card this phone drew last time, if it still holds, over index.html's static header:
// the first frame shows the household's last score, marked as updating (lib/ui/score-cover.ts).
const snapshot =
  router.current === 'dashboard' && device.current.householdName !== null
    ? readScoreSnapshot(snapshotContext(device.current, locale.current))
    : null;
if (snapshot) showScoreCover(snapshot, target);
// A returning visit's data and view start loading while the rest of this task runs; behind the
// last score's first frame when there is one (their code, arriving from the worker's cache at
// once, would otherwise run first and hold that frame back). The database's files are asked
// for at once: the browser opens them in its own thread, and the frame does not wait.
const early = startEarlyData();
if (snapshot) requestAnimationFrame(() => setTimeout(() => startEarly(router.current, early), 0));
else startEarly(router.current, early);
applyDocumentLanguage(locale.current);
// In a task of their own: the first listeners a page adds cost tens of ms at 4x CPU (Blink sets
// up the event bindings), and nothing can be pasted or installed before the shell has mounted.
setTimeout(() => {
  installPrompt.listen();
  // "Cut to 80 characters": a paste that a field's maxlength shortened is never cut silently.
  // (Limits are 80 and 500: no digit grouping to localise.)
  watchPasteLimits(document, (limit) => toasts.show(m.input_cut({ limit: String(limit) })));
}, 0);

/** index.html's static header (.boot) gives way to the app. */
function start(app: HTMLElement) {
  app.replaceChildren();
  mount(App, { target: app });
}

// Let the static header paint first: a module script that arrives from the service worker's
// cache runs before the browser's first frame, so mounting at once would hold the first paint
// until the whole shell has rendered. A hidden page gets no frames: it mounts at once.
if (document.visibilityState === 'hidden') start(target);
else requestAnimationFrame(() => setTimeout(() => start(target), 0));
