/**
 * The household of issue 22's month card, on Saturday 5 December 2026 (a fixed day: nothing here
 * reads the clock). Pesos: a ₱6,000 salary paid on the 5th, ₱727.50 from micro-tasks so far
 * (no pay day), water ₱500 paid on the 1st, and still to pay: electricity ₱1,200 today, rent
 * ₱2,500 on the 10th (in 5 days), internet ₱399 on the 15th (in 10 days), school fees ₱300 on
 * the 28th (beyond the next 14 days).
 */
import type { Entry, Payment } from '../../src/lib/domain/model';
import {
  monthlyLoop,
  type MonthlyLoop,
  type MonthlyLoopRows,
} from '../../src/lib/domain/monthly-loop';
import { rollupsFromEntries } from '../../src/lib/domain/rollup';
import { makeEntry, makePlan, makeStream } from '../unit/analytics-fixtures';

export const TODAY = '2026-12-05';

const common = {
  createdAt: '2026-01-10T00:00:00.000Z',
  updatedAt: '2026-01-10T00:00:00.000Z',
  deletedAt: null,
  isSample: false,
};

export const salary = makeStream({
  ...common,
  id: 'salary',
  name: 'Salary',
  kind: 'formal',
  currency: 'PHP',
  expected: { amountMinor: 6_000_00, cadence: 'monthly', daysPerWeek: 5 },
  payDay: { cadence: 'monthly', day: 5 },
});
export const tasks = makeStream({
  ...common,
  id: 'tasks',
  name: 'Micro-tasks',
  kind: 'microtask',
  currency: 'PHP',
});

const plan = (id: string, name: string, amountMinor: number, dueOn: string) =>
  makePlan({ ...common, id, name, amountMinor, currency: 'PHP', dueOn });

export const plans = [
  plan('water', 'Water', 500_00, '2026-01-01'),
  plan('power', 'Electricity', 1_200_00, '2026-01-05'),
  plan('rent', 'Rent', 2_500_00, '2026-01-10'),
  plan('net', 'Internet', 399_00, '2026-01-15'),
  plan('school', 'School fees', 300_00, '2026-01-28'),
];

const paidWater: Payment = {
  ...common,
  id: 'pay-water',
  planId: 'water',
  dueOn: '2026-12-01',
  date: '2026-12-01',
  amountMinor: 500_00,
  currency: 'PHP',
  note: '',
};

const taskEntries: Entry[] = [
  makeEntry(salary, '2026-11-05', 6_000_00),
  makeEntry(tasks, '2026-12-02', 727_50),
];

function rows(entries: Entry[]): MonthlyLoopRows {
  return {
    streams: [salary, tasks],
    plans,
    rates: [],
    baseCurrency: 'PHP',
    entries,
    rollups: rollupsFromEntries(entries, [], 'PHP').filter((r) => r.month === '2026-12'),
    payments: [paidWater],
    skips: [],
  };
}

/** Before the salary is logged. */
export function beforeSalary(): MonthlyLoop {
  return monthlyLoop(rows(taskEntries), TODAY);
}

/** After one tap on "Received": the salary's expected amount on its pay day (repo/receive.ts). */
export function afterSalary(): MonthlyLoop {
  return monthlyLoop(rows([...taskEntries, makeEntry(salary, '2026-12-05', 6_000_00)]), TODAY);
}
