// Parts 2, 3, 6: the returning dashboard (cold load from the worker cache), FCP against the bare Svelte page, heap.
import { CPU_RATE, MB, PARTS, RUNS, figure, heading, median, part, results } from '../context.mjs';
import { coldLoad, withBrowser } from '../browser.mjs';
import { profile } from '../profiles.mjs';

export async function coldPart({ base, seeded, kinds, probe, cold }) {
  // 2, 3, 6. Cold loads --------------------------------------------------------------------------
  // cold: filled here, read by the heap figure below.
  if (PARTS.has('cold')) {
    heading(
      `2. cold load to the dashboard painted (${CPU_RATE}× CPU, fresh browser process, households interleaved, median of ${RUNS})`,
    );
    // The households' loads interleaved (empty, sample, 100k, empty, …), as the floor part does:
    // the machine's load drifts over minutes, and "100k ÷ empty" compares loads of the same
    // minutes, not one block of five against another taken a minute later.
    const measured = kinds.filter((kind) => seeded[kind]);
    const all = Object.fromEntries(measured.map((kind) => [kind, []]));
    const failed = {};
    for (let i = 0; i < RUNS; i++) {
      for (const kind of measured) {
        if (failed[kind]) continue;
        try {
          all[kind].push(
            await coldLoad(profile(kind), `${base}/#/dashboard`, {
              rate: CPU_RATE,
              probe,
              heap: kind === '100k',
            }),
          );
        } catch (error) {
          failed[kind] = error;
        }
      }
    }
    for (const kind of measured) {
      await part(`cold load ${kind}`, async () => {
        if (failed[kind]) throw failed[kind];
        const loads = all[kind];
        const how = [...new Set(loads.map((l) => l.readyHow))].join(', ');
        const uncontrolled = loads.filter((l) => !l.controlled).length;
        if (uncontrolled)
          console.log(
            `! ${kind}: ${uncontrolled} of ${loads.length} loads not controlled by the service worker`,
          );
        cold[kind] = loads;
        results.figures[`cold:${kind}:raw`] = loads.map(({ heap, ...l }) => ({ ...l, heap }));
        const label = {
          empty: 'empty household',
          sample: '18-month sample',
          '100k': '100k entries',
        }[kind];
        const usable = loads.map((l) => l.usablePainted);
        const onScreen = loads.map((l) => l.onScreenPainted ?? l.usablePainted);
        const snapshots = loads.filter((l) => l.snapshotPainted !== null).length;
        if (snapshots > 0) {
          figure(
            `cold:onScreen:${kind}`,
            `dashboard score on screen, ${label} (${CPU_RATE}x CPU)`,
            'ms',
            onScreen,
            { note: `the last score in ${snapshots} of ${loads.length} loads` },
          );
        }
        let goal = null;
        if (kind === '100k' && cold.empty) {
          const ratio = median(usable) / median(cold.empty.map((l) => l.usablePainted));
          goal = { text: `≤ 1.15× empty: ${ratio.toFixed(2)}×`, holds: ratio <= 1.15 };
          results.figures['cold:usableRatio100kToEmpty'] = {
            label: 'dashboard usable 100k ÷ empty',
            unit: '×',
            median: ratio,
            goal: '≤ 1.15',
            held: ratio <= 1.15,
          };
        }
        figure(
          `cold:usable:${kind}`,
          `dashboard usable, ${label} (${CPU_RATE}x CPU)`,
          'ms',
          usable,
          {
            goal,
            note: 'the computed score painted, main thread free',
          },
        );
        // What a phone shows first: the monthly loop sits above the score (a 360-px-wide screen
        // shows the loop, the score is screens below). Not a goal; printed so both are seen.
        const loop = loads.map((l) => l.loopPainted);
        if (loop.every((t) => typeof t === 'number')) {
          figure(`cold:loop:${kind}`, `  monthly loop drawn (the first screen)`, 'ms', loop, {
            note: 'above the score',
          });
        }
        printPhases(kind, loads);
        const before = loads.map((l) => l.longestTaskBeforeUsable);
        figure(`cold:longestBeforeUsable:${kind}`, `  longest task before usable`, 'ms', before, {
          goal: kind === '100k' ? { text: '≤ 150 ms', holds: median(before) <= 150 } : null,
          note: 'long-task API: under 50 ms reads 0',
        });
        figure(
          `cold:${kind}`,
          `  charts near the screen drawn`,
          'ms',
          loads.map((l) => l.readyPainted),
          { note: how },
        );
        figure(
          `cold:longestTask:${kind}`,
          `  longest task until then`,
          'ms',
          loads.map((l) => l.longestTask),
        );
      });
    }
  }

  // 3. FCP vs a bare Svelte page -------------------------------------------------------------------
  let bareFcp = null;
  if (PARTS.has('bare') || PARTS.has('cold')) {
    heading(`3. first contentful paint (${CPU_RATE}× CPU) vs a bare Svelte page, same server`);
    await part('bare page', async () => {
      const url = `${base}/__bare/`;
      const bareProbe = { ready: 'selector', selector: '[data-testid="bare-ready"]' };
      await withBrowser(profile('bare'), async (page) => {
        // First visit: fills the HTTP cache, as the app's first visit fills its precache.
        await page.goto(url);
        await page.waitForSelector('[data-testid="bare-ready"]');
      });
      const loads = [];
      for (let i = 0; i < RUNS; i++)
        loads.push(await coldLoad(profile('bare'), url, { rate: CPU_RATE, probe: bareProbe }));
      bareFcp = median(loads.map((l) => l.fcp));
      figure(
        'fcp:bare',
        `FCP, bare Svelte page (${CPU_RATE}x CPU)`,
        'ms',
        loads.map((l) => l.fcp),
      );
    });
    for (const kind of Object.keys(cold)) {
      await part(`fcp ${kind}`, async () => {
        const fcps = cold[kind].map((l) => l.fcp);
        let goal = null;
        if (bareFcp) {
          const ratio = median(fcps) / bareFcp;
          goal = { text: `≤ 1.1× bare: ${ratio.toFixed(2)}×`, holds: ratio <= 1.1 };
        }
        figure(
          `fcp:${kind}`,
          `FCP, dashboard, ${kind === '100k' ? '100k entries' : kind} (${CPU_RATE}x CPU)`,
          'ms',
          fcps,
          { goal },
        );
      });
    }
  }

  // 6. Heap ---------------------------------------------------------------------------------------
  if (cold['100k']) {
    heading('6. JS heap after the dashboard loads, 100k entries (after a full GC)');
    await part('heap', async () => {
      const used = cold['100k'].map((l) => l.heap?.used);
      figure('heap:100k', 'JS heap used, dashboard, 100k entries', 'MB', used, {
        goal: { text: '≤ 60 MB', holds: median(used) <= 60 * MB },
        extra: { beforeGc: cold['100k'].map((l) => l.heap?.usedBeforeGc) },
      });
      figure(
        'heap:100k:beforeGc',
        '  (before GC)',
        'MB',
        cold['100k'].map((l) => l.heap?.usedBeforeGc),
      );
    });
  }
}

/**
 * Where the time to the score went: the median of each of the app's marks (phase-mark.ts) over
 * the loads that have it, in the order of the visit, then the score painted. One line, not a
 * figure with a goal: it says which step a change moved.
 */
function printPhases(kind, loads) {
  const names = [...new Set(loads.flatMap((l) => Object.keys(l.phases ?? {})))];
  const steps = names
    .map((name) => [name, median(loads.map((l) => l.phases?.[name]).filter((t) => t != null))])
    .sort((a, b) => a[1] - b[1]);
  if (steps.length === 0) return;
  steps.push(['usable', median(loads.map((l) => l.usablePainted))]);
  results.figures[`cold:phases:${kind}`] = { unit: 'ms', medians: Object.fromEntries(steps) };
  console.log(
    `  steps (median ms from navigation): ${steps.map(([n, t]) => `${n} ${Math.round(t)}`).join(' · ')}`,
  );
}
