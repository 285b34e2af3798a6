// `npm run bench`: builds Anyam, serves the build on loopback, drives the system Chromium and
// prints one line per figure (median of 5 unless said, with min–max), then writes
// bench/results.json. Figures are measured, never asserted: speed lives here, not in timed unit
// tests. docs/performance.md explains each figure and what it rests on.
//
//   npm run bench                      every figure, Lighthouse 12 included (mobile preset,
//                                      median of 3); about 12 minutes on the 2-core machine
//   npm run bench -- --no-lighthouse   all but Lighthouse
//   npm run bench -- --only cold,csv   some parts: size, update, firstvisit, cold, bare, floor,
//                                      quickadd, entries, search, writes, analytics, loop,
//                                      projection,
//                                      csv, merge, lighthouse (cold also gives FCP and heap)
//   npm run bench -- --runs 3          fewer repetitions (quick look; not for docs)
//   npm run bench -- --datasets empty  cold loads of some datasets only: empty, sample, 100k
//   npm run bench -- --skip-build      reuse dist-bench-app/ and the helper builds
//   npm run bench -- --locale vi-VN    the browser's language (the app's) for every load but
//                                      the per-language first visits; English by default
//   npm run bench -- --seed-experiment compare the ways of seeding 100,000 entries, then stop
//   npm run bench -- --keep-profiles   keep the Chromium profiles (path printed; IndexedDB is per
//                                      origin, so reuse them with the same --port)
//   npm run bench -- --help            this text
//   node bench/profile.mjs <profile> <port>  where a kept profile's cold load spends its time
//
// Exit status is non-zero only when the harness itself breaks (build, server, browser); a
//
// What each part measures lives in bench/parts/: sizes.mjs (initial JS, update cost),
// first-visit.mjs, cold.mjs (returning dashboard, FCP ÷ bare, heap), floor.mjs (returning
// dashboard ÷ floor page), quick-add.mjs, entries.mjs (paging, search), lab.mjs (writes,
// analytics, monthly loop, projection, CSV import), lighthouse.mjs (merge preview, Lighthouse). Options,
// results and printing are in context.mjs; builds and profiles in profiles.mjs.
import { rmSync, writeFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { performance } from 'node:perf_hooks';
import { startServer } from '../scripts/serve.mjs';
import { executable } from './browser.mjs';
import {
  APP_DIR,
  BARE_DIR,
  FLOOR_DIR,
  HARNESS_DIR,
  PARTS,
  elapsed,
  fatal,
  flag,
  fmt,
  heading,
  part,
  results,
  started,
  value,
} from './context.mjs';
import {
  appBuild,
  firstVisit,
  helperBuilds,
  probeFor,
  profilesRoot,
  seedExperiment,
  seedProfile,
  visitFloor,
} from './profiles.mjs';
import { buildContains } from './size.mjs';
import { coldPart } from './parts/cold.mjs';
import { entriesPart } from './parts/entries.mjs';
import { firstVisitPart } from './parts/first-visit.mjs';
import { floorPart } from './parts/floor.mjs';
import { labPart } from './parts/lab.mjs';
import { lighthousePart } from './parts/lighthouse.mjs';
import { quickAddPart } from './parts/quick-add.mjs';
import { sizes } from './parts/sizes.mjs';

async function main() {
  console.log(
    `Anyam bench: ${results.machine.cpus} cores, ${results.machine.memoryGiB} GiB, ${results.machine.chromium}, node ${process.version}; load ${results.load.start.join(' ')}`,
  );
  if (results.load.start[0] > results.machine.cpus * 0.75) {
    console.log(
      `! the machine is busy (load ${results.load.start[0]} on ${results.machine.cpus} cores): timings will be noisy`,
    );
  }
  try {
    executable();
  } catch (error) {
    fatal('Chromium', error);
  }
  console.log(
    'building the harness, the bare and the floor pages; then the app, while the datasets are seeded',
  );
  await helperBuilds();
  let server;
  try {
    server = await startServer({
      root: APP_DIR,
      port: Number(value('port', 0)),
      mounts: { '/__bench/': HARNESS_DIR, '/__bare/': BARE_DIR, '/__floor/': FLOOR_DIR },
    });
  } catch (error) {
    fatal('the server does not start', error);
  }
  const base = server.url;

  if (flag('seed-experiment')) {
    await appBuild();
    await seedExperiment(base);
    await server.close();
    return;
  }

  // Seeding needs only the harness: it runs while the app builds (nothing is measured meanwhile).
  const needData = ['cold', 'floor', 'quickadd', 'entries', 'search'].some((p) => PARTS.has(p));
  const kinds = (value('datasets', null)?.split(',') ?? ['empty', 'sample', '100k']).filter(
    (k) => PARTS.has('cold') || (PARTS.has('floor') && k === 'sample') || k === '100k',
  );
  const seeded = {};
  heading('build and seeding (each dataset once, into its own profile; not figures)');
  const seeding = (async () => {
    if (!needData) return;
    for (const kind of kinds) {
      await part(`seed ${kind}`, async () => {
        seeded[kind] = await seedProfile(base, kind);
        // Before the app's worker (scope /) exists in this profile: the floor's own worker
        // (scope /__floor/) installs from a navigation the app's worker would have answered.
        if (kind !== 'empty') await visitFloor(base, kind);
        const s = seeded[kind];
        console.log(
          `  ${kind.padEnd(7)} ${String(s.entries).padStart(7)} entries, ${String(s.rollups).padStart(5)} rollups, seeded in ${fmt(s.ms, 'ms')} ms (entries ${fmt(s.entriesMs, 'ms')} ms; rollups checked)`,
        );
      });
    }
  })();
  await Promise.all([appBuild(), seeding]);
  results.seeding = seeded;

  const dashboardAttr = buildContains(APP_DIR, 'data-dashboard-ready');
  const revisionAttr = buildContains(APP_DIR, 'data-revision');
  results.contract = { dataDashboardReady: dashboardAttr, dataRevision: revisionAttr };
  const probe = probeFor(dashboardAttr);
  console.log(
    `  dashboard ready = ${dashboardAttr ? 'data-dashboard-ready="true"' : 'every [data-chart] data-drawn="true", or the empty state (data-dashboard-ready not in the build yet)'}`,
  );
  for (const kind of Object.keys(seeded)) {
    await part(`first visit ${kind}`, async () => {
      const t0 = performance.now();
      await firstVisit(base, kind, probe);
      console.log(
        `  ${kind.padEnd(7)} first visit (worker installed and controlling) ${fmt(performance.now() - t0, 'ms')} ms`,
      );
    });
  }

  const ctx = { base, seeded, kinds, probe, cold: {} };
  await sizes(ctx);
  await firstVisitPart(ctx);
  await coldPart(ctx);
  if (PARTS.has('floor')) await floorPart(ctx);
  await quickAddPart(ctx);
  await entriesPart(ctx);
  await labPart(ctx);
  await lighthousePart(ctx);

  await server.close();
}

try {
  await main();
} catch (error) {
  console.error(error);
  process.exitCode = 2;
} finally {
  results.load.end = loadavg().map((n) => Number(n.toFixed(2)));
  results.elapsedSeconds = Math.round((performance.now() - started) / 1000);
  writeFileSync('bench/results.json', JSON.stringify(results, null, 2) + '\n');
  const held = Object.values(results.figures).filter(
    (f) => f && f.held !== undefined && f.held !== null,
  );
  console.log(
    `\nbench: ${held.filter((f) => f.held).length}/${held.length} goals held, ${results.errors.length} errors, ${elapsed()}; load ${results.load.start[0]} → ${results.load.end[0]}; wrote bench/results.json`,
  );
  if (flag('keep-profiles')) console.log(`profiles kept in ${profilesRoot}`);
  else rmSync(profilesRoot, { recursive: true, force: true });
}
