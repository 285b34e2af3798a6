// What a cold load's long tasks are made of: `node bench/trace.mjs <profileDir> <port> [cpuRate]`
// on a profile kept by `npm run bench -- --keep-profiles --port <port>` (serve the same build on
// the same port first, as for bench/profile.mjs). Records a Chromium trace of the load to the
// dashboard and prints, for each main-thread task over 50 ms before the score is usable, the
// events inside it by total time (script evaluation and compilation per file, parsing, style,
// layout, IndexedDB callbacks…), so a long task can be split where it is heavy.
import { evaluateWithin, launch, throttle } from './browser.mjs';
import { installProbe, probeResult } from './probes.js';

const [profileDir, port, rate = '4'] = process.argv.slice(2);
if (!profileDir || !port) {
  console.error('usage: node bench/trace.mjs <profileDir> <port> [cpuRate]');
  process.exit(2);
}

const { context, page } = await launch(profileDir);
const events = [];
try {
  const cdp = await throttle(context, page, Number(rate));
  cdp.on('Tracing.dataCollected', ({ value }) => events.push(...value));
  const done = new Promise((resolve) => cdp.once('Tracing.tracingComplete', resolve));
  await cdp.send('Tracing.start', {
    transferMode: 'ReportEvents',
    traceConfig: {
      includedCategories: [
        'devtools.timeline',
        'disabled-by-default-devtools.timeline',
        'v8.execute',
        'v8',
        'toplevel',
        'blink',
        'loading',
      ],
    },
  });
  await page.addInitScript(installProbe, { ready: 'dashboard', readyAttr: true });
  await page.goto(`http://127.0.0.1:${port}/#/dashboard`, { waitUntil: 'commit' });
  const result = await evaluateWithin(page, 90_000, 'ready', probeResult);
  await cdp.send('Tracing.end');
  await done;
  if (process.env.TRACE_OUT)
    (await import('node:fs')).writeFileSync(process.env.TRACE_OUT, JSON.stringify(events));
  console.log(
    `usable ${result.usablePainted?.toFixed(0)} ms; long tasks ${JSON.stringify(result.longTaskList)}`,
  );
} finally {
  await context.close().catch(() => {});
}

// The page's main thread: of the threads named CrRendererMain (Playwright's blank page and
// other renderers have one too), the busiest one that parsed HTML.
const busiest = (e) => events.filter((x) => x.pid === e.pid && x.tid === e.tid).length;
const main = events
  .filter(
    (e) =>
      e.name === 'thread_name' &&
      e.args?.name === 'CrRendererMain' &&
      events.some((x) => x.pid === e.pid && x.name === 'ParseHTML'),
  )
  .sort((a, b) => busiest(b) - busiest(a))[0];
const onMain = events.filter((e) => e.pid === main.pid && e.tid === main.tid && e.ph === 'X');
// Top-level tasks only (a ThreadControllerImpl::RunTask holds the RunTask of the same task).
const long = onMain
  .filter(
    (e) => (e.name === 'RunTask' || e.name === 'ThreadControllerImpl::RunTask') && e.dur >= 50_000,
  )
  .sort((a, b) => a.ts - b.ts || b.dur - a.dur);
const tasks = long.filter(
  (e, i) =>
    !long.some(
      (o, j) => j !== i && o.ts <= e.ts && o.ts + o.dur >= e.ts + e.dur && (o.dur > e.dur || j < i),
    ),
);
const navStart = onMain.find((e) => e.name === 'ParseHTML')?.ts ?? tasks[0]?.ts ?? 0;
for (const task of tasks) {
  const inside = onMain.filter(
    (e) => e !== task && e.ts >= task.ts && e.ts + e.dur <= task.ts + task.dur,
  );
  const byName = new Map();
  for (const e of inside) {
    const url = e.args?.data?.url ?? e.args?.data?.stackTrace?.[0]?.url ?? e.args?.fileName ?? '';
    const fn = e.args?.data?.functionName ?? '';
    const key = `${e.name}${url ? ' ' + url.split('/').pop() : ''}${fn ? ' ' + fn : ''}`;
    byName.set(key, (byName.get(key) ?? 0) + e.dur);
  }
  console.log(
    `\ntask at ~${((task.ts - navStart) / 1000).toFixed(0)} ms after ParseHTML: ${(task.dur / 1000).toFixed(0)} ms`,
  );
  [...byName]
    .sort((a, b) => b[1] - a[1])
    .slice(0, 25)
    .forEach(([k, d]) => console.log(`  ${(d / 1000).toFixed(1).padStart(7)} ms  ${k}`));
}
