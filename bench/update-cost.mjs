// What an update costs a returning phone: the app is built twice, the second time with one
// string changed in one view, and the two service-worker precache manifests are compared. A file
// whose URL is new or whose revision changed is downloaded again by the new worker; sw.js itself
// is downloaded too (the browser's update check). Sizes are gzip -9, as the server sends them.
//
//   node bench/update-cost.mjs            prints the figure and the files that changed
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { TEXTS_FILE } from '../scripts/locale-split.mjs';

/** The view whose string changes, and the string: a visible attribute in its markup. */
export const CHANGED_VIEW = 'src/views/dashboard/DashboardView.svelte';
const CHANGED_FROM = 'data-testid="dashboard"';
const CHANGED_TO = 'data-testid="dashboard" data-bench-change="1"';

/** The precache entries of a built sw.js: [{ url, revision }]. */
export function precacheManifest(distDir) {
  const sw = readFileSync(join(distDir, 'sw.js'), 'utf8');
  // The minifier writes the manifest either as `{url:"a",revision:"b"}` or as JSON with the keys
  // in any order, so read each small object's two fields on their own.
  const field = (object, key) => object.match(new RegExp(`"?${key}"?:(null|"[^"]*")`))?.[1];
  const entries = [...sw.matchAll(/\{"?(?:url|revision)"?:[^{}]*\}/g)]
    .map((m) => ({ url: field(m[0], 'url'), revision: field(m[0], 'revision') }))
    .filter((e) => e.url && e.revision !== undefined && e.url !== 'null')
    .map((e) => ({
      url: JSON.parse(e.url),
      revision: e.revision === 'null' ? null : JSON.parse(e.revision),
    }));
  if (entries.length === 0) throw new Error(`no precache manifest in ${distDir}/sw.js`);
  return entries;
}

const gzipSize = (file) => gzipSync(readFileSync(file), { level: 9 }).length;

/**
 * The files a worker built from `after` fetches when it replaces one built from `before`, for a
 * phone that shows `locale`: precache entries with a URL or revision `before` lacks, plus sw.js.
 * The texts files of other languages are listed in the manifest but not fetched (src/sw.ts).
 */
export function precacheDiff(before, after, locale = 'en') {
  const old = new Set(precacheManifest(before).map((e) => `${e.url}|${e.revision}`));
  const manifest = precacheManifest(after).filter(
    (e) => (TEXTS_FILE.exec(e.url)?.[1] ?? locale) === locale,
  );
  const changed = manifest
    .filter((e) => !old.has(`${e.url}|${e.revision}`))
    .map((e) => ({ url: e.url, gzip: gzipSize(join(after, e.url)) }));
  changed.push({ url: 'sw.js', gzip: gzipSize(join(after, 'sw.js')) });
  const all = manifest.reduce((s, e) => s + gzipSize(join(after, e.url)), 0);
  return {
    changed,
    files: manifest.length,
    gzip: changed.reduce((s, f) => s + f.gzip, 0),
    precacheGzip: all,
  };
}

/** One string of CHANGED_VIEW replaced, before the Svelte compiler sees it. */
function oneStringChange() {
  return {
    name: 'bench-one-string-change',
    enforce: 'pre',
    transform(code, id) {
      if (!id.endsWith(CHANGED_VIEW)) return null;
      if (!code.includes(CHANGED_FROM)) {
        throw new Error(`${CHANGED_VIEW} no longer contains ${CHANGED_FROM}: update the bench`);
      }
      return { code: code.replace(CHANGED_FROM, CHANGED_TO), map: null };
    },
  };
}

/**
 * Builds the app twice with the project's own vite.config.ts (each build with its own build id,
 * as two real releases have) and measures what the second costs a phone that has the first.
 */
export async function updateCost() {
  const { build } = await import('vite');
  const root = mkdtempSync(join(tmpdir(), 'anyam-update-'));
  const dirs = [join(root, 'before'), join(root, 'after')];
  try {
    for (const [i, outDir] of dirs.entries()) {
      process.env.ANYAM_BUILD_ID = `bench-update-${i}-${Date.now()}`;
      await build({
        configFile: 'vite.config.ts',
        logLevel: 'silent',
        build: { outDir, emptyOutDir: true },
        plugins: i === 1 ? [oneStringChange()] : [],
      });
    }
    return precacheDiff(dirs[0], dirs[1]);
  } finally {
    delete process.env.ANYAM_BUILD_ID;
    rmSync(root, { recursive: true, force: true });
  }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const r = await updateCost();
  for (const f of r.changed)
    console.log(`  ${(f.gzip / 1024).toFixed(1).padStart(6)} KB  ${f.url}`);
  console.log(
    `${r.changed.length} of ${r.files + 1} files, ${(r.gzip / 1024).toFixed(1)} KB gzip re-downloaded (whole precache ${(r.precacheGzip / 1024).toFixed(1)} KB)`,
  );
}
