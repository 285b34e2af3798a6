/**
 * Which platform paid best per real hour over the last 3 complete months, by how much, and
 * whether that changed after a training; and earmarked coverage in plain words.
 */
import { describe, expect, it } from 'vitest';
import { coverageWords, earmarkedOfMonth } from '../../src/lib/domain/earmarked';
import { payReport } from '../../src/lib/domain/pay';
import type { PayGroup } from '../../src/lib/domain/pay';
import { bestPlatform } from '../../src/lib/domain/pay-compare';
import { platformCards } from '../../src/lib/domain/pay-figures';
import type { Training } from '../../src/lib/domain/model';
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

/** The best platform as Pay shows it on `today`: ranked from the cards of the same period. */
function best(groups: PayGroup[], training: Training[], today: string) {
  const cards = platformCards(groups, today, 'PHP');
  return bestPlatform({ cards, groups, training, today, baseCurrency: 'PHP' });
}

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
    const b = best(report.byPlatform, [], '2025-07-05')!;
    expect(b.months).toEqual(['2025-04', '2025-05', '2025-06']);
    expect(b.ranked.map((r) => r.platform)).toEqual(['TaskPoint', 'LabelHive']);
    expect(b.ranked[0]!.effectivePerHour).toBeCloseTo(4_100, 9);
    expect(b.ranked[1]!.effectivePerHour).toBeCloseTo(3_000, 9);
    // 4,100 / 3,000 − 1 = 0.3667 → "37% more"; the pending payout counts and is said.
    expect(b.lead!).toBeCloseTo(4_100 / 3_000 - 1, 12);
    expect(b.ranked[0]!.pendingMinor).toBe(41_000);
    expect(b.training).toBeNull();
    expect(b.notEnough).toEqual([]);
  });

  it('says LabelHive paid best before the training and TaskPoint after it', () => {
    const b = best(report.byPlatform, training, '2025-07-31')!;
    expect(b.training).toMatchObject({ title: 'Image labelling course', month: '2025-03' });
    // Before: Dec–Feb, LabelHive ₱30/h vs TaskPoint ₱20/h. After: Apr–Jun, TaskPoint ₱41/h.
    expect(b.training!.before!.platform).toBe('LabelHive');
    expect(b.training!.after!.platform).toBe('TaskPoint');
  });

  it('names none without time in the last 3 months, and no lead with one platform', () => {
    // July 2024: April–June 2024 hold no minutes: both are "not enough data yet", none ranked.
    const none = best(report.byPlatform, [], '2024-07-01')!;
    expect(none.ranked).toEqual([]);
    expect(none.notEnough.sort()).toEqual(['LabelHive', 'TaskPoint']);
    expect(best([], [], '2025-07-05')).toBeNull();
    const one = best(
      report.byPlatform.filter((g) => g.platform === 'TaskPoint'),
      [],
      '2025-07-05',
    )!;
    expect(one.lead).toBeNull();
  });

  it('lists a platform with under an hour in the period apart, even when it paid more', () => {
    // August–October: LabelHive ₱30/h over 600 minutes; TaskPoint ₱99 over 50 minutes (₱118.80/h).
    const entries = [
      makeEntry(hive, '2025-09-12', 30_000, minutes(500, 100)),
      makeEntry(task, '2025-09-10', 9_900, minutes(45, 5)),
    ];
    const groups = payReport({
      rollups: rollupsFromEntries(entries, [], 'PHP'),
      streams: [task, hive],
      training: [],
      until: '2025-10',
    }).byPlatform;
    const b = best(groups, [], '2025-11-01')!;
    expect(b.ranked.map((r) => r.platform)).toEqual(['LabelHive']);
    expect(b.notEnough).toEqual(['TaskPoint']);
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
