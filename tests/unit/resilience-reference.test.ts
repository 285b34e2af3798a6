/**
 * Reference households with every measure computed by hand (the arithmetic is in the comments).
 * Amounts are minor units: IDR and PHP in sen/centavos (×100), USD in cents.
 */
import { describe, expect, it } from 'vitest';
import { computeDashboard } from '../../src/lib/domain/dashboard';
import { payReport } from '../../src/lib/domain/pay';
import {
  makeEntry,
  makePlan,
  makeRate,
  makeSaving,
  makeStream,
  makeTraining,
  monthlyEntries,
} from './analytics-fixtures';
import { householdD, householdInput } from './reference-households';

// The same builder the tests on these households' guidance use (reference-households.ts).
const household = householdInput;

describe('household A: one formal earner (IDR)', () => {
  // Siti earns Rp5,000,000 a month (500,000,000 sen); in March only Rp4,500,000.
  // Today is 2025-07-10, so June is the last complete month and July is in progress.
  const salary = makeStream({ id: 'salary', kind: 'formal', memberId: 'siti' });
  const entries = [
    ...monthlyEntries(salary, {
      '2025-01': 500_000_000,
      '2025-02': 500_000_000,
      '2025-03': 450_000_000,
      '2025-04': 500_000_000,
      '2025-05': 500_000_000,
      '2025-06': 500_000_000,
    }),
    // July is in progress: it must never enter the window.
    makeEntry(salary, '2025-07-01', 100_000_000),
  ];
  const plans = [
    makePlan({ name: 'rent', amountMinor: 200_000_000, cadence: 'monthly' }),
    // Food Rp300,000 a week: 30,000,000 × 52 / 12 = 130,000,000 a month.
    makePlan({ name: 'food', amountMinor: 30_000_000, cadence: 'weekly' }),
    makePlan({ name: 'phone', category: 'digital', amountMinor: 5_000_000, fundedBy: ['formal'] }),
  ];
  const savings = [makeSaving('2025-05-20', 660_000_000)];
  const input = household({
    streams: [salary],
    entries,
    plans,
    savings,
    baseCurrency: 'IDR',
    today: '2025-07-10',
  });

  it('scores the last complete month over the six months of history', () => {
    const d = computeDashboard(input);
    expect(d.asOf).toBe('2025-06');
    expect(d.inProgressMonth).toBe('2025-07');
    expect(d.historyStart).toBe('2025-01');
    const r = d.resilience;
    expect(r.window.months).toEqual([
      '2025-01',
      '2025-02',
      '2025-03',
      '2025-04',
      '2025-05',
      '2025-06',
    ]);
    // Σ I = 5 × 500e6 + 450e6 = 2,950,000,000; mean = 2,950e6 / 6 = 491,666,666.67
    expect(r.inputs.totalIncomeMinor).toBe(2_950_000_000);
    expect(r.inputs.meanIncomeMinor).toBeCloseTo(2_950_000_000 / 6, 6);
    // One source: share 1, HHI 1, ENS 1, D = (1 − 1) / 3 = 0.
    expect(r.inputs.shares).toEqual([{ streamId: 'salary', share: 1, incomeMinor: 2_950_000_000 }]);
    expect(r.inputs.hhi).toBe(1);
    expect(r.inputs.effectiveSources).toBe(1);
    expect(r.components.diversification).toEqual({ value: 0, reason: null });
    // Deviations (×1e6): +8⅓ five times, −41⅔ once; var = (5 × (25/3)² + (125/3)²) / 6
    // = 3125/9 (×1e12); sd = √3125 / 3 × 1e6; CV = (√3125 / 3) / (1475 / 3) = √3125 / 1475
    // = 0.0378994572457…; S = 1 − CV / 0.6 = 0.936834237923…
    const cv = Math.sqrt(3125) / 1475;
    expect(r.inputs.cv!).toBeCloseTo(cv, 12);
    expect(r.components.stability.value!).toBeCloseTo(1 - cv / 0.6, 12);
    // Dip threshold 0.75 × 491.67e6 = 368.75e6: March (450e6) is no dip.
    expect(r.inputs.dipMonths).toEqual([]);
    // E = 200,000,000 + 130,000,000 = 330,000,000 (the digital plan is not essential).
    expect(r.inputs.essentialMinor).toBeCloseTo(330_000_000, 6);
    // Formal income is stable: stable = mean = 491.67e6 ≥ E → C = min(1.49, 1) = 1.
    expect(r.inputs.stableStreamIds).toEqual(['salary']);
    expect(r.components.coverage).toEqual({ value: 1, reason: null });
    // Buffer: 660,000,000 / 330,000,000 = 2 months; B = 2 / 3.
    expect(r.inputs.savingsMinor).toBe(660_000_000);
    expect(r.inputs.bufferMonths!).toBeCloseTo(2, 12);
    expect(r.components.buffer.value!).toBeCloseTo(2 / 3, 12);
    // Score = 100 × (0 + 0.936834238 + 1 + 0.666666667) / 4 = 65.0875226 → 65.
    const raw = (100 * (0 + (1 - cv / 0.6) + 1 + 2 / 3)) / 4;
    expect(r.rawScore!).toBeCloseTo(raw, 9);
    expect(r.score).toBe(65);
  });

  it('shows July as in progress, apart from the window', () => {
    const d = computeDashboard(input);
    expect(d.inProgress.month).toBe('2025-07');
    expect(d.inProgress.receivedMinor).toBe(100_000_000);
    expect(d.series.months.at(-1)).toBe('2025-06');
  });

  it('says what each stream adds: without the salary only coverage 0 and buffer ⅔ remain', () => {
    const d = computeDashboard(input);
    // Without the salary: D and S unknown (no income), C = 0 / E = 0, B = 2/3
    // → 100 × (0 + 2/3) / 2 = 33.33 → 33; contribution 65 − 33 = 32.
    expect(d.contributions.now).toHaveLength(1);
    expect(d.contributions.now[0]!.points).toBe(32);
    const raw = (100 * (1 - Math.sqrt(3125) / 1475 / 0.6 + 1 + 2 / 3)) / 4;
    expect(d.contributions.now[0]!.exact!).toBeCloseTo(raw - 100 / 3, 9);
  });

  it('stress test: if the salary stops, savings last 2 months; if it falls 40%, 18.857 months', () => {
    const stops = computeDashboard({ ...input, stress: { streamId: 'salary', fallPercent: 100 } });
    // Remaining mean 0; months = 660e6 / max(330e6 − 0, 0) = 2.
    expect(stops.stress!.meanIncomeAfter).toBe(0);
    expect(stops.stress!.coverageAfter).toEqual({ value: 0, reason: null });
    expect(stops.stress!.bufferLastsMonths!).toBeCloseTo(2, 12);
    const falls = computeDashboard({ ...input, stress: { streamId: 'salary', fallPercent: 40 } });
    // Remaining mean 0.6 × 491.67e6 = 295e6; C = 295 / 330 = 0.8939…; months = 660 / 35.
    expect(falls.stress!.meanIncomeAfter!).toBeCloseTo(295_000_000, 5);
    expect(falls.stress!.coverageAfter.value!).toBeCloseTo(295 / 330, 12);
    expect(falls.stress!.bufferLastsMonths!).toBeCloseTo(660 / 35, 9);
    // Income that still covers E: the buffer is never touched.
    const small = computeDashboard({ ...input, stress: { streamId: 'salary', fallPercent: 10 } });
    expect(small.stress!.bufferLastsMonths).toBe(Infinity);
  });

  it('as of March: three months of history, and no savings snapshot yet', () => {
    const d = computeDashboard({ ...input, asOf: '2025-03' });
    const r = d.resilience;
    // W = Jan..Mar: 500, 500, 450 (e6); mean 1450/3; var = 5000/9; CV = √5000 / 1450.
    const cv = Math.sqrt(5000) / 1450;
    expect(r.inputs.cv!).toBeCloseTo(cv, 12);
    expect(r.components.buffer).toEqual({ value: null, reason: 'needs-savings' });
    // Score = 100 × (0 + (1 − CV/0.6) + 1) / 3 = 63.957… → 64 (B unknown, not 0).
    expect(r.rawScore!).toBeCloseTo((100 * (1 - cv / 0.6 + 1)) / 3, 9);
    expect(r.score).toBe(64);
  });

  it('as of February: stability needs a third month of history', () => {
    const d = computeDashboard({ ...input, asOf: '2025-02' });
    expect(d.resilience.components.stability).toEqual({ value: null, reason: 'needs-history' });
    // D = 0, C = 1, B unknown → 100 × (0 + 1) / 2 = 50.
    expect(d.resilience.score).toBe(50);
    expect(d.series.score).toEqual([50, 50]);
  });
});

describe('household B: three earners, formal + informal + micro-task + remittance (PHP)', () => {
  // Ana: formal salary ₱20,000 and a remittance of ₱5,000 from her brother abroad; Ben drives a
  // jeepney (informal); Cara does micro-tasks. Six months of history across the year boundary.
  const F = makeStream({
    id: 'ana-salary',
    kind: 'formal',
    memberId: 'ana',
    currency: 'PHP',
    expected: { amountMinor: 2_000_000, cadence: 'monthly', daysPerWeek: 5 },
  });
  const R = makeStream({
    id: 'ana-remittance',
    kind: 'support',
    memberId: 'ana',
    currency: 'PHP',
    expected: { amountMinor: 500_000, cadence: 'monthly', daysPerWeek: 5 },
  });
  const I = makeStream({ id: 'ben-jeepney', kind: 'informal', memberId: 'ben', currency: 'PHP' });
  const M = makeStream({
    id: 'cara-tasks',
    kind: 'microtask',
    memberId: 'cara',
    currency: 'PHP',
    platform: 'Remotasks',
  });
  const months = ['2024-11', '2024-12', '2025-01', '2025-02', '2025-03', '2025-04'];
  const series = (values: number[]) => Object.fromEntries(months.map((m, i) => [m, values[i]!]));
  const entries = [
    ...monthlyEntries(
      F,
      series([2_000_000, 2_000_000, 2_000_000, 2_000_000, 2_000_000, 2_000_000]),
    ),
    ...monthlyEntries(R, series([500_000, 500_000, 500_000, 500_000, 500_000, 500_000])),
    ...monthlyEntries(I, series([800_000, 1_200_000, 400_000, 1_000_000, 600_000, 1_000_000])),
    // Cara earned nothing in December.
    ...monthlyEntries(M, series([300_000, 0, 500_000, 200_000, 400_000, 350_000])),
    // Earned in April, not paid out yet: shown apart, never income.
    makeEntry(M, '2025-04-28', 150_000, { status: 'pending' }),
  ];
  const plans = [
    makePlan({ name: 'rent', currency: 'PHP', amountMinor: 1_500_000 }),
    // ₱3,500 a week: 350,000 × 52 / 12 = 1,516,666.67 a month.
    makePlan({ name: 'food', currency: 'PHP', amountMinor: 350_000, cadence: 'weekly' }),
    // ₱24,000 a year: 2,400,000 / 12 = 200,000 a month.
    makePlan({ name: 'utilities', currency: 'PHP', amountMinor: 2_400_000, cadence: 'yearly' }),
    makePlan({
      name: 'data plan',
      category: 'digital',
      currency: 'PHP',
      amountMinor: 250_000,
      fundedBy: ['microtask'],
    }),
    // A one-off essential: not part of E, but in June's forecast.
    makePlan({
      name: 'school fees',
      currency: 'PHP',
      amountMinor: 3_000_000,
      cadence: 'once',
      dueOn: '2025-06-10',
    }),
    makePlan({
      name: 'old',
      currency: 'PHP',
      amountMinor: 9_999_999,
      deletedAt: '2025-01-01T00:00:00Z',
    }),
  ];
  const savings = [
    makeSaving('2025-01-15', 2_000_000, { currency: 'PHP' }),
    makeSaving('2025-03-31', 4_825_000, { currency: 'PHP' }),
    makeSaving('2025-04-30', 99_999_999, { currency: 'PHP', deletedAt: '2025-05-01T00:00:00Z' }),
  ];
  const input = household({
    streams: [F, R, I, M],
    entries,
    plans,
    savings,
    baseCurrency: 'PHP',
    today: '2025-05-03',
  });
  // Monthly totals: Nov 3.60M, Dec 3.70M, Jan 3.40M, Feb 3.70M, Mar 3.50M, Apr 3.85M.
  // Σ = 21,750,000; mean = 3,625,000. E = 1,500,000 + 1,516,666.67 + 200,000 = 9,650,000 / 3.
  const E = 9_650_000 / 3;

  it('computes shares, HHI, ENS and D over the window', () => {
    const r = computeDashboard(input).resilience;
    expect(r.window.from).toBe('2024-11');
    expect(r.window.to).toBe('2025-04');
    expect(r.inputs.incomeByMonth).toEqual([
      3_600_000, 3_700_000, 3_400_000, 3_700_000, 3_500_000, 3_850_000,
    ]);
    expect(r.inputs.totalIncomeMinor).toBe(21_750_000);
    expect(r.inputs.meanIncomeMinor).toBe(3_625_000);
    // Shares: F 12/21.75, R 3/21.75, I 5/21.75, M 1.75/21.75.
    const share = Object.fromEntries(r.inputs.shares.map((s) => [s.streamId, s.share]));
    expect(share['ana-salary']!).toBeCloseTo(12 / 21.75, 12);
    expect(share['ana-remittance']!).toBeCloseTo(3 / 21.75, 12);
    expect(share['ben-jeepney']!).toBeCloseTo(5 / 21.75, 12);
    expect(share['cara-tasks']!).toBeCloseTo(1.75 / 21.75, 12);
    // HHI = (12² + 3² + 5² + 1.75²) / 21.75² = 181.0625 / 473.0625 = 2897 / 7569 = 0.3827454…
    expect(r.inputs.hhi!).toBeCloseTo(2897 / 7569, 12);
    // ENS = 7569 / 2897 = 2.6127028; D = (ENS − 1) / 3 = 0.5375676.
    expect(r.inputs.effectiveSources!).toBeCloseTo(7569 / 2897, 12);
    expect(r.components.diversification.value!).toBeCloseTo((7569 / 2897 - 1) / 3, 12);
  });

  it('computes CV, stability, coverage from formal + steady streams, buffer and the score', () => {
    const r = computeDashboard(input).resilience;
    // Deviations from 3,625,000 (thousands): −25, 75, −225, 75, −125, 225; Σ² = 128,750 (×1e6)
    // var = 128,750e6 / 6 = 64,375e6 / 3; CV = √(64,375e6 / 3) / 3,625,000 = 0.0404101…
    const cv = Math.sqrt(64_375e6 / 3) / 3_625_000;
    expect(r.inputs.cv!).toBeCloseTo(cv, 12);
    expect(r.components.stability.value!).toBeCloseTo(1 - cv / 0.6, 12);
    expect(r.inputs.dipMonths).toEqual([]); // 0.75 × 3,625,000 = 2,718,750: no month below.
    // Stable: formal salary + remittance (own CV 0 < 0.15). Jeepney CV 0.322, tasks 0.546: not.
    // stable = (12,000,000 + 3,000,000) / 6 = 2,500,000; C = 2,500,000 / E = 0.7772021.
    expect([...r.inputs.stableStreamIds].sort()).toEqual(['ana-remittance', 'ana-salary']);
    expect(r.inputs.stableIncomeMinor).toBe(2_500_000);
    expect(r.inputs.essentialMinor!).toBeCloseTo(E, 6);
    expect(r.components.coverage.value!).toBeCloseTo(2_500_000 / E, 12);
    // Latest live snapshot by 2025-04-30 is 4,825,000 (the deleted one is ignored):
    // 4,825,000 / E = 1.5 months; B = 0.5.
    expect(r.inputs.savingsMinor).toBe(4_825_000);
    expect(r.inputs.bufferMonths!).toBeCloseTo(1.5, 12);
    expect(r.components.buffer.value!).toBeCloseTo(0.5, 12);
    // Score = 100 × (0.5375676 + 0.9326498 + 0.7772021 + 0.5) / 4 = 68.685487 → 69.
    const raw = (100 * ((7569 / 2897 - 1) / 3 + (1 - cv / 0.6) + 2_500_000 / E + 0.5)) / 4;
    expect(r.rawScore!).toBeCloseTo(raw, 9);
    expect(r.rawScore!).toBeCloseTo(68.68548739013747, 9);
    expect(r.score).toBe(69);
  });

  it('measures each stream by the score without it', () => {
    const d = computeDashboard(input);
    const points = Object.fromEntries(d.contributions.now.map((c) => [c.streamId, c.points]));
    // Without the salary: Σ 9.75M, mean 1.625M, HHI 593/1521 → D 0.5216414; same variance,
    // CV 0.0901456 → S 0.8497573; stable 500,000 → C 0.1554404; B 0.5 → 50.67 → 51. 69 − 51 = 18.
    // Without the jeepney: D 0.2659191, S 0.9049504, C 0.7772021, B 0.5 → 61.20 → 61: 8.
    // Without the tasks: HHI 0.445 → D 0.4157303, S 0.8656290, C, B → 63.96 → 64: 5.
    // Without the remittance: HHI 2753/5625 → D 0.3477419, S 0.9218738, stable 2.0M → C
    // 0.6217617, B 0.5 → 59.78 → 60: 9.
    expect(points).toEqual({
      'ana-salary': 18,
      'ben-jeepney': 8,
      'cara-tasks': 5,
      'ana-remittance': 9,
    });
    const exact = Object.fromEntries(d.contributions.now.map((c) => [c.streamId, c.exact]));
    expect(exact['ana-salary']!).toBeCloseTo(68.68548739013747 - 50.670977166311495, 9);
    expect(exact['ana-remittance']!).toBeCloseTo(68.68548739013747 - 59.78443279260943, 9);
  });

  it('stress test: the remittance stops, or the salary falls by half', () => {
    const stops = computeDashboard({
      ...input,
      stress: { streamId: 'ana-remittance', fallPercent: 100 },
    }).stress!;
    // Remaining mean 3,625,000 − 500,000 = 3,125,000; stable 2,000,000 → C = 2.0M / E.
    // Buffer lasts 4,825,000 / (E − 3,125,000) = 4,825,000 / 91,666.67 = 52.636… months.
    expect(stops.meanIncomeBefore).toBe(3_625_000);
    expect(stops.meanIncomeAfter).toBe(3_125_000);
    expect(stops.coverageAfter.value!).toBeCloseTo(2_000_000 / E, 12);
    expect(stops.bufferLastsMonths!).toBeCloseTo(4_825_000 / (E - 3_125_000), 9);
    expect(stops.scoreAfter).toBe(60);
    const half = computeDashboard({
      ...input,
      stress: { streamId: 'ana-salary', fallPercent: 50 },
    }).stress!;
    // Mean 3,625,000 − 1,000,000 = 2,625,000; stable 1,000,000 + 500,000 → C = 1.5M / E;
    // buffer lasts 4,825,000 / (E − 2,625,000) = 8.1549 months.
    expect(half.meanIncomeAfter).toBe(2_625_000);
    expect(half.coverageAfter.value!).toBeCloseTo(1_500_000 / E, 12);
    expect(half.bufferLastsMonths!).toBeCloseTo(4_825_000 / (E - 2_625_000), 9);
  });

  it('keeps pending apart and reports micro-tasks paid 140% of April’s data plan', () => {
    const d = computeDashboard(input);
    expect(d.pending[1]).toMatchObject({ totalMinor: 150_000, missingRateCount: 0 });
    expect(d.pending[1]!.period.months).toEqual([d.asOf]);
    expect(d.series.pendingTotal.at(-1)).toBe(150_000);
    // April micro-task income 350,000 / data plan 250,000 = 1.4.
    expect(d.earmarked).toHaveLength(1);
    expect(d.earmarked[0]!.kinds).toEqual(['microtask']);
    expect(d.earmarked[0]!.ratio!).toBeCloseTo(1.4, 12);
  });

  it('forecasts May–July and flags June, when school fees fall due', () => {
    const d = computeDashboard(input);
    // Expected income: salary 2,000,000 + remittance 500,000 (expected amounts)
    // + jeepney median of 400k,600k,800k,1000k,1000k,1200k = (800k + 1000k) / 2 = 900,000
    // + tasks median of 0,200k,300k,350k,400k,500k = (300k + 350k) / 2 = 325,000 = 3,725,000.
    // Expenses: E + data 250,000 = 3,466,666.67; June adds 3,000,000 → 6,466,666.67.
    expect(d.forecast.map((f) => f.month)).toEqual(['2025-05', '2025-06', '2025-07']);
    for (const f of d.forecast) expect(f.incomeMinor).toBe(3_725_000);
    expect(d.forecast[0]!.expensesMinor).toBeCloseTo(E + 250_000, 6);
    expect(d.forecast[1]!.expensesMinor).toBeCloseTo(E + 250_000 + 3_000_000, 6);
    expect(d.forecast.map((f) => f.shortfall)).toEqual([false, true, false]);
    expect(d.forecast[0]!.balanceMinor).toBeCloseTo(3_725_000 - E - 250_000, 6);
  });

  it('for one member, only their streams count as income; expenses stay household-wide', () => {
    const d = computeDashboard({ ...input, memberId: 'ben' });
    const r = d.resilience;
    // Ben's jeepney alone: Σ 5,000,000, mean 833,333.33; one source → D = 0; not stable → C = 0.
    expect(r.inputs.totalIncomeMinor).toBe(5_000_000);
    expect(r.inputs.shares.map((s) => s.streamId)).toEqual(['ben-jeepney']);
    expect(r.components.diversification.value).toBe(0);
    expect(r.components.coverage).toEqual({ value: 0, reason: null });
    expect(r.inputs.essentialMinor!).toBeCloseTo(E, 6);
    // Jeepney CV: deviations ×3 (thousands) −100, 1100, −1300, 500, −700, 500 → Σ² = 3.9e6/9
    // → var = 433,333.3 / 6 (×1e6) → CV = √(3.9e12 / 54) / (5e6 / 6) = 0.3224903…
    expect(r.inputs.cv!).toBeCloseTo(Math.sqrt(3.9e12 / 54) / (5e6 / 6), 12);
    expect(d.pending.map((p) => p.totalMinor)).toEqual(d.pending.map(() => 0));
  });
});

describe('household C: a young micro-task worker paid in USD, base IDR, two rate changes', () => {
  // Dewi tasks on Remotasks in USD; USD→IDR rates: 15,500 from 2024-01-01, 16,000 from
  // 2024-05-01, 16,500 from 2024-09-15. 1 US cent = rate sen, so base = cents × rate.
  // From June she also tutors for Rp500,000 a month (50,000,000 sen), in IDR.
  const tasks = makeStream({
    id: 'dewi-tasks',
    kind: 'microtask',
    memberId: 'dewi',
    currency: 'USD',
    platform: 'Remotasks',
  });
  const tutoring = makeStream({
    id: 'dewi-tutoring',
    kind: 'informal',
    memberId: 'dewi',
    startedOn: '2024-06-01',
  });
  const rates = [
    makeRate('USD', '2024-01-01', '15500'),
    makeRate('USD', '2024-05-01', '16000'),
    makeRate('USD', '2024-09-15', '16500'),
    makeRate('USD', '2024-06-01', '99999', { deletedAt: '2024-06-02T00:00:00Z' }),
  ];
  const minutes = { paidMinutes: 600, unpaidMinutes: 150 };
  const usd: Record<string, number> = {
    '2024-01': 12_000, // × 15,500 = 186,000,000
    '2024-02': 8_000, //  × 15,500 = 124,000,000
    '2024-03': 15_000, // × 15,500 = 232,500,000
    '2024-04': 5_000, //  × 15,500 =  77,500,000
    '2024-05': 10_000, // × 16,000 = 160,000,000
    '2024-06': 14_000, // × 16,000 = 224,000,000
    '2024-07': 2_000, //  × 16,000 =  32,000,000
    '2024-08': 11_000, // × 16,000 = 176,000,000
    '2024-10': 9_000, //  × 16,500 = 148,500,000
    '2024-11': 13_000, // × 16,500 = 214,500,000
    '2024-12': 10_000, // × 16,500 = 165,000,000
  };
  const entries = [
    ...Object.entries(usd).map(([m, cents]) => makeEntry(tasks, `${m}-10`, cents, minutes)),
    // September: 6,000 cents the day before the change (× 16,000 = 96,000,000) and 6,000 on it
    // (× 16,500 = 99,000,000) = 195,000,000.
    makeEntry(tasks, '2024-09-14', 6_000, minutes),
    makeEntry(tasks, '2024-09-15', 6_000, minutes),
    ...['06', '07', '08', '09', '10', '11', '12'].map((mm) =>
      makeEntry(tutoring, `2024-${mm}-20`, 50_000_000),
    ),
  ];
  const plans = [
    makePlan({ name: 'room', amountMinor: 150_000_000 }),
    makePlan({
      name: 'data',
      category: 'digital',
      amountMinor: 10_000_000,
      fundedBy: ['microtask'],
    }),
  ];
  const input = household({
    streams: [tasks, tutoring],
    entries,
    plans,
    rates,
    baseCurrency: 'IDR',
    today: '2025-01-20',
  });
  const tasksBase = [
    186_000_000, 124_000_000, 232_500_000, 77_500_000, 160_000_000, 224_000_000, 32_000_000,
    176_000_000, 195_000_000, 148_500_000, 214_500_000, 165_000_000,
  ];

  it('converts each entry with the rate in force on its own date', () => {
    const d = computeDashboard(input);
    expect(d.series.incomeByStream['dewi-tasks']).toEqual(tasksBase);
    // Σ = 1,935,000,000 sen.
    expect(tasksBase.reduce((a, b) => a + b, 0)).toBe(1_935_000_000);
    expect(d.flaggedMonths).toEqual([]);
  });

  it('scores a full twelve-month window with dips, no stable income and no savings', () => {
    const r = computeDashboard(input).resilience;
    expect(r.window.months).toHaveLength(12);
    // Σ = 1,935,000,000 + 7 × 50,000,000 = 2,285,000,000; mean = 190,416,666.67.
    expect(r.inputs.totalIncomeMinor).toBe(2_285_000_000);
    expect(r.inputs.meanIncomeMinor!).toBeCloseTo(2_285_000_000 / 12, 6);
    // Shares 1,935 / 2,285 and 350 / 2,285; HHI = (1935² + 350²) / 2285² = 154,669 / 208,849.
    expect(r.inputs.hhi!).toBeCloseTo(154_669 / 208_849, 12);
    const D = (208_849 / 154_669 - 1) / 3; // ENS 1.3502964 → D 0.1167655
    expect(r.components.diversification.value!).toBeCloseTo(D, 12);
    // Monthly totals (e6): 186, 124, 232.5, 77.5, 160, 274, 82, 226, 245, 198.5, 264.5, 215.
    // var = 36,765,687,500,000,000 / 9 (exact sum of squared deviations / 12);
    // CV = √var / mean = 0.3356565548…; S = 1 − CV / 0.6 = 0.4405724086…
    const cv = Math.sqrt(36_765_687_500_000_000 / 9) / (2_285_000_000 / 12);
    expect(r.inputs.cv!).toBeCloseTo(cv, 12);
    expect(r.components.stability.value!).toBeCloseTo(1 - cv / 0.6, 12);
    // Dips below 0.75 × 190.42e6 = 142.81e6: Feb (124), Apr (77.5), Jul (82).
    expect(r.inputs.dipMonths).toEqual(['2024-02', '2024-04', '2024-07']);
    // Tasks CV 0.354; tutoring CV 0.845 (Jan–May count as 0 in W): neither is stable → C = 0.
    expect(r.inputs.stableStreamIds).toEqual([]);
    expect(r.components.coverage).toEqual({ value: 0, reason: null });
    expect(r.components.buffer).toEqual({ value: null, reason: 'needs-savings' });
    // Score = 100 × (D + S + 0) / 3 = 18.5779296 → 19 (B unknown, so not averaged in).
    expect(r.rawScore!).toBeCloseTo((100 * (D + 1 - cv / 0.6)) / 3, 9);
    expect(r.score).toBe(19);
  });

  it('reports effective hourly pay in IDR and in USD, and pay around a training', () => {
    const report = payReport({
      rollups: input.rollups,
      streams: input.streams,
      training: [makeTraining('dewi', '2024-05-10')],
      until: '2024-12',
    });
    const p = report.byPlatform[0]!;
    expect(p.platform).toBe('Remotasks');
    // 13 entries × 600 paid + 150 unpaid minutes = 7,800 + 1,950 = 9,750 minutes.
    expect(p.base.paidMinutes).toBe(7_800);
    expect(p.base.unpaidMinutes).toBe(1_950);
    // IDR: 1,935,000,000 / 9,750 × 60 = 11,907,692.3 sen/h; paid-only / 7,800 × 60.
    expect(p.base.effectivePerHour!).toBeCloseTo((1_935_000_000 / 9_750) * 60, 6);
    expect(p.base.paidOnlyPerHour!).toBeCloseTo((1_935_000_000 / 7_800) * 60, 6);
    expect(p.base.unpaidShare!).toBeCloseTo(0.2, 12);
    // USD: Σ 121,000 cents / 9,750 × 60 = 744.6 cents/h.
    expect(p.currency).toBe('USD');
    expect(p.inCurrency!.effectivePerHour!).toBeCloseTo((121_000 / 9_750) * 60, 9);
    // Training in May: before Feb–Apr (124 + 232.5 + 77.5 = 434e6 over 2,250 min) vs after
    // Jun–Aug (224 + 32 + 176 = 432e6 over 2,250 min).
    const t = report.training[0]!;
    expect(t.beforeMonths).toEqual(['2024-02', '2024-03', '2024-04']);
    expect(t.afterMonths).toEqual(['2024-06', '2024-07', '2024-08']);
    expect(t.before.effectivePerHour!).toBeCloseTo((434_000_000 / 2_250) * 60, 6);
    expect(t.after.effectivePerHour!).toBeCloseTo((432_000_000 / 2_250) * 60, 6);
    expect(t.change!).toBeCloseTo(432 / 434 - 1, 12);
  });
});

describe('household A with money set aside for Lebaran (issue 27: the buffer reads free savings)', () => {
  // Household A as above, and Rp1,100,000 (110,000,000 sen) of its savings set aside for a
  // Lebaran fund due 2026-03-20, in two set-asides of 60,000,000 and 50,000,000 sen.
  const salary = makeStream({ id: 'salary', kind: 'formal', memberId: 'siti' });
  const at = '2025-06-01T00:00:00.000Z';
  const common = { createdAt: at, updatedAt: at, deletedAt: null, isSample: false };
  const fund = {
    ...common,
    id: 'lebaran',
    name: 'Lebaran',
    targetMinor: 600_000_000,
    currency: 'IDR',
    dueOn: '2026-03-20',
    note: '',
  };
  const aside = (id: string, date: string, amountMinor: number) => ({
    ...common,
    id,
    fundId: 'lebaran',
    entryId: null,
    date,
    amountMinor,
    currency: 'IDR',
  });
  const input = {
    ...household({
      streams: [salary],
      entries: monthlyEntries(salary, {
        '2025-01': 500_000_000,
        '2025-02': 500_000_000,
        '2025-03': 450_000_000,
        '2025-04': 500_000_000,
        '2025-05': 500_000_000,
        '2025-06': 500_000_000,
      }),
      plans: [
        makePlan({ name: 'rent', amountMinor: 200_000_000, cadence: 'monthly' }),
        makePlan({ name: 'food', amountMinor: 30_000_000, cadence: 'weekly' }),
        makePlan({
          name: 'phone',
          category: 'digital',
          amountMinor: 5_000_000,
          fundedBy: ['formal'],
        }),
      ],
      savings: [makeSaving('2025-05-20', 660_000_000)],
      baseCurrency: 'IDR',
      today: '2025-07-10',
    }),
    funds: [fund],
    setAsides: [aside('a1', '2025-06-25', 60_000_000), aside('a2', '2025-07-05', 50_000_000)],
  };

  it('scores the buffer on savings less what is set aside', () => {
    const r = computeDashboard(input).resilience;
    // Free savings = 660,000,000 − (60,000,000 + 50,000,000) = 550,000,000 (both set-asides are
    // dated by today, and the default view reads savings up to today).
    expect(r.inputs.savingsMinor).toBe(550_000_000);
    // Buffer: 550,000,000 / 330,000,000 = 1.6667 months; B = 1.6667 / 3 = 0.5556.
    expect(r.inputs.bufferMonths!).toBeCloseTo(5 / 3, 12);
    expect(r.components.buffer.value!).toBeCloseTo(5 / 9, 12);
    // Score = 100 × (0 + 0.936834238 + 1 + 0.555555556) / 4 = 62.3097448 → 62 (65 without the fund).
    const cv = Math.sqrt(3125) / 1475;
    expect(r.rawScore!).toBeCloseTo((100 * (0 + (1 - cv / 0.6) + 1 + 5 / 9)) / 4, 9);
    expect(r.score).toBe(62);
  });

  it('gives the money back to the buffer once the big date has passed', () => {
    const r = computeDashboard({ ...input, funds: [{ ...fund, dueOn: '2025-07-09' }] }).resilience;
    expect(r.inputs.savingsMinor).toBe(660_000_000);
  });
});

describe('household D: household A with an arisan (savings group)', () => {
  // reference-households.ts householdD: Siti's salary, E Rp3,300,000, savings Rp6,600,000, and an
  // arisan of 10 × Rp500,000 a month from 10 March, my turn #8 (10 October), 5 rounds paid.
  it('counts the contribution due as an essential cost and the contributions at risk in the buffer', () => {
    const d = computeDashboard(householdD());
    const r = d.resilience;
    expect(d.asOf).toBe('2025-06');
    // E(June) = 330,000,000 + one round of 50,000,000 = 380,000,000.
    expect(r.inputs.essentialMinor).toBeCloseTo(380_000_000, 6);
    expect(d.groups.contributionsMinor).toBe(50_000_000);
    // Coverage: stable = mean = 491,666,666.67 ≥ 380,000,000 → C = 1.
    expect(r.components.coverage).toEqual({ value: 1, reason: null });
    // Buffer (the default view reads savings up to today): 660,000,000 + the 5 contributions
    // paid before my turn (5 × 50,000,000 = 250,000,000, at risk) = 910,000,000;
    // 910 / 380 = 2.394736842 months; B = 2.394736842 / 3 = 0.798245614.
    expect(d.groups.atRiskMinor).toBe(250_000_000);
    expect(r.inputs.savingsMinor).toBe(910_000_000);
    expect(r.inputs.bufferMonths!).toBeCloseTo(910 / 380, 12);
    expect(r.components.buffer.value!).toBeCloseTo(910 / 380 / 3, 12);
    // Score = 100 × (0 + S + 1 + 0.798245614) / 4, S as in household A.
    const S = 1 - Math.sqrt(3125) / 1475 / 0.6;
    expect(r.rawScore!).toBeCloseTo((100 * (0 + S + 1 + 910 / 380 / 3)) / 4, 9);
    expect(r.score).toBe(68);
  });

  it('drops the contributions from the buffer once my pot is received', () => {
    const input = householdD();
    const pot = {
      ...input.groupPayments[0]!,
      id: '0a0a0a0a-0000-4000-8000-0000000002ff',
      kind: 'pot' as const,
      round: 8,
      dueOn: '2025-10-10',
      date: '2025-07-05',
      amountMinor: 500_000_000,
    };
    const d = computeDashboard({ ...input, groupPayments: [...input.groupPayments, pot] });
    expect(d.groups.atRiskMinor).toBe(0);
    expect(d.resilience.inputs.savingsMinor).toBe(660_000_000);
  });
});
