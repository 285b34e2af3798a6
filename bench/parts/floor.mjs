// Part 3b: the returning dashboard against the floor page (issue 29). For each dataset with
// data, one fresh browser process per load, app and floor interleaved at 1× and at 4× CPU (the
// machine's load drifts; interleaving puts both sides of each ratio in the same minutes). The
// floor is bench/floor/: precached by its own worker, one IndexedDB read of the app's rollups,
// one score-like figure in a card. "Usable" is the same for both: the figure on screen, then
// the task after the next frame.
import { CPU_RATE, RUNS, figure, heading, median, part, results } from '../context.mjs';
import { coldLoad } from '../browser.mjs';
import { profile } from '../profiles.mjs';

const FLOOR_PROBE = { ready: 'selector', selector: '[data-testid="floor-ready"]' };
const LABEL = { sample: '18-month sample', '100k': '100k entries' };

export async function floorPart({ base, seeded, probe }) {
  heading(
    `3b. returning dashboard ÷ floor page (1× and ${CPU_RATE}× CPU, app and floor interleaved, median of ${RUNS})`,
  );
  for (const kind of ['sample', '100k'].filter((k) => seeded[k])) {
    for (const rate of [1, CPU_RATE]) {
      await part(`floor ${kind} ${rate}x`, async () => {
        const app = [];
        const floor = [];
        for (let i = 0; i < RUNS; i++) {
          app.push(await coldLoad(profile(kind), `${base}/#/dashboard`, { rate, probe }));
          floor.push(
            await coldLoad(profile(kind), `${base}/__floor/`, { rate, probe: FLOOR_PROBE }),
          );
        }
        const appUsable = app.map((l) => l.usablePainted);
        const appOnScreen = app.map((l) => l.onScreenPainted ?? l.usablePainted);
        const snapshots = app.filter((l) => l.snapshotPainted !== null).length;
        const floorUsable = floor.map((l) => l.usablePainted);
        const uncontrolled = floor.filter((l) => !l.controlled).length;
        figure(
          `floor:${kind}:${rate}x`,
          `floor page usable, ${LABEL[kind]} (${rate}x CPU)`,
          'ms',
          floorUsable,
          {
            note: uncontrolled
              ? `${uncontrolled} of ${floor.length} not from its worker`
              : 'from its worker',
          },
        );
        // The score on screen: the last score (issue 29's item 3), else the computed one.
        const ratio = median(appOnScreen) / median(floorUsable);
        const computedRatio = median(appUsable) / median(floorUsable);
        figure(
          `floor:app:${kind}:${rate}x`,
          `  dashboard score on screen, same minutes (${rate}x CPU)`,
          'ms',
          appOnScreen,
          { note: `the last score in ${snapshots} of ${app.length} loads` },
        );
        figure(
          `floor:ratio:${kind}:${rate}x`,
          `  returning usable ÷ floor, ${LABEL[kind]} (${rate}x)`,
          '×',
          [ratio],
          {
            goal: { text: '≤ 1.5×', holds: ratio <= 1.5 },
            note: 'score on screen; ratio of the medians, interleaved',
          },
        );
        figure(
          `floor:app:computed:${kind}:${rate}x`,
          `  dashboard computed again, usable, same minutes (${rate}x CPU)`,
          'ms',
          appUsable,
        );
        figure(
          `floor:ratio:computed:${kind}:${rate}x`,
          `  computed score ÷ floor, ${LABEL[kind]} (${rate}x)`,
          '×',
          [computedRatio],
          {
            goal: { text: '≤ 1.5×', holds: computedRatio <= 1.5 },
            note: 'without the last score',
          },
        );
        results.figures[`floor:${kind}:${rate}x:raw`] = { app, floor };
      });
    }
  }
}
