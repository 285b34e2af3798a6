// @vitest-environment jsdom
import 'fake-indexeddb/auto';
import { cleanup, render, screen } from '@testing-library/svelte';
import { afterEach, expect, it, vi } from 'vitest';
import { saveSettings } from '../../src/lib/db/repo';
import DashboardView from '../../src/views/dashboard/DashboardView.svelte';
import { dropDatabase, freshDatabase } from '../db/helpers';

// The rollups cannot be read (a broken database, a browser bug): the dashboard must say so
// rather than wait on "Loading…" for ever.
vi.mock('../../src/lib/db/repo/rollups', async (importOriginal) => {
  const real = await importOriginal<typeof import('../../src/lib/db/repo/rollups')>();
  return { ...real, listRollups: () => Promise.reject(new Error('disk on fire')) };
});

const db = freshDatabase('dashboard-error');

afterEach(async () => {
  cleanup();
  await dropDatabase(db);
});

it('shows a translated error when its data cannot be read', async () => {
  await saveSettings({ householdName: 'Test', baseCurrency: 'IDR' });
  render(DashboardView);
  const alert = await screen.findByTestId('view-failed');
  expect(alert.getAttribute('role')).toBe('alert');
  expect(alert.textContent).toMatch(/could not read this household's records/);
  // The same panel as every failed view: the code, Reload and Copy details.
  expect(alert.textContent).toContain('Error code: Error');
  expect(screen.getByRole('button', { name: 'Reload' })).toBeTruthy();
  expect(screen.getByRole('button', { name: 'Copy details' })).toBeTruthy();
  expect(screen.queryByText('Loading…')).toBeNull();
});
