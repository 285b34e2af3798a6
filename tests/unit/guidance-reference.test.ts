/**
 * The guidance of the three hand-computed households (tests/unit/resilience-reference.test.ts):
 * the exact actions, their points and the figures their sentences show, with the arithmetic in
 * comments. Amounts are minor units (IDR and PHP × 100).
 */
import { describe, expect, it } from 'vitest';
import { computeDashboard, type DashboardInput } from '../../src/lib/domain/dashboard';
import {
  bandOf,
  guidanceOf,
  nextStepOf,
  roundAmount,
  withLoggedMonths,
  withSavings,
  withSource,
} from '../../src/lib/domain/guidance';
import { rollupsFromEntries } from '../../src/lib/domain/rollup';
import { householdA, householdB, householdC, householdInput } from './reference-households';
import { makeEntry, makePlan, makeStream } from './analytics-fixtures';

const guide = (input: DashboardInput) => guidanceOf(input, computeDashboard(input));
const rawOf = (input: DashboardInput) => computeDashboard(input).resilience.rawScore!;

describe('bands', () => {
  it('reads 0–39 as fragile, 40–69 as building and 70–100 as strong', () => {
    expect([0, 39, 40, 69, 70, 100].map(bandOf)).toEqual([
      'fragile',
      'fragile',
      'building',
      'building',
      'strong',
      'strong',
    ]);
  });
});

describe('round amounts', () => {
  it('keeps two significant digits of the major unit, up for a target', () => {
    // Rp4,183,333.33 → up to Rp4,200,000; ₱9,062.50 → ₱9,100; 17,444,331 ₫ → 17,000,000 ₫.
    expect(roundAmount(418_333_333, 'IDR', true)).toBe(420_000_000);
    expect(roundAmount(906_250, 'PHP', false)).toBe(910_000);
    expect(roundAmount(17_444_331, 'VND', false)).toBe(17_000_000);
    // Below ten major units: whole units. Already round: unchanged.
    expect(roundAmount(349, 'PHP', true)).toBe(400);
    expect(roundAmount(330_000_000, 'IDR', true)).toBe(330_000_000);
  });
});

describe('household A: one formal earner, score 65 (building)', () => {
  const input = householdA();

  it('offers saving Rp3,300,000 more (+8) and a second source of Rp1,200,000 (+4)', () => {
    const g = guide(input);
    expect(g.score).toBe(65);
    expect(g.band).toBe('building');
    // E = 330,000,000; three months = 990,000,000; savings 660,000,000 → 330,000,000 more.
    // B goes from 2/3 to 1: raw 65.0875 + 100 × (1/3) / 4 = 73.4209 → 73, so +8.
    // Second source: mean 491,666,666.67 × 0.25 = Rp1,229,166.67 → Rp1,200,000 a month.
    // Shares 2,950 : 720 (×1e6) → HHI 9,220,900 / 13,468,900 = 0.684607 → ENS 1.460692
    // → D 0.153564; totals 620, 620, 570, 620, 620, 620 → same sd, mean 611.667 → CV 0.030464
    // → S 0.949226; C 1; B 2/3 → raw 69.236 → 69, so +4.
    expect(g.actions).toEqual([
      // The points assume savings of Rp9,900,000 in all, and 6 months (the window) of the new
      // source's income logged.
      {
        kind: 'save',
        points: 8,
        amountMinor: 330_000_000,
        targetMonths: 3,
        totalMinor: 990_000_000,
      },
      { kind: 'source', points: 4, monthlyMinor: 120_000_000, sources: 1, months: 6 },
    ]);
    const cv = Math.sqrt(3125) / 1475;
    expect(rawOf(withSavings(input, 990_000_000))).toBeCloseTo((100 * (1 - cv / 0.6 + 2)) / 4, 9);
    const months = ['2025-01', '2025-02', '2025-03', '2025-04', '2025-05', '2025-06'];
    const hhi = (2950 ** 2 + 720 ** 2) / 3670 ** 2;
    const cv2 = Math.sqrt(3125) / 3 / (3670 / 6);
    expect(rawOf(withSource(input, 120_000_000, months, 'siti'))).toBeCloseTo(
      (100 * ((1 / hhi - 1) / 3 + (1 - cv2 / 0.6) + 1 + 2 / 3)) / 4,
      9,
    );
  });

  it('as of February, says stability needs 3 months and which two count', () => {
    const g = guidanceOf(
      { ...input, asOf: '2025-02' },
      computeDashboard({ ...input, asOf: '2025-02' }),
    );
    expect(g.unknown.stability).toEqual({
      reason: 'needs-history',
      counted: ['2025-01', '2025-02'],
      needed: 3,
      inProgress: '2025-07',
      countsFrom: '2025-08-01',
    });
    // A past month: nothing to do today would change it.
    expect(g.actions).toEqual([]);
  });
});

describe('household B: four streams in PHP, score 69 (building)', () => {
  const input = householdB();

  it('offers a regular source of ₱9,100 (+13), then saving ₱49,000 more (+12)', () => {
    const g = guide(input);
    expect(g.score).toBe(69);
    expect(g.band).toBe('building');
    // Source: mean 3,625,000 × 0.25 = ₱9,062.50 → ₱9,100 (910,000). Stream sums (×1e3): 12,000,
    // 3,000, 5,000, 1,750 and 5,460 → Σ 27,210; Σ² 210,874.1 → HHI 0.284816 → ENS 3.511039
    // → D 0.837013. Totals all +910,000: same sd 146,486.6, mean 4,535,000 → CV 0.032301 →
    // S 0.946165. Stable 2,500,000 + 910,000 ≥ E → C 1. B 0.5. Raw 82.08 → 82: +13.
    // Save: E = 9,650,000 / 3; 3E = 9,650,000; savings 4,825,000 → ₱48,250 → up to ₱49,000.
    // B 0.5 → 1: raw 68.6855 + 12.5 = 81.1855 → 81: +12.
    expect(g.actions).toEqual([
      { kind: 'source', points: 13, monthlyMinor: 910_000, sources: 4, months: 6 },
      { kind: 'save', points: 12, amountMinor: 4_900_000, targetMonths: 3, totalMinor: 9_725_000 },
    ]);
    const E = 9_650_000 / 3;
    const sums = [12_000, 3_000, 5_000, 1_750, 5_460];
    const total = 27_210;
    const hhi = sums.reduce((a, s) => a + s * s, 0) / total ** 2;
    const cv = Math.sqrt(64_375e6 / 3) / 4_535_000;
    const months = ['2024-11', '2024-12', '2025-01', '2025-02', '2025-03', '2025-04'];
    expect(rawOf(withSource(input, 910_000, months, 'ana'))).toBeCloseTo(
      (100 * ((1 / hhi - 1) / 3 + (1 - cv / 0.6) + 1 + 0.5)) / 4,
      9,
    );
    expect(rawOf(withSavings(input, 4_825_000 + 4_900_000))).toBeCloseTo(
      68.68548739013747 + 12.5,
      9,
    );
    expect(E).toBeGreaterThan(0);
  });
});

describe('household C: micro-tasks and tutoring, no savings yet, score 19 (fragile)', () => {
  const input = householdC();

  it('asks for the savings first, then a regular source of Rp480,000 (+21)', () => {
    const g = guide(input);
    expect(g.score).toBe(19);
    expect(g.band).toBe('fragile');
    expect(g.unknown.buffer?.reason).toBe('needs-savings');
    // Source: mean 190,416,666.67 × 0.25 = Rp476,041.67 → Rp480,000 (48,000,000) a month.
    // Sums (×1e6) 1,935, 350, 576 → HHI 4,198,501 / 8,185,321 = 0.512932 → D 0.316526.
    // Totals all +48e6: mean 238.4167e6, same sd → CV 0.3356566 × 190.4167 / 238.4167
    // = 0.268078 → S 0.553203. Stable 48e6 / E 150e6 → C 0.32. B unknown.
    // Raw 100 × (0.316526 + 0.553203 + 0.32) / 3 = 39.658 → 40: +21.
    expect(g.actions).toEqual([
      { kind: 'record-savings', points: null },
      { kind: 'source', points: 21, monthlyMinor: 48_000_000, sources: 2, months: 12 },
    ]);
    const hhi = (1935 ** 2 + 350 ** 2 + 576 ** 2) / 2861 ** 2;
    const cv0 = Math.sqrt(36_765_687_500_000_000 / 9) / (2_285_000_000 / 12);
    const cv = (cv0 * (2_285_000_000 / 12)) / (2_285_000_000 / 12 + 48_000_000);
    const months = Array.from({ length: 12 }, (_, k) => `2024-${String(k + 1).padStart(2, '0')}`);
    expect(rawOf(withSource(input, 48_000_000, months, 'dewi'))).toBeCloseTo(
      (100 * ((1 / hhi - 1) / 3 + (1 - cv / 0.6) + 0.32)) / 3,
      9,
    );
  });
});

describe('a household with two complete months', () => {
  // Warung (informal, no start date) Rp2,000,000 in May and Rp3,000,000 in June; rent
  // Rp1,000,000. Today 2025-07-10: June is the last complete month.
  const warung = makeStream({ id: 'warung', kind: 'informal', memberId: 'budi' });
  const input = householdInput({
    streams: [warung],
    entries: [
      makeEntry(warung, '2025-05-15', 200_000_000),
      makeEntry(warung, '2025-06-15', 300_000_000),
    ],
    plans: [makePlan({ name: 'rent', amountMinor: 100_000_000 })],
    baseCurrency: 'IDR',
    today: '2025-07-10',
  });

  it('asks to log April at the mean of May and June, as the third month stability needs', () => {
    const g = guide(input);
    // Now: D 0 (one source); S unknown (2 months); C 0 (informal needs 3 months to show it is
    // steady); B unknown (no savings) → score 0.
    expect(g.score).toBe(0);
    expect(g.band).toBe('fragile');
    expect(g.unknown.stability).toMatchObject({
      reason: 'needs-history',
      counted: ['2025-05', '2025-06'],
      countsFrom: '2025-08-01',
    });
    // April at Rp2,500,000: totals 250, 200, 300 (×1e6), mean 250, sd √(5000/3) = 40.8248
    // → CV 0.163299 → S 0.727834; D 0; the warung's own CV 0.163 ≥ 0.15: not steady → C 0.
    // Raw 100 × 0.727834 / 3 = 24.26 → 24: +24.
    const history = g.actions.find((a) => a.kind === 'history');
    expect(history).toEqual({
      kind: 'history',
      points: 24,
      months: ['2025-04'],
      counted: 2,
      needed: 3,
      byStream: [{ streamId: 'warung', amountMinor: 250_000_000 }],
      inProgress: '2025-07',
      countsFrom: '2025-08-01',
    });
    const cv = Math.sqrt(5000 / 3) / 250;
    expect(
      rawOf(
        withLoggedMonths(input, ['2025-04'], history?.kind === 'history' ? history.byStream : []),
      ),
    ).toBeCloseTo((100 * (1 - cv / 0.6)) / 3, 9);
    expect(g.actions.map((a) => a.kind)).toEqual(['record-savings', 'history', 'source']);
  });

  it('does not ask to log a month before the stream started', () => {
    const late = { ...warung, startedOn: '2025-05-01' };
    const g = guide({ ...input, streams: [late] });
    expect(g.actions.some((a) => a.kind === 'history')).toBe(false);
  });
});

describe('the next step fits the stage', () => {
  const s1 = makeStream({ id: 'first', kind: 'formal' });
  const s2 = makeStream({ id: 'second', kind: 'informal' });
  const rows = (dates: string[]) =>
    rollupsFromEntries(
      dates.map((d) => makeEntry(s1, d, 100)),
      [],
      'IDR',
    );

  it('no streams → add a stream; streams, no entries → log on the first stream', () => {
    expect(nextStepOf([], [], '2025-07-10')).toEqual({ stage: 'add-stream' });
    expect(nextStepOf([{ ...s1, archived: true }], [], '2025-07-10')).toEqual({
      stage: 'add-stream',
    });
    expect(nextStepOf([s1, s2], [], '2025-07-10')).toEqual({
      stage: 'log-first',
      streamId: 'first',
    });
  });

  it('entries only in the month in progress → the score starts on the 1st of next month', () => {
    expect(nextStepOf([s1, s2], rows(['2025-07-02']), '2025-07-10')).toEqual({
      stage: 'wait',
      inProgress: '2025-07',
      countsFrom: '2025-08-01',
      lastMonth: '2025-06',
      streamId: 'first',
    });
    expect(nextStepOf([s1], rows(['2025-06-30', '2025-07-02']), '2025-07-10')).toEqual({
      stage: 'score',
    });
  });
});
