import { mount } from 'svelte';
import './app.css';
import App from './App.svelte';
import { applyDocumentLanguage, locale } from './lib/state/locale.svelte';
import { pwaUpdate } from './lib/pwa/update.svelte';
import { installPrompt } from './lib/pwa/install.svelte';

applyDocumentLanguage(locale.current);
installPrompt.listen();
pwaUpdate.start();

const target = document.getElementById('app');
if (!target) throw new Error('#app is missing from index.html');
// index.html paints a static header (.boot) before any script has run: the app replaces it.
target.replaceChildren();
mount(App, { target });
