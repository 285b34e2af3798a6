// @vitest-environment jsdom
import 'fake-indexeddb/auto';
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/svelte';
import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import type { AnyamDatabase } from '../../src/lib/db/database';
import { addEntry, addMember, addStream, saveSettings } from '../../src/lib/db/repo';
import * as dashboard from '../../src/lib/domain/dashboard';
import { todayIso } from '../../src/lib/domain/dates';
import type { Member, Stream } from '../../src/lib/domain/model';
import { addMonths, inProgressMonth } from '../../src/lib/domain/months';
import { household } from '../../src/lib/state/household.svelte';
import DashboardView from '../../src/views/dashboard/DashboardView.svelte';
import { dropDatabase, freshDatabase } from '../db/helpers';

// Count the computations: the view must run computeDashboard once per change, not per chart.
vi.mock('../../src/lib/domain/dashboard', async (importOriginal) => {
  const real = await importOriginal<typeof import('../../src/lib/domain/dashboard')>();
  return { ...real, computeDashboard: vi.fn(real.computeDashboard) };
});
const compute = vi.mocked(dashboard.computeDashboard);

let db: AnyamDatabase;
let sari: Member;
let salary: Stream;
const current = inProgressMonth(todayIso());

beforeAll(() => {
  // jsdom has no canvas and says so on every call; the view must work without one (tables).
  HTMLCanvasElement.prototype.getContext = () => null;
});

beforeEach(async () => {
  compute.mockClear();
  db = freshDatabase('dashboard-view');
  await saveSettings({ householdName: 'Test', baseCurrency: 'IDR' });
  sari = await addMember({ name: 'Sari' });
  salary = await addStream({
    memberId: sari.id,
    name: 'Salary',
    kind: 'formal',
    currency: 'IDR',
    expected: { amountMinor: 500_000_000, cadence: 'monthly' },
  });
});

afterEach(async () => {
  cleanup();
  await new Promise((resolve) => setTimeout(resolve, 0));
  await dropDatabase(db);
});

/** Renders the view once the shared household state shows this test's streams. */
async function renderView() {
  render(DashboardView);
  await waitFor(
    async () => {
      const ids = (await db.streams.toArray()).map((s) => s.id).sort();
      expect(household.streams.map((s) => s.id).sort()).toEqual(ids);
    },
    { timeout: 5000 },
  );
}

/** Four complete months of salary and of a stall's takings. */
async function fourMonthsOfSalary() {
  const stall = await addStream({
    memberId: sari.id,
    name: 'Stall',
    kind: 'informal',
    currency: 'IDR',
  });
  for (let k = 4; k >= 1; k--) {
    const month = addMonths(current, -k);
    await addEntry({ streamId: salary.id, date: `${month}-05`, amountMinor: 500_000_000 });
    await addEntry({ streamId: stall.id, date: `${month}-09`, amountMinor: 100_000_000 * k });
  }
}

/** Waits for the chart cards, drawn in a later task than the score (issue #18). */
async function chartCards() {
  await waitFor(() => expect(document.querySelector('[data-chart]')).not.toBeNull(), {
    timeout: 5000,
  });
}

/** Waits until nothing is left to settle (live queries answered, derived values computed). */
async function settle() {
  let last = -1;
  await waitFor(() => {
    const now = compute.mock.calls.length;
    const stable = now === last;
    last = now;
    expect(stable).toBe(true);
  });
}

describe('dashboard view', () => {
  it('asks for the first income while there is a stream but no income', async () => {
    render(DashboardView);
    expect(await screen.findByText('Log your first income')).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Log income: Salary' })).toBeTruthy();
    expect(screen.queryByTestId('dashboard')).toBeNull();
  });

  it('shows the score and says which input would complete an unknown part', async () => {
    await fourMonthsOfSalary();
    await renderView();
    const card = await screen.findByTestId('dash-score');
    // The four parts come a task after the score itself.
    await screen.findByTestId('dash-score-parts');
    // No essential plan and no savings yet: coverage and buffer are unknown, not zero.
    const coverage = card.querySelector('[data-component="coverage"]') as HTMLElement;
    const link = within(coverage).getByRole('link', { name: 'Add your essential expenses' });
    // The link opens the new-plan form itself.
    expect(link.getAttribute('href')).toBe('#/plans?new=plan');
    expect(within(coverage).getByText('Unknown')).toBeTruthy();
    expect(card.querySelector('[data-component="buffer"] a')?.getAttribute('href')).toBe(
      '#/plans?new=plan',
    );
    // Every chart is there with its text alternative, even without a canvas (jsdom); the chart
    // cards come a task or two after the score.
    await chartCards();
    const names = [...document.querySelectorAll('[data-chart]')].map((c) =>
      c.getAttribute('data-chart'),
    );
    expect(names).toEqual([
      'income-by-kind',
      'share-by-stream',
      'contribution-now',
      'score-over-time',
      'contribution-over-time',
      'forecast',
    ]);
    for (const wrapper of document.querySelectorAll('[data-chart]')) {
      expect(wrapper.getAttribute('role')).toBe('img');
      expect(wrapper.getAttribute('aria-label')).toBeTruthy();
    }
    expect(screen.getAllByRole('button', { name: 'Show as table' })).toHaveLength(6);
  });

  it('recomputes once when an entry is written elsewhere, and shows it without reload', async () => {
    await fourMonthsOfSalary();
    await renderView();
    const progress = await screen.findByTestId('dash-in-progress');
    await settle();
    const before = compute.mock.calls.length;

    await addEntry({ streamId: salary.id, date: `${current}-02`, amountMinor: 12_345_600 });
    await waitFor(() => expect(progress.textContent).toContain('123,456'));
    await settle();
    expect(compute.mock.calls.length - before).toBe(1);
  });

  it('recomputes once when the stress test changes, and shows the result', async () => {
    await fourMonthsOfSalary();
    await renderView();
    await screen.findByTestId('dash-stress');
    await settle();
    const before = compute.mock.calls.length;
    const fall = screen.getByTestId<HTMLSelectElement>('stress-fall');
    fall.value = '50';
    await fireEvent.change(fall);
    expect(await screen.findByText('If Salary falls by 50%')).toBeTruthy();
    await settle();
    expect(compute.mock.calls.length - before).toBe(1);
  });

  it('draws the last two years by default, and the whole history on request', async () => {
    for (let k = 30; k >= 1; k--) {
      const month = addMonths(current, -k);
      await addEntry({ streamId: salary.id, date: `${month}-05`, amountMinor: 500_000_000 + k });
    }
    await renderView();
    const range = await screen.findByTestId<HTMLSelectElement>('dash-range');
    expect([...range.options].map((o) => o.text)).toEqual([
      'Last 12 months',
      'Last 24 months',
      'All history (30 months)',
    ]);
    expect(range.value).toBe('24');
    // The income table appears only when asked for, and follows the range.
    await chartCards();
    const income = document.querySelector('[data-chart="income-by-kind"]')!.parentElement!;
    expect(income.querySelector('table')).toBeNull();
    await fireEvent.click(within(income).getByRole('button', { name: 'Show as table' }));
    const rows = () => income.querySelectorAll('tbody tr').length;
    await waitFor(() => expect(rows()).toBe(24));
    expect(income.querySelector('tbody th')?.textContent).toContain(
      String(addMonths(current, -24).slice(0, 4)),
    );

    range.value = '';
    await fireEvent.change(range);
    await waitFor(() => expect(rows()).toBe(30));
    range.value = '12';
    await fireEvent.change(range);
    await waitFor(() => expect(rows()).toBe(12));
    await fireEvent.click(within(income).getByRole('button', { name: 'Hide table' }));
    expect(income.querySelector('table')).toBeNull();
  });

  it('draws the score first, then its parts and the stress test, then the chart cards, each in a later task', async () => {
    await fourMonthsOfSalary();
    await renderView();
    // Sampled in the same task as the score's first appearance: its figure and band, nothing
    // below it yet (the four parts under the score come with the stress test).
    const seen = await new Promise<{ parts: boolean; stress: boolean; charts: number }>(
      (resolve) => {
        const look = () => {
          if (!screen.queryByTestId('dash-score')) return false;
          resolve({
            parts: screen.queryByTestId('dash-score-parts') !== null,
            stress: screen.queryByTestId('dash-stress') !== null,
            charts: document.querySelectorAll('[data-chart]').length,
          });
          return true;
        };
        if (look()) return;
        const observer = new MutationObserver(() => look() && observer.disconnect());
        observer.observe(document.body, { childList: true, subtree: true });
      },
    );
    expect(seen).toEqual({ parts: false, stress: false, charts: 0 });
    expect(await screen.findByTestId('dash-stress')).toBeTruthy();
    const parts = screen.getByTestId('dash-score-parts');
    expect(parts.closest('[data-testid="dash-score"]')).not.toBeNull();
    expect(parts.querySelectorAll('[data-component]')).toHaveLength(4);
    await chartCards();
  });

  it('says what the score waits for instead of a bare dash while no month is complete', async () => {
    await addEntry({ streamId: salary.id, date: `${current}-02`, amountMinor: 500_000_000 });
    await renderView();
    const asOf = await screen.findByTestId('dash-as-of');
    const field = asOf.closest('.field')!;
    expect(field.textContent).toContain('Needs 3 months of income');
    expect(field.textContent).not.toContain('—');
  });

  it('offers no range while the history is a year or shorter', async () => {
    await fourMonthsOfSalary();
    await renderView();
    await screen.findByTestId('dash-score');
    expect(screen.queryByTestId('dash-range')).toBeNull();
  });
});
