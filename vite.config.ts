import { defineConfig, type Plugin } from 'vite';
import { svelte } from '@sveltejs/vite-plugin-svelte';
import { VitePWA } from 'vite-plugin-pwa';
import { CSP_META } from './scripts/csp.mjs';

/** The policy as a meta tag too, so a static host without our headers still enforces it. */
function cspMeta(): Plugin {
  return {
    name: 'anyam-csp-meta',
    apply: 'build',
    transformIndexHtml: {
      order: 'post',
      handler: () => [
        {
          tag: 'meta',
          attrs: { 'http-equiv': 'Content-Security-Policy', content: CSP_META },
          injectTo: 'head-prepend',
        },
      ],
    },
  };
}

// ANYAM_BUILD_ID lets the update test make a second, different build of the same code.
const buildId = process.env.ANYAM_BUILD_ID ?? new Date().toISOString();

export default defineConfig({
  define: {
    __ANYAM_VERSION__: JSON.stringify(process.env.npm_package_version ?? '0.0.0'),
    __ANYAM_BUILD_ID__: JSON.stringify(buildId),
  },
  plugins: [
    svelte(),
    cspMeta(),
    VitePWA({
      registerType: 'prompt',
      // Our own worker (src/sw.ts): the generated one cannot be a share target.
      strategies: 'injectManifest',
      srcDir: 'src',
      filename: 'sw.ts',
      pwaAssets: {
        image: 'public/logo.svg',
        preset: 'minimal-2023',
        includeHtmlHeadLinks: true,
        overrideManifestIcons: true,
      },
      manifest: {
        name: 'Anyam',
        short_name: 'Anyam',
        description:
          'Weave your household income streams together and see how resilient they are. Private: everything stays on this device.',
        theme_color: '#0f5c4d',
        background_color: '#f7f5ef',
        start_url: './',
        scope: './',
        display: 'standalone',
        orientation: 'portrait',
        lang: 'en',
        // "Send to my household" on another phone → share sheet → Anyam (src/sw.ts).
        share_target: {
          action: './share-target',
          method: 'POST',
          enctype: 'multipart/form-data',
          params: {
            files: [
              {
                name: 'file',
                accept: ['application/gzip', '.gz', 'application/json', '.json'],
              },
            ],
          },
        },
      },
      injectManifest: {
        // The plugin adds manifest.webmanifest itself: globbing it too makes two precache entries
        // with different revisions, and workbox then throws while the worker installs.
        // Navigation fallback, old-cache cleanup and clientsClaim are in src/sw.ts; the worker is
        // one bundled file, as the generated one was with inlineWorkboxRuntime.
        globPatterns: ['**/*.{js,css,html,svg,png,ico,txt}'],
      },
    }),
  ],
  build: {
    target: 'es2022',
    sourcemap: false,
    modulePreload: { polyfill: false },
  },
  server: { host: '127.0.0.1' },
});
