// Issue 29, "no waves": a returning visit's dashboard needs some 20 chunks before its score, and
// the browser found them one import depth at a time (four waves, each a round trip to the
// service worker and a parse). This plugin lists them at build time — every chunk the dashboard
// view, the household gate and the early read import statically, beside what the entry chunk
// already loads — in a <meta> of index.html. src/early-start.ts imports them all at once on a
// returning visit to the dashboard. A first visit reads nothing of it (a meta tag is inert: no
// download, and onboarding's JS stays as it was), and what only follows the score (the chart
// cards and Chart.js, the lock screen, backups) is imported dynamically, so never listed.

import { chunkTextsFiles } from './locale-split.mjs';

/** The meta tag's name; src/early-start.ts reads it. */
export const DASHBOARD_CHUNKS_META = 'anyam-dashboard-chunks';

/**
 * The listed chunks' texts in each language other than English (scripts/locale-split.mjs), as
 * `<locale>:<file>,<file> <locale>:…`: a chunk awaits its texts only once its imports have run,
 * so early-start fetches them with the chunks instead of one import depth at a time.
 */
export const DASHBOARD_TEXTS_META = 'anyam-dashboard-texts';

/**
 * The texts files of `files` (chunks under `base`) by locale, in DASHBOARD_TEXTS_META's form.
 * @param {Record<string, { type: string; fileName: string; code?: string }>} bundle
 * @param {string[]} files
 * @param {string} base
 */
export function dashboardTexts(bundle, files, base) {
  /** @type {Map<string, string[]>} */
  const byLocale = new Map();
  for (const file of files) {
    const chunk = bundle[file];
    const dir = file.replace(/[^/]*$/, '');
    for (const [locale, name] of Object.entries(chunkTextsFiles(chunk?.code ?? ''))) {
      byLocale.set(locale, [...(byLocale.get(locale) ?? []), base + dir + name]);
    }
  }
  return [...byLocale].map(([locale, urls]) => `${locale}:${urls.join(',')}`).join(' ');
}

/** Modules whose chunks (and their static imports) the dashboard needs before its score. */
const ROOTS = [
  /src[\\/]views[\\/]dashboard[\\/]DashboardView\.svelte$/,
  /src[\\/]components[\\/]ShellData\.svelte$/,
  /src[\\/]lib[\\/]db[\\/]open-early\.ts$/,
  /src[\\/]lib[\\/]state[\\/]household\.svelte\.ts$/,
];

/** Never listed, even if a change made the score import one statically (the test says so). */
export const AFTER_THE_SCORE =
  /(^|\/)(chartjs|DashboardCharts|dashboard-charts|LockScreen|backup|RestoreBackup)-[\w-]{8}\.js$/;

/**
 * At most this many files listed. Each is a request whose start costs the page's main thread
 * about 8 ms at 4x CPU, all in the entry's first task: sixty of them made a 460 ms task (issue
 * 29). vite.config.ts groups the dashboard's modules (dashboard-core) to stay under it.
 */
export const MAX_DASHBOARD_CHUNKS = 10;

/**
 * The file names (under the build's base) that `bundle`'s roots import statically, the roots'
 * own chunks included, less the entry chunk and its static imports.
 * @param {Record<string, { type: string; fileName: string; isEntry: boolean; moduleIds: string[]; imports: string[] }>} bundle
 * @returns {string[]}
 */
export function dashboardChunks(bundle) {
  const chunks = Object.values(bundle).filter((c) => c.type === 'chunk');
  const byFile = new Map(chunks.map((c) => [c.fileName, c]));
  const closure = (starts) => {
    const seen = new Set();
    const queue = [...starts];
    while (queue.length > 0) {
      const file = queue.pop();
      if (seen.has(file) || !byFile.has(file)) continue;
      seen.add(file);
      queue.push(...byFile.get(file).imports);
    }
    return seen;
  };
  const entry = closure(chunks.filter((c) => c.isEntry).map((c) => c.fileName));
  const roots = ROOTS.map((root) => {
    const chunk = chunks.find((c) => c.moduleIds.some((id) => root.test(id)));
    if (!chunk) throw new Error(`dashboard-preload: no chunk holds ${root}`);
    return chunk.fileName;
  });
  const listed = [...closure(roots)].filter((f) => !entry.has(f)).sort();
  const late = listed.filter((f) => AFTER_THE_SCORE.test(f));
  if (late.length > 0) {
    throw new Error(`dashboard-preload: the score would wait for ${late.join(', ')}`);
  }
  if (listed.length > MAX_DASHBOARD_CHUNKS) {
    throw new Error(
      `dashboard-preload: the score would wait for ${listed.length} files (at most ${MAX_DASHBOARD_CHUNKS}): ${listed.join(', ')}`,
    );
  }
  return listed;
}

/** @returns {import('vite').Plugin} */
export function dashboardPreload() {
  let base = '/';
  return {
    name: 'anyam-dashboard-preload',
    apply: 'build',
    enforce: 'post',
    configResolved(config) {
      base = config.base;
    },
    generateBundle(_, bundle) {
      const page = bundle['index.html'];
      if (page?.type !== 'asset') return;
      const listed = dashboardChunks(bundle);
      const files = listed.map((f) => base + f);
      const tags = [
        `<meta name="${DASHBOARD_CHUNKS_META}" content="${files.join(' ')}">`,
        `<meta name="${DASHBOARD_TEXTS_META}" content="${dashboardTexts(bundle, listed, base)}">`,
      ];
      page.source = String(page.source).replace(
        /<\/head>/i,
        (end) => `${tags.map((t) => `  ${t}\n`).join('')}  ${end}`,
      );
    },
  };
}
