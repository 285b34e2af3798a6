// The merge preview against the 100k-entry household (issue 23, acceptance 6), at 1× CPU in the
// harness page (bench/harness/merge.ts): a changes-only household file with one change
// (goal ≤ 1 s), and a whole 100k file with 1,000 changed entries (goal ≤ 15 s, progress shown).
// Registered in bench/run.mjs as the part `merge`.

/**
 * `ctx`: what run.mjs shares with its parts (browser, profile, harness page, figure, median,
 * runs). One fresh profile, seeded once on a scratch database inside the harness.
 */
export async function mergeBench(ctx) {
  const { withBrowser, profile, harnessPage, evaluateWithin, figure, median, base, runs, rmSync } =
    ctx;
  const dir = profile('merge');
  try {
    await withBrowser(dir, async (page, _context, errors) => {
      await harnessPage(page, base);
      const r = await evaluateWithin(
        page,
        600_000,
        'harness mergePreviewBench',
        ({ runs, fullRuns }) => window.anyamBench.mergePreviewBench(runs, fullRuns),
        { runs, fullRuns: Math.min(runs, 3) },
      );
      const n = r.entriesStored.toLocaleString('en-US');
      const one = r.one.map((x) => x.previewMs);
      figure(
        'merge:previewOneChange',
        `merge preview, changes-only file of 1 change, ${n} here`,
        'ms',
        one,
        {
          goal: { text: '≤ 1000 ms', holds: median(one) <= 1000 },
          note: `reading the file ${median(r.one.map((x) => x.readMs)).toFixed(0)} ms more; ${r.one[0].written} record written`,
          extra: { read: r.one.map((x) => x.readMs) },
        },
      );
      const allTotal = r.all.map((x) => x.totalMs);
      figure(
        'merge:previewFull',
        `merge preview, whole ${n}-entry file (read + preview)`,
        'ms',
        allTotal,
        {
          goal: {
            text: '≤ 15000 ms, progress shown',
            holds: median(allTotal) <= 15_000 && r.all.every((x) => x.progressReports > 2),
          },
          note: `read ${median(r.all.map((x) => x.readMs)).toFixed(0)} ms + preview ${median(r.all.map((x) => x.previewMs)).toFixed(0)} ms; ${r.all[0].progressReports} progress reports; ${r.all[0].written} records written; ${(r.fullBytes / 1024 / 1024).toFixed(1)} MB`,
          extra: { read: r.all.map((x) => x.readMs), preview: r.all.map((x) => x.previewMs) },
        },
      );
      if (errors.length > 0) console.log(`! merge page errors: ${errors.slice(0, 3).join(' | ')}`);
    });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
