// @vitest-environment jsdom
import 'fake-indexeddb/auto';
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/svelte';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import App from '../../src/App.svelte';
import type { AnyamDatabase } from '../../src/lib/db/database';
import type { Stream } from '../../src/lib/domain/model';
import { addEntry, addMember, addStream, saveSettings } from '../../src/lib/db/repo';
import { todayIso } from '../../src/lib/domain/dates';
import { dropDatabase, freshDatabase } from '../db/helpers';

/*
 * Every view renders inside ViewBoundary. Here each view's own data source fails (its read
 * throws): the view must show the translated failure with the error code, Reload and Copy
 * details, and the navigation must keep working.
 */
const failing = vi.hoisted(() => new Set<string>());

function unreadable(source: string): Error {
  return Object.assign(new Error('disk on fire'), { code: `test/${source}-unreadable` });
}

/** `real`, except that it rejects while `source` is in `failing`. */
function failable<A extends unknown[], R>(source: string, real: (...args: A) => Promise<R>) {
  return (...args: A): Promise<R> =>
    failing.has(source) ? Promise.reject(unreadable(source)) : real(...args);
}

// The update toast's service-worker hook (virtual:pwa-register) exists only in a Vite build.
vi.mock('../../src/lib/pwa/update.svelte', () => ({
  pwaUpdate: {
    needRefresh: false,
    start: () => undefined,
    apply: () => undefined,
    dismiss: () => undefined,
  },
}));
vi.mock('../../src/lib/db/repo/rollups', async (original) => {
  const real = await original<typeof import('../../src/lib/db/repo/rollups')>();
  return { ...real, listRollups: failable('rollups', real.listRollups) };
});
vi.mock('../../src/lib/db/repo/entries', async (original) => {
  const real = await original<typeof import('../../src/lib/db/repo/entries')>();
  const listed = failable('entries', real.listEntriesOfMonth);
  return {
    ...real,
    // 'entries-unsafe': rows as a database written before the money bounds could hold them.
    listEntriesOfMonth: (...args: Parameters<typeof real.listEntriesOfMonth>) =>
      listed(...args).then((rows) =>
        failing.has('entries-unsafe') ? rows.map((e) => ({ ...e, amountMinor: 2 ** 60 })) : rows,
      ),
  };
});
vi.mock('../../src/lib/db/repo/streams', async (original) => {
  const real = await original<typeof import('../../src/lib/db/repo/streams')>();
  return { ...real, listStreams: failable('streams', real.listStreams) };
});
vi.mock('../../src/lib/db/repo/plans', async (original) => {
  const real = await original<typeof import('../../src/lib/db/repo/plans')>();
  return { ...real, listPlans: failable('plans', real.listPlans) };
});
vi.mock('../../src/lib/db/repo/rates', async (original) => {
  const real = await original<typeof import('../../src/lib/db/repo/rates')>();
  return { ...real, listRates: failable('rates', real.listRates) };
});

let db: AnyamDatabase;
let stream: Stream;
/** How long to wait for a view's code to load on a busy machine (a wait, not a speed limit). */
const WAIT = { timeout: 30_000 };

beforeEach(async () => {
  failing.clear();
  db = freshDatabase('view-boundary');
  await saveSettings({ householdName: 'Keluarga Uji', baseCurrency: 'IDR' });
  const member = await addMember({ name: 'Sari', color: '#2f6f4e' });
  stream = await addStream({
    memberId: member.id,
    name: 'Warung',
    kind: 'informal',
    currency: 'IDR',
  });
  localStorage.setItem('anyam.householdName', 'Keluarga Uji');
});

afterEach(async () => {
  cleanup();
  failing.clear();
  location.hash = '';
  await dropDatabase(db);
});

async function goTo(route: string): Promise<void> {
  const nav = await screen.findByRole('navigation');
  await fireEvent.click(within(nav).getByText(navLabel[route]!));
  await waitFor(() => expect(document.querySelector('main')?.dataset.view).toBe(route), WAIT);
}

const navLabel: Record<string, string> = {
  dashboard: 'Dashboard',
  entries: 'Entries',
  streams: 'Streams',
  pay: 'Pay',
  plans: 'Plans',
  settings: 'Settings',
};

/** What each view shows once it has rendered normally. */
const title: Record<string, RegExp> = {
  dashboard: /Add your income streams|Dashboard/,
  entries: /Entries/,
  streams: /Streams|Members/,
  pay: /Pay/,
  plans: /Plans/,
  settings: /Settings/,
};

async function expectFailure(view: string, code: string): Promise<void> {
  const panel = await screen.findByTestId('view-failed', {}, WAIT);
  expect(panel.getAttribute('role')).toBe('alert');
  expect(panel.textContent).toContain('Something went wrong here');
  expect(panel.textContent).toContain(`Error code: ${code}`);
  expect(within(panel).getByRole('button', { name: 'Reload' })).toBeTruthy();
  expect(within(panel).getByRole('button', { name: 'Copy details' })).toBeTruthy();
  expect(panel.querySelector('pre')?.textContent).toContain(`View: ${view}`);
  // The shell is still there around it.
  expect(screen.getByTestId('household-name').textContent).toBe('Keluarga Uji');
}

describe('a view whose data source throws', () => {
  // [view, the source that fails, a view to go to afterwards, whether that one fails too]
  const cases = [
    ['dashboard', 'rollups', 'entries', false],
    ['entries', 'entries', 'streams', false],
    ['pay', 'rollups', 'plans', false],
    ['streams', 'streams', 'settings', true],
    ['plans', 'plans', 'dashboard', true],
    ['settings', 'rates', 'entries', true],
  ] as const;

  it.each(cases)(
    'the %s view shows the failure (%s unreadable) and the navigation still works',
    async (view, source, next, householdWide) => {
      failing.add(source);
      location.hash = `#/${view}`;
      render(App);
      await waitFor(() => expect(document.querySelector('main')?.dataset.view).toBe(view), WAIT);
      await expectFailure(view, `test/${source}-unreadable`);

      await goTo(next);
      const link = within(screen.getByRole('navigation')).getByText(navLabel[next]!);
      expect(link.closest('a')?.getAttribute('aria-current')).toBe('page');
      if (householdWide) {
        // A household table feeds every view: the next one says so too, for its own name.
        await waitFor(
          () =>
            expect(screen.getByTestId('view-failed').querySelector('pre')?.textContent).toContain(
              `View: ${next}`,
            ),
          WAIT,
        );
      } else {
        await waitFor(
          () => expect(document.querySelector('main h2')?.textContent).toMatch(title[next]!),
          WAIT,
        );
        expect(screen.queryByTestId('view-failed')).toBeNull();
      }
    },
  );

  it('catches a view that throws while it renders, and the navigation still works', async () => {
    await addEntry({ streamId: stream.id, date: todayIso(), amountMinor: 5_000_000 });
    failing.add('entries-unsafe');
    location.hash = '#/entries';
    render(App);
    // formatMoney refuses an amount past 2^53 while the month's total renders.
    await expectFailure('entries', 'money/invalid');
    await goTo('plans');
    await waitFor(
      () => expect(document.querySelector('main h2')?.textContent).toMatch(/Plans/),
      WAIT,
    );
    expect(screen.queryByTestId('view-failed')).toBeNull();
  });

  it('copies the details for a report', async () => {
    const writeText = vi.fn(() => Promise.resolve());
    Object.defineProperty(navigator, 'clipboard', { value: { writeText }, configurable: true });
    failing.add('entries');
    location.hash = '#/entries';
    render(App);
    const panel = await screen.findByTestId('view-failed', {}, WAIT);
    await fireEvent.click(within(panel).getByRole('button', { name: 'Copy details' }));
    await waitFor(() => expect(panel.textContent).toContain('Details copied.'));
    expect(writeText).toHaveBeenCalledWith(
      expect.stringContaining('Code: test/entries-unreadable'),
    );
  });
});
