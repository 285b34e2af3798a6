import { describe, expect, it } from 'vitest';
import type { Training } from '../../src/lib/domain/model';
import { payReport } from '../../src/lib/domain/pay';
import { bestPlatform, rankPlatforms } from '../../src/lib/domain/pay-compare';
import { platformCards } from '../../src/lib/domain/pay-figures';
import { completeMonths } from '../../src/lib/domain/periods';
import { rollupsFromEntries } from '../../src/lib/domain/rollup';
import { makeEntry, makeStream, makeTraining } from './analytics-fixtures';

/* Which training the best-platform line is about, and how ties are ranked (domain/pay-compare.ts). */
const stream = (id: string, platform: string) =>
  makeStream({ id, kind: 'microtask', platform, memberId: 'ana', currency: 'PHP' });
const task = stream('tp', 'TaskPoint');
const hive = stream('lh', 'LabelHive');
const minutes = { paidMinutes: 600, unpaidMinutes: 0 };

// Every month of 2025 up to June: TaskPoint ₱41/h, LabelHive ₱30/h.
const entries = ['01', '02', '03', '04', '05', '06'].flatMap((m) => [
  makeEntry(task, `2025-${m}-10`, 41_000, minutes),
  makeEntry(hive, `2025-${m}-12`, 30_000, minutes),
]);
const report = payReport({
  rollups: rollupsFromEntries(entries, [], 'PHP'),
  streams: [task, hive],
  training: [],
  until: '2025-06',
});
const groups = report.byPlatform;

function best(training: Training[], today = '2025-07-05', g = groups) {
  const cards = platformCards(g, today, 'PHP');
  return bestPlatform({ cards, groups: g, training, today, baseCurrency: 'PHP' })!;
}

describe('the training the line compares around', () => {
  it('is the latest live training before the last month compared', () => {
    const training = [
      makeTraining('ana', '2025-02-01', { title: 'older' }),
      makeTraining('ana', '2025-04-20', { title: 'latest' }),
      makeTraining('ana', '2025-03-01', { title: 'middle' }),
      makeTraining('ana', '2025-05-02', {
        title: 'deleted',
        deletedAt: '2025-05-03T00:00:00.000Z',
      }),
      // In June, the last month compared: no complete month after it yet.
      makeTraining('ana', '2025-06-01', { title: 'too recent' }),
    ];
    expect(best(training).training).toMatchObject({ title: 'latest', month: '2025-04' });
    expect(best([...training].reverse()).training).toMatchObject({ title: 'latest' });
  });

  it('compares the 3 complete months before its month with the months after it, up to the last compared', () => {
    const t = best([makeTraining('ana', '2025-04-20')]).training!;
    // Before: January–March; after: May–June, both TaskPoint.
    expect(t.before).toMatchObject({ platform: 'TaskPoint' });
    expect(t.before!.effectivePerHour).toBeCloseTo(4_100, 9);
    expect(t.after).toMatchObject({ platform: 'TaskPoint' });
    expect(t.after!.effectivePerHour).toBeCloseTo(4_100, 9);
  });

  it('has nothing before it when the household has no pay in the 3 months before', () => {
    const t = best([makeTraining('ana', '2025-01-15')]).training!;
    expect(t.month).toBe('2025-01');
    expect(t.before).toBeNull();
    expect(t.after).toMatchObject({ platform: 'TaskPoint' });
  });
});

describe('ranking', () => {
  it('orders platforms that paid the same per hour by name', () => {
    const same = [task, hive].flatMap((s) => [
      makeEntry(s, '2025-04-10', 30_000, minutes),
      makeEntry(s, '2025-05-10', 30_000, minutes),
    ]);
    const g = payReport({
      rollups: rollupsFromEntries(same, [], 'PHP'),
      streams: [hive, task],
      training: [],
      until: '2025-06',
    }).byPlatform;
    const b = best([], '2025-07-05', g);
    expect(b.ranked.map((r) => r.platform)).toEqual(['LabelHive', 'TaskPoint']);
    expect(b.lead).toBe(0);
    const reversed = best([], '2025-07-05', [...g].reverse());
    expect(reversed.ranked.map((r) => r.platform)).toEqual(['LabelHive', 'TaskPoint']);
  });

  // Eleventh round (issue 28): bestPlatform takes the cards as given; the ranking is its own.
  it('is best first, ties by name, whatever order the cards are handed in', () => {
    const flat = { paidMinutes: 600, unpaidMinutes: 0 };
    const zeta = stream('zt', 'Zeta');
    const alpha = stream('al', 'Alpha');
    const rows = [
      makeEntry(hive, '2025-05-10', 30_000, flat),
      makeEntry(task, '2025-05-10', 41_000, flat),
      makeEntry(zeta, '2025-05-10', 30_000, flat),
      makeEntry(alpha, '2025-05-10', 50_000, flat),
    ];
    const g = payReport({
      rollups: rollupsFromEntries(rows, [], 'PHP'),
      streams: [hive, task, zeta, alpha],
      training: [],
      until: '2025-06',
    }).byPlatform;
    const cards = platformCards(g, '2025-07-05', 'PHP');
    const order = ['Alpha', 'TaskPoint', 'LabelHive', 'Zeta'];
    for (const handed of [
      cards,
      [...cards].reverse(),
      [cards[2]!, cards[0]!, cards[3]!, cards[1]!],
    ]) {
      const b = bestPlatform({
        cards: handed,
        groups: g,
        training: [],
        today: '2025-07-05',
        baseCurrency: 'PHP',
      })!;
      expect(b.ranked.map((r) => r.platform)).toEqual(order);
    }
  });
});

describe('the months after a training', () => {
  it('a training in the month before the last compared is compared with that last month alone', () => {
    const t = best([makeTraining('ana', '2025-05-20', { title: 'May course' })]).training!;
    expect(t).toMatchObject({ title: 'May course', month: '2025-05' });
    expect(t.after).toMatchObject({ platform: 'TaskPoint' });
  });

  it('are the 3 months after it; neither side holds its own month', () => {
    // March: LabelHive paid ₱500/h; April–June TaskPoint paid best.
    const march = [...entries, makeEntry(hive, '2025-03-20', 500_000, minutes)];
    const g = payReport({
      rollups: rollupsFromEntries(march, [], 'PHP'),
      streams: [task, hive],
      training: [],
      until: '2025-06',
    }).byPlatform;
    const t = best([makeTraining('ana', '2025-03-15')], '2025-07-05', g).training!;
    expect(t.after).toMatchObject({ platform: 'TaskPoint' });
    // Nor is it in the months before (December–February).
    expect(t.before).toMatchObject({ platform: 'TaskPoint' });
  });
});

describe('rankPlatforms', () => {
  const period = completeMonths('2025-07-05');

  it('ranks platforms only: a member group handed in with them is never named', () => {
    const ranked = rankPlatforms([...report.byMember, ...groups], period, 'PHP');
    expect(ranked.map((r) => r.platform)).toEqual(['TaskPoint', 'LabelHive']);
  });

  it('leaves out a platform with too little time in the period, however well it paid', () => {
    const short = [
      ...entries,
      makeEntry(stream('qs', 'QuickSnap'), '2025-05-01', 90_000, {
        paidMinutes: 30,
        unpaidMinutes: 0,
      }),
    ];
    const g = payReport({
      rollups: rollupsFromEntries(short, [], 'PHP'),
      streams: [task, hive, stream('qs', 'QuickSnap')],
      training: [],
      until: '2025-06',
    }).byPlatform;
    expect(rankPlatforms(g, period, 'PHP').map((r) => r.platform)).toEqual([
      'TaskPoint',
      'LabelHive',
    ]);
  });

  it('gives no lead over a platform that paid nothing per hour', () => {
    const unpaid = [
      makeEntry(task, '2025-05-10', 41_000, minutes),
      makeEntry(hive, '2025-05-12', 0, minutes),
    ];
    const g = payReport({
      rollups: rollupsFromEntries(unpaid, [], 'PHP'),
      streams: [task, hive],
      training: [],
      until: '2025-06',
    }).byPlatform;
    const b = best([], '2025-07-05', g);
    expect(b.ranked.map((r) => [r.platform, r.effectivePerHour])).toEqual([
      ['TaskPoint', 4_100],
      ['LabelHive', 0],
    ]);
    expect(b.lead).toBeNull();
  });
});
