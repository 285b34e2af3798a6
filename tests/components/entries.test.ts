// @vitest-environment jsdom
import 'fake-indexeddb/auto';
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/svelte';
import { flushSync } from 'svelte';
import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import type { AnyamDatabase } from '../../src/lib/db/database';
import { addEntries, addMember, addStream, saveSettings } from '../../src/lib/db/repo';
import { todayIso } from '../../src/lib/domain/dates';
import { addMonths, monthOf } from '../../src/lib/domain/months';
import { household } from '../../src/lib/state/household.svelte';
import EntriesView from '../../src/views/entries/EntriesView.svelte';
import { dropDatabase, freshDatabase } from '../db/helpers';
import { stubDialogs } from './dialog-stub';

let db: AnyamDatabase;
const month = monthOf(todayIso());
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

  it('gives the month summary: the count, then one total in the base currency', async () => {
    await renderView('40 entries');
    const summary = section().querySelector('.month-head .hint')?.textContent ?? '';
    expect(summary.trim()).toBe('40 entries');
    const total = screen.getByTestId('month-total').textContent ?? '';
    expect(total.replace(/\s+/g, ' ').trim()).toMatch(/^Received \S/);
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
