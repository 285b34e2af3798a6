// @vitest-environment jsdom
import 'fake-indexeddb/auto';
import { render, screen } from '@testing-library/svelte';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { openDatabase, type AnyamDatabase } from '../../src/lib/db/database';
import { addEntry, addMember, addStream, saveSettings, updateMember } from '../../src/lib/db/repo';
import type { Member, Stream } from '../../src/lib/domain/model';
import { dropDatabase, freshDatabase } from '../db/helpers';
import LiveQueryProbe from './LiveQueryProbe.svelte';

let db: AnyamDatabase;
let sari: Member;
let stream: Stream;

beforeEach(async () => {
  db = freshDatabase('live');
  await saveSettings({ baseCurrency: 'IDR' });
  sari = await addMember({ name: 'Sari' });
  stream = await addStream({
    memberId: sari.id,
    name: 'Warung',
    kind: 'informal',
    currency: 'IDR',
  });
  await addEntry({ streamId: stream.id, date: '2025-05-03', amountMinor: 100 });
});
afterEach(() => dropDatabase(db));

describe('LiveQuery bridge', () => {
  it('re-renders a view after a repository write', async () => {
    render(LiveQueryProbe, { month: '2025-05' });
    expect(await screen.findByText('Sari')).toBeTruthy();
    expect(await screen.findByText('1 entries in 2025-05')).toBeTruthy();

    await addMember({ name: 'Budi' });
    expect(await screen.findByText('Budi')).toBeTruthy();
    await updateMember(sari.id, { name: 'Sari W.' });
    expect(await screen.findByText('Sari W.')).toBeTruthy();
    await addEntry({ streamId: stream.id, date: '2025-05-20', amountMinor: 100 });
    expect(await screen.findByText('2 entries in 2025-05')).toBeTruthy();
  });

  it('shows a write made through another connection, as from another tab', async () => {
    render(LiveQueryProbe, { month: '2025-05' });
    await screen.findByText('Sari');
    const otherTab = openDatabase(db.name);
    await otherTab.members.put({ ...sari, id: crypto.randomUUID(), name: 'Wayan' });
    expect(await screen.findByText('Wayan')).toBeTruthy();
    otherTab.close();
  });

  it('rebuilds the query when its arguments change', async () => {
    const { rerender } = render(LiveQueryProbe, { month: '2025-05' });
    await screen.findByText('1 entries in 2025-05');
    await rerender({ month: '2025-06' });
    expect(await screen.findByText('0 entries in 2025-06')).toBeTruthy();
    await addEntry({ streamId: stream.id, date: '2025-06-01', amountMinor: 5 });
    expect(await screen.findByText('1 entries in 2025-06')).toBeTruthy();
  });

  it('exposes the error of a failing query', async () => {
    render(LiveQueryProbe, { month: '2025-05', showFailing: true });
    expect((await screen.findByRole('alert')).textContent).toBe('no error yet');
    await vi.waitFor(() => expect(screen.getByRole('alert').textContent).toBe('test/failure'));
  });

  it('subscribes while read and stops once the view is gone', async () => {
    const onQuery = vi.fn();
    const { unmount } = render(LiveQueryProbe, { month: '2025-05', onQuery });
    await screen.findByText('Sari');
    await vi.waitFor(() => expect(onQuery).toHaveBeenCalledWith('entries 2025-05'));
    unmount();
    // Let the unsubscribe (deferred a microtask by createSubscriber) happen.
    await new Promise((resolve) => setTimeout(resolve, 10));
    onQuery.mockClear();
    await addMember({ name: 'After' });
    await addEntry({ streamId: stream.id, date: '2025-05-21', amountMinor: 1 });
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(onQuery).not.toHaveBeenCalled();
  });
});
