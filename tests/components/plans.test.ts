// @vitest-environment jsdom
import 'fake-indexeddb/auto';
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/svelte';
import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import Toasts from '../../src/components/Toasts.svelte';
import type { AnyamDatabase } from '../../src/lib/db/database';
import {
  addMember,
  addPlace,
  addPlan,
  addRate,
  addSaving,
  saveSettings,
} from '../../src/lib/db/repo';
import { todayIso } from '../../src/lib/domain/dates';
import { household } from '../../src/lib/state/household.svelte';
import { toasts } from '../../src/lib/state/toasts.svelte';
import PlansView from '../../src/views/plans/PlansView.svelte';
import { dropDatabase, freshDatabase } from '../db/helpers';
import { stubDialogs } from './dialog-stub';

let db: AnyamDatabase;

beforeAll(stubDialogs);

beforeEach(async () => {
  toasts.items = [];
  db = freshDatabase('plans-view');
  await saveSettings({ householdName: 'Test', baseCurrency: 'IDR' });
});

afterEach(async () => {
  cleanup();
  await new Promise((resolve) => setTimeout(resolve, 0));
  await dropDatabase(db);
});

/** Renders the view once the shared household state shows this test's database. */
async function renderView() {
  render(Toasts);
  render(PlansView);
  const ids = (rows: { id: string }[]) => rows.map((r) => r.id).sort();
  const live = <T extends { deletedAt: string | null }>(rows: T[]) =>
    rows.filter((r) => r.deletedAt === null);
  await waitFor(async () => {
    expect(ids(household.plans)).toEqual(ids(live(await db.plans.toArray())));
    expect(ids(household.savings)).toEqual(ids(live(await db.savings.toArray())));
    expect(ids(household.rates)).toEqual(ids(live(await db.rates.toArray())));
  });
}

function dialog(): HTMLElement {
  const open = document.querySelector<HTMLElement>('dialog[open]');
  if (!open) throw new Error('no open dialog');
  return open;
}

async function type(label: string | RegExp, value: string) {
  const input = within(dialog()).getByLabelText<HTMLInputElement>(label);
  input.value = value;
  await fireEvent.input(input);
  return input;
}

async function choose(label: string | RegExp, value: string) {
  const select = within(dialog()).getByLabelText<HTMLSelectElement>(label);
  select.value = value;
  await fireEvent.change(select);
  return select;
}

async function submit() {
  await fireEvent.click(within(dialog()).getByRole('button', { name: 'Save' }));
}

function errorOf(field: HTMLElement): string {
  const ids = (field.getAttribute('aria-describedby') ?? '').split(' ');
  return ids
    .map((id) => document.getElementById(id))
    .filter((el) => el?.classList.contains('field-error'))
    .map((el) => el!.textContent ?? '')
    .join('');
}

const month = todayIso().slice(0, 7);

describe('planned expenses', () => {
  it('shows the empty state, then saves a plan with its member and funding kinds', async () => {
    const dewi = await addMember({ name: 'Dewi', role: 'youth' });
    await renderView();
    expect(screen.getByText('No planned expenses yet')).toBeTruthy();

    await fireEvent.click(screen.getByRole('button', { name: 'Add an expense' }));
    await type('Name', 'Data plan');
    await choose('Category', 'digital');
    // The member list loads when the form first asks for it.
    await within(dialog()).findByRole('option', { name: 'Dewi' });
    await choose('For whom', dewi.id);
    await type('Amount', '150,000');
    await choose('How often', 'monthly');
    await type('Due on', `${month}-05`);
    await fireEvent.click(within(dialog()).getByLabelText('Micro-tasks'));
    await fireEvent.click(within(dialog()).getByLabelText('Informal work'));
    await submit();

    await waitFor(async () => expect(await db.plans.count()).toBe(1));
    const [plan] = await db.plans.toArray();
    expect(plan).toMatchObject({
      name: 'Data plan',
      category: 'digital',
      amountMinor: 150_000_00,
      currency: 'IDR',
      cadence: 'monthly',
      dueOn: `${month}-05`,
      memberId: dewi.id,
      fundedBy: ['informal', 'microtask'],
    });
    const group = await screen.findByTestId('plan-group-digital');
    expect(group.textContent).toContain('Paid from: Informal work, Micro-tasks');
    expect(group.textContent).toContain('Dewi');
    await waitFor(() =>
      expect(screen.getByTestId('plan-totals').textContent).toMatch(
        /All bills this month.*150,000/,
      ),
    );
  });

  it('keeps what was typed and saves nothing when the name is empty or the amount is bad', async () => {
    await addPlan({
      name: 'Rent',
      category: 'essential',
      amountMinor: 100,
      currency: 'IDR',
      cadence: 'monthly',
      dueOn: '2025-01-01',
    });
    await renderView();
    await fireEvent.click(screen.getByRole('button', { name: 'Add an expense' }));
    const name = await type('Name', ' ');
    const amount = await type('Amount', '12,5');
    await fireEvent.click(within(dialog()).getByLabelText('Formal job'));
    await submit();

    await waitFor(() => expect(errorOf(name)).toBe('Give it a name.'));
    expect(errorOf(amount)).toMatch(/Enter an amount/);
    expect(amount.value).toBe('12,5');
    expect(within(dialog()).getByLabelText<HTMLInputElement>('Formal job').checked).toBe(true);
    expect(await db.plans.count()).toBe(1);
  });

  it('says a plan in another currency is left out of the totals until it has a rate', async () => {
    await addPlan({
      name: 'Phone',
      category: 'digital',
      amountMinor: 500_00,
      currency: 'PHP',
      cadence: 'monthly',
      dueOn: '2025-01-01',
    });
    await renderView();
    const totals = await screen.findByTestId('plan-totals');
    expect(totals.textContent).toContain('no exchange rate for PHP: Phone');
    const group = screen.getByTestId('plan-group-digital');
    expect(group.textContent).toContain('No rate for PHP');
    expect(group.textContent).toMatch(/0 \+ 1 without a rate/);
    expect(totals.textContent).toMatch(/All bills this month.*0 \+ 1 without a rate/);

    await addRate({ currency: 'PHP', date: '2024-01-01', value: '280' });
    await waitFor(() => expect(totals.textContent).not.toContain('no exchange rate'));
    expect(totals.textContent).toMatch(/140,000/);
  });

  it('edits a plan, and deletes it with Undo', async () => {
    const plan = await addPlan({
      name: 'School fees',
      category: 'essential',
      amountMinor: 1_200_000_00,
      currency: 'IDR',
      cadence: 'yearly',
      dueOn: '2025-07-15',
      fundedBy: ['support'],
    });
    await renderView();
    const group = screen.getByTestId('plan-group-essential');
    expect(group.textContent).toMatch(/a year, next due/);
    expect(group.textContent).toMatch(/Monthly share to set aside: ≈ .*100,000/);

    await fireEvent.click(screen.getByRole('button', { name: 'Edit School fees' }));
    expect(
      within(dialog()).getByLabelText<HTMLInputElement>('Support and remittances').checked,
    ).toBe(true);
    await choose('Category', 'other');
    await fireEvent.click(within(dialog()).getByLabelText('Support and remittances'));
    await submit();
    await waitFor(async () =>
      expect(await db.plans.get(plan.id)).toMatchObject({ category: 'other', fundedBy: [] }),
    );

    await fireEvent.click(await screen.findByRole('button', { name: 'Delete School fees' }));
    await waitFor(async () => expect((await db.plans.get(plan.id))?.deletedAt).not.toBeNull());
    expect(await screen.findByText('No planned expenses yet')).toBeTruthy();
    await fireEvent.click(screen.getAllByRole('button', { name: 'Undo' }).at(-1)!);
    await waitFor(async () => expect((await db.plans.get(plan.id))?.deletedAt).toBeNull());
    expect(await screen.findByTestId('plan-group-other')).toBeTruthy();
  });
});

describe("one truth on 5 December (issue 22): this month's bills and next due dates", () => {
  beforeEach(() => {
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(new Date('2026-12-05T09:00:00'));
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  async function twoPlans() {
    await addPlan({
      name: 'Rent',
      category: 'essential',
      amountMinor: 5_305_000_00,
      currency: 'IDR',
      cadence: 'monthly',
      dueOn: '2025-01-10',
    });
    await addPlan({
      name: 'Website fee',
      category: 'digital',
      amountMinor: 4_200_000_00,
      currency: 'IDR',
      cadence: 'yearly',
      dueOn: '2025-06-01',
    });
  }

  it("shows one total for this month: the month card's bills, the yearly share kept apart", async () => {
    await twoPlans();
    await renderView();
    const card = await screen.findByTestId('month-left');
    // The month card: the rent is this month's only bill.
    expect(card.textContent).toMatch(/IDR\s5,305,000 of IDR\s5,305,000 left to pay/);
    const totals = await screen.findByTestId('plan-totals');
    await waitFor(() =>
      expect(screen.getByTestId('plan-bills-total').textContent).toMatch(/IDR\s5,305,000/),
    );
    // Before: "Cost this month" added the yearly fee ÷ 12 (IDR 350,000) to IDR 5,655,000.
    expect(document.body.textContent).not.toMatch(/5,655,000/);
    // The spread figure is a monthly share, said so, and not part of the total.
    const share = screen.getByTestId('plan-monthly-share');
    expect(share.textContent).toMatch(/Set aside ≈ IDR\s350,000 a month for Website fee/);
    expect(share.textContent).toMatch(/not part of this month's bills/);
    expect(totals.textContent).toMatch(/Digital\s*IDR\s0/);
  });

  it("shows a yearly plan's next due date, never a past one", async () => {
    await twoPlans();
    await renderView();
    const group = await screen.findByTestId('plan-group-digital');
    expect(group.textContent).toMatch(/a year, next due Jun 1, 2027/);
    expect(group.textContent).not.toMatch(/2025/);
    expect(group.textContent).toMatch(/Monthly share to set aside: ≈ IDR\s350,000/);
  });
});

describe('savings places', () => {
  it('adds places and balances, sums the latest of each, flags a missing rate, and Undo restores a deleted balance', async () => {
    const bank = await addPlace({ name: 'Bank BRI', kind: 'bank', currency: 'IDR' });
    await addSaving({ placeId: bank.id, date: '2025-01-31', amountMinor: 1_000_000_00 });
    await addSaving({ placeId: bank.id, date: '2025-02-28', amountMinor: 1_200_000_00 });
    await renderView();
    await waitFor(() =>
      expect(screen.getByTestId('savings-buffer').textContent).toMatch(/1,200,000/),
    );

    // A GCash wallet in pesos.
    await fireEvent.click(screen.getByRole('button', { name: 'Add a place' }));
    await type('Name', 'GCash');
    await choose('Kind', 'ewallet');
    await choose('Currency', 'PHP');
    await submit();
    const gcash = await waitFor(async () => {
      const found = (await db.places.toArray()).find((p) => p.name === 'GCash');
      expect(found).toBeTruthy();
      return found!;
    });
    expect(gcash).toMatchObject({ kind: 'ewallet', currency: 'PHP' });

    // A debt is refused for an e-wallet, said plainly, and nothing is written.
    await fireEvent.click(await screen.findByRole('button', { name: 'New balance: GCash' }));
    const amount = await type('Balance', '-500');
    await type('Date', '2025-03-01');
    await submit();
    await waitFor(() => expect(errorOf(amount)).toMatch(/only a place of kind/));
    expect(await db.savings.count()).toBe(2);
    await type('Balance', '2,500');
    await submit();
    await waitFor(async () => expect(await db.savings.count()).toBe(3));

    // No PHP rate: the buffer is flagged, never counted with the pesos as 0.
    const buffer = () => screen.getByTestId('savings-buffer').textContent ?? '';
    await waitFor(() => expect(buffer()).toMatch(/no exchange rate for PHP/));
    expect(buffer()).not.toMatch(/1,200,000/);
    // 2,500.00 PHP × 280 = 700,000 IDR; + 1,200,000 IDR in the bank = 1,900,000 IDR.
    await addRate({ currency: 'PHP', date: '2025-01-01', value: '280' });
    await waitFor(() => expect(buffer()).toMatch(/1,900,000/));
    expect(buffer()).toContain('2 places');

    const live = () => db.savings.filter((s) => s.deletedAt === null).count();
    await fireEvent.click(
      screen.getByRole('button', { name: /^Delete Bank BRI, Balance of Feb 28, 2025/ }),
    );
    await waitFor(async () => expect(await live()).toBe(2));
    // The bank's balance in force is January's again: 1,000,000 + 700,000.
    await waitFor(() => expect(buffer()).toMatch(/1,700,000/));
    await fireEvent.click(screen.getAllByRole('button', { name: 'Undo' }).at(-1)!);
    await waitFor(async () => expect(await live()).toBe(3));
    await waitFor(() => expect(buffer()).toMatch(/1,900,000/));
  });
});
