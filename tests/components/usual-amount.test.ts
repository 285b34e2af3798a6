// @vitest-environment jsdom
import 'fake-indexeddb/auto';
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/svelte';
import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import QuickAdd from '../../src/components/QuickAdd.svelte';
import type { AnyamDatabase } from '../../src/lib/db/database';
import { addEntries, addMember, addStream, saveSettings } from '../../src/lib/db/repo';
import { household } from '../../src/lib/state/household.svelte';
import { quickAdd } from '../../src/lib/state/quick-add.svelte';
import { dropDatabase, freshDatabase } from '../db/helpers';
import { stubDialogs } from './dialog-stub';

let db: AnyamDatabase;

beforeAll(stubDialogs);

beforeEach(async () => {
  vi.useFakeTimers({ toFake: ['Date'] });
  vi.setSystemTime(new Date('2026-12-05T09:00:00'));
  db = freshDatabase('usual-amount');
  await saveSettings({ householdName: 'Test', baseCurrency: 'IDR' });
});

afterEach(async () => {
  quickAdd.close();
  cleanup();
  await new Promise((resolve) => setTimeout(resolve, 0));
  await dropDatabase(db);
  vi.useRealTimers();
});

/** The amount of "Usual: IDR 5,512,000" or "… your usual IDR 5,512,000 for this stream". */
const usualIn = (text: string) => /(IDR\s[\d,]+)/.exec(text.replace(/.*usual:?\s*/i, ''))?.[1];

describe('quick add: one usual amount (issue 22)', () => {
  it('the chip and the far-from-usual warning name the same usual amount', async () => {
    const budi = await addMember({ name: 'Budi' });
    // Expected IDR 5,200,000 a month; the last three salaries were IDR 5,512,000.
    const salary = await addStream({
      memberId: budi.id,
      name: 'Salary',
      kind: 'formal',
      currency: 'IDR',
      expected: { amountMinor: 5_200_000_00, cadence: 'monthly', daysPerWeek: 5 },
    });
    await addEntries(
      ['2026-09-25', '2026-10-25', '2026-11-25'].map((date) => ({
        streamId: salary.id,
        date,
        amountMinor: 5_512_000_00,
      })),
    );
    render(QuickAdd);
    // The shared household state shows this test's database before the form opens.
    await waitFor(() => expect(household.activeStreams.map((s) => s.id)).toEqual([salary.id]));
    quickAdd.show({ streamId: salary.id });

    const chip = await screen.findByTestId('amount-suggestion', {}, { timeout: 15_000 });
    await waitFor(() => expect(chip.textContent).toMatch(/5,512,000/));
    const chipUsual = usualIn(chip.textContent ?? '');

    // A slip: IDR 100,000,000 is about 18 times the usual salary.
    const amount = document.querySelector<HTMLInputElement>('input[name="amount"]')!;
    amount.value = '100,000,000';
    await fireEvent.input(amount);
    await fireEvent.click(screen.getByRole('button', { name: 'Save' }));
    const question = await screen.findByTestId('outlier-question', {}, { timeout: 10_000 });
    const warningUsual = usualIn(question.textContent ?? '');

    expect(chipUsual).toBeDefined();
    expect(warningUsual).toBe(chipUsual);
    expect(await db.entries.count()).toBe(3);
  });

  it('with fewer than 3 payouts, both use the expected amount', async () => {
    const budi = await addMember({ name: 'Budi' });
    const salary = await addStream({
      memberId: budi.id,
      name: 'Salary',
      kind: 'formal',
      currency: 'IDR',
      expected: { amountMinor: 5_200_000_00, cadence: 'monthly', daysPerWeek: 5 },
    });
    await addEntries([{ streamId: salary.id, date: '2026-11-25', amountMinor: 5_512_000_00 }]);
    render(QuickAdd);
    // The shared household state shows this test's database before the form opens.
    await waitFor(() => expect(household.activeStreams.map((s) => s.id)).toEqual([salary.id]));
    quickAdd.show({ streamId: salary.id });

    const chip = await screen.findByTestId('amount-suggestion', {}, { timeout: 15_000 });
    await waitFor(() => expect(chip.textContent).toMatch(/5,200,000/));
    const amount = document.querySelector<HTMLInputElement>('input[name="amount"]')!;
    amount.value = '100,000,000';
    await fireEvent.input(amount);
    await fireEvent.click(screen.getByRole('button', { name: 'Save' }));
    const question = await screen.findByTestId('outlier-question', {}, { timeout: 10_000 });
    expect(usualIn(question.textContent ?? '')).toBe(usualIn(chip.textContent ?? ''));
  });
});
