/**
 * Reference household F (reference-households.ts `householdF`), computed by hand: a salary, a
 * paylater instalment plan and a savings group before my turn, together (issue 25, acceptance 2).
 * Every figure is worked out below from the household's records and docs/resilience.md, then
 * compared with what the domain functions give. Amounts are centavos (₱1 = 100).
 */
import { describe, expect, it } from 'vitest';
import { computeDashboard } from '../../src/lib/domain/dashboard';
import { debtPaymentsByMonth, debtSharePercent } from '../../src/lib/domain/debt-share';
import { monthlyLoop } from '../../src/lib/domain/monthly-loop';
import { makeEntry } from './analytics-fixtures';
import { householdF } from './reference-households';

// ---- The records (reference-households.ts) ------------------------------------------------
const SALARY = 1_100_000; // ₱11,000 every month, January–June 2025 (formal, pay day 25)
const RENT = 800_000; // ₱8,000 a month, essential
const INSTALMENT = 200_000; // paylater ₱12,000 = 6 × ₱2,000, due the 15th, April–September
const CONTRIBUTION = 200_000; // paluwagan 10 × ₱2,000, due the 20th from January; my turn #8
const SAVED = 600_000; // ₱6,000 in the bank on 30 June

// ---- The score, for June 2025 (the last complete month; today is 10 July) ------------------
// E'(June) = rent + June's instalment (15 June) + June's round (20 June)
//          = 800,000 + 200,000 + 200,000 = 1,200,000.
const E = RENT + INSTALMENT + CONTRIBUTION;
// Diversification: one source, HHI = 1, ENS = 1 → D = (1 − 1) / 3 = 0.
const D = 0;
// Stability: ₱11,000 every month, CV = 0 → S = 1 − 0 / 0.6 = 1.
const S = 1;
// Coverage: steady income (formal: the mean, 1,100,000) / E' = 1,100,000 / 1,200,000 = 0.91666…
const C = SALARY / E;
// Buffer: savings ₱6,000 + the contributions paid before my turn by the end of June, at risk:
// rounds 1–6 (20 January … 20 June) = 6 × 200,000 = 1,200,000 → S(June) = 1,800,000.
const AT_RISK = 6 * CONTRIBUTION;
const SAVINGS = SAVED + AT_RISK;
// Buffer months = 1,800,000 / 1,200,000 = 1.5; B = 1.5 / 3 = 0.5.
const BUFFER_MONTHS = SAVINGS / E;
const B = BUFFER_MONTHS / 3;
// Score = 100 × (0 + 1 + 0.91666… + 0.5) / 4 = 100 × 2.41666… / 4 = 60.4166… → 60.
const RAW = (100 * (D + S + C + B)) / 4;
const SCORE = 60;

// ---- This month (July 2025), the month card --------------------------------------------------
// Brings: the salary's pay day 25 July is not answered yet, so still expected: 1,100,000
// (June's entry of 15 June answers June's pay day, whose window ends on 10 July).
const JULY_BRINGS = SALARY;
// Debt payments of July: the instalment of 15 July, 200,000 (the group's round is a
// contribution, not a debt payment: my turn has not come, nothing is owed to the group).
const JULY_DEBT = INSTALMENT;
// Share: 200,000 / 1,100,000 = 18.18…% → "Debt payments take 18% of this month's income".
const JULY_SHARE = 18;

describe('household F: a salary, a paylater plan and a paluwagan before my turn (PHP)', () => {
  const input = householdF();

  it('checks the hand computation itself', () => {
    expect(E).toBe(1_200_000);
    expect(SAVINGS).toBe(1_800_000);
    expect(BUFFER_MONTHS).toBe(1.5);
    expect(RAW).toBeCloseTo(60.416_666_666_7, 9);
    expect(Math.round(RAW)).toBe(SCORE);
  });

  it('counts the instalment and the contribution as essential costs, the contributions paid at risk in the buffer', () => {
    const d = computeDashboard(input);
    const r = d.resilience;
    expect(d.asOf).toBe('2025-06');
    expect(r.inputs.essentialMinor).toBe(E);
    expect(d.groups.contributionsMinor).toBe(CONTRIBUTION);
    expect(d.groups.atRiskMinor).toBe(AT_RISK);
    expect(r.components.diversification.value).toBe(D);
    expect(r.components.stability.value).toBe(S);
    expect(r.components.coverage.value!).toBeCloseTo(C, 12);
    expect(r.inputs.savingsMinor).toBe(SAVINGS);
    expect(r.inputs.bufferMonths!).toBeCloseTo(BUFFER_MONTHS, 12);
    expect(r.components.buffer.value!).toBeCloseTo(B, 12);
    expect(r.rawScore!).toBeCloseTo(RAW, 9);
    expect(r.score).toBe(SCORE);
  });

  it('without the plan and the group: E = 800,000, C = 1, buffer 0.75 months → 56', () => {
    // Without both: E = rent 800,000; C = min(1,100,000 / 800,000, 1) = 1; savings 600,000 alone,
    // 600,000 / 800,000 = 0.75 months, B = 0.25; 100 × (0 + 1 + 1 + 0.25) / 4 = 56.25 → 56.
    const bare = computeDashboard({ ...input, debts: [], groups: [], groupPayments: [] });
    expect(bare.resilience.inputs.essentialMinor).toBe(RENT);
    expect(bare.resilience.inputs.bufferMonths!).toBeCloseTo(0.75, 12);
    expect(bare.resilience.score).toBe(56);
    // The group alone (no plan): E = 1,000,000, C = 1, buffer 1,800,000 / 1,000,000 = 1.8
    // months, B = 0.6; 100 × (0 + 1 + 1 + 0.6) / 4 = 65. The plan costs the household 5 points.
    const noPlan = computeDashboard({ ...input, debts: [] });
    expect(noPlan.resilience.inputs.essentialMinor).toBe(RENT + CONTRIBUTION);
    expect(noPlan.resilience.inputs.bufferMonths!).toBeCloseTo(1.8, 12);
    expect(noPlan.resilience.score).toBe(65);
  });

  it('stress test: if the salary stops, savings with the contributions at risk last 1.5 months', () => {
    // Remaining income 0: 1,800,000 / (1,200,000 − 0) = 1.5 months.
    const d = computeDashboard({ ...input, stress: { streamId: 'rosa-salary', fallPercent: 100 } });
    expect(d.stress!.bufferLastsMonths!).toBeCloseTo(SAVINGS / E, 12);
  });

  it('debt payments take 18% of July’s income; the instalment and the round are coming up', () => {
    const loop = monthlyLoop(
      {
        streams: input.streams,
        plans: input.plans,
        rates: [],
        baseCurrency: 'PHP',
        // The salary's entries, the 15th of January–June (as monthlyEntries wrote them).
        entries: [...'123456'].map((m) => makeEntry(input.streams[0]!, `2025-0${m}-15`, SALARY)),
        rollups: input.rollups.filter((r) => r.month === '2025-07'),
        payments: [],
        skips: [],
        groups: input.groups,
        groupPayments: input.groupPayments,
        debts: input.debts,
        repayments: input.repayments,
      },
      '2025-07-10',
    );
    expect(loop.glance.bringsMinor).toBe(JULY_BRINGS);
    expect(loop.instalments.totalMinor).toBe(JULY_DEBT);
    expect(debtSharePercent(loop.instalments.totalMinor, loop.glance.bringsMinor)).toBe(JULY_SHARE);
    // The month card's costs: rent 800,000 + the instalment 200,000 = 1,000,000 (the group's
    // round is shown in the card's group lines, not in this total); brings − costs = 100,000.
    expect(loop.glance.costsMinor).toBe(RENT + INSTALMENT);
    expect(loop.glance.balanceMinor).toBe(JULY_BRINGS - RENT - INSTALMENT);
    // Coming up (within 14 days of 10 July): the instalment of 15 July and round 7 of 20 July.
    expect(loop.instalmentsSoon.map((i) => [i.dueOn, i.amountMinor])).toEqual([
      ['2025-07-15', INSTALMENT],
    ]);
    expect(loop.groups.contributions.map((c) => [c.round, c.dueOn, c.overdue])).toEqual([
      [7, '2025-07-20', false],
    ]);
    // My pot (10 × ₱2,000 = ₱20,000 on 20 August) is beyond the due list's two weeks.
    expect(loop.groups.pots).toEqual([]);
  });

  it('a July instalment answered "not this time" is still a debt payment of July (docs/resilience.md P(m))', () => {
    // P(July) counts a skipped instalment ("a skipped instalment is still owed"): 200,000 of
    // 1,100,000 is still 18%. The month's costs leave it out (it is not paid this month):
    // 800,000, so brings − costs = 300,000.
    const salary = input.streams[0]!;
    const skip = {
      id: 'skip-f-july',
      createdAt: '2025-07-10T00:00:00.000Z',
      updatedAt: '2025-07-10T00:00:00.000Z',
      deletedAt: null,
      isSample: false,
      kind: 'debt' as const,
      sourceId: 'paylater-f',
      dueOn: '2025-07-15',
    };
    const loop = monthlyLoop(
      {
        streams: input.streams,
        plans: input.plans,
        rates: [],
        baseCurrency: 'PHP',
        entries: [...'123456'].map((m) => makeEntry(salary, `2025-0${m}-15`, SALARY)),
        rollups: [],
        payments: [],
        skips: [skip],
        debts: input.debts,
        repayments: input.repayments,
      },
      '2025-07-10',
    );
    expect(loop.instalmentsSoon).toEqual([]);
    expect(loop.glance.costsMinor).toBe(RENT);
    expect(loop.instalments.totalMinor).toBe(JULY_DEBT);
    expect(debtSharePercent(loop.instalments.totalMinor, loop.glance.bringsMinor)).toBe(JULY_SHARE);
    // The same figure the score's P(m) gives for July (debt-share.ts debtPaymentsByMonth).
    expect(debtPaymentsByMonth(input.debts, input.repayments, ['2025-07'], 'PHP', [])[0]).toBe(
      JULY_DEBT,
    );
  });
});
