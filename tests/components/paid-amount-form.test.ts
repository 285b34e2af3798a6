// @vitest-environment jsdom
/**
 * "Paid a different amount" is one form (components/PaidAmountForm.svelte) for a bill
 * (PaymentForm), a debt instalment or repayment (RepaymentForm) and a savings group's round
 * (GroupPayForm): a valid amount is saved through the call it is given, exactly once; a refused
 * amount shows its translated message beside the amount and calls nothing.
 */
import { cleanup, fireEvent, render, waitFor } from '@testing-library/svelte';
import { afterEach, describe, expect, it, vi } from 'vitest';
import PaidAmountForm from '../../src/components/PaidAmountForm.svelte';
import { AnyamError } from '../../src/lib/domain/model';
import { m } from '../../src/paraglide/messages.js';
import RepaymentForm from '../../src/views/debts/RepaymentForm.svelte';
import GroupPayForm from '../../src/views/groups/GroupPayForm.svelte';
import PaymentForm from '../../src/views/loop/PaymentForm.svelte';

const repo = vi.hoisted(() => ({
  repayDebt: vi.fn((input: object) => Promise.resolve({ id: 'r1', ...input })),
  payContribution: vi.fn((input: object) => Promise.resolve({ id: 'c1', ...input })),
  addPayment: vi.fn((input: object) => Promise.resolve({ id: 'p1', ...input })),
}));
vi.mock('../../src/lib/db/repo/debts', () => ({ repayDebt: repo.repayDebt }));
vi.mock('../../src/lib/db/repo/groups', () => ({ payContribution: repo.payContribution }));
vi.mock('../../src/lib/db/repo/payments', () => ({ addPayment: repo.addPayment }));

afterEach(() => {
  cleanup();
  vi.clearAllMocks();
});

function the<T extends Element>(selector: string): T {
  const found = document.querySelector<T>(selector);
  if (!found) throw new Error(`nothing matches ${selector}`);
  return found;
}
async function type(selector: string, value: string): Promise<void> {
  const input = the<HTMLInputElement>(selector);
  input.value = value;
  await fireEvent.input(input);
}
/** The words of the error a control is described by. */
function errorOf(selector: string): string {
  const ids = (the(selector).getAttribute('aria-describedby') ?? '').split(' ');
  return ids
    .map((id) => document.getElementById(id))
    .filter((el) => el?.classList.contains('field-error'))
    .map((el) => el!.textContent ?? '')
    .join('')
    .trim();
}
const submit = (testid: string) => fireEvent.submit(the(`[data-testid="${testid}"]`));
/** Long enough for a dynamic import and a save that would have run. */
const settle = () => new Promise((resolve) => setTimeout(resolve, 50));

const PAST_DUE = { amountMinor: 1_000_00, currency: 'PHP', dueOn: '2026-11-10' };
const leftOf500 = (minor: number) => {
  if (minor > 500_00) {
    throw new AnyamError('repayment/more-than-left', {
      field: 'amountMinor',
      left: 500_00,
      currency: 'PHP',
    });
  }
};

function shared(props: Record<string, unknown> = {}) {
  const save = vi.fn((paid: object) => Promise.resolve({ id: 'x', ...paid }));
  const onsaved = vi.fn();
  render(PaidAmountForm, {
    props: {
      testid: 'paid-form',
      record: 'repayment',
      due: PAST_DUE,
      noteLabel: 'Note',
      save,
      onsaved,
      oncancel: () => {},
      ...props,
    } as never,
  });
  return { save, onsaved };
}

describe('the "paid a different amount" form', () => {
  it('opens on the amount due and its (passed) day, and saves a changed amount once', async () => {
    const { save, onsaved } = shared();
    expect(the<HTMLInputElement>('[name="amount"]').value).toBe('1,000.00');
    expect(the<HTMLInputElement>('[name="date"]').value).toBe('2026-11-10');
    await type('[name="amount"]', '750.50');
    await type('[name="note"]', '  cash, at the door  ');
    await submit('paid-form');
    await waitFor(() => expect(onsaved).toHaveBeenCalledOnce());
    expect(save).toHaveBeenCalledExactlyOnceWith({
      date: '2026-11-10',
      amountMinor: 750_50,
      note: 'cash, at the door',
    });
    expect(onsaved).toHaveBeenCalledWith(expect.objectContaining({ id: 'x', amountMinor: 750_50 }));
  });

  it('is paid today when it is not due yet, and has no note without a note label', () => {
    shared({ due: { ...PAST_DUE, dueOn: '2026-12-01' }, noteLabel: undefined });
    expect(the<HTMLInputElement>('[name="date"]').value).toBe('2026-11-24');
    expect(document.querySelector('[name="note"]')).toBeNull();
  });

  it('refuses more than its limit beside the amount, in words, and calls nothing', async () => {
    const { save, onsaved } = shared({ limit: leftOf500 });
    await type('[name="amount"]', '600');
    await submit('paid-form');
    await waitFor(() =>
      expect(errorOf('[name="amount"]')).toBe(m.debt_err_more_than_left({ left: '₱500.00' })),
    );
    await settle();
    expect(save).not.toHaveBeenCalled();
    expect(onsaved).not.toHaveBeenCalled();
    // Within the limit it saves.
    await type('[name="amount"]', '500');
    await submit('paid-form');
    await waitFor(() => expect(save).toHaveBeenCalledOnce());
    expect(errorOf('[name="amount"]')).toBe('');
  });

  it('refuses an amount that does not read beside it, and calls nothing', async () => {
    const { save } = shared({ limit: leftOf500 });
    await type('[name="amount"]', 'one thousand');
    await submit('paid-form');
    await waitFor(() => expect(errorOf('[name="amount"]')).toBe(m.err_money_invalid()));
    await settle();
    expect(save).not.toHaveBeenCalled();
  });

  it("shows the repository's refusal of the amount beside the amount", async () => {
    const save = vi.fn(() =>
      Promise.reject(
        new AnyamError('repayment/more-than-left', {
          field: 'amountMinor',
          left: 200_00,
          currency: 'PHP',
        }),
      ),
    );
    const { onsaved } = shared({ save });
    await submit('paid-form');
    await waitFor(() =>
      expect(errorOf('[name="amount"]')).toBe(m.debt_err_more_than_left({ left: '₱200.00' })),
    );
    expect(onsaved).not.toHaveBeenCalled();
  });
});

describe('its three uses', () => {
  it('a bill: addPayment with the plan, the due day and the note', async () => {
    const onsaved = vi.fn();
    const bill = { planId: 'rent', ...PAST_DUE, payments: [], skipped: false };
    render(PaymentForm, { props: { bill, onsaved, oncancel: () => {} } as never });
    await type('[name="amount"]', '900');
    await submit('payment-form');
    await waitFor(() => expect(onsaved).toHaveBeenCalledOnce());
    expect(repo.addPayment).toHaveBeenCalledExactlyOnceWith({
      planId: 'rent',
      dueOn: '2026-11-10',
      currency: 'PHP',
      date: '2026-11-10',
      amountMinor: 900_00,
      note: '',
    });
  });

  it('a savings group round: payContribution with the group and round, no note', async () => {
    const onsaved = vi.fn();
    const round = { groupId: 'g1', round: 3, ...PAST_DUE, paid: null, skipped: false };
    render(GroupPayForm, { props: { round, onsaved, oncancel: () => {} } as never });
    expect(document.querySelector('[name="note"]')).toBeNull();
    await type('[name="amount"]', '1500');
    await submit('group-pay-form');
    await waitFor(() => expect(onsaved).toHaveBeenCalledOnce());
    expect(repo.payContribution).toHaveBeenCalledExactlyOnceWith({
      groupId: 'g1',
      round: 3,
      date: '2026-11-10',
      amountMinor: 1_500_00,
    });
  });

  it('a repayment from the Debts view: more than what is left is refused before any write', async () => {
    const onsaved = vi.fn();
    render(RepaymentForm, {
      props: {
        debtId: 'tita',
        dueOn: null,
        amountMinor: 1_000_00,
        currency: 'PHP',
        leftMinor: 4_000_00,
        onsaved,
        oncancel: () => {},
      } as never,
    });
    await type('[name="amount"]', '4000.01');
    await submit('repayment-form');
    await waitFor(() =>
      expect(errorOf('[name="amount"]')).toBe(m.debt_err_more_than_left({ left: '₱4,000.00' })),
    );
    await settle();
    expect(repo.repayDebt).not.toHaveBeenCalled();
    await type('[name="amount"]', '4000');
    await submit('repayment-form');
    await waitFor(() => expect(onsaved).toHaveBeenCalledOnce());
    expect(repo.repayDebt).toHaveBeenCalledExactlyOnceWith({
      debtId: 'tita',
      dueOn: null,
      date: '2026-11-24',
      amountMinor: 4_000_00,
      note: '',
    });
  });
});
