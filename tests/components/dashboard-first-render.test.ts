// @vitest-environment jsdom
// A file of its own: the household state is shared by the module, and this test needs it as a
// fresh page has it, with nothing read yet.
import 'fake-indexeddb/auto';
import { cleanup, render, screen } from '@testing-library/svelte';
import { afterEach, expect, it, vi } from 'vitest';
import * as dashboard from '../../src/lib/domain/dashboard';
import DashboardView from '../../src/views/dashboard/DashboardView.svelte';
import { dropDatabase, freshDatabase } from '../db/helpers';
import { seedSalaryHousehold } from './salary-household';

vi.mock('../../src/lib/domain/dashboard', async (importOriginal) => {
  const real = await importOriginal<typeof import('../../src/lib/domain/dashboard')>();
  return { ...real, computeDashboard: vi.fn(real.computeDashboard) };
});
const compute = vi.mocked(dashboard.computeDashboard);
const db = freshDatabase('dashboard-first-render');

afterEach(async () => {
  cleanup();
  await dropDatabase(db);
});

it('computes the dashboard once on first load, with every table of the household read', async () => {
  HTMLCanvasElement.prototype.getContext = () => null;
  await seedSalaryHousehold(6, () => 500_000_000);
  compute.mockClear();

  render(DashboardView);
  await screen.findByTestId('dash-score');
  await new Promise((resolve) => setTimeout(resolve, 300));

  // Computing as each table arrived drew a score without streams or plans, then redrew every
  // chart once per table.
  expect(compute).toHaveBeenCalledTimes(1);
  const input = compute.mock.calls[0]![0];
  expect(input.streams.map((s) => s.name)).toEqual(['Salary']);
  expect(input.plans.map((p) => p.name)).toEqual(['Rent']);
});
