// The floor for first contentful paint: a page that only mounts Svelte and prints "ready",
// built by the same Vite and plugin as the app and served by the same server.
import { mount } from 'svelte';
import Ready from './Ready.svelte';

mount(Ready, { target: document.getElementById('app')! });
