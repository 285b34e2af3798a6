// @vitest-environment jsdom
import 'fake-indexeddb/auto';
import { cleanup, render, screen, waitFor } from '@testing-library/svelte';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { AnyamDatabase } from '../../src/lib/db/database';
import { addPlan, saveSettings } from '../../src/lib/db/repo';
import type { DashboardData } from '../../src/lib/domain/dashboard';
import { STREAM_KINDS, type StreamKind } from '../../src/lib/domain/model';
import { earmarkedCoverage } from '../../src/lib/domain/plans';
import { household } from '../../src/lib/state/household.svelte';
import EarmarkedCard from '../../src/views/dashboard/EarmarkedCard.svelte';
import { dropDatabase, freshDatabase } from '../db/helpers';

let db: AnyamDatabase;

beforeEach(async () => {
  vi.useFakeTimers({ toFake: ['Date'] });
  vi.setSystemTime(new Date('2026-12-05T09:00:00'));
  db = freshDatabase('earmarked-card');
  await saveSettings({ householdName: 'Test', baseCurrency: 'PHP' });
});

afterEach(async () => {
  cleanup();
  await new Promise((resolve) => setTimeout(resolve, 0));
  await dropDatabase(db);
  vi.useRealTimers();
});

const kinds = (over: Partial<Record<StreamKind, number>>) =>
  ({ ...Object.fromEntries(STREAM_KINDS.map((k) => [k, 0])), ...over }) as Record<
    StreamKind,
    number
  >;

describe('the earmarked card on 5 December (issue 22)', () => {
  it('does not judge a plan before its first due month, and shows December so far', async () => {
    // A data plan first due on 10 December, paid from micro-tasks; nothing from tasks in
    // November, PHP 727.50 so far in December.
    const plan = await addPlan({
      name: 'Data plan',
      category: 'digital',
      amountMinor: 299_00,
      currency: 'PHP',
      cadence: 'monthly',
      dueOn: '2026-12-10',
      fundedBy: ['microtask'],
    });
    // What the dashboard computes for its month, November (dashboard.ts).
    const dash = {
      baseCurrency: 'PHP',
      asOf: '2026-11',
      inProgressMonth: '2026-12',
      earmarked: earmarkedCoverage([plan], '2026-11', { byKind: kinds({}) }, 'PHP', []),
      inProgress: { byKind: kinds({ microtask: 727_50 }) },
    } as unknown as DashboardData;
    render(EarmarkedCard, { dash });
    await waitFor(() => expect(household.plans.map((p) => p.id)).toEqual([plan.id]));

    const card = screen.getByTestId('dash-earmarked');
    // Before: "Micro-tasks paid 0% of Data plan." under "Earmarked income, November 2026".
    expect(card.textContent).not.toMatch(/0%/);
    const november = screen.getByTestId('earmarked-period-complete-month');
    expect(november.textContent).toMatch(/November 2026/);
    expect(november.textContent).toMatch(
      /Data plan: first due Dec 10, 2026, so it counts from December\./,
    );
    const december = screen.getByTestId('earmarked-period-month-so-far');
    expect(december.textContent).toMatch(/December so far/);
    expect(december.textContent).toMatch(/Micro-tasks paid 2\.4 times Data plan/);
    expect(december.textContent).toMatch(/Covered: ₱727\.50 earned vs ₱299\.00 planned/);
  });
});
