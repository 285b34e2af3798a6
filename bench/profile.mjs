// Where a cold load's time goes: `node bench/profile.mjs <profileDir> <port> [view] [cpuRate]`
// on a profile kept by `npm run bench -- --keep-profiles --port <port>` (IndexedDB and the
// service worker belong to the origin, so serve the same build on the same port first:
// `PORT=<port> node scripts/serve.mjs dist-bench-app`). Prints when each script arrived, the
// long tasks, and the functions with the most self time in a CDP CPU profile of the load.
import { evaluateWithin, launch, throttle } from './browser.mjs';
import { installProbe, probeResult } from './probes.js';

const [profileDir, port, view = 'dashboard', rate = '4'] = process.argv.slice(2);
if (!profileDir || !port) {
  console.error('usage: node bench/profile.mjs <profileDir> <port> [view] [cpuRate]');
  process.exit(2);
}

const { context, page } = await launch(profileDir);
try {
  const cdp = await throttle(context, page, Number(rate));
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.setSamplingInterval', { interval: 200 });
  await cdp.send('Profiler.start');
  const probe =
    view === 'dashboard'
      ? { ready: 'dashboard', readyAttr: true }
      : { ready: 'selector', selector: '[data-testid="entry-row"]' };
  await page.addInitScript(installProbe, probe);
  await page.goto(`http://127.0.0.1:${port}/#/${view}`, { waitUntil: 'commit' });
  const result = await evaluateWithin(page, 90_000, 'ready', probeResult);
  const { profile } = await cdp.send('Profiler.stop');
  console.log(
    `usable ${result.usablePainted?.toFixed(0)} ms, ready ${result.ready?.toFixed(0)} ms, FCP ${result.fcp?.toFixed(0)} ms`,
  );
  const resources = await page.evaluate(() =>
    performance
      .getEntriesByType('resource')
      .map((e) => ({ name: e.name.split('/').pop(), start: e.startTime, end: e.responseEnd })),
  );
  for (const r of resources) {
    console.log(`  ${r.start.toFixed(0).padStart(6)} → ${r.end.toFixed(0).padStart(6)}  ${r.name}`);
  }
  for (const [start, duration] of result.longTaskList ?? []) {
    console.log(`  long task at ${start}: ${duration} ms`);
  }
  // Self time per function (sampled), in ms of the throttled clock.
  const self = new Map();
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const dt = profile.timeDeltas;
  profile.samples.forEach((id, i) => {
    const n = byId.get(id);
    const f = n.callFrame;
    const key = `${f.functionName || '(anon)'} ${f.url.split('/').pop()}:${f.lineNumber}:${f.columnNumber}`;
    self.set(key, (self.get(key) ?? 0) + (dt[i + 1] ?? 0) / 1000);
  });
  // A timeline: per 100 ms of the load, the script that ran most (what the main thread waited on).
  const buckets = new Map();
  let t = profile.startTime;
  profile.samples.forEach((id, i) => {
    t += dt[i] ?? 0;
    const f = byId.get(id).callFrame;
    const at = Math.floor((t - profile.startTime) / 1000 / 100);
    const key = `${f.functionName || '(anon)'} ${f.url.split('/').pop()}`;
    const b = buckets.get(at) ?? new Map();
    b.set(key, (b.get(key) ?? 0) + (dt[i + 1] ?? 0) / 1000);
    buckets.set(at, b);
  });
  for (const [at, b] of [...buckets].sort((x, y) => x[0] - y[0])) {
    const top = [...b]
      .filter(([k]) => !k.startsWith('(idle)'))
      .sort((x, y) => y[1] - x[1])
      .slice(0, 4)
      .map(([k, v]) => `${k} ${v.toFixed(0)}`)
      .join(' | ');
    console.log(`  ${String(at * 100).padStart(5)} ms: ${top}`);
  }
  // Who calls the costliest native functions (a DOM call's self time is its style and layout work).
  const parentOf = new Map();
  for (const n of profile.nodes) for (const c of n.children ?? []) parentOf.set(c, n.id);
  const nativeCallers = new Map();
  profile.samples.forEach((id, i) => {
    const n = byId.get(id);
    if (n.callFrame.url !== '' || !/^[a-zA-Z]/.test(n.callFrame.functionName)) return;
    const chain = [];
    for (let p = parentOf.get(id); p !== undefined && chain.length < 3; p = parentOf.get(p)) {
      const f = byId.get(p).callFrame;
      chain.push(`${f.functionName || '(anon)'} ${f.url.split('/').pop()}:${f.columnNumber}`);
    }
    const key = `${n.callFrame.functionName} ← ${chain.join(' ← ')}`;
    nativeCallers.set(key, (nativeCallers.get(key) ?? 0) + (dt[i + 1] ?? 0) / 1000);
  });
  console.log('native calls by caller:');
  for (const [k, v] of [...nativeCallers].sort((a, b) => b[1] - a[1]).slice(0, 8)) {
    console.log(`  ${v.toFixed(1).padStart(7)} ms  ${k}`);
  }
  const total = [...self.values()].reduce((a, b) => a + b, 0);
  console.log(`sampled ${total.toFixed(0)} ms; top self time:`);
  for (const [k, v] of [...self].sort((a, b) => b[1] - a[1]).slice(0, 30)) {
    console.log(`  ${v.toFixed(1).padStart(7)} ms  ${k}`);
  }
} finally {
  await context.close();
}
