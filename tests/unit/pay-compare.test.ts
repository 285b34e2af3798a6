/**
 * Which platform paid best per real hour over the last 3 complete months, by how much, and
 * whether that changed after a training; and earmarked coverage in plain words.
 */
import { describe, expect, it } from 'vitest';
import { coverageWords, earmarkedOfMonth } from '../../src/lib/domain/earmarked';
import { payReport } from '../../src/lib/domain/pay';
import { bestPlatform } from '../../src/lib/domain/pay-compare';
import { rollupsFromEntries } from '../../src/lib/domain/rollup';
import { makeEntry, makePlan, makeStream, makeTraining } from './analytics-fixtures';

const task = makeStream({
  id: 'tp',
  kind: 'microtask',
  platform: 'TaskPoint',
  memberId: 'ana',
  currency: 'PHP',
});
const hive = makeStream({
  id: 'lh',
  kind: 'microtask',
  platform: 'LabelHive',
  memberId: 'ana',
  currency: 'PHP',
});
const minutes = (paid: number, unpaid: number) => ({ paidMinutes: paid, unpaidMinutes: unpaid });

describe('which platform paid best per real hour', () => {
  // Until June 2025: the last 3 months are April–June. Before the training (March), in
  // December–February, LabelHive paid best.
  const entries = [
    // TaskPoint: ₱410 over 600 minutes (480 paid + 120 unpaid) in each of Apr, May, Jun:
    // 3 × 41,000 / 1,800 × 60 = 4,100 centavos = ₱41/h. One payout still pending.
    makeEntry(task, '2025-04-10', 41_000, minutes(480, 120)),
    makeEntry(task, '2025-05-10', 41_000, minutes(480, 120)),
    makeEntry(task, '2025-06-10', 41_000, { ...minutes(480, 120), status: 'pending' }),
    // LabelHive: ₱300 over 600 minutes each month → ₱30/h.
    makeEntry(hive, '2025-04-12', 30_000, minutes(500, 100)),
    makeEntry(hive, '2025-05-12', 30_000, minutes(500, 100)),
    makeEntry(hive, '2025-06-12', 30_000, minutes(500, 100)),
    // Dec–Feb: TaskPoint ₱20/h, LabelHive ₱30/h.
    makeEntry(task, '2025-01-10', 20_000, minutes(600, 0)),
    makeEntry(hive, '2025-01-12', 30_000, minutes(600, 0)),
    // March, the month of the training: in neither window.
    makeEntry(task, '2025-03-10', 99_000, minutes(60, 0)),
  ];
  const report = payReport({
    rollups: rollupsFromEntries(entries, [], 'PHP'),
    streams: [task, hive],
    training: [],
    until: '2025-06',
  });
  const training = [makeTraining('ana', '2025-03-15', { title: 'Image labelling course' })];

  it('TaskPoint paid ₱41/h, 38% more than LabelHive’s ₱30/h, counting unpaid time', () => {
    const best = bestPlatform(report.byPlatform, [], '2025-06')!;
    expect(best.months).toEqual(['2025-04', '2025-05', '2025-06']);
    expect(best.ranked.map((r) => r.platform)).toEqual(['TaskPoint', 'LabelHive']);
    expect(best.ranked[0]!.effectivePerHour).toBeCloseTo(4_100, 9);
    expect(best.ranked[1]!.effectivePerHour).toBeCloseTo(3_000, 9);
    // 4,100 / 3,000 − 1 = 0.3667 → "37% more"; the pending payout counts and is said.
    expect(best.lead!).toBeCloseTo(4_100 / 3_000 - 1, 12);
    expect(best.ranked[0]!.pendingMinor).toBe(41_000);
    expect(best.training).toBeNull();
  });

  it('says LabelHive paid best before the training and TaskPoint after it', () => {
    const best = bestPlatform(report.byPlatform, training, '2025-06')!;
    expect(best.training).toMatchObject({ title: 'Image labelling course', month: '2025-03' });
    // Before: Dec–Feb, LabelHive ₱30/h vs TaskPoint ₱20/h. After: Apr–Jun, TaskPoint ₱41/h.
    expect(best.training!.before!.platform).toBe('LabelHive');
    expect(best.training!.after!.platform).toBe('TaskPoint');
  });

  it('has no answer without minutes in the last 3 months, and no lead with one platform', () => {
    expect(bestPlatform(report.byPlatform, [], '2024-06')).toBeNull();
    const one = bestPlatform(
      report.byPlatform.filter((g) => g.platform === 'TaskPoint'),
      [],
      '2025-06',
    )!;
    expect(one.lead).toBeNull();
  });
});

describe('earmarked coverage in plain words', () => {
  it('says a percentage below 2×, times up to 10×, and "more than 10 times" beyond', () => {
    expect(coverageWords(1.4)).toEqual({ kind: 'percent', ratio: 1.4 });
    expect(coverageWords(0.5)).toEqual({ kind: 'percent', ratio: 0.5 });
    expect(coverageWords(3.5)).toEqual({ kind: 'times', times: 3.5 });
    expect(coverageWords(10)).toEqual({ kind: 'times', times: 10 });
    // ₱5,257 against ₱299 = 17.58: never "1,758%".
    expect(coverageWords(525_700 / 29_900)).toEqual({ kind: 'more-than', times: 10 });
  });

  it('computes a month’s micro-task coverage of the data plan from rollups', () => {
    const plan = makePlan({
      name: 'data',
      category: 'digital',
      currency: 'PHP',
      amountMinor: 29_900,
      fundedBy: ['microtask'],
    });
    const rows = rollupsFromEntries(
      [
        makeEntry(task, '2025-05-10', 41_000),
        makeEntry(hive, '2025-05-12', 30_000),
        makeEntry(hive, '2025-05-13', 5_000, { status: 'pending' }),
      ],
      [],
      'PHP',
    );
    const [group] = earmarkedOfMonth({
      rollups: rows,
      streams: [task, hive],
      plans: [plan],
      rates: [],
      baseCurrency: 'PHP',
      month: '2025-05',
    });
    // Received 41,000 + 30,000 = 71,000 (pending left out) against 29,900: 2.37 times.
    expect(group!.incomeMinor).toBe(71_000);
    expect(group!.costMinor).toBe(29_900);
    expect(group!.ratio!).toBeCloseTo(71_000 / 29_900, 12);
  });
});
