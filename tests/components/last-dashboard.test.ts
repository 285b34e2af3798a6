// @vitest-environment jsdom
/**
 * What the last dashboard keeps of the page and how it stands in for the live view
 * (lib/ui/last-dashboard.svelte.ts); the whole visit is tests/e2e/last-dashboard.spec.ts.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { device } from '../../src/lib/state/device.svelte';
import { SNAPSHOT_KEY } from '../../src/lib/db/dashboard-snapshot';
import { lastDashboard } from '../../src/lib/ui/last-dashboard.svelte';
import { snapshotContext as contextOf } from '../../src/lib/db/dashboard-snapshot';
import { locale } from '../../src/lib/i18n/locale.svelte';
import { DASHBOARD_DRAWN } from '../../src/lib/ui/last-dashboard-event';
import { drawnHtml, keepDashboard } from '../../src/views/dashboard/keep-dashboard';

/** A dashboard drawn in its shell; returns its main. */
function page(): HTMLElement {
  document.head.innerHTML = `
    <meta name="anyam-dashboard-chunks" content="/assets/dashboard-core-abc.js">
    <meta name="anyam-dashboard-texts" content="">
    <style>.card { padding: 1rem; }</style>`;
  document.body.innerHTML = `
    <div id="app"><div class="shell">
      <header><h1 data-testid="household-name">Keluarga Uji</h1><button>Add income</button></header>
      <div class="content"><main data-view="dashboard"><div class="loop-wrap">
        <section class="loop">Due now</section>
        <select name="member"><option value="">All</option><option value="m1">Sari</option></select>
        <div class="grid">
          <p>Next step</p>
          <section data-testid="dash-score"><strong data-testid="dash-score-value">74</strong></section>
          <section data-testid="stress">Stress test</section>
          <figure><canvas data-chart="income"></canvas></figure>
        </div>
        <dialog open>Quick add</dialog>
      </div></main></div>
    </div></div>`;
  return document.querySelector<HTMLElement>('main')!;
}

/** The next visit's index.html: its static header in #app. */
function nextVisit(): HTMLElement {
  document.body.innerHTML = '<div id="app"><div class="boot">Anyam</div></div>';
  return document.getElementById('app')!;
}

beforeEach(() => {
  localStorage.clear();
  device.update({ householdName: 'Keluarga Uji', lock: null, hideAmounts: false });
});
afterEach(() => {
  lastDashboard.end();
  vi.useRealTimers();
});

const snapshotContext = () => contextOf(device.current, locale.current);

describe('the dashboard kept for the next visit', () => {
  it('is the page up to the score card, with the choices its selects show', () => {
    const view = page();
    view.querySelector('select')!.value = 'm1';
    const html = drawnHtml(view);
    expect(html).toContain('Due now');
    expect(html).toContain('Next step');
    expect(html).toContain('>74<');
    expect(html).toMatch(/<option value="m1" selected="">Sari/);
    expect(html).not.toMatch(/<option value="" selected/);
    for (const gone of ['Stress test', '<canvas', '<dialog', 'Quick add']) {
      expect(html).not.toContain(gone);
    }
  });

  it("is kept with the page's stylesheets, for this day, language and household", () => {
    keepDashboard(page());
    const kept = JSON.parse(localStorage.getItem(SNAPSHOT_KEY)!) as Record<string, unknown>;
    expect(kept.css).toMatch(/\.card \{\s*padding: 1rem;\s*\}/);
    expect(kept).toMatchObject({
      household: 'Keluarga Uji',
      build: snapshotContext().build,
    });
    expect(snapshotContext().build).toContain('dashboard-core-abc');
    // The shell around the view, the view itself kept apart (main emptied).
    expect(kept.shell).toContain('Keluarga Uji');
    expect(kept.shell).toContain('<main data-view="dashboard"></main>');
  });

  it('is not kept, and the one kept is dropped, once amounts are hidden', () => {
    keepDashboard(page());
    device.update({ hideAmounts: true });
    expect(keepDashboard(page())).toBe(false);
    expect(localStorage.getItem(SNAPSHOT_KEY)).toBeNull();
  });
});

describe('the last dashboard on the next visit', () => {
  it('is the last screen, inert and closed to the page, with the live page under it', () => {
    keepDashboard(page());
    const app = nextVisit();
    const live = lastDashboard.start(snapshotContext(), app, 'Updating…');
    expect(live).not.toBeNull();
    expect(lastDashboard.active).toBe(true);
    expect(app.querySelector('.boot')).toBeNull();
    const host = app.querySelector<HTMLElement>('.last-dashboard')!;
    expect(host.dataset.snapshot).toBe('shown');
    // Closed: nothing of it is reachable from the page (no second name, score or button).
    expect(host.shadowRoot).toBeNull();
    expect(document.querySelectorAll('[data-testid]')).toHaveLength(0);
    expect(document.querySelectorAll('main, button')).toHaveLength(0);
    // The pill is the page's: a screen reader hears that it is updating.
    expect(host.querySelector('.last-dashboard-note[role="status"]')?.textContent).toBe(
      'Updating…',
    );
    // The shell mounts in `live`, under the snapshot, which comes first and stands over it.
    expect(live!.parentElement).toBe(app);
    expect(app.firstElementChild).toBe(host);
    lastDashboard.end();
    expect(lastDashboard.active).toBe(false);
    expect(app.querySelector('.last-dashboard')).toBeNull();
    expect(app.firstElementChild).toBe(live);
  });

  it('gives way when the dashboard says it is drawn', () => {
    keepDashboard(page());
    lastDashboard.start(snapshotContext(), nextVisit(), 'Updating…');
    dispatchEvent(new Event(DASHBOARD_DRAWN));
    expect(lastDashboard.active).toBe(false);
  });

  it('gives way after 4 seconds whatever the live view is doing', () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    keepDashboard(page());
    lastDashboard.start(snapshotContext(), nextVisit(), 'Updating…');
    vi.advanceTimersByTime(3999);
    expect(lastDashboard.active).toBe(true);
    vi.advanceTimersByTime(1);
    expect(lastDashboard.active).toBe(false);
  });

  it('is not painted for another household, and the page keeps its static header', () => {
    keepDashboard(page());
    device.update({ householdName: 'Keluarga Lain' });
    const app = nextVisit();
    expect(lastDashboard.start(snapshotContext(), app, 'Updating…')).toBeNull();
    expect(lastDashboard.active).toBe(false);
    expect(app.querySelector('.boot')).not.toBeNull();
  });

  it('is not kept for a view drawn outside the shell', () => {
    document.body.innerHTML = '<main data-view="dashboard"><p>74</p></main>';
    expect(keepDashboard(document.querySelector('main')!)).toBe(false);
  });
});
