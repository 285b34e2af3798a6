import { resolve } from 'node:path';
import { defineConfig, type Plugin } from 'vite';
import { svelte } from '@sveltejs/vite-plugin-svelte';
import { VitePWA } from 'vite-plugin-pwa';
import { cspMeta as cspMetaContent, inlineScriptHashes } from './scripts/csp.mjs';
import { dashboardPreload } from './scripts/dashboard-preload.mjs';
import { localeSplit } from './scripts/locale-split.mjs';
import { minifyInlineScriptsPlugin } from './scripts/minify-inline-scripts.mjs';
import inlang from './project.inlang/settings.json' with { type: 'json' };

/**
 * The policy as a meta tag too, so a static host without our headers still enforces it. Added
 * once the HTML is final (Vite inserts the chunk import map after every transformIndexHtml hook),
 * with the import map's sha256 in script-src: the one inline script, allowed by its hash.
 */
function cspMeta(): Plugin {
  return {
    name: 'anyam-csp-meta',
    apply: 'build',
    enforce: 'post',
    generateBundle(_, bundle) {
      const page = bundle['index.html'];
      if (page?.type !== 'asset') return;
      const html = String(page.source);
      const tag = `<meta http-equiv="Content-Security-Policy" content="${cspMetaContent(inlineScriptHashes(html))}">`;
      page.source = html.replace(/<head>/i, (head) => `${head}\n    ${tag}`);
    },
  };
}

/**
 * Chunks whose names (and so the import map's keys) stay put between releases. The import map
 * (build.chunkImportMap) already stops a change from renaming every chunk that imports the
 * changed one; these groups keep a one-string change in the dashboard's own file from
 * re-downloading the dashboard's formulas, sub-components and texts, which change less often.
 */
const STABLE_GROUPS = [
  { name: 'build-info', test: /src[\\/]lib[\\/]build-info\.ts$/ },
  // Every chunk with messages starts by asking translated.ts for its texts
  // (scripts/locale-split.mjs): it and paraglide's runtime must be evaluated before any of them,
  // so they are a chunk of their own that holds no message.
  {
    name: 'i18n-runtime',
    test: /src[\\/](paraglide[\\/]runtime\.js|lib[\\/]i18n[\\/]translated\.ts)$/,
  },
  { name: 'dashboard-text', test: /src[\\/]paraglide[\\/]messages[\\/](dash|guide)_/ },
  // The chart cards load once the score is on screen (DashboardView's last stage): their own
  // chunk, and the chart component (which starts fetching Chart.js) stays out of the parts that
  // the score needs.
  {
    name: 'dashboard-charts',
    test: /src[\\/]views[\\/]dashboard[\\/]((DashboardCharts|ChartCard|EarmarkedCard|ForecastNotes|ProjectionCard)\.svelte|projection-text\.ts)$/,
  },
  {
    name: 'dashboard-parts',
    test: /src[\\/]views[\\/]dashboard[\\/](?!(DashboardView|DashboardCharts|ChartCard|EarmarkedCard|ForecastNotes|ProjectionCard)\.svelte|projection-text\.ts)|src[\\/]lib[\\/]charts[\\/](?!(chartjs\.ts|Chart\.svelte|instance\.ts|theme\.svelte\.ts)$)/,
  },
  {
    name: 'dashboard-math',
    test: /src[\\/]lib[\\/]domain[\\/](dashboard|dashboard-range|resilience|resilience-kernel|income-table|savings|rollup-series)\.ts$/,
  },
];

type ModuleGraph = {
  getModuleInfo(id: string): { importedIds: readonly string[]; code: string | null } | null;
};

const MESSAGE_INDEX = /src[\\/]paraglide[\\/]messages[\\/]_index\.js$/;

/**
 * Every module `from` uses through static imports, itself included. paraglide's message index
 * imports every message; only those the code calls (`m.key`) count.
 */
function staticImports(graph: ModuleGraph, from: string): Set<string> {
  const seen = new Set<string>();
  const messages: string[] = [];
  const queue = [from];
  while (queue.length > 0) {
    const id = queue.pop()!;
    if (seen.has(id)) continue;
    seen.add(id);
    const imported = graph.getModuleInfo(id)?.importedIds ?? [];
    if (MESSAGE_INDEX.test(id)) messages.push(...imported);
    else queue.push(...imported);
  }
  const code = [...seen].map((id) => graph.getModuleInfo(id)?.code ?? '').join('\n');
  for (const id of messages) {
    const key = id.replace(/^.*[\\/]/, '').replace(/\.js$/, '');
    if (new RegExp(`\\bm\\.${key}\\b`).test(code)) {
      for (const dep of staticImports(graph, id)) seen.add(dep);
    }
  }
  return seen;
}

/**
 * What the onboarding form needs beyond the shell (money parsing, a few messages, labels, the
 * field error) in one chunk: a first visit made eight requests for eight small shared chunks
 * before the form was usable. The form's own file stays apart, so the views that share these
 * modules do not load it.
 */
function firstScreenGroup() {
  const entry = resolve('src/main.ts');
  const onboarding = resolve('src/views/onboarding/OnboardingView.svelte');
  let members: Set<string> | null = null;
  return {
    name: (id: string, graph: ModuleGraph) => {
      if (members === null) {
        const shell = staticImports(graph, entry);
        members = new Set(
          [...staticImports(graph, onboarding)].filter(
            (m) => !shell.has(m) && !m.startsWith(onboarding),
          ),
        );
      }
      return members.has(id) ? 'first-screen' : null;
    },
  };
}

/**
 * Everything else a returning visit's dashboard needs before its score (the data layer, the
 * household's state, the shell's data, the view's small parts and their texts) in one chunk:
 * issue 29 measured each chunk's request at about 8 ms of the main thread at 4x CPU, and the
 * dashboard asked for some sixty of them in the entry's first task (a 460 ms task). The view's
 * own file stays apart (a one-string change in it re-downloads only it), and so do the shell,
 * onboarding's first-screen chunk and the stable groups above.
 */
function dashboardCoreGroup() {
  const entry = resolve('src/main.ts');
  const onboarding = resolve('src/views/onboarding/OnboardingView.svelte');
  // Onboarding's second step loads while the first is on screen, before the data layer: what it
  // imports must not wait for this chunk (tests/e2e/first-visit.spec.ts).
  const membersStep = resolve('src/views/onboarding/MembersStep.svelte');
  const view = resolve('src/views/dashboard/DashboardView.svelte');
  const roots = [
    view,
    resolve('src/components/ShellData.svelte'),
    resolve('src/lib/db/open-early.ts'),
    resolve('src/lib/state/household.svelte.ts'),
  ];
  let members: Set<string> | null = null;
  return {
    name: (id: string, graph: ModuleGraph) => {
      if (members === null) {
        const shell = staticImports(graph, entry);
        const firstScreen = new Set([
          ...staticImports(graph, onboarding),
          ...staticImports(graph, membersStep),
        ]);
        members = new Set(
          roots
            .flatMap((root) => [...staticImports(graph, root)])
            .filter(
              (m) =>
                !shell.has(m) &&
                !firstScreen.has(m) &&
                !m.startsWith(view) &&
                !STABLE_GROUPS.some((g) => g.test.test(m)),
            ),
        );
      }
      return members.has(id) ? 'dashboard-core' : null;
    },
  };
}

/**
 * Which of a lazy chunk's dependencies its dynamic import preloads (see build.modulePreload).
 * The page itself preloads the entry's own imports (the i18n runtime): found only once the entry
 * has been parsed, they were a round trip before any of the app's code could run.
 */
function preloadPolicy(
  filename: string,
  deps: string[],
  context?: { hostType: 'html' | 'js' },
): string[] {
  if (context?.hostType === 'html') return deps;
  return /OnboardingView-[^/]*\.js$/.test(filename) ? deps : deps.filter((d) => d.endsWith('.css'));
}

/**
 * Vite hashes a chunk's preload list as if every dependency were preloaded; the list written
 * into the chunk comes from preloadPolicy. Hashing the policy's own text too means a changed
 * policy never ships new content under an old (immutable, precached) file name.
 */
function preloadPolicyHash(): Plugin {
  return {
    name: 'anyam-preload-policy-hash',
    apply: 'build',
    augmentChunkHash: () => preloadPolicy.toString(),
  };
}

// ANYAM_BUILD_ID lets the update test make a second, different build of the same code.
const buildId = process.env.ANYAM_BUILD_ID ?? new Date().toISOString();

/** The chunks fetched on first use and then kept, not precached (see globIgnores below). */
const RUNTIME_ONLY = ['chartjs', 'SyncFlow', 'decode', 'CsvImportFlow', 'score-worker'];

export default defineConfig({
  define: {
    __ANYAM_VERSION__: JSON.stringify(process.env.npm_package_version ?? '0.0.0'),
    __ANYAM_BUILD_ID__: JSON.stringify(buildId),
  },
  plugins: [
    svelte(),
    minifyInlineScriptsPlugin(),
    cspMeta(),
    preloadPolicyHash(),
    dashboardPreload(),
    localeSplit({
      baseLocale: inlang.baseLocale,
      locales: inlang.locales,
      translatedModule: resolve('src/lib/i18n/translated.ts'),
    }),
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
        globPatterns: ['**/*.{js,css,html,svg,txt}'],
        // Precached: what the app needs to open and to work offline from a first visit (every
        // view, onboarding, the sample household, quick add, backups, the lock screen). Not
        // precached, fetched on first use and then kept by the worker (src/sw.ts, RUNTIME_CACHE):
        // Chart.js (a chart offline before any chart was drawn online shows its table), the
        // same-room sync and its QR decoder, the CSV import, and the install icons (the browser
        // fetches those itself when the app is installed), and the first score's worker (a
        // returning visit without it computes on the page). Issue 29: 450 → under 350 KB.
        // A chunk's texts (tr-<chunk>-<language>-*.js, scripts/locale-split.mjs) follow their
        // chunk: texts for code the phone does not hold yet are fetched with it.
        globIgnores: RUNTIME_ONLY.flatMap((chunk) => [`**/${chunk}-*.js`, `**/tr-${chunk}-*.js`]),
      },
    }),
  ],
  build: {
    target: 'es2022',
    sourcemap: false,
    // All CSS is one file (about 7 KB gzip) linked from index.html. Split per chunk, the dashboard
    // waited for eight small stylesheets before its first render (a lazy chunk's import resolves
    // only once its CSS has loaded), and appending their <link>s cost ~50 ms of the shell's first
    // task at 4x CPU; a first visit's onboarding saves two requests too.
    cssCodeSplit: false,
    modulePreload: {
      polyfill: false,
      // A dynamic import preloads its chunk's JS imports with one <link rel="modulepreload"> each,
      // appended by the page: on a returning visit (every file in the worker's cache) that was
      // about 25 appends in the shell's first task for the dashboard and the household gate, for
      // files the import map lets the browser find at once anyway. Only a first visit's
      // onboarding, fetched over the network, keeps them (one round trip less); stylesheets are
      // always kept (they are how a lazy chunk's CSS is loaded).
      resolveDependencies: preloadPolicy,
    },
    // Chunks import each other through an import map in index.html: a changed chunk gets a new
    // file name, but the chunks that import it keep theirs, so an update re-downloads only what
    // changed (bench/update-cost.mjs). Chromium 89+, Safari 16.4+, Firefox 108+.
    chunkImportMap: true,
    rolldownOptions: {
      output: {
        codeSplitting: {
          // Only the modules a group names: their imports stay in the chunks they were in.
          groups: [...STABLE_GROUPS, firstScreenGroup(), dashboardCoreGroup()].map((g) => ({
            ...g,
            includeDependenciesRecursively: false,
          })),
        },
      },
    },
  },
  server: { host: '127.0.0.1' },
});
