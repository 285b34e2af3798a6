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
import { drawnHtml, keepDashboard } from '../../src/views/dashboard/keep-dashboard';

function page(): HTMLElement {
  document.head.innerHTML = `
    <meta name="anyam-dashboard-chunks" content="/assets/dashboard-core-abc.js">
    <meta name="anyam-dashboard-texts" content="">
    <style>.card { padding: 1rem; }</style>`;
  document.body.innerHTML = `
    <main data-view="dashboard"><div class="loop-wrap">
      <section class="loop">Due now</section>
      <select name="member"><option value="">All</option><option value="m1">Sari</option></select>
      <div class="grid">
        <p>Next step</p>
        <section data-testid="dash-score"><strong data-testid="dash-score-value">74</strong></section>
        <section data-testid="stress">Stress test</section>
        <figure><canvas data-chart="income"></canvas></figure>
      </div>
      <dialog open>Quick add</dialog>
    </div></main>`;
  return document.querySelector<HTMLElement>('main')!;
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
  });

  it('is not kept, and the one kept is dropped, once amounts are hidden', () => {
    keepDashboard(page());
    device.update({ hideAmounts: true });
    expect(keepDashboard(page())).toBe(false);
    expect(localStorage.getItem(SNAPSHOT_KEY)).toBeNull();
  });
});

describe('the last dashboard on the next visit', () => {
  it('stands in, inert and hidden from screen readers, until the live view ends it', () => {
    keepDashboard(page());
    document.body.innerHTML = '<main><div id="place"></div></main>';
    lastDashboard.start(snapshotContext());
    expect(lastDashboard.active).toBe(true);
    lastDashboard.place(document.getElementById('place')!);
    const host = document.querySelector<HTMLElement>('.last-dashboard')!;
    expect(host.getAttribute('aria-hidden')).toBe('true');
    expect(host.inert).toBe(true);
    // Closed: nothing of it is reachable from the page (no second score to find).
    expect(host.shadowRoot).toBeNull();
    expect(document.querySelectorAll('[data-testid="dash-score-value"]')).toHaveLength(0);
    lastDashboard.end();
    expect(lastDashboard.active).toBe(false);
    expect(document.querySelector('.last-dashboard')).toBeNull();
  });

  it('is painted before the shell mounts in a copy of the shell it was drawn in, inert', () => {
    document.body.innerHTML = `
      <div class="shell"><header><h1>Keluarga Uji</h1><button>Add income</button></header>
      <div class="content"><main data-view="dashboard"><section data-testid="dash-score">
      <strong data-testid="dash-score-value">74</strong></section></main></div></div>`;
    keepDashboard(document.querySelector('main')!);
    document.body.innerHTML = '<div id="app"><div class="boot">Anyam</div></div>';
    const app = document.getElementById('app')!;
    expect(lastDashboard.start(snapshotContext(), { target: app, note: 'Updating…' })).toBe(true);
    expect(app.querySelector('.boot')).toBeNull();
    const copy = app.firstElementChild as HTMLElement;
    expect(copy.inert).toBe(true);
    expect(copy.querySelector('h1')?.textContent).toBe('Keluarga Uji');
    expect(copy.querySelector('main > .last-dashboard-note[role="status"]')?.textContent).toBe(
      'Updating…',
    );
    // The view itself is only in the snapshot's closed shadow root, in the copy's main.
    expect(copy.querySelector('main > .last-dashboard')).not.toBeNull();
    expect(copy.querySelectorAll('[data-testid="dash-score-value"]')).toHaveLength(0);
    // The shell's mount moves it into its own main.
    const live = document.createElement('main');
    lastDashboard.place(live);
    expect(live.querySelector('.last-dashboard')).not.toBeNull();
    expect(copy.querySelector('.last-dashboard')).toBeNull();
  });

  it('gives way after 4 seconds whatever the live view is doing', () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    keepDashboard(page());
    lastDashboard.start(snapshotContext());
    vi.advanceTimersByTime(3999);
    expect(lastDashboard.active).toBe(true);
    vi.advanceTimersByTime(1);
    expect(lastDashboard.active).toBe(false);
  });

  it('is not painted for another household', () => {
    keepDashboard(page());
    device.update({ householdName: 'Keluarga Lain' });
    lastDashboard.start(snapshotContext());
    expect(lastDashboard.active).toBe(false);
  });
});
