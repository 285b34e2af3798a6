// @vitest-environment jsdom
/**
 * Issue 22: '"Due now" lists bills due in 5 and 10 days with big "Paid" buttons, beside the one
 * due today.' Due now holds only what is due today or late; the next 14 days are a quieter
 * "Coming up" group whose only action is a small "Already paid" that opens a form.
 */
import { cleanup, render, screen, within } from '@testing-library/svelte';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import DueList from '../../src/views/loop/DueList.svelte';
import { stubDialogs } from './dialog-stub';
import { afterSalary, beforeSalary, plans, salary, tasks } from './loop-household';

beforeAll(stubDialogs);
afterEach(cleanup);

const plain = (s: string | null | undefined) => (s ?? '').replace(/[\u00A0\u202F\s]+/g, ' ').trim();

function show(loop: ReturnType<typeof beforeSalary>) {
  render(DueList, { loop, streams: [salary, tasks], plans, hasPayDays: true });
  return screen.getByTestId('due-list');
}

describe('the due list on the 5th', () => {
  it('holds in "Due now" only what is due today: not the bills due in 5 and 10 days', () => {
    const list = show(beforeSalary());
    const billsNow = within(list)
      .queryAllByTestId('due-bill')
      .map((li) => plain(li.querySelector('p')?.textContent));
    expect(billsNow).toEqual(['Bill Electricity · ₱1,200.00 · due Dec 5']);
    expect(
      within(list)
        .getAllByTestId('due-income')
        .map((li) => plain(li.textContent)),
    ).toEqual([expect.stringContaining('Salary · ₱6,000.00 · due Dec 5')]);
    // One big "Paid" button: the electricity's.
    expect(within(list).getAllByRole('button', { name: 'Paid' })).toHaveLength(1);
  });

  it('shows the next 14 days apart and quieter, with no "Paid" button, and nothing later', () => {
    const list = show(beforeSalary());
    const soon = within(list).getByTestId('coming-up');
    expect(within(list).getByRole('heading', { name: 'Coming up (next 14 days)' })).toBeTruthy();
    expect(
      within(soon)
        .getAllByRole('listitem')
        .map((li) => plain(li.textContent)),
    ).toEqual([
      'Bill · Rent · ₱2,500.00 · due Dec 10 in 5 days Already paid?',
      'Bill · Internet · ₱399.00 · due Dec 15 in 10 days Already paid?',
    ]);
    expect(within(soon).queryByRole('button', { name: 'Paid' })).toBeNull();
    for (const button of within(soon).getAllByRole('button')) {
      expect(button.classList.contains('primary')).toBe(false);
    }
    // School fees on the 28th are 23 days away: in the month card, not in the due list.
    expect(plain(list.textContent)).not.toContain('School fees');
  });

  it('once the salary is received, only the electricity is due now', () => {
    const list = show(afterSalary());
    expect(within(list).queryAllByTestId('due-income')).toHaveLength(0);
    expect(within(list).getAllByTestId('due-bill')).toHaveLength(1);
  });
});
