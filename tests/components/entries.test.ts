// @vitest-environment jsdom
import 'fake-indexeddb/auto';
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/svelte';
import { flushSync } from 'svelte';
import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import type { AnyamDatabase } from '../../src/lib/db/database';
import {
  addEntries,
  addMember,
  addStream,
  deleteEntries,
  saveSettings,
} from '../../src/lib/db/repo';
import { addMonths } from '../../src/lib/domain/months';
import { household } from '../../src/lib/state/household.svelte';
import EntriesView from '../../src/views/entries/EntriesView.svelte';
import { dropDatabase, freshDatabase } from '../db/helpers';
import { stubDialogs } from './dialog-stub';

let db: AnyamDatabase;
// The view opens on the month of today: today is pinned, never the machine's clock.
const month = '2026-11';
const previous = addMonths(month, -1);

/** Animation frames run only when a test says so. */
let frames = new Map<number, FrameRequestCallback>();
let nextFrame = 0;

function runFrame() {
  const due = [...frames.values()];
  frames = new Map();
  for (const callback of due) callback(performance.now());
  flushSync();
}

function runAllFrames() {
  for (let i = 0; frames.size > 0; i++) {
    if (i > 100) throw new Error('frames keep coming');
    runFrame();
  }
}

beforeAll(stubDialogs);

beforeEach(async () => {
  vi.useFakeTimers({ toFake: ['Date'] });
  vi.setSystemTime(new Date('2026-11-24T09:00:00'));
  frames = new Map();
  vi.stubGlobal('requestAnimationFrame', (callback: FrameRequestCallback) => {
    nextFrame += 1;
    frames.set(nextFrame, callback);
    return nextFrame;
  });
  vi.stubGlobal('cancelAnimationFrame', (id: number) => frames.delete(id));
  db = freshDatabase('entries-view');
  await saveSettings({ householdName: 'Test', baseCurrency: 'IDR' });
  const sari = await addMember({ name: 'Sari' });
  const stall = await addStream({
    memberId: sari.id,
    name: 'Stall',
    kind: 'informal',
    currency: 'IDR',
  });
  const day = (m: string, d: number) => `${m}-${String(d).padStart(2, '0')}`;
  // 20 days with two entries each this month, 10 days with one entry last month.
  await addEntries([
    ...Array.from({ length: 40 }, (_, i) => ({
      streamId: stall.id,
      date: day(month, (i % 20) + 1),
      amountMinor: 1_000 * (i + 1),
    })),
    ...Array.from({ length: 10 }, (_, i) => ({
      streamId: stall.id,
      date: day(previous, i + 1),
      amountMinor: 500,
    })),
  ]);
});

afterEach(async () => {
  cleanup();
  vi.useRealTimers();
  vi.unstubAllGlobals();
  await new Promise((resolve) => setTimeout(resolve, 0));
  await dropDatabase(db);
});

function section(): HTMLElement {
  return screen.getByTestId('entries-month');
}

const dayCount = () => section().querySelectorAll('h4').length;
const rowCount = () => screen.queryAllByTestId('entry-row').length;

/** Renders the view and waits until the month's entries have been read. */
async function renderView(count: string) {
  render(EntriesView);
  // The shared household state may still hold the previous test's streams for a moment.
  const ids = (await db.streams.toArray()).map((s) => s.id);
  await waitFor(() => expect(household.streams.map((s) => s.id)).toEqual(ids));
  await waitFor(() => expect(section().textContent).toContain(count));
  flushSync();
}

describe('entries view, progressive rendering', () => {
  it('renders the first three days at once and three more per frame until all are shown', async () => {
    await renderView('40 entries');
    expect(dayCount()).toBe(3);
    expect(rowCount()).toBe(6);
    expect(frames.size).toBe(1);

    runFrame();
    expect(dayCount()).toBe(6);
    runAllFrames();
    expect(dayCount()).toBe(20);
    expect(rowCount()).toBe(40);
    // Every day has its heading and its list of rows.
    for (const day of section().querySelectorAll('.day')) {
      expect(day.querySelector('h4')?.textContent).not.toBe('');
      expect(day.querySelectorAll('li[data-testid="entry-row"]').length).toBe(2);
    }
    expect(frames.size).toBe(0);
  });

  it('gives the month summary: the count, then one total in the base currency, named by its period', async () => {
    await renderView('40 entries');
    const summary = section().querySelector('.month-head .hint')?.textContent ?? '';
    expect(summary.trim()).toBe('40 entries');
    const total = screen.getByTestId('month-total').textContent ?? '';
    expect(total.replace(/\s+/g, ' ').trim()).toMatch(/^November so far Received \S/);
    const details = screen.getAllByTestId('entry-row')[0]!.querySelector('small')?.textContent;
    expect(details?.trim()).toBe('Sari');
  });

  it('starts again from three days when the month changes, dropping the pending frame', async () => {
    await renderView('40 entries');
    runFrame();
    expect(dayCount()).toBe(6);
    expect(frames.size).toBe(1);

    await fireEvent.click(screen.getByRole('button', { name: 'Previous month' }));
    // The frame asked for in the month that was left must not run in the new one.
    expect(frames.size).toBe(0);
    await waitFor(() => expect(section().textContent).toContain('10 entries'));
    flushSync();
    expect(dayCount()).toBe(3);
    expect(rowCount()).toBe(3);

    runFrame();
    expect(dayCount()).toBe(6);
    runAllFrames();
    expect(dayCount()).toBe(10);
    expect(rowCount()).toBe(10);
  });

  it('starts again from three days when a filter changes', async () => {
    await renderView('40 entries');
    runAllFrames();
    expect(dayCount()).toBe(20);

    const kind = screen.getByLabelText<HTMLSelectElement>('Kind');
    kind.value = 'informal';
    await fireEvent.change(kind);
    flushSync();
    expect(dayCount()).toBe(3);
    runAllFrames();
    expect(dayCount()).toBe(20);

    const status = screen.getByLabelText<HTMLSelectElement>('Status');
    status.value = 'received';
    await fireEvent.change(status);
    // The query runs again: the list waits for its answer, then starts from three days.
    await waitFor(() => expect(dayCount()).toBe(3));
    runAllFrames();
    expect(dayCount()).toBe(20);
  });

  it('cancels the pending frame when the view goes away', async () => {
    await renderView('40 entries');
    expect(frames.size).toBe(1);
    cleanup();
    expect(frames.size).toBe(0);
  });
});

describe('entries view, at the start of a month', () => {
  /** The machine is loaded while the whole suite runs: reads get time to answer. */
  const SLOW = { timeout: 5_000 };

  /** Today is the 2nd of December: November's and October's entries exist, none of December's. */
  async function renderOnTheSecond() {
    vi.setSystemTime(new Date('2026-12-02T08:00:00'));
    render(EntriesView);
    const ids = (await db.streams.toArray()).map((s) => s.id);
    await waitFor(() => expect(household.streams.map((s) => s.id)).toEqual(ids));
  }

  it('says the new month has no entries yet and opens the last month that has, in one tap', async () => {
    await renderOnTheSecond();
    const none = await screen.findByTestId('entries-none', {}, SLOW);
    expect(none.textContent).toContain('No entries in December yet');
    expect(section().querySelector('h3')?.textContent).toBe('December 2026');
    expect(screen.queryByTestId('month-total')).toBeNull();
    // Said once: no "0 entries" beside it.
    expect(section().textContent).not.toContain('0 entries');

    await fireEvent.click(await screen.findByRole('button', { name: 'See November' }, SLOW));
    await waitFor(() => expect(section().textContent).toContain('40 entries'), SLOW);
    expect(section().querySelector('h3')?.textContent).toBe('November 2026');
    expect(screen.queryByTestId('entries-none')).toBeNull();
    // A past month's total names the whole month, not "so far".
    expect(screen.getByTestId('month-total-period').textContent).toBe('November 2026');
    flushSync();
    expect(rowCount()).toBe(6);
  });

  it('offers the last month with entries even when the months between are empty', async () => {
    await renderOnTheSecond();
    await fireEvent.click(await screen.findByRole('button', { name: 'See November' }, SLOW));
    await waitFor(() => expect(section().textContent).toContain('40 entries'), SLOW);
    // Delete November's entries (as the app does: kept, marked deleted): December's offer skips
    // the month and names October with its year.
    const november = await db.entries
      .where('date')
      .between('2026-11-01', '2026-11-30', true, true)
      .primaryKeys();
    await deleteEntries(november.map(String));
    await waitFor(
      () => expect(section().textContent).toContain('No entries in November 2026'),
      SLOW,
    );
    await fireEvent.click(screen.getByRole('button', { name: 'Next month' }));
    await fireEvent.click(await screen.findByRole('button', { name: 'See October 2026' }, SLOW));
    await waitFor(() => expect(section().textContent).toContain('10 entries'), SLOW);
    expect(section().querySelector('h3')?.textContent).toBe('October 2026');
  });

  it('says a past month had none, and offers nothing when no month before has entries', async () => {
    await renderOnTheSecond();
    await fireEvent.click(await screen.findByRole('button', { name: 'See November' }, SLOW));
    await waitFor(() => expect(section().textContent).toContain('40 entries'), SLOW);
    await fireEvent.click(screen.getByRole('button', { name: 'Previous month' }));
    await waitFor(() => expect(section().textContent).toContain('10 entries'), SLOW);
    await fireEvent.click(screen.getByRole('button', { name: 'Previous month' }));
    const none = await screen.findByTestId('entries-none', {}, SLOW);
    await waitFor(() => expect(none.textContent).toContain('No entries in September 2026'), SLOW);
    expect(none.textContent).not.toContain('yet');
    // Nothing before September: no button to a month that does not exist.
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(screen.queryByTestId('entries-see-earlier')).toBeNull();
  });

  it('keeps the filters sentence when filters hide the month, and names the total "so far"', async () => {
    vi.setSystemTime(new Date('2026-11-05T08:00:00'));
    await renderView('40 entries');
    expect(screen.getByTestId('month-total-period').textContent).toBe('November so far');
    const status = screen.getByLabelText<HTMLSelectElement>('Status');
    status.value = 'pending';
    await fireEvent.change(status);
    await waitFor(
      () =>
        expect(section().textContent).toContain('No entries in November 2026 match these filters.'),
      SLOW,
    );
    expect(screen.queryByTestId('entries-none')).toBeNull();
  });
});
