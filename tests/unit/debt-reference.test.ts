/**
 * Reference household E (reference-households.ts), computed by hand: a salary and a paylater plan
 * (issue 25, acceptance 2). Amounts are centavos.
 */
import { describe, expect, it } from 'vitest';
import { computeDashboard } from '../../src/lib/domain/dashboard';
import { debtSharePercent } from '../../src/lib/domain/debt-share';
import { monthlyLoop } from '../../src/lib/domain/monthly-loop';
import { rollupsFromEntries } from '../../src/lib/domain/rollup';
import { makeEntry } from './analytics-fixtures';
import { householdE } from './reference-households';

describe('household E: a salary and a paylater plan (PHP)', () => {
  const input = householdE();

  it('counts June’s instalment as an essential cost in coverage and the buffer', () => {
    const r = computeDashboard(input).resilience;
    expect(r.window.months.at(-1)).toBe('2025-06');
    // E = rent 800,000 + the June instalment 200,000 = 1,000,000.
    expect(r.inputs.essentialMinor).toBe(1_000_000);
    // Stable salary 900,000 every month: S = 1 (CV 0); C = 900,000 / 1,000,000 = 0.9.
    expect(r.components.stability.value).toBe(1);
    expect(r.components.coverage.value!).toBeCloseTo(0.9, 12);
    // Buffer: 1,500,000 / 1,000,000 = 1.5 months; B = 1.5 / 3 = 0.5. D = 0 (one source).
    expect(r.inputs.bufferMonths!).toBeCloseTo(1.5, 12);
    expect(r.components.buffer.value!).toBeCloseTo(0.5, 12);
    // Score = 100 × (0 + 1 + 0.9 + 0.5) / 4 = 60.
    expect(r.score).toBe(60);
    // Without the plan: E = 800,000, C = 1, buffer 1.875 months (B 0.625):
    // 100 × (0 + 1 + 1 + 0.625) / 4 = 65.625 → 66. The plan costs the household 6 points.
    const without = computeDashboard({ ...input, debts: [] }).resilience;
    expect(without.inputs.essentialMinor).toBe(800_000);
    expect(without.score).toBe(66);
  });

  it('stress test: if the salary stops, savings last 1,500,000 / 1,000,000 = 1.5 months', () => {
    const d = computeDashboard({ ...input, stress: { streamId: 'rosa-salary', fallPercent: 100 } });
    expect(d.stress!.bufferLastsMonths!).toBeCloseTo(1.5, 12);
    // The plan paid off early (₱12,000 on 1 June) costs nothing from June on: E = 800,000.
    const early = computeDashboard({
      ...input,
      repayments: [
        { ...input.repayments[0]!, dueOn: null, date: '2025-06-01', amountMinor: 1_200_000 },
      ],
    });
    expect(early.resilience.inputs.essentialMinor).toBe(800_000);
  });

  it('debt payments take 22% of July’s income; the month card counts the instalment as a cost', () => {
    const salary = input.streams[0]!;
    const entries = [...'123456'].map((m) => makeEntry(salary, `2025-0${m}-25`, 900_000));
    const loop = monthlyLoop(
      {
        streams: input.streams,
        plans: input.plans,
        rates: [],
        baseCurrency: 'PHP',
        entries,
        rollups: rollupsFromEntries(entries, [], 'PHP').filter((r) => r.month === '2025-07'),
        payments: [],
        skips: [],
        debts: input.debts,
        repayments: input.repayments,
      },
      '2025-07-10',
    );
    // July: the salary (pay day 25) is still expected, 900,000; the instalment of 15 July 200,000.
    expect(loop.glance.bringsMinor).toBe(900_000);
    expect(loop.instalments.totalMinor).toBe(200_000);
    // 200,000 / 900,000 = 22.2% → 22%.
    expect(debtSharePercent(loop.instalments.totalMinor, loop.glance.bringsMinor)).toBe(22);
    // Costs = rent 800,000 + instalment 200,000 = 1,000,000: the month is short 100,000.
    expect(loop.glance.costsMinor).toBe(1_000_000);
    expect(loop.glance.shortMinor).toBe(100_000);
    // The instalment is coming up (15 July, within two weeks), not due now.
    expect(loop.instalmentsSoon.map((i) => [i.dueOn, i.amountMinor])).toEqual([
      ['2025-07-15', 200_000],
    ]);
    expect(loop.instalmentsNow).toEqual([]);
    // Paid on the 15th: it leaves the due list; the verdict does not move.
    const paid = monthlyLoop(
      {
        ...{ streams: input.streams, plans: input.plans, rates: [], baseCurrency: 'PHP', entries },
        rollups: [],
        payments: [],
        skips: [],
        debts: input.debts,
        repayments: [
          ...input.repayments,
          { ...input.repayments[0]!, id: 'july', dueOn: '2025-07-15', date: '2025-07-15' },
        ],
      },
      '2025-07-16',
    );
    expect(paid.instalmentsNow).toEqual([]);
    expect(paid.glance.costsMinor).toBe(1_000_000);
  });
});
