// @vitest-environment jsdom
/**
 * Issue 22 on the dashboard, each test written to fail on the code before it:
 * - item 6: one pending figure per period, each under its period's name ("December so far",
 *   "November 2026"), "Nothing pending" instead of ₱0.00 (it showed "pending ₱0.00" directly
 *   above "₱465.60 earned but not paid out yet", last month's, with no period);
 * - item 11: a missing exchange rate announced once, with its fix (it was announced by the
 *   notice, a second "Exchange rates missing" box with its own button, the score card's hint and
 *   the score part's link); an all-zero chart is a sentence, not a "₱0.01 … ₱0" axis;
 * - item 12: the dashboard says which complete month it reads.
 * The clock is pinned to 4 December 2026.
 */
import 'fake-indexeddb/auto';
import { cleanup, configure, render, screen, waitFor, within } from '@testing-library/svelte';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import type { AnyamDatabase } from '../../src/lib/db/database';
import { addEntry, addMember, addStream, saveSettings } from '../../src/lib/db/repo';
import type { Member } from '../../src/lib/domain/model';
import { household } from '../../src/lib/state/household.svelte';
import DashboardView from '../../src/views/dashboard/DashboardView.svelte';
import { dropDatabase, freshDatabase } from '../db/helpers';

let db: AnyamDatabase;
let ana: Member;

// The suite shares two cores with other work: give each wait room, assert nothing about speed.
configure({ asyncUtilTimeout: 10_000 });

beforeAll(() => {
  HTMLCanvasElement.prototype.getContext = () => null;
  vi.useFakeTimers({ toFake: ['Date'] });
  vi.setSystemTime(new Date(2026, 11, 4, 9, 0, 0));
});
afterAll(() => {
  vi.useRealTimers();
});

beforeEach(async () => {
  db = freshDatabase('dashboard-pending-notice');
  await saveSettings({ householdName: 'Test', baseCurrency: 'PHP' });
  ana = await addMember({ name: 'Ana' });
});

afterEach(async () => {
  cleanup();
  await new Promise((resolve) => setTimeout(resolve, 0));
  await dropDatabase(db);
});

async function renderView() {
  render(DashboardView);
  await waitFor(
    async () => {
      const ids = (await db.streams.toArray()).map((s) => s.id).sort();
      expect(household.streams.map((s) => s.id).sort()).toEqual(ids);
    },
    { timeout: 5000 },
  );
  // The chart cards come last (a task or two after the score).
  await waitFor(() => expect(screen.getByTestId('dash-in-progress')).toBeTruthy(), {
    timeout: 5000,
  });
}

/** Tasks paid in pesos, August to November 2026 by default, with no expected amount. */
async function tasksAugToNov(opts: { pendingNovember?: number; months?: string[] } = {}) {
  const tasks = await addStream({
    memberId: ana.id,
    name: 'Tasks',
    kind: 'microtask',
    currency: 'PHP',
  });
  for (const month of opts.months ?? ['2026-08', '2026-09', '2026-10', '2026-11']) {
    await addEntry({ streamId: tasks.id, date: `${month}-10`, amountMinor: 600_000 });
  }
  if (opts.pendingNovember) {
    await addEntry({
      streamId: tasks.id,
      date: '2026-11-28',
      amountMinor: opts.pendingNovember,
      status: 'pending',
    });
  }
  return tasks;
}

describe('dashboard on 4 December 2026', () => {
  it('shows one pending figure per period, each named, and never "pending ₱0.00"', async () => {
    await tasksAugToNov({ pendingNovember: 46_560 });
    await renderView();
    const card = screen.getByTestId('dash-in-progress');
    // This month so far, by its period's name, with nothing pending said in words.
    expect(within(card).getByRole('heading', { name: 'December so far' })).toBeTruthy();
    expect(card.textContent).toContain('Nothing pending.');
    expect(card.textContent).not.toMatch(/0\.00/);
    // Last month's pending under its own name, once.
    const figures = within(card).getAllByTestId('dash-pending');
    expect(figures.map((f) => f.getAttribute('data-period'))).toEqual([
      'month-so-far',
      'complete-month',
    ]);
    const november = figures[1]!;
    expect(november.textContent).toContain('465.60');
    expect(november.closest('div')!.querySelector('dt')!.textContent).toBe('November 2026');
    expect(card.textContent.match(/465\.60/g)).toHaveLength(1);
    // Which complete month the figures read, and where this month is.
    expect(screen.getByTestId('dash-reads').textContent).toContain(
      'Figures for November 2026, the last complete month. December so far is below.',
    );
  });

  it('announces a missing exchange rate once, with its fix', async () => {
    await tasksAugToNov();
    const usd = await addStream({
      memberId: ana.id,
      name: 'Platform',
      kind: 'microtask',
      currency: 'USD',
    });
    for (const month of ['2026-09', '2026-10', '2026-11']) {
      await addEntry({ streamId: usd.id, date: `${month}-15`, amountMinor: 2_000 });
    }
    await addEntry({ streamId: usd.id, date: '2026-11-20', amountMinor: 500, status: 'pending' });
    await renderView();
    const notice = await screen.findByTestId('missing-rate-notice', {}, { timeout: 10_000 });
    await waitFor(() => expect(document.querySelector('[data-chart]')).not.toBeNull(), {
      timeout: 10_000,
    });
    // One notice, one fix; what it leaves out is said inside it.
    expect(screen.getAllByTestId('missing-rate-notice')).toHaveLength(1);
    const fixes = [...document.querySelectorAll('a[href^="#/settings"]')];
    expect(fixes).toHaveLength(1);
    expect(notice.contains(fixes[0]!)).toBe(true);
    expect(within(notice).getByTestId('dash-flagged').textContent).toContain('Sep 2026');
    const text = screen.getByTestId('dashboard').textContent;
    expect(text).not.toContain('Exchange rates missing');
    expect(text).not.toContain('Left out because an exchange rate is missing');
    // November's pending is only an entry with no rate: said so, not "₱0.00", with no second fix.
    const card = screen.getByTestId('dash-in-progress');
    expect(card.textContent).toContain('Pending: entries waiting for an exchange rate (1).');
    expect(card.textContent).not.toMatch(/0\.00/);
  });

  it('says a sentence instead of drawing an all-zero chart, and no bare dash', async () => {
    // No expected income, no plans, and no income in the last 6 months the forecast reads: the
    // next three months are all zeros.
    await tasksAugToNov({ months: ['2026-01', '2026-02', '2026-03', '2026-04'] });
    await renderView();
    await waitFor(() => expect(document.querySelector('[data-chart]')).not.toBeNull(), {
      timeout: 10_000,
    });
    await waitFor(() =>
      expect(screen.getByText(/Nothing expected and nothing planned for Dec 2026/)).toBeTruthy(),
    );
    expect(document.querySelector('[data-chart="forecast"]')).toBeNull();
    // The charts that have something to draw are still drawn.
    expect(document.querySelector('[data-chart="income-by-kind"]')).not.toBeNull();
    expect(screen.getByTestId('dash-score').textContent).not.toContain('—');
  });
});
