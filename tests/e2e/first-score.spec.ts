import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { openView, startHousehold, waitForServiceWorker } from './support';
import { FIRST_SCORE_WAIT_MS } from '../../src/lib/db/early-score';

/**
 * Issue 29: a returning visit's score is read and computed in a worker (lib/db/first-score.ts)
 * while the page loads; the dashboard draws it, then its own live queries compute the same
 * figure. One figure on screen from first to last, online and offline (the worker's file is kept
 * by the service worker once fetched, not precached).
 */

// Offline too: the worker's file comes from the service worker's cache.
test.use({ serviceWorkers: 'allow' });

/** Records, from the page's first script, each score the page draws. */
async function watchScores(page: Page): Promise<void> {
  await page.addInitScript(() => {
    const drawn: string[] = [];
    (window as unknown as { __scores: string[] }).__scores = drawn;
    new MutationObserver(() => {
      const value = document.querySelector('[data-testid="dash-score-value"]')?.textContent;
      if (value && drawn.at(-1) !== value) drawn.push(value);
    }).observe(document, { childList: true, subtree: true, characterData: true });
  });
}

/**
 * The dashboard reads for itself if the worker has not answered within FIRST_SCORE_WAIT_MS:
 * stretched here, so that a loaded machine's slow start does not take the other path.
 */
async function waitForWorker(page: Page): Promise<void> {
  await page.addInitScript((longest: number) => {
    const real = window.setTimeout.bind(window);
    window.setTimeout = ((handler: TimerHandler, ms?: number, ...rest: unknown[]) =>
      real(handler, ms === longest ? 600_000 : ms, ...rest)) as typeof window.setTimeout;
  }, FIRST_SCORE_WAIT_MS);
}

async function visit(page: Page): Promise<{ scores: string[]; marks: string[]; worker: boolean }> {
  await page.reload();
  // Ready: the charts drawn, which waits for the page's own computation (the live rows).
  await expect(page.getByTestId('dashboard')).toHaveAttribute('data-dashboard-ready', 'true');
  return page.evaluate(() => ({
    scores: (window as unknown as { __scores: string[] }).__scores,
    marks: performance.getEntriesByType('mark').map((m) => m.name),
    worker: performance
      .getEntriesByType('resource')
      .some((r) => r.name.includes('/assets/score-worker-')),
  }));
}

test("a returning visit draws the worker's score, and the page's computation keeps it, offline too", async ({
  page,
  context,
}) => {
  await startHousehold(page, { sample: true });
  await openView(page, 'dashboard');
  const score = (await page.getByTestId('dash-score-value').textContent()) ?? '';
  expect(score).toMatch(/^\d+$/);
  await watchScores(page);
  await waitForWorker(page);
  // Controlled, so the worker's file fetched by the next visit is kept for the offline one.
  await waitForServiceWorker(page);

  const online = await visit(page);
  expect(online.worker).toBe(true);
  // The browser was asked to open the database's files by index.html's first script, before
  // any module ran (its policy allows it: a refused script marks nothing), and that plain
  // connection opened (lib/db/warm-database.ts).
  expect(online.marks).toContain('anyam:db-early');
  expect(online.marks.indexOf('anyam:db-early')).toBeLessThan(online.marks.indexOf('anyam:entry'));
  expect(online.marks).toContain('anyam:db-warm');
  // Drawn without computing on the page (computeThenDraw's `compute` step never ran)…
  expect(online.marks).toContain('anyam:drawn');
  expect(online.marks).not.toContain('anyam:compute');
  // …and one figure from first to last: the page's own computation agreed.
  expect(online.scores).toEqual([score]);

  await context.setOffline(true);
  const offline = await visit(page);
  expect(offline.marks).not.toContain('anyam:compute');
  expect(offline.scores).toEqual([score]);
  await context.setOffline(false);
});
