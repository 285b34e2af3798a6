// @vitest-environment jsdom
/**
 * Issue 24, one way into the entry form: quick add, a due pay day's "Different amount" and an
 * entry's edit all open it through `quickAdd.show(start)`, and every save offers Undo. The last
 * stream used lives in the device store, whose writes are guarded: a full storage never turns a
 * saved entry into an error (the old form wrote it raw after the save and showed the failure).
 */
import 'fake-indexeddb/auto';
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/svelte';
import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import QuickAdd from '../../src/components/QuickAdd.svelte';
import Toasts from '../../src/components/Toasts.svelte';
import type { AnyamDatabase } from '../../src/lib/db/database';
import { addEntry, addMember, addStream, saveSettings } from '../../src/lib/db/repo';
import type { Stream } from '../../src/lib/domain/model';
import { household } from '../../src/lib/state/household.svelte';
import { quickAdd } from '../../src/lib/state/quick-add.svelte';
import { toasts } from '../../src/lib/state/toasts.svelte';
import { dropDatabase, freshDatabase } from '../db/helpers';
import { PINNED_TODAY } from '../pinned-day';
import { stubDialogs } from './dialog-stub';

let db: AnyamDatabase;
let salary: Stream;
/** A lazily loaded form on a busy machine: a wait, not a speed limit. */
const WAIT = { timeout: 15_000 };

beforeAll(stubDialogs);

beforeEach(async () => {
  db = freshDatabase('quick-add-flow');
  await saveSettings({ householdName: 'Test', baseCurrency: 'IDR' });
  const budi = await addMember({ name: 'Budi' });
  salary = await addStream({ memberId: budi.id, name: 'Salary', kind: 'formal', currency: 'IDR' });
  toasts.clear();
});

afterEach(async () => {
  vi.restoreAllMocks();
  quickAdd.close();
  toasts.clear();
  cleanup();
  await new Promise((resolve) => setTimeout(resolve, 0));
  await dropDatabase(db);
});

/** Quick add on screen, with this test's stream known to the shared household state. */
async function openQuickAdd(start: Parameters<typeof quickAdd.show>[0] = {}) {
  render(QuickAdd);
  render(Toasts);
  await waitFor(() => expect(household.activeStreams.map((s) => s.id)).toEqual([salary.id]));
  quickAdd.show({ streamId: salary.id, ...start });
  return screen.findByTestId('entry-form', {}, WAIT);
}

async function type(name: string, value: string) {
  const input = document.querySelector<HTMLInputElement>(`input[name="${name}"]`)!;
  input.value = value;
  await fireEvent.input(input);
}

const shownText = () => document.querySelector('.toast-item span')?.textContent ?? '';

describe('quick add with a full storage', () => {
  it('saves the entry, closes the form and shows no error when localStorage refuses a write', async () => {
    const refuse = vi.spyOn(Storage.prototype, 'setItem').mockImplementation(() => {
      throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
    });
    const form = await openQuickAdd();
    await type('amount', '250,000');
    await fireEvent.click(screen.getByRole('button', { name: 'Save' }));

    await waitFor(() => expect(quickAdd.open).toBe(false), WAIT);
    expect(refuse).toHaveBeenCalled();
    expect((await db.entries.toArray()).map((e) => e.amountMinor)).toEqual([250_000_00]);
    expect(form.isConnected).toBe(false);
    // No error anywhere: not in the form (gone), not in a toast.
    expect([...document.querySelectorAll('.field-error')].map((e) => e.textContent)).toEqual([]);
    expect(shownText()).toMatch(/Saved IDR\s250,000 to Salary/);
  });
});

describe('what a save says', () => {
  it('a back-dated pending entry: its date and "pending", with Undo that deletes it', async () => {
    await openQuickAdd({ date: '2026-11-03' });
    await type('amount', '120,000');
    await fireEvent.click(screen.getByRole('radio', { name: 'Pending payout' }));
    await fireEvent.click(screen.getByRole('button', { name: 'Save' }));
    await waitFor(() => expect(quickAdd.open).toBe(false), WAIT);

    expect(shownText()).toMatch(
      /^Saved IDR\s120,000 to Salary as a pending payout, dated Nov 3, 2026$/,
    );
    await fireEvent.click(screen.getByRole('button', { name: 'Undo' }));
    await waitFor(async () => expect((await db.entries.toArray())[0]?.deletedAt).not.toBeNull());
  });

  it("today's received entry keeps the short message", async () => {
    await openQuickAdd({ date: PINNED_TODAY });
    await type('amount', '10,000');
    await fireEvent.click(screen.getByRole('button', { name: 'Save' }));
    await waitFor(() => expect(quickAdd.open).toBe(false), WAIT);
    expect(shownText()).toMatch(/^Saved IDR\s10,000 to Salary$/);
  });

  it('starts on the amount a due pay day gives ("Different amount")', async () => {
    await openQuickAdd({ date: '2026-11-20', amountMinor: 6_000_000_00 });
    const amount = document.querySelector<HTMLInputElement>('input[name="amount"]')!;
    expect(amount.value).toBe('6,000,000');
    expect(document.querySelector<HTMLInputElement>('input[name="date"]')!.value).toBe(
      '2026-11-20',
    );
  });

  it('an edit offers Undo, which puts the entry back as it was', async () => {
    const entry = await addEntry({
      streamId: salary.id,
      date: '2026-11-10',
      amountMinor: 1_000_00,
    });
    const saves = quickAdd.saves;
    await openQuickAdd({ entry });
    expect(screen.getByTestId('edit-entry-dialog')).toBeTruthy();
    await type('amount', '2,000');
    await fireEvent.click(screen.getByRole('button', { name: 'Save' }));
    await waitFor(() => expect(quickAdd.open).toBe(false), WAIT);
    expect((await db.entries.get(entry.id))?.amountMinor).toBe(2_000_00);
    expect(quickAdd.saves).toBe(saves + 1);

    await fireEvent.click(screen.getByRole('button', { name: 'Undo' }));
    await waitFor(async () => expect((await db.entries.get(entry.id))?.amountMinor).toBe(1_000_00));
    expect(quickAdd.saves).toBe(saves + 2);
  });
});
