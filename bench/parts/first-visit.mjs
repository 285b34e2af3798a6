// Part 1c: a first visit until the onboarding form is usable, counted by the server.
import {
  APP_DIR,
  CPU_RATE,
  KB,
  PARTS,
  RUNS,
  figure,
  fmt,
  heading,
  median,
  part,
  results,
} from '../context.mjs';
import { firstVisits } from '../first-visit.mjs';

/** Issue 29: what a first visit downloads in all, once the worker has cached what it keeps. */
function firstVisitTotal(locale, visits) {
  const bytes = visits.map((v) => v.totalBytes);
  figure(`firstVisit:totalBytes:${locale}`, `  first visit once idle, ${locale}`, 'KB', bytes, {
    goal: { text: '≤ 350 KB', holds: median(bytes) <= 350 * KB },
    note: `${fmt(median(visits.map((v) => v.jsBytes)), 'KB')} KB JS before onboarding`,
  });
}

export async function firstVisitPart() {
  // 1c. First visit -----------------------------------------------------------------------------
  if (PARTS.has('firstvisit')) {
    heading(
      `1c. first visit until onboarding is usable (${CPU_RATE}× CPU, fresh profile, median of ${RUNS}; counted by the server)`,
    );
    await part('first visit', async () => {
      const visits = await firstVisits(APP_DIR, { runs: RUNS, rate: CPU_RATE });
      results.figures['firstVisit:raw'] = visits;
      const js = visits.map((v) => v.jsBytes);
      const requests = visits.map((v) => v.requests);
      figure('firstVisit:js', 'JS gzip before onboarding is usable', 'KB', js, {
        goal: { text: '≤ 45 KB', holds: median(js) <= 45 * KB },
      });
      figure('firstVisit:requests', 'requests before onboarding is usable', 'n', requests, {
        goal: { text: '≤ 12', holds: median(requests) <= 12 },
        note: visits[0].files
          .map((f) => f.replace(/^\/assets\//, '').replace(/-[\w-]{8}\./, '.'))
          .join(' '),
      });
      figure(
        'firstVisit:usable',
        'onboarding usable (first visit)',
        'ms',
        visits.map((v) => v.usable),
      );
      figure(
        'firstVisit:longestTask',
        '  longest task before it',
        'ms',
        visits.map((v) => v.longestTaskBeforeUsable),
      );
      figure(
        'firstVisit:total',
        '  one visit caches everything: requests / KB in all',
        'n',
        visits.map((v) => v.totalRequests),
        { note: `${fmt(median(visits.map((v) => v.totalBytes)), 'KB')} KB` },
      );
      firstVisitTotal('en', visits);
    });
    // A household that reads another language downloads that language's texts as well
    // (scripts/locale-split.mjs): its first visit is measured too, once (bytes do not vary).
    for (const [locale, browserLocale] of [
      ['id', 'id-ID'],
      ['fil', 'fil-PH'],
      ['vi', 'vi-VN'],
    ]) {
      await part(`first visit ${locale}`, async () => {
        const visits = await firstVisits(APP_DIR, {
          runs: 1,
          rate: CPU_RATE,
          locale: browserLocale,
        });
        results.figures[`firstVisit:${locale}:raw`] = visits;
        firstVisitTotal(locale, visits);
      });
    }
  }
}
