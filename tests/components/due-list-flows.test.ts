// @vitest-environment jsdom
/**
 * Issue 24, one way into each flow: the due list's "Different amount" opens the one entry form
 * (quick add's, whose save offers Undo) on the pay day and its amount, and "Received" offers Undo
 * through the same helper as "Not this time" and "Paid" (it built its toast by hand before).
 */
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/svelte';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import DueList from '../../src/views/loop/DueList.svelte';
import Toasts from '../../src/components/Toasts.svelte';
import { quickAdd } from '../../src/lib/state/quick-add.svelte';
import { toasts } from '../../src/lib/state/toasts.svelte';
import { stubDialogs } from './dialog-stub';
import { beforeSalary, plans, salary, tasks } from './loop-household';

const writes = vi.hoisted(() => ({
  receiveDue: vi.fn(),
  deleteEntry: vi.fn(() => Promise.resolve()),
  skipOccurrence: vi.fn(),
  unskipOccurrence: vi.fn(),
  addPayment: vi.fn(),
  deletePayment: vi.fn(),
}));
vi.mock('../../src/lib/db/repo/loop-writes', () => writes);

beforeAll(stubDialogs);
afterEach(() => {
  cleanup();
  quickAdd.close();
  toasts.clear();
  vi.clearAllMocks();
});

function show() {
  render(DueList, { loop: beforeSalary(), streams: [salary, tasks], plans, hasPayDays: true });
  render(Toasts);
  return screen.getByTestId('due-now');
}

describe('the due list', () => {
  it('"Different amount" opens the entry form on the pay day and its expected amount', async () => {
    const income = within(show()).getByTestId('due-income');
    await fireEvent.click(within(income).getByRole('button', { name: 'Different amount' }));
    expect(quickAdd.open).toBe(true);
    expect(quickAdd.start).toEqual({
      streamId: 'salary',
      date: '2026-12-05',
      amountMinor: 6_000_00,
    });
  });

  it('"Received" says what it logged with Undo, and Undo deletes that entry', async () => {
    writes.receiveDue.mockResolvedValue({
      id: 'e1',
      streamId: 'salary',
      amountMinor: 6_000_00,
      currency: 'PHP',
    });
    const income = within(show()).getByTestId('due-income');
    await fireEvent.click(within(income).getByRole('button', { name: 'Received' }));
    const undo = await screen.findByRole('button', { name: 'Undo' });
    expect(document.querySelector('.toast-item span')?.textContent).toMatch(
      /Salary: ₱6,000\.00 received/,
    );
    expect(writes.receiveDue).toHaveBeenCalledWith('salary', '2026-12-05');
    // The answered row is gone in the app: the keyboard goes to Undo, as after a skip or a delete.
    expect(document.activeElement).toBe(undo);
    await fireEvent.click(undo);
    await waitFor(() => expect(writes.deleteEntry).toHaveBeenCalledWith('e1'));
  });

  it('a second "Received" for a pay day already logged says so, with no Undo', async () => {
    writes.receiveDue.mockResolvedValue(null);
    const income = within(show()).getByTestId('due-income');
    await fireEvent.click(within(income).getByRole('button', { name: 'Received' }));
    await waitFor(() =>
      expect(document.querySelector('.toast-item span')?.textContent).toMatch(/already logged/),
    );
    expect(screen.queryByRole('button', { name: 'Undo' })).toBeNull();
  });
});
