// @vitest-environment jsdom
/**
 * "To raise your score" keeps its word (issue 22, item 10): "save more" opens a NEW BALANCE of a
 * place the savings are already in — it opened "New savings place", and following it counted the
 * savings twice — and each action says what its points assume. Saving the balance the action
 * asks for raises the score by the points it states.
 */
import 'fake-indexeddb/auto';
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/svelte';
import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import type { AnyamDatabase } from '../../src/lib/db/database';
import {
  addEntry,
  addMember,
  addPlace,
  addPlan,
  addSaving,
  addStream,
  saveSettings,
} from '../../src/lib/db/repo';
import { listRollups } from '../../src/lib/db/repo/rollups';
import { computeDashboard, type DashboardInput } from '../../src/lib/domain/dashboard';
import { guidanceFor } from '../../src/lib/domain/guidance';
import { addMonths } from '../../src/lib/domain/months';
import { household } from '../../src/lib/state/household.svelte';
import PlansView from '../../src/views/plans/PlansView.svelte';
import ScoreActions from '../../src/views/dashboard/ScoreActions.svelte';
import { dropDatabase, freshDatabase } from '../db/helpers';
import { stubDialogs } from './dialog-stub';
import ActionsDashboardProbe from './ActionsDashboardProbe.svelte';

const TODAY = '2026-11-24';
let db: AnyamDatabase;

beforeAll(stubDialogs);

beforeEach(async () => {
  vi.useFakeTimers({ toFake: ['Date'] });
  vi.setSystemTime(new Date(`${TODAY}T12:00:00Z`));
  db = freshDatabase('score-actions');
  await saveSettings({ householdName: 'Test', baseCurrency: 'IDR' });
  const sari = await addMember({ name: 'Sari' });
  const salary = await addStream({
    memberId: sari.id,
    name: 'Salary',
    kind: 'formal',
    currency: 'IDR',
  });
  // Four complete months of Rp5,000,000; essentials Rp2,000,000 a month.
  for (let k = 4; k >= 1; k--) {
    const month = addMonths('2026-11', -k);
    await addEntry({ streamId: salary.id, date: `${month}-05`, amountMinor: 500_000_000 });
  }
  await addPlan({
    name: 'Rent',
    category: 'essential',
    amountMinor: 200_000_000,
    currency: 'IDR',
    cadence: 'monthly',
    dueOn: '2026-01-01',
  });
  // Rp1,200,000 saved in two places: the bank holds the most.
  const cash = await addPlace({ name: 'Cash at home', kind: 'cash', currency: 'IDR' });
  const bank = await addPlace({ name: 'Bank', kind: 'bank', currency: 'IDR' });
  await addSaving({ placeId: cash.id, date: '2026-10-01', amountMinor: 20_000_000 });
  await addSaving({ placeId: bank.id, date: '2026-10-01', amountMinor: 100_000_000 });
});

afterEach(async () => {
  cleanup();
  history.replaceState(null, '', '/');
  await new Promise((resolve) => setTimeout(resolve, 0));
  await dropDatabase(db);
  vi.useRealTimers();
});

/** The dashboard's input, read back from the database as the dashboard reads it. */
async function inputNow(): Promise<DashboardInput> {
  return {
    rollups: await listRollups(),
    streams: await db.streams.toArray(),
    plans: await db.plans.toArray(),
    savings: await db.savings.toArray(),
    rates: [],
    training: [],
    baseCurrency: 'IDR',
    today: TODAY,
  };
}

/** An element's words, with Intl's no-break spaces as plain ones. */
const words = (el: HTMLElement) => el.textContent.replace(/\s+/g, ' ').trim();

function dialog(): HTMLElement {
  const open = document.querySelector<HTMLElement>('dialog[open]');
  if (!open) throw new Error('no open dialog');
  return open;
}

describe('score actions', () => {
  it('"save more" opens a new balance of the place holding the most, and keeps its points', async () => {
    const input = await inputNow();
    const dash = computeDashboard(input);
    const guidance = guidanceFor(input);
    const save = guidance.actions.find((a) => a.kind === 'save');
    if (save?.kind !== 'save') throw new Error('no save action');
    // 3 × Rp2,000,000 − Rp1,200,000 = Rp4,800,000 more.
    expect(save.amountMinor).toBe(480_000_000);

    // On the dashboard the savings have loaded before the actions draw.
    render(ActionsDashboardProbe);
    await waitFor(() => expect(screen.getByTestId('probe-savings').textContent).toBe('2'));
    render(ScoreActions, { dash, guidance });
    const item = document.querySelector<HTMLElement>('[data-action="save"]')!;
    // What the points assume, said beside them (Rp6,000,000 in all).
    const points = words(item.querySelector<HTMLElement>('[data-testid="action-points"]') ?? item);
    // The button a person taps once the page has settled (before the places load it can only
    // offer a new place).
    const link = within(item).getByRole('link');
    await waitFor(() => expect(link.textContent).not.toBe('Add a savings place'));
    const label = link.textContent.trim();

    // Follow it as the browser would: the dashboard goes, the Plans view opens on the request.
    const href = link.getAttribute('href')!;
    cleanup();
    history.replaceState(null, '', `/${href}`);
    render(PlansView);
    await waitFor(() => expect(within(dialog()).queryByTestId('saving-form')).not.toBeNull());
    expect(within(dialog()).queryByTestId('place-form')).toBeNull();
    expect(dialog().textContent).toContain('Bank: balance');
    expect(dialog().textContent).not.toContain('New savings place');
    // And the button said so: which place's balance it opens.
    expect(label).toBe('New balance: Bank');
    expect(points).toBe(`Score +${save.points} once your savings total IDR 6,000,000.`);
    expect(save.totalMinor).toBe(600_000_000);

    // The bank's new balance, Rp1,000,000 + Rp4,800,000: the savings total Rp6,000,000, counted
    // once, and the score rises by the points the action stated.
    const amount = within(dialog()).getByLabelText<HTMLInputElement>('Balance');
    amount.value = '5,800,000';
    await fireEvent.input(amount);
    await fireEvent.click(within(dialog()).getByRole('button', { name: 'Save' }));
    await waitFor(async () => expect(await db.savings.count()).toBe(3));
    const after = computeDashboard(await inputNow());
    expect(after.resilience.inputs.savingsMinor).toBe(600_000_000);
    expect(
      Math.abs(after.resilience.score! - dash.resilience.score! - save.points),
    ).toBeLessThanOrEqual(1);
    // The request is gone from the address once the form closes.
    await waitFor(() => expect(location.hash).toBe('#/plans'));
  });

  it('"a second source" says its points need a window of its income logged', async () => {
    const input = await inputNow();
    const guidance = guidanceFor(input);
    const source = guidance.actions.find((a) => a.kind === 'source');
    if (source?.kind !== 'source') throw new Error('no source action');
    expect(source.months).toBe(4);
    render(ScoreActions, { dash: computeDashboard(input), guidance });
    const item = document.querySelector<HTMLElement>('[data-action="source"]')!;
    expect(words(within(item).getByTestId('action-points'))).toBe(
      `Score +${source.points} once 4 months of this income are logged.`,
    );
    expect(within(item).getByRole('link', { name: 'Add a stream' }).getAttribute('href')).toBe(
      '#/streams?new=stream',
    );
    // The household's streams are untouched by the what-if.
    await waitFor(() => expect(household.streams.length).toBe(1));
  });
});

describe('score actions without a savings place', () => {
  it('"record your savings" asks where the money is first', async () => {
    await db.savings.clear();
    await db.places.clear();
    const input = await inputNow();
    const guidance = guidanceFor(input);
    expect(guidance.actions.map((a) => a.kind)).toContain('record-savings');
    render(ScoreActions, { dash: computeDashboard(input), guidance });
    const link = await screen.findByRole('link', { name: 'Record savings' });
    // (The shared household state may still show the last test's places for a moment.)
    await waitFor(() => expect(link.getAttribute('href')).toBe('#/plans?new=saving'));
    const href = link.getAttribute('href')!;
    cleanup();
    history.replaceState(null, '', `/${href}`);
    render(PlansView);
    await waitFor(() => expect(within(dialog()).queryByTestId('place-form')).not.toBeNull());
  });
});
