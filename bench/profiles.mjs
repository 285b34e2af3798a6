// Builds (the app into its own directory, the harness, the bare and floor pages) and the Chromium
// profiles every measured load runs in.
import { spawn } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { evaluateWithin, waitForServiceWorker, withBrowser } from './browser.mjs';
import { installProbe, probeResult } from './probes.js';
import { APP_DIR, failed, fatal, flag, fmt, heading, part, results, warn } from './context.mjs';

// ---------------------------------------------------------------------------------------------
// Builds: the app into its own directory (other people's `npm run build` rewrites dist/ at any
// moment), the harness and the bare page with bench/vite.config.ts.

function run(cmd, args, env = {}) {
  return new Promise((resolve, reject) => {
    const child = spawn(cmd, args, {
      stdio: ['ignore', 'pipe', 'pipe'],
      env: { ...process.env, ...env },
    });
    let out = '';
    child.stdout.on('data', (d) => (out += d));
    child.stderr.on('data', (d) => (out += d));
    child.on('error', reject);
    child.on('close', (code) => {
      if (code === 0) resolve();
      else
        reject(
          new Error(
            `${cmd} ${args.join(' ')} failed:\n${out.trim().split('\n').slice(-15).join('\n')}`,
          ),
        );
    });
  });
}

/** The harness (with the app's CSV import if it builds), the bare and floor pages: a few seconds. */
export async function helperBuilds() {
  if (flag('skip-build')) return;
  const vite = ['vite', 'build', '--config', 'bench/vite.config.ts', '--mode'];
  try {
    await run('npx', [...vite, 'harness']);
  } catch (error) {
    // Most likely the CSV import is mid-edit: build without it and measure everything else.
    console.log(
      `! harness: building without the CSV import (${error.message.split('\n').slice(1, 4).join(' ').slice(0, 200)})`,
    );
    try {
      await run('npx', [...vite, 'harness'], { BENCH_NO_CSV: '1' });
    } catch (again) {
      fatal('the bench harness does not build', again);
    }
  }
  for (const page of ['bare', 'floor']) {
    try {
      await run('npx', [...vite, page]);
    } catch (error) {
      failed(`${page} page build`, error);
    }
  }
}

/** `npm run build` (message check, i18n, vite build) with vite's output in APP_DIR. */
export async function appBuild() {
  if (flag('skip-build')) return;
  const t0 = performance.now();
  try {
    await run('npm', ['run', 'build', '--silent', '--', '--outDir', APP_DIR, '--emptyOutDir']);
  } catch (error) {
    fatal('the app does not build', error);
  }
  console.log(`  app built in ${fmt(performance.now() - t0, 'ms')} ms (while seeding)`);
}

// ---------------------------------------------------------------------------------------------
// Profiles: each dataset is seeded ONCE into its own profile (IndexedDB is slow here), then the
// app is opened once so that its service worker installs and precaches: every measured load is
// the realistic repeat visit, served from the precache.

export const profilesRoot = mkdtempSync(join(tmpdir(), 'anyam-bench-'));
export const profile = (name) => join(profilesRoot, name);

export async function harnessPage(page, base) {
  await page.goto(`${base}/__bench/`);
  await page.waitForFunction(() => window.anyamBench !== undefined, null, { timeout: 60_000 });
}

export function probeFor(dashboardAttr) {
  return { ready: 'dashboard', readyAttr: dashboardAttr };
}

/** Seeds the app's database in the profile through the harness (needs no app build). */
export async function seedProfile(base, kind) {
  return withBrowser(profile(kind), async (page) => {
    await harnessPage(page, base);
    const seeded = await evaluateWithin(
      page,
      300_000,
      `seed ${kind}`,
      (k) => window.anyamBench.seed(k),
      kind,
    );
    if (seeded.rollupsMatch && !seeded.rollupsMatch.ok) {
      throw new Error(`seeded rollups differ from the entries: ${seeded.rollupsMatch.problem}`);
    }
    return seeded;
  });
}

/** The first visit of the app: installs the worker and its precache (not measured). */
export async function firstVisit(base, kind, probe) {
  await withBrowser(profile(kind), async (page, context, errors) => {
    await page.addInitScript(installProbe, probe);
    await page.goto(`${base}/#/dashboard`);
    await evaluateWithin(page, 120_000, 'first visit: dashboard ready', probeResult);
    await waitForServiceWorker(page);
    // An app error is reported, not fatal: the profile is still measured (and shows it).
    if (errors.length > 0) warn(`${kind}: page error on the first visit: ${errors[0]}`);
  });
  await ensureControlled(base, kind);
  if (kind !== 'empty') await keepLastScore(base, kind);
}

/**
 * A returning visit keeps its score card for the next one once drawn and idle (the last score
 * first, src/lib/db/score-snapshot.ts): measured visits start as a returning household's phone
 * would. The empty household has no score to keep.
 */
async function keepLastScore(base, kind) {
  const kept = await withBrowser(profile(kind), async (page) => {
    await page.goto(`${base}/#/dashboard`);
    return page
      .waitForFunction(() => localStorage.getItem('anyam.score-snapshot') !== null, null, {
        timeout: 30_000,
      })
      .then(() => true)
      .catch(() => false);
  });
  if (!kept) warn(`${kind}: the dashboard kept no score for the next visit`);
}

/**
 * Chromium stores a new worker registration lazily: a browser closed right after activation may
 * start the next time without it. Reopens the profile until a fresh process is controlled from
 * its first load, so that every measured load is served by the worker.
 */
export async function ensureControlled(base, name, path = '/#/dashboard') {
  for (let attempt = 1; attempt <= 4; attempt++) {
    const controlled = await withBrowser(profile(name), async (page) => {
      await page.goto(`${base}${path}`, { waitUntil: 'domcontentloaded' });
      const now = await page.evaluate(() => navigator.serviceWorker.controller !== null);
      if (!now) await waitForServiceWorker(page);
      await page.waitForTimeout(1500);
      return now;
    });
    if (controlled) return;
  }
  throw new Error(`profile ${name}: the service worker does not control a fresh load`);
}

export async function seedExperiment(base) {
  heading('seeding 100,000 entries: routes compared (fresh profile each)');
  for (const [route, chunk] of [
    ['bulkput-rebuild', 10_000],
    ['add-entries', 10_000],
    ['one-transaction', 0],
  ]) {
    await part(`seed ${route}`, async () => {
      const r = await withBrowser(profile(`seed-${route}`), async (page) => {
        await harnessPage(page, base);
        return evaluateWithin(
          page,
          600_000,
          `seed ${route}`,
          ([route, chunk]) => window.anyamBench.seedExperiment(route, 100_000, chunk),
          [route, chunk],
        );
      });
      console.log(
        `  ${route.padEnd(16)} entries ${fmt(r.entriesMs, 'ms')} ms, total ${fmt(r.ms, 'ms')} ms, rollups ${r.rollupsMatch.ok ? 'match' : r.rollupsMatch.problem}`,
      );
      results.figures[`seed:${route}`] = r;
    });
  }
}

/** The floor page's first visit: its worker installs and precaches (not measured). */
export async function visitFloor(base, kind) {
  await withBrowser(profile(kind), async (page) => {
    await page.goto(`${base}/__floor/`);
    await page.waitForSelector('[data-testid="floor-ready"]', { timeout: 60_000 });
    await waitForServiceWorker(page);
  });
}
