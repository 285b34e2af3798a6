/**
 * Builds the benchmark's two helper pages (never shipped):
 *   --mode harness → dist-bench-harness, served at /__bench/ next to the app (same origin, so it
 *                    can seed the app's IndexedDB and time the app's own modules);
 *   --mode bare    → dist-bench-bare, served at /__bare/: only Svelte mounting a "ready" text,
 *                    the floor the app's first contentful paint is compared with;
 *   --mode floor   → dist-bench-floor, served at /__floor/: the floor a returning dashboard is
 *                    compared with (issue 29): its own service worker (floor/public/sw.js),
 *                    one read of the app's rollups, one score-like figure in a card. File names
 *                    are fixed (no hash) so that its worker can list them.
 * BENCH_NO_CSV=1 swaps the CSV import for a stand-in (run.mjs retries with it when the app's CSV
 * import does not build yet), so that every other figure is still measured.
 */
import { fileURLToPath } from 'node:url';
import { defineConfig, type Plugin } from 'vite';
import { svelte } from '@sveltejs/vite-plugin-svelte';

const here = (path: string) => fileURLToPath(new URL(path, import.meta.url));

function csvStandIn(): Plugin {
  return {
    name: 'anyam-bench-csv-stand-in',
    enforce: 'pre',
    resolveId(source, importer) {
      if (process.env.BENCH_NO_CSV === '1' && source === './csv' && importer?.includes('harness')) {
        return here('./harness/csv-missing.ts');
      }
      return null;
    },
  };
}

export default defineConfig(({ mode }) => {
  const page = mode === 'bare' || mode === 'floor' ? mode : 'harness';
  return {
    root: here(`./${page}`),
    base: `/__${page === 'harness' ? 'bench' : page}/`,
    publicDir: page === 'floor' ? here('./floor/public') : false,
    logLevel: 'warn',
    define: {
      __ANYAM_VERSION__: JSON.stringify('bench'),
      __ANYAM_BUILD_ID__: JSON.stringify('bench'),
    },
    plugins: [csvStandIn(), svelte()],
    build: {
      outDir: here(`../dist-bench-${page}`),
      emptyOutDir: true,
      target: 'es2022',
      sourcemap: false,
      reportCompressedSize: false,
      modulePreload: { polyfill: false },
      ...(page === 'floor' && {
        rolldownOptions: { output: { entryFileNames: 'assets/[name].js' } },
      }),
    },
  };
});
