// Parts 5 and 5b: the entries view (paging) and its search, 100k entries.
import { CPU_RATE, PARTS, RUNS, figure, heading, median, part, results } from '../context.mjs';
import { coldLoad, evaluateWithin } from '../browser.mjs';
import { pageEntries, runSearch } from '../probes.js';
import { profile } from '../profiles.mjs';

export async function entriesPart({ base, seeded }) {
  // 5. Entries view ---------------------------------------------------------------------------------
  if (PARTS.has('entries') && seeded['100k']) {
    heading(
      `5. entries view, 100k entries (1× CPU, fresh browser process, ${RUNS} runs; 36 months back)`,
    );
    await part('entries view', async () => {
      const sessions = [];
      for (let i = 0; i < RUNS; i++) {
        sessions.push(
          await coldLoad(profile('100k'), `${base}/#/entries`, {
            rate: 1,
            probe: { ready: 'selector', selector: '[data-testid="entry-row"]' },
            after: (page) => evaluateWithin(page, 240_000, 'paging 36 months', pageEntries, 36),
          }),
        );
      }
      results.figures['entries:raw'] = sessions;
      figure(
        'entries:firstRows',
        'entries: time to first rows (cold load)',
        'ms',
        sessions.map((s) => s.readyPainted),
      );
      const longest = sessions.map((s) => s.after.longestTask);
      figure(
        'entries:longestTask',
        'entries: longest task paging+scrolling 3 years',
        'ms',
        longest,
        {
          goal: { text: '≤ 100 ms', holds: median(longest) <= 100 },
          note: `${Math.round(sessions[0].after.rows / 36)} rows on screen a frame after each page`,
        },
      );
      figure(
        'entries:page',
        'entries: one month page (median of 36, per run)',
        'ms',
        sessions.map((s) => median(s.after.pages)),
      );
    });
  }

  // 5b. Search ----------------------------------------------------------------------------------------
  if (PARTS.has('search') && seeded['100k']) {
    heading(
      `5b. search in the entries view, 100k entries (1× and ${CPU_RATE}× CPU, fresh browser process, ${RUNS} runs)`,
    );
    // Three searches a household makes: a word of a note over ten years (the `date` index, month
    // by month), an amount range (the `[currency+date]` index of the range's currency, month by
    // month), three years of everything (the `date` index over 36 months; 100 rows drawn).
    const today = new Date().toISOString().slice(0, 10);
    const threeYearsAgo = `${Number(today.slice(0, 4)) - 3}${today.slice(4)}`;
    const SEARCHES = [
      ['note', 'a word in notes ("rainy"), 10 years', { q: 'rainy' }],
      [
        'amount',
        'an amount range (IDR 100,000–200,000)',
        { amountMin: '100000', amountMax: '200000' },
      ],
      ['dates', 'a 3-year date range, every entry', { from: threeYearsAgo, to: today }],
    ];
    for (const rate of [1, CPU_RATE]) {
      await part(`search ${rate}x`, async () => {
        const sessions = [];
        for (let i = 0; i < RUNS; i++) {
          sessions.push(
            await coldLoad(profile('100k'), `${base}/#/entries`, {
              rate,
              probe: { ready: 'selector', selector: '[data-testid="entry-row"]' },
              after: async (page) => {
                const out = {};
                for (const [id, , query] of SEARCHES)
                  out[id] = await evaluateWithin(page, 240_000, `search ${id}`, runSearch, query);
                return out;
              },
            }),
          );
        }
        results.figures[`search:${rate}x:raw`] = sessions.map((s) => s.after);
        for (const [id, label] of SEARCHES) {
          const runs = sessions.map((s) => s.after[id]);
          const first = runs.map((r) => r.first);
          const longest = runs.map((r) => r.longestTask);
          figure(
            `search:${id}:${rate}x:first`,
            `search ${label}: first results (${rate}x)`,
            'ms',
            first,
            {
              goal: rate === 1 ? { text: '≤ 300 ms', holds: median(first) <= 300 } : null,
              note: `${runs[0].found.toLocaleString('en-US')} found`,
            },
          );
          figure(
            `search:${id}:${rate}x:all`,
            `  all results (${rate}x)`,
            'ms',
            runs.map((r) => r.all),
          );
          figure(`search:${id}:${rate}x:longestTask`, `  longest task (${rate}x)`, 'ms', longest, {
            goal: rate === 1 ? { text: '≤ 100 ms', holds: median(longest) <= 100 } : null,
          });
        }
      });
    }
  }
}
