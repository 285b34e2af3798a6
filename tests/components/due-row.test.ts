// @vitest-environment jsdom
/**
 * The due list's one row (DueRow.svelte, in lists of DueRows.svelte) and its one tap-with-Undo
 * helper (lib/ui/undo-taps.svelte.ts), which the pay days and bills, the debt instalments and
 * the savings groups share: each action runs its own write, Undo undoes exactly what was
 * written, and while a write runs every button of the list waits (a double tap is one write).
 */
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/svelte';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import type { DueInstalment } from '../../src/lib/domain/debt-due';
import type { Group } from '../../src/lib/domain/group-model';
import type { GroupsDue } from '../../src/lib/domain/groups-loop';
import { toasts } from '../../src/lib/state/toasts.svelte';
import DueInstalments from '../../src/views/debts/DueInstalments.svelte';
import GroupDue from '../../src/views/groups/GroupDue.svelte';
import DueRows from '../../src/views/loop/DueRows.svelte';
import { stubDialogs } from './dialog-stub';

const debtWrites = vi.hoisted(() => ({
  repayDebt: vi.fn(),
  deleteRepayment: vi.fn(() => Promise.resolve()),
  skipOccurrence: vi.fn(),
  unskipOccurrence: vi.fn(() => Promise.resolve()),
}));
vi.mock('../../src/lib/db/repo/debt-writes', () => debtWrites);
const groupWrites = vi.hoisted(() => ({
  payContribution: vi.fn(),
  skipRound: vi.fn(),
  receivePot: vi.fn(),
  deleteGroupPayment: vi.fn(() => Promise.resolve()),
}));
vi.mock('../../src/lib/db/repo/groups', () => groupWrites);

beforeAll(stubDialogs);
afterEach(() => {
  cleanup();
  toasts.clear();
  vi.clearAllMocks();
});

const TODAY = '2026-11-24';
const plain = (s: string | null | undefined) => (s ?? '').replace(/[\u00A0\u202F\s]+/g, ' ').trim();
const buttons = (el: HTMLElement) => within(el).getAllByRole<HTMLButtonElement>('button');
/** The last toast's words, and its Undo run as a tap on it would. */
const lastToast = () => toasts.items.at(-1);
async function undoLast(): Promise<void> {
  await lastToast()!.action!.run();
}
/** A write that waits until the test lets it finish. */
function held<T>(value: T) {
  let release!: () => void;
  const promise = new Promise<T>((resolve) => (release = () => resolve(value)));
  return { promise, release };
}

const instalment: DueInstalment = {
  debtId: 'tita',
  counterparty: 'Tita Nena',
  direction: 'we-owe',
  dueOn: '2026-11-10',
  amountMinor: 1_000_00,
  currency: 'PHP',
  repayments: [],
  skipped: false,
  overdue: true,
};
const repayment = { id: 'r1', debtId: 'tita', amountMinor: 1_000_00, currency: 'PHP' };

function showInstalments(items: DueInstalment[] = [instalment], when: 'now' | 'soon' = 'now') {
  render(DueInstalments, { items, when, today: TODAY });
  return screen.getByTestId(`due-instalments-${when}`);
}

describe('a due row (an instalment due now)', () => {
  it('shows its chip, its words and its three buttons in a group named after it', () => {
    const list = showInstalments();
    const row = within(list).getByTestId('due-instalment');
    expect(plain(row.querySelector('p')?.textContent)).toMatch(/^Late Tita Nena · ₱1,000\.00/);
    const group = within(row).getByRole('group', { name: 'Tita Nena, due Nov 10' });
    expect(
      buttons(group).map((b) => [b.textContent?.trim(), b.classList.contains('primary')]),
    ).toEqual([
      ['Paid', true],
      ['Paid a different amount', false],
      ['Not this time', false],
    ]);
  });

  it('"Paid" records the instalment, says so with Undo, and Undo deletes that repayment', async () => {
    debtWrites.repayDebt.mockResolvedValue(repayment);
    const row = within(showInstalments()).getByTestId('due-instalment');
    await fireEvent.click(within(row).getByRole('button', { name: 'Paid' }));
    await waitFor(() => expect(lastToast()?.action?.label).toBe('Undo'));
    expect(debtWrites.repayDebt).toHaveBeenCalledExactlyOnceWith({
      debtId: 'tita',
      dueOn: '2026-11-10',
    });
    expect(lastToast()!.text).toMatch(/Tita Nena/);
    expect(lastToast()!.text).toMatch(/₱1,000\.00/);
    await undoLast();
    expect(debtWrites.deleteRepayment).toHaveBeenCalledExactlyOnceWith('r1');
    expect(debtWrites.skipOccurrence).not.toHaveBeenCalled();
  });

  it('"Not this time" skips the instalment, and Undo takes the skip back', async () => {
    debtWrites.skipOccurrence.mockResolvedValue({ id: 's1' });
    const row = within(showInstalments()).getByTestId('due-instalment');
    await fireEvent.click(within(row).getByRole('button', { name: 'Not this time' }));
    await waitFor(() => expect(lastToast()?.action?.label).toBe('Undo'));
    expect(debtWrites.skipOccurrence).toHaveBeenCalledExactlyOnceWith('debt', 'tita', '2026-11-10');
    await undoLast();
    expect(debtWrites.unskipOccurrence).toHaveBeenCalledExactlyOnceWith('s1');
    expect(debtWrites.repayDebt).not.toHaveBeenCalled();
  });

  it('"Paid a different amount" opens the repayment form on the instalment, writing nothing', async () => {
    const row = within(showInstalments()).getByTestId('due-instalment');
    await fireEvent.click(within(row).getByRole('button', { name: 'Paid a different amount' }));
    const form = screen.getByTestId('repayment-form');
    expect(form.closest('dialog')?.hasAttribute('open')).toBe(true);
    expect(within(form).getByLabelText<HTMLInputElement>(/Amount paid/).value).toBe('1,000.00');
    expect(debtWrites.repayDebt).not.toHaveBeenCalled();
  });

  it('waits while a write runs: every button disabled, a second tap writes nothing more', async () => {
    const write = held(repayment);
    debtWrites.repayDebt.mockReturnValue(write.promise);
    const second = { ...instalment, debtId: 'app', counterparty: 'GGives' };
    const list = showInstalments([instalment, second]);
    const [first] = within(list).getAllByTestId('due-instalment');
    await fireEvent.click(within(first!).getByRole('button', { name: 'Paid' }));
    await waitFor(() => expect(buttons(list).every((b) => b.disabled)).toBe(true));
    expect(buttons(list)).toHaveLength(6);
    await fireEvent.click(within(first!).getByRole('button', { name: 'Paid' }));
    write.release();
    await waitFor(() => expect(buttons(list).some((b) => b.disabled)).toBe(false));
    expect(debtWrites.repayDebt).toHaveBeenCalledOnce();
  });

  it('money owed to us is "Received" and "Different amount"', () => {
    const row = within(showInstalments([{ ...instalment, direction: 'owed-to-us' }])).getByTestId(
      'due-instalment',
    );
    expect(buttons(row).map((b) => b.textContent?.trim())).toEqual([
      'Received',
      'Different amount',
      'Not this time',
    ]);
  });

  it('coming up, it is quiet: its words, how soon, and only "Already paid?"', () => {
    const soon = { ...instalment, dueOn: '2026-11-29', overdue: false };
    const row = within(showInstalments([soon], 'soon')).getByTestId('soon-instalment');
    expect(plain(row.textContent)).toBe(
      'Instalment · Tita Nena · ₱1,000.00 · due Nov 29 in 5 days Already paid?',
    );
    const [only] = buttons(row);
    expect(buttons(row)).toHaveLength(1);
    expect(only!.getAttribute('aria-label')).toBe('Already paid? Tita Nena, due Nov 29');
    expect(only!.classList.contains('primary')).toBe(false);
  });
});

const group = { id: 'g1', name: 'Paluwagan' } as Group;
const pot = { id: 'gp1', groupId: 'g1', round: 7, amountMinor: 20_000_00, currency: 'PHP' };

describe('a due row (a savings group)', () => {
  const due: GroupsDue = {
    contributions: [
      {
        groupId: 'g1',
        round: 3,
        dueOn: '2026-11-15',
        amountMinor: 2_000_00,
        currency: 'PHP',
        paid: null,
        skipped: false,
        overdue: true,
      },
    ],
    pots: [
      {
        groupId: 'g1',
        round: 7,
        dueOn: '2026-11-20',
        amountMinor: 20_000_00,
        currency: 'PHP',
        received: null,
        overdue: true,
      },
    ],
  };

  it('my pot is "Received" in one tap, with Undo deleting what was received', async () => {
    groupWrites.receivePot.mockResolvedValue(pot);
    render(GroupDue, { due, groups: [group], today: TODAY, when: 'now' });
    const row = screen.getByTestId('due-group-pot');
    expect(buttons(row).map((b) => b.textContent?.trim())).toEqual(['Received']);
    await fireEvent.click(within(row).getByRole('button', { name: 'Received' }));
    await waitFor(() => expect(lastToast()?.action?.label).toBe('Undo'));
    // Received on its day, which has passed.
    expect(groupWrites.receivePot).toHaveBeenCalledExactlyOnceWith({
      groupId: 'g1',
      round: 7,
      date: '2026-11-20',
    });
    await undoLast();
    expect(groupWrites.deleteGroupPayment).toHaveBeenCalledExactlyOnceWith('gp1');
  });

  it('a round is a bill: Paid, Paid a different amount, Not this time, each its own write', async () => {
    groupWrites.payContribution.mockResolvedValue({ ...pot, id: 'c1', round: 3 });
    groupWrites.skipRound.mockResolvedValue({ ...pot, id: 'k1', round: 3 });
    render(GroupDue, { due, groups: [group], today: TODAY, when: 'now' });
    const row = screen.getByTestId('due-group');
    expect(plain(row.querySelector('.chip')?.textContent)).toBe('Late');
    await fireEvent.click(within(row).getByRole('button', { name: 'Paid' }));
    await waitFor(() => expect(groupWrites.payContribution).toHaveBeenCalledOnce());
    expect(groupWrites.payContribution).toHaveBeenCalledWith({ groupId: 'g1', round: 3 });
    await waitFor(() => expect(row.querySelector('button')?.disabled).toBe(false));
    await fireEvent.click(within(row).getByRole('button', { name: 'Not this time' }));
    await waitFor(() => expect(groupWrites.skipRound).toHaveBeenCalledOnce());
    await waitFor(() => expect(lastToast()?.text).toMatch(/Paluwagan/));
    await undoLast();
    expect(groupWrites.deleteGroupPayment).toHaveBeenCalledExactlyOnceWith('k1');
    await fireEvent.click(within(row).getByRole('button', { name: 'Paid a different amount' }));
    expect(screen.getByTestId('group-pay-form')).toBeTruthy();
  });
});

describe('lists of due rows', () => {
  it('draw no line above the first row due now, even when the first list is empty', () => {
    const row = (key: string) => ({
      key,
      testid: 'r',
      tag: 'Bill',
      text: key,
      label: key,
      dueOn: TODAY,
      actions: [],
    });
    const host = document.createElement('section');
    document.body.append(host);
    render(DueRows, {
      target: host,
      props: { testid: 'a', when: 'now', rows: [], today: TODAY, busy: false },
    });
    render(DueRows, {
      target: host,
      props: { testid: 'b', when: 'now', rows: [row('x'), row('y')], today: TODAY, busy: false },
    });
    const [empty, next] = host.querySelectorAll('ul');
    // The empty list is :empty, so the next list's first row is the first under the heading.
    // The empty list holds no element and no text, so it is :empty in a browser (jsdom counts
    // Svelte's zero-length anchor text against :empty; Chromium, per Selectors 3, does not):
    // the next list's first row is then the first under the heading.
    expect(empty!.children).toHaveLength(0);
    expect(empty!.textContent).toBe('');
    expect(next!.matches('ul.now:first-of-type + ul.now:not(:first-of-type)')).toBe(true);
    expect(next!.querySelectorAll('li.now')).toHaveLength(2);
  });
});
