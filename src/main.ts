import { mount } from 'svelte';
import './app.css';
import App from './App.svelte';
import { startEarly } from './early-start';
import { applyDocumentLanguage, locale } from './lib/i18n/locale.svelte';
import { installPrompt } from './lib/pwa/install.svelte';
import { router } from './lib/state/router.svelte';
import { toasts } from './lib/state/toasts.svelte';
import { watchPasteLimits } from './lib/ui/paste-limit';
import { m } from './paraglide/messages.js';

// First: a returning visit's data and view start loading while the rest of this task runs.
startEarly(router.current);
applyDocumentLanguage(locale.current);
// In a task of their own: the first listeners a page adds cost tens of ms at 4x CPU (Blink sets
// up the event bindings), and nothing can be pasted or installed before the shell has mounted.
setTimeout(() => {
  installPrompt.listen();
  // "Cut to 80 characters": a paste that a field's maxlength shortened is never cut silently.
  // (Limits are 80 and 500: no digit grouping to localise.)
  watchPasteLimits(document, (limit) => toasts.show(m.input_cut({ limit: String(limit) })));
}, 0);

const target = document.getElementById('app');
if (!target) throw new Error('#app is missing from index.html');

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
