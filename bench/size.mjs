import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

// Sizes are gzip level 9 of each file as built, in bytes (reports print KB = 1024 bytes).

const STATIC_IMPORT = /(?:^|[;}\s])import\s*(?:[^"'`()]*?from\s*)?["'`]\.\/([^"'`]+\.js)["'`]/g;
// Vite/rolldown's lazy import: import(`./X.js`) optionally followed by __vite__mapDeps([i, ...]),
// the list of files Vite preloads with it (indices into the chunk's m.f array).
const DYNAMIC_IMPORT =
  /import\(\s*["'`]\.\/([^"'`]+\.js)["'`]\s*\)(?:\s*,\s*__vite__mapDeps\(\[([\d,\s]*)\]\))?/g;
const MAP_DEPS = /m\.f=(\[[^\]]*\])/;

/**
 * With the chunk import map (vite.config.ts), chunks import each other by stable keys that
 * index.html's import map resolves to the hashed files: `assets/X.js` → the file served.
 */
const maps = new Map();
function fileOf(distDir, name) {
  if (!maps.has(distDir)) {
    const html = readFileSync(join(distDir, 'index.html'), 'utf8');
    const json = html.match(/<script type="importmap">([\s\S]*?)<\/script>/)?.[1];
    maps.set(distDir, json ? JSON.parse(json).imports : {});
  }
  const mapped = maps.get(distDir)[`/${name}`];
  return mapped ? mapped.replace(/^\//, '') : name;
}

function sizeOf(distDir, name) {
  const bytes = readFileSync(join(distDir, name));
  return { name, bytes: bytes.length, gzip: gzipSync(bytes, { level: 9 }).length };
}

function sum(files, ext) {
  return files.filter((f) => f.name.endsWith(ext)).reduce((s, f) => s + f.gzip, 0);
}

/** Follows static imports (never import()) from `start`; returns every file reached, CSS too. */
function staticClosure(distDir, start, seen = new Set()) {
  const queue = [...start];
  while (queue.length > 0) {
    const file = queue.shift();
    if (seen.has(file)) continue;
    seen.add(file);
    if (!file.endsWith('.js')) continue;
    const code = readFileSync(join(distDir, file), 'utf8');
    for (const m of code.matchAll(STATIC_IMPORT)) queue.push(fileOf(distDir, `assets/${m[1]}`));
  }
  return seen;
}

/** Lazy imports in a chunk: { target, preload: [files Vite fetches along] }. */
function dynamicImports(distDir, file) {
  if (!file.endsWith('.js')) return [];
  const code = readFileSync(join(distDir, file), 'utf8');
  const table = code.match(MAP_DEPS);
  const deps = table ? JSON.parse(table[1]) : [];
  return [...code.matchAll(DYNAMIC_IMPORT)].map((m) => ({
    target: fileOf(distDir, `assets/${m[1]}`),
    preload: (m[2] ?? '')
      .split(',')
      .map((s) => s.trim())
      .filter(Boolean)
      .map((i) => deps[Number(i)])
      .filter(Boolean)
      .map((f) => fileOf(distDir, f)),
  }));
}

function shellEntries(distDir) {
  const html = readFileSync(join(distDir, 'index.html'), 'utf8');
  return [...html.matchAll(/(?:src|href)="\/?(assets\/[^"]+\.(?:js|css))"/g)].map((m) => m[1]);
}

/**
 * The JS and CSS a first visit must download before the shell paints: the entry script and
 * stylesheet in index.html and every module they import statically (followed through imports,
 * never through dynamic import(), which is what keeps views and Chart.js out of the shell).
 */
export function initialAssetSizes(distDir) {
  const files = [...staticClosure(distDir, shellEntries(distDir))].map((n) => sizeOf(distDir, n));
  return { files, jsGzip: sum(files, '.js'), cssGzip: sum(files, '.css') };
}

/**
 * What opening #/dashboard downloads before its charts can draw: the shell, the household gate
 * (ShellData) and the dashboard view chunk with everything they import statically (and the CSS
 * Vite preloads with them), plus the
 * lazy chunks the dashboard itself imports on first render (Chart.js) and their imports. Other
 * views' chunks are never counted.
 */
export function dashboardAssetSizes(distDir, viewPattern = /DashboardView-[^/]*\.js$/) {
  const shell = staticClosure(distDir, shellEntries(distDir));
  const lazy = [...shell].flatMap((f) => dynamicImports(distDir, f));
  const view = lazy.find((d) => viewPattern.test(d.target));
  if (!view) throw new Error(`no lazy import matching ${viewPattern} in the shell`);
  const all = staticClosure(distDir, [view.target, ...view.preload], new Set(shell));
  const alsoLazy = [];
  // Lazy imports made by the dashboard view's own chunks (Chart.js). Not the shell's, like
  // workbox-window, which are not needed to paint.
  for (const file of [...all].filter((f) => !shell.has(f))) {
    for (const d of dynamicImports(distDir, file)) {
      if (/View-/.test(d.target) || all.has(d.target)) continue;
      alsoLazy.push(d.target);
      staticClosure(distDir, [d.target, ...d.preload], all);
    }
  }
  // ShellData reads the household and decides between onboarding and the view: no view shows
  // without it, so it counts with its static imports (not its own lazy ones, such as the quick
  // add form, fetched when used).
  for (const d of lazy.filter((l) => /ShellData-[^/]*\.js$/.test(l.target))) {
    staticClosure(distDir, [d.target, ...d.preload], all);
  }
  const files = [...all].map((n) => ({ ...sizeOf(distDir, n), inShell: shell.has(n) }));
  const added = files.filter((f) => !f.inShell);
  return {
    view: view.target,
    lazyChunks: alsoLazy,
    files,
    jsGzip: sum(files, '.js'),
    cssGzip: sum(files, '.css'),
    addedJsGzip: sum(added, '.js'),
  };
}

/** True when some built JS file contains `text` (e.g. an attribute the benchmark can wait for). */
export function buildContains(distDir, text) {
  const assets = join(distDir, 'assets');
  if (!existsSync(assets)) return false;
  return (
    readFileSync(join(distDir, 'index.html'), 'utf8').includes(text) ||
    listJs(assets).some((f) => readFileSync(join(assets, f), 'utf8').includes(text))
  );
}

function listJs(dir) {
  return readdirSync(dir).filter((f) => f.endsWith('.js'));
}

/**
 * What the fixed stack weighs before any Anyam code, gzip bytes: Svelte as the bare page ships it
 * (mount + one component), Dexie alone (one class: nothing to tree-shake), and the Chart.js chunk
 * of the app build (only the controllers, elements, scales and plugins Anyam registers).
 */
export async function libraryFloor(appDir, bareDir) {
  const jsIn = (dir) =>
    readdirSync(join(dir, 'assets'))
      .filter((f) => f.endsWith('.js'))
      .map((f) => `assets/${f}`);
  const svelte = jsIn(bareDir).reduce((s, f) => s + sizeOf(bareDir, f).gzip, 0);
  const chartFile = jsIn(appDir).find((f) => /\/chartjs-[^/]*\.js$/.test(f));
  const chartjs = chartFile ? sizeOf(appDir, chartFile).gzip : 0;
  const { rolldown } = await import('rolldown');
  const entry = '\0dexie-alone';
  const bundle = await rolldown({
    input: entry,
    logLevel: 'silent',
    plugins: [
      {
        name: 'dexie-alone',
        resolveId: (id) => (id === entry ? id : null),
        load: (id) =>
          id === entry ? "import Dexie from 'dexie'; export const db = new Dexie('x');" : null,
      },
    ],
  });
  const { output } = await bundle.generate({ format: 'esm', minify: true });
  const dexie = output.reduce(
    (s, o) => s + (o.code ? gzipSync(o.code, { level: 9 }).length : 0),
    0,
  );
  return { svelte, dexie, chartjs, total: svelte + dexie + chartjs };
}

/**
 * What a returning visit to the dashboard actually fetches before its score: the shell (the
 * entry and its static imports) and the chunks the build lists for it in index.html
 * (scripts/dashboard-preload.mjs), which early-start.ts imports at once. Chunks imported later
 * (the chart cards, Chart.js, forms opened on a tap) are not in it.
 */
export function dashboardListedSizes(distDir) {
  const html = readFileSync(join(distDir, 'index.html'), 'utf8');
  const listed = /name="anyam-dashboard-chunks" content="([^"]*)"/.exec(html)?.[1] ?? '';
  const shell = staticClosure(distDir, shellEntries(distDir));
  const names = new Set([
    ...shell,
    ...listed
      .split(' ')
      .filter(Boolean)
      .map((u) => u.replace(/^\//, '')),
  ]);
  const files = [...names].map((n) => sizeOf(distDir, n));
  return { files, requests: files.length, jsGzip: sum(files, '.js') };
}
