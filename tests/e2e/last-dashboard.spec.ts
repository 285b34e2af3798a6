import { type Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { quickAddUi } from './household';
import { openView, startHousehold } from './support';

/**
 * "The last dashboard first" (issue 29, lib/ui/last-dashboard.svelte.ts): a returning visit
 * paints the dashboard drawn last time, marked as updating, until the computed one replaces it;
 * a write drops it, so the next visit shows none until a dashboard has been computed again.
 */

const KEY = 'anyam.snapshot';

interface Seen {
  shown: boolean;
  note: string;
  score: string | null;
  inert: boolean | null;
  ariaHidden: string | null;
  liveShown: boolean;
  ended: boolean;
  liveScore: string | null;
}

/**
 * Records, from the page's first script, what the snapshot showed and what replaced it. The
 * snapshot is drawn in a closed shadow root, which no script can read: for this test only,
 * `attachShadow` opens it.
 */
async function watchSnapshot(page: Page): Promise<void> {
  await page.addInitScript(() => {
    const attach = Object.getOwnPropertyDescriptor(Element.prototype, 'attachShadow')!.value as (
      this: Element,
      init: ShadowRootInit,
    ) => ShadowRoot;
    Element.prototype.attachShadow = function (init: ShadowRootInit) {
      return attach.call(this, { ...init, mode: 'open' });
    };
    const seen = {
      shown: false,
      note: '',
      score: null as string | null,
      inert: null as boolean | null,
      ariaHidden: null as string | null,
      liveShown: false,
      ended: false,
      liveScore: null as string | null,
    };
    (window as unknown as { __seen: typeof seen }).__seen = seen;
    new MutationObserver(() => {
      const host = document.querySelector<HTMLElement>('.last-dashboard');
      // The live page is uncovered once the snapshot over it is gone.
      const live = host === null;
      if (host?.dataset.snapshot === 'shown' && !seen.shown) {
        seen.shown = true;
        seen.note = host.querySelector('.last-dashboard-note')?.textContent ?? '';
        const screen = host.shadowRoot?.firstElementChild as HTMLElement | null | undefined;
        seen.score = screen?.querySelector('[data-testid="dash-score-value"]')?.textContent ?? null;
        seen.inert = screen?.inert ?? null;
        seen.ariaHidden = screen?.getAttribute('aria-hidden') ?? null;
        seen.liveShown = live;
      }
      // Ended: gone, and the live page shown.
      const gone = live;
      if (seen.shown && !seen.ended && gone) {
        seen.ended = true;
        seen.liveScore =
          document.querySelector('main [data-testid="dash-score-value"]')?.textContent ?? null;
      }
    }).observe(document, {
      subtree: true,
      childList: true,
      attributes: true,
      attributeFilter: ['data-snapshot'],
    });
  });
}

const seen = (page: Page) => page.evaluate(() => (window as unknown as { __seen: Seen }).__seen);
const kept = (page: Page) => page.evaluate((key) => localStorage.getItem(key) !== null, KEY);

/** The live dashboard drawn (this test opens the snapshot's shadow root: it is kept apart). */
async function dashboardDrawn(page: Page): Promise<string> {
  const live = page.locator('#app > :not(.last-dashboard)').first();
  await expect(live.locator('[data-dashboard-ready="true"]')).toBeVisible({ timeout: 30_000 });
  return (await live.getByTestId('dash-score-value').textContent()) ?? '';
}

test('a returning visit shows the last dashboard, marked as updating, until the computed one replaces it', async ({
  page,
}) => {
  await startHousehold(page, { sample: true });
  await openView(page, 'dashboard');
  const score = await dashboardDrawn(page);
  await expect.poll(() => kept(page), { timeout: 15_000 }).toBe(true);

  await watchSnapshot(page);
  await page.reload();
  await dashboardDrawn(page);
  const shown = await seen(page);
  expect(shown.shown).toBe(true);
  expect(shown.note).toBe('Your figures from last time, updating…');
  expect(shown.score).toBe(score);
  // Not something to tap or to read out: the live page is, covered meanwhile.
  expect(shown.inert).toBe(true);
  expect(shown.ariaHidden).toBe('true');
  expect(shown.liveShown).toBe(false);
  // Replaced by the computed dashboard, which shows the same score.
  expect(shown.ended).toBe(true);
  expect(shown.liveScore).toBe(score);
  await expect(page.locator('.last-dashboard, .last-dashboard-note')).toHaveCount(0);
  await expect(page.locator('main').getByTestId('dash-score-value')).toHaveText(score);
});

test('after a write the next visit shows no snapshot until the dashboard is computed again', async ({
  page,
}) => {
  await startHousehold(page, { sample: true });
  await openView(page, 'dashboard');
  await dashboardDrawn(page);
  await expect.poll(() => kept(page), { timeout: 15_000 }).toBe(true);

  // A write (an entry, from quick add, on another view: no dashboard is there to keep a new
  // one) drops it at once.
  await openView(page, 'entries');
  expect(await kept(page)).toBe(true);
  await quickAddUi(page, { amount: '25000' });
  expect(await kept(page)).toBe(false);
  await watchSnapshot(page);
  // A new visit, straight to the dashboard (not a tap: that would draw and keep it first).
  await page.goto('about:blank');
  await page.goto('/#/dashboard');
  const score = await dashboardDrawn(page);
  expect((await seen(page)).shown).toBe(false);
  // The dashboard computed with the new entry is kept, and is what the next visit shows.
  await expect.poll(() => kept(page), { timeout: 15_000 }).toBe(true);
  await page.reload();
  await dashboardDrawn(page);
  expect((await seen(page)).shown).toBe(true);
  expect((await seen(page)).score).toBe(score);
});

test('a snapshot of another day, language or household, or on a phone hiding its amounts, is never shown', async ({
  page,
}) => {
  await startHousehold(page, { sample: true });
  await openView(page, 'dashboard');
  await dashboardDrawn(page);
  await expect.poll(() => kept(page), { timeout: 15_000 }).toBe(true);
  await watchSnapshot(page);
  for (const change of ['day', 'locale', 'household'] as const) {
    await page.evaluate(
      ([key, field]) => {
        const stored = JSON.parse(localStorage.getItem(key)!) as Record<string, string>;
        stored[field] = field === 'day' ? '2000-01-01' : 'another';
        localStorage.setItem(key, JSON.stringify(stored));
      },
      [KEY, change] as const,
    );
    await page.reload();
    await dashboardDrawn(page);
    expect((await seen(page)).shown, change).toBe(false);
    await expect.poll(() => kept(page), { timeout: 15_000 }).toBe(true);
  }
  // Amounts hidden on this phone (as with a lock): none is shown, and the one kept is dropped.
  await page.evaluate(() => {
    const device = JSON.parse(localStorage.getItem('anyam.device') ?? '{}') as object;
    localStorage.setItem('anyam.device', JSON.stringify({ ...device, hideAmounts: true }));
  });
  await page.reload();
  await dashboardDrawn(page);
  expect((await seen(page)).shown).toBe(false);
  expect(await kept(page)).toBe(false);
});
