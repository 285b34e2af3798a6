// Part 8 and Lighthouse: merge preview against 100k, Lighthouse on a first visit.
import { rmSync } from 'node:fs';
import { PARTS, RUNS, figure, fmt, heading, median, part, results } from '../context.mjs';
import { evaluateWithin, withBrowser } from '../browser.mjs';
import { harnessPage, profile } from '../profiles.mjs';
import { mergeBench } from '../merge.mjs';

export async function lighthousePart({ base }) {
  // Merge preview (issue 23) ------------------------------------------------------------------------
  if (PARTS.has('merge')) {
    heading('8. merge preview against the 100k household (harness page, 1× CPU)');
    await part('merge preview', () =>
      mergeBench({
        withBrowser,
        profile,
        harnessPage,
        evaluateWithin,
        figure,
        median,
        base,
        runs: RUNS,
        rmSync,
      }),
    );
  }

  // Lighthouse --------------------------------------------------------------------------------------
  if (PARTS.has('lighthouse')) {
    heading('Lighthouse 12 (mobile preset, median of 3), first visit of the built app');
    await part('lighthouse', async () => {
      const { runLighthouse } = await import('../lighthouse.mjs');
      const lh = await runLighthouse(`${base}/`, 3);
      for (const [id, goalValue, op] of [
        ['accessibility', 100, '='],
        ['best-practices', 100, '='],
        ['performance', 95, '≥'],
      ]) {
        const scores = lh.runs.map((r) => r[id]);
        const m = median(scores);
        const metrics = (key) => fmt(median(lh.metrics.map((x) => x[key])), 'ms');
        figure(`lighthouse:${id}`, `Lighthouse ${id}`, 'score', scores, {
          goal: {
            text: `${op} ${goalValue}`,
            holds: op === '=' ? m === goalValue : m >= goalValue,
          },
          note:
            id === 'performance'
              ? `FCP ${metrics('first-contentful-paint')} ms, LCP ${metrics('largest-contentful-paint')} ms, TBT ${metrics('total-blocking-time')} ms (simulated)`
              : lh.failing[id]?.length
                ? `failing: ${lh.failing[id].join(', ')}`
                : null,
        });
      }
      const tbt = lh.metrics.map((x) => x['total-blocking-time']);
      figure('lighthouse:tbt', 'Lighthouse total blocking time (simulated)', 'ms', tbt, {
        goal: { text: '≤ 150 ms', holds: median(tbt) <= 150 },
      });
      results.figures['lighthouse:raw'] = lh;
    });
  }
}
