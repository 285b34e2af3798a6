// @vitest-environment jsdom
import 'fake-indexeddb/auto';
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/svelte';
import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import Toasts from '../../src/components/Toasts.svelte';
import type { AnyamDatabase } from '../../src/lib/db/database';
import { addEntry, addMember, addStream, saveSettings } from '../../src/lib/db/repo';
import type { Member } from '../../src/lib/domain/model';
import { household } from '../../src/lib/state/household.svelte';
import { toasts } from '../../src/lib/state/toasts.svelte';
import StreamsView from '../../src/views/streams/StreamsView.svelte';
import { dropDatabase, freshDatabase } from '../db/helpers';
import { stubDialogs } from './dialog-stub';

let db: AnyamDatabase;

beforeAll(stubDialogs);

beforeEach(async () => {
  toasts.items = [];
  db = freshDatabase('streams-view');
  await saveSettings({ householdName: 'Test', baseCurrency: 'IDR' });
});

afterEach(async () => {
  cleanup();
  await new Promise((resolve) => setTimeout(resolve, 0));
  await dropDatabase(db);
});

/**
 * Renders the view and waits until the shared household state shows this test's database
 * (it may still hold the previous test's rows for a moment after the database was swapped).
 */
async function renderView() {
  render(Toasts);
  render(StreamsView);
  const ids = (rows: { id: string }[]) => rows.map((r) => r.id).sort();
  await waitFor(async () => {
    expect(ids(household.members)).toEqual(ids(await db.members.toArray()));
    expect(ids(household.streams)).toEqual(ids(await db.streams.toArray()));
  });
}

async function type(label: string | RegExp, value: string, scope = dialog()) {
  const input = within(scope).getByLabelText<HTMLInputElement>(label);
  input.value = value;
  await fireEvent.input(input);
  return input;
}

async function choose(label: string | RegExp, value: string, scope = dialog()) {
  const select = within(scope).getByLabelText<HTMLSelectElement>(label);
  select.value = value;
  await fireEvent.change(select);
  return select;
}

function dialog(): HTMLElement {
  const open = document.querySelector<HTMLElement>('dialog[open]');
  if (!open) throw new Error('no open dialog');
  return open;
}

async function submit() {
  await fireEvent.click(within(dialog()).getByRole('button', { name: 'Save' }));
}

/** The error shown for a field: the element its aria-describedby names that holds text. */
function errorOf(field: HTMLElement): string {
  const ids = (field.getAttribute('aria-describedby') ?? '').split(' ');
  return ids
    .map((id) => document.getElementById(id))
    .filter((el) => el?.classList.contains('field-error'))
    .map((el) => el!.textContent ?? '')
    .join('');
}

async function seedMember(name = 'Sari'): Promise<Member> {
  return addMember({ name, color: '#009e73' });
}

describe('members', () => {
  it('offers "Add a member" on the empty state and creates one from the form', async () => {
    await renderView();
    expect(await screen.findByText('No income streams yet')).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Add a stream' })).toBeNull();

    await fireEvent.click(screen.getByRole('button', { name: 'Add a member' }));
    await type('Name', '  Dewi ');
    await fireEvent.click(within(dialog()).getByLabelText('Young person'));
    await fireEvent.click(within(dialog()).getByLabelText('Blue'));
    await submit();

    await waitFor(async () => expect(await db.members.count()).toBe(1));
    const [dewi] = await db.members.toArray();
    expect(dewi).toMatchObject({ name: 'Dewi', role: 'youth', color: '#0072b2', archived: false });
    expect(await screen.findByRole('heading', { name: 'Dewi' })).toBeTruthy();
    expect(await screen.findByRole('button', { name: 'Add a stream' })).toBeTruthy();
  });

  it('shows the empty-name error next to the field and saves nothing', async () => {
    await seedMember();
    await renderView();
    await screen.findByRole('heading', { name: 'Sari' });
    await fireEvent.click(screen.getByRole('button', { name: 'Add a member' }));
    const name = await type('Name', '   ');
    await fireEvent.click(within(dialog()).getByLabelText('Elder'));
    await submit();

    await waitFor(() => expect(errorOf(name)).toBe('Give it a name.'));
    expect(name.getAttribute('aria-invalid')).toBe('true');
    await waitFor(() => expect(document.activeElement).toBe(name));
    expect(within(dialog()).getByLabelText<HTMLInputElement>('Elder').checked).toBe(true);
    expect(await db.members.count()).toBe(1);
  });

  it('edits a member', async () => {
    await seedMember();
    await renderView();
    await fireEvent.click(await screen.findByRole('button', { name: 'Edit Sari' }));
    expect(within(dialog()).getByLabelText<HTMLInputElement>('Green').checked).toBe(true);
    await type('Name', 'Sari W.');
    await fireEvent.click(within(dialog()).getByLabelText('Elder'));
    await submit();

    expect(await screen.findByRole('heading', { name: 'Sari W.' })).toBeTruthy();
    const [sari] = await db.members.toArray();
    expect(sari).toMatchObject({ name: 'Sari W.', role: 'elder' });
  });

  it('archives and restores a member', async () => {
    const sari = await seedMember();
    await renderView();
    await fireEvent.click(await screen.findByRole('button', { name: 'Archive Sari' }));
    await waitFor(async () => expect((await db.members.get(sari.id))?.archived).toBe(true));
    const card = screen.getAllByTestId('member-card')[0]!;
    expect(await within(card).findByText('Archived')).toBeTruthy();

    await fireEvent.click(await screen.findByRole('button', { name: 'Restore Sari' }));
    await waitFor(async () => expect((await db.members.get(sari.id))?.archived).toBe(false));
  });

  it('refuses to delete a member who still has streams, and says why', async () => {
    const sari = await seedMember();
    await addStream({ memberId: sari.id, name: 'Warung', kind: 'informal', currency: 'IDR' });
    await renderView();
    await fireEvent.click(await screen.findByRole('button', { name: 'Delete Sari' }));
    const card = screen.getAllByTestId('member-card')[0]!;
    expect(
      await within(card).findByText(
        'This member still has streams, plans or training. Archive the member instead, or delete those first.',
      ),
    ).toBeTruthy();
    expect((await db.members.get(sari.id))?.deletedAt).toBeNull();
  });

  it('deletes an unused member, and Undo brings it back', async () => {
    const budi = await seedMember('Budi');
    await renderView();
    await fireEvent.click(await screen.findByRole('button', { name: 'Delete Budi' }));
    await waitFor(async () => expect((await db.members.get(budi.id))?.deletedAt).not.toBeNull());
    await fireEvent.click(await screen.findByRole('button', { name: 'Undo' }));
    await waitFor(async () => expect((await db.members.get(budi.id))?.deletedAt).toBeNull());
  });
});

describe('streams', () => {
  it('creates a stream: platform label follows the kind, other currency, daily cadence', async () => {
    const sari = await seedMember();
    await renderView();
    await fireEvent.click(await screen.findByRole('button', { name: 'Add a stream' }));

    await type('Name', 'Image tagging');
    await choose('Kind of income', 'microtask');
    expect(within(dialog()).getByLabelText(/^Platform/)).toBeTruthy();
    await choose('Kind of income', 'formal');
    await type(/^Employer/, 'PT Sinar');
    expect(within(dialog()).queryByLabelText(/^Platform/)).toBeNull();
    expect(within(dialog()).getByLabelText<HTMLSelectElement>('Currency').value).toBe('IDR');
    await choose('Currency', 'other');
    await type('Currency code', 'sgd');
    await type(/^Expected amount/, '1,234.50');
    await choose('How often', 'daily');
    await choose('Days worked per week', '6');
    await type(/^Started on/, '2025-01-06');
    await submit();

    await waitFor(async () => expect(await db.streams.count()).toBe(1));
    const [stream] = await db.streams.toArray();
    expect(stream).toMatchObject({
      memberId: sari.id,
      name: 'Image tagging',
      kind: 'formal',
      platform: 'PT Sinar',
      currency: 'SGD',
      expected: { amountMinor: 123450, cadence: 'daily', daysPerWeek: 6 },
      startedOn: '2025-01-06',
      endedOn: null,
    });
    const item = await screen.findByTestId('stream-item');
    expect(item.textContent).toContain('Formal job');
    expect(item.textContent).toContain('PT Sinar');
    expect(item.textContent).toMatch(/a day, 6 days a week/);
  });

  it('keeps what was typed and saves nothing when the name is empty or the amount is wrong', async () => {
    await seedMember();
    await renderView();
    await fireEvent.click(await screen.findByRole('button', { name: 'Add a stream' }));
    const name = await type('Name', '');
    const platform = await type(/^Place or customers/, 'Pasar Baru');
    const amount = await type(/^Expected amount/, '12,5');
    const currency = await choose('Currency', 'other');
    const code = await type('Currency code', 'ZZ');
    await submit();

    await waitFor(() => expect(errorOf(name)).toBe('Give it a name.'));
    expect(errorOf(code)).toMatch(/not a currency code/);
    expect(platform.value).toBe('Pasar Baru');
    expect(amount.value).toBe('12,5');
    expect(currency.value).toBe('other');
    expect(await db.streams.count()).toBe(0);

    await type('Name', 'Stall');
    await type('Currency code', 'PHP');
    await submit();
    await waitFor(() => expect(errorOf(amount)).toMatch(/Enter an amount/));
    expect(errorOf(name)).toBe('');
    expect(await db.streams.count()).toBe(0);
  });

  it('shows an end date before the start next to the end date', async () => {
    await seedMember();
    await renderView();
    await fireEvent.click(await screen.findByRole('button', { name: 'Add a stream' }));
    await type('Name', 'Tutoring');
    await type(/^Started on/, '2025-05-01');
    const ended = await type(/^Ended on/, '2025-04-01');
    await submit();
    await waitFor(() => expect(errorOf(ended)).toBe('The end date is before the start date.'));
    expect(await db.streams.count()).toBe(0);
  });

  it('edits, archives, and deletes a stream with Undo', async () => {
    const sari = await seedMember();
    const stream = await addStream({
      memberId: sari.id,
      name: 'Warung',
      kind: 'informal',
      currency: 'IDR',
      expected: { amountMinor: 150_000_00, cadence: 'daily', daysPerWeek: 6 },
      isSample: true,
    });
    await addEntry({ streamId: stream.id, date: '2025-05-03', amountMinor: 100 });
    await renderView();

    const item = await screen.findByTestId('stream-item');
    expect(item.textContent).toContain('Sample');
    expect(item.textContent).toMatch(/150,000/);

    await fireEvent.click(screen.getByRole('button', { name: 'Edit Warung' }));
    expect(within(dialog()).getByLabelText<HTMLInputElement>(/^Expected amount/).value).toBe(
      '150,000',
    );
    await type('Name', 'Warung Sari');
    await type(/^Expected amount/, '200,000');
    await choose('How often', 'weekly');
    await submit();
    await waitFor(async () =>
      expect(await db.streams.get(stream.id)).toMatchObject({
        name: 'Warung Sari',
        expected: { amountMinor: 20_000_000, cadence: 'weekly' },
      }),
    );

    await fireEvent.click(await screen.findByRole('button', { name: 'Archive Warung Sari' }));
    await waitFor(async () => expect((await db.streams.get(stream.id))?.archived).toBe(true));
    await fireEvent.click(await screen.findByRole('button', { name: 'Restore Warung Sari' }));
    await waitFor(async () => expect((await db.streams.get(stream.id))?.archived).toBe(false));

    await fireEvent.click(screen.getByRole('button', { name: 'Delete Warung Sari' }));
    await waitFor(async () => expect(await db.streams.filter((s) => !s.deletedAt).count()).toBe(0));
    expect(await db.entries.filter((e) => !e.deletedAt).count()).toBe(0);
    await waitFor(() => expect(screen.queryByTestId('stream-item')).toBeNull());

    const undo = screen.getAllByRole('button', { name: 'Undo' }).at(-1)!;
    await fireEvent.click(undo);
    await waitFor(async () => expect((await db.streams.get(stream.id))?.deletedAt).toBeNull());
    expect(await db.entries.filter((e) => !e.deletedAt).count()).toBe(1);
    expect(await screen.findByTestId('stream-item')).toBeTruthy();
  });
});

describe('a stream card', () => {
  it('shows its currency only when it differs from the base currency', async () => {
    const member = await seedMember();
    await addStream({ memberId: member.id, name: 'Warung', kind: 'informal', currency: 'IDR' });
    await addStream({
      memberId: member.id,
      name: 'Tasks',
      kind: 'microtask',
      platform: 'Remotasks',
      currency: 'USD',
    });
    await renderView();
    const cards = await screen.findAllByTestId('stream-item');
    const card = (name: string) => cards.find((c) => c.textContent?.includes(name))!;
    expect(card('Tasks').textContent).toContain('Paid in USD');
    expect(card('Warung').textContent).not.toContain('Paid in');
  });
});
