// @vitest-environment jsdom
// Issue 29: on a phone the monthly loop is the dashboard's first screen (the score is screens
// further down), so a returning visit starts the loop's read with the early read, before the
// view's code has loaded, and the loop takes its first rows from it: once, for the same day, and
// never after a write. A file of its own: the early read is shared by the module.
import 'fake-indexeddb/auto';
import { cleanup, render, screen, within } from '@testing-library/svelte';
import { afterEach, beforeEach, expect, it, vi } from 'vitest';
import type { AnyamDatabase } from '../../src/lib/db/database';
import * as due from '../../src/lib/db/repo/due';
import { addMember, addPlan, addStream, saveSettings } from '../../src/lib/db/repo';
import { todayIso } from '../../src/lib/domain/dates';
import { forgetEarly, readEarly, takeEarlyLoop } from '../../src/lib/state/early-read';
import MonthlyLoop from '../../src/views/loop/MonthlyLoop.svelte';
import { dropDatabase, freshDatabase } from '../db/helpers';

vi.mock('../../src/lib/db/repo/due', async (importOriginal) => {
  const real = await importOriginal<typeof import('../../src/lib/db/repo/due')>();
  return { ...real, readMonthlyLoop: vi.fn(real.readMonthlyLoop) };
});
const readLoop = vi.mocked(due.readMonthlyLoop);
let db: AnyamDatabase;

/** A bill due on the 20th of every month: the loop has something to show whatever the day. */
async function rent(name = 'Rent') {
  await addPlan({
    name,
    category: 'essential',
    amountMinor: 100_000_000,
    currency: 'IDR',
    cadence: 'monthly',
    dueOn: '2025-01-20',
  });
}

beforeEach(async () => {
  db = freshDatabase('loop-early-read');
  await saveSettings({ householdName: 'Test', baseCurrency: 'IDR' });
  const sari = await addMember({ name: 'Sari' });
  await addStream({ memberId: sari.id, name: 'Salary', kind: 'formal', currency: 'IDR' });
  await rent();
  readLoop.mockClear();
});

afterEach(async () => {
  cleanup();
  forgetEarly();
  await dropDatabase(db);
});

it('starts the loop read with the early read, and the loop draws from it without reading again', async () => {
  readEarly({ rollups: true });
  expect(readLoop).toHaveBeenCalledTimes(1);
  expect(readLoop).toHaveBeenCalledWith(todayIso());
  render(MonthlyLoop);
  const loop = await screen.findByTestId('monthly-loop');
  expect(within(loop).getAllByText(/Rent/).length).toBeGreaterThan(0);
  // Drawn from the early rows: the view issued no read of its own before showing them.
  expect(readLoop).toHaveBeenCalledTimes(1);
});

it('gives its rows once, only for the day they were read for', () => {
  readEarly({ rollups: true });
  expect(takeEarlyLoop('2000-01-01')).toBeNull();
  expect(takeEarlyLoop(todayIso())).not.toBeNull();
  expect(takeEarlyLoop(todayIso())).toBeNull();
});

it('reads nothing early for a view other than the dashboard', () => {
  readEarly({ rollups: false });
  expect(readLoop).not.toHaveBeenCalled();
  expect(takeEarlyLoop(todayIso())).toBeNull();
});

it('never draws the early rows once a write has happened since they were read', async () => {
  readEarly({ rollups: true });
  // A bill added after the early read began, before the loop takes its rows.
  await rent('School fees');
  render(MonthlyLoop);
  const loop = await screen.findByTestId('monthly-loop');
  // Its first drawing already has the new bill.
  expect(within(loop).getAllByText(/School fees/).length).toBeGreaterThan(0);
  // The loop read for itself: the early rows were refused.
  expect(readLoop.mock.calls.length).toBeGreaterThan(1);
});
