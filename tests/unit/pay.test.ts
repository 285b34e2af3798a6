import { describe, expect, it } from 'vitest';
import { hourlyPay, payReport } from '../../src/lib/domain/pay';
import { rollupsFromEntries } from '../../src/lib/domain/rollup';
import { makeEntry, makeRate, makeStream, makeTraining } from './analytics-fixtures';

describe('effective hourly pay', () => {
  it('is 7,500 an hour for 100,000 earned over 600 paid and 200 unpaid minutes', () => {
    // 100,000 / (600 + 200) × 60 = 7,500; paid-only 100,000 / 600 × 60 = 10,000; 200 / 800 = 25%.
    expect(hourlyPay(100_000, 600, 200)).toEqual({
      earnedMinor: 100_000,
      receivedMinor: 100_000,
      pendingMinor: 0,
      paidMinutes: 600,
      unpaidMinutes: 200,
      effectivePerHour: 7_500,
      paidOnlyPerHour: 10_000,
      unpaidShare: 0.25,
      // Nothing pending: received only is the same figure.
      receivedOnlyPerHour: 7_500,
      receivedMinutes: 800,
    });
  });

  it('gives the same figures for a platform from its entries, in base and in its own currency', () => {
    const stream = makeStream({
      id: 'tasks',
      kind: 'microtask',
      platform: 'Toloka',
      memberId: 'dewi',
    });
    const entries = [
      makeEntry(stream, '2025-03-02', 60_000, { paidMinutes: 400, unpaidMinutes: 50 }),
      // Earned but not paid out yet: it still pays for the time spent on it.
      makeEntry(stream, '2025-03-20', 40_000, {
        paidMinutes: 200,
        unpaidMinutes: 150,
        status: 'pending',
      }),
    ];
    const report = payReport({
      rollups: rollupsFromEntries(entries, [], 'IDR'),
      streams: [stream],
      training: [],
      until: '2025-03',
    });
    const p = report.byPlatform[0]!;
    expect(p.key).toBe('platform:Toloka');
    expect(p.base.effectivePerHour).toBe(7_500);
    expect(p.base.paidOnlyPerHour).toBe(10_000);
    expect(p.base.unpaidShare).toBe(0.25);
    expect(p.base.receivedMinor).toBe(60_000);
    expect(p.base.pendingMinor).toBe(40_000);
    // Received only: 60,000 over the 450 minutes of the received entry = 8,000 an hour.
    expect(p.base.receivedOnlyPerHour!).toBeCloseTo(8_000, 9);
    expect(p.currency).toBe('IDR');
    expect(p.inCurrency!.effectivePerHour).toBe(7_500);
    expect(p.trend.map((t) => t.month)).toEqual(['2025-03']);
    expect(report.byMember[0]!.memberId).toBe('dewi');
    expect(report.byMember[0]!.base.effectivePerHour).toBe(7_500);
  });

  it('has no hourly figure without minutes, and no paid-only figure without paid minutes', () => {
    expect(hourlyPay(5_000, 0, 0).effectivePerHour).toBeNull();
    expect(hourlyPay(5_000, 0, 30).paidOnlyPerHour).toBeNull();
    expect(hourlyPay(5_000, 0, 30).unpaidShare).toBe(1);
  });
});

describe('pay report', () => {
  const usd = makeStream({
    id: 'usd',
    kind: 'microtask',
    platform: 'Upwork',
    currency: 'USD',
    memberId: 'a',
  });
  const idr = makeStream({ id: 'idr', kind: 'microtask', platform: 'Upwork', memberId: 'b' });
  const formal = makeStream({ id: 'job', kind: 'formal', platform: 'Factory', memberId: 'a' });

  it('leaves out rows whose rate is missing from base figures, and shows no single currency', () => {
    const entries = [
      // No USD rate before 2025-02-01.
      makeEntry(usd, '2025-01-10', 1_000, { paidMinutes: 60, unpaidMinutes: 0 }),
      makeEntry(usd, '2025-02-10', 1_000, { paidMinutes: 60, unpaidMinutes: 60 }),
      makeEntry(idr, '2025-02-10', 160_000, { paidMinutes: 60, unpaidMinutes: 0 }),
      makeEntry(formal, '2025-02-01', 9_999_999, { paidMinutes: 10_000 }),
    ];
    const rates = [makeRate('USD', '2025-02-01', '16000')];
    const report = payReport({
      rollups: rollupsFromEntries(entries, rates, 'IDR'),
      streams: [usd, idr, formal],
      training: [],
      until: '2025-02',
    });
    expect(report.byPlatform.map((p) => p.platform)).toEqual(['Upwork']);
    const p = report.byPlatform[0]!;
    // Base: February only: 1,000 × 16,000 + 160,000 = 16,160,000 over 180 minutes.
    expect(p.base.missingRateCount).toBe(1);
    expect(p.base.earnedMinor).toBe(16_160_000);
    expect(p.base.effectivePerHour).toBeCloseTo((16_160_000 / 180) * 60, 9);
    expect(p.currency).toBeNull();
    expect(p.inCurrency).toBeNull();
    expect(p.trend.map((t) => [t.month, t.base.missingRateCount])).toEqual([
      ['2025-01', 1],
      ['2025-02', 0],
    ]);
    const memberA = report.byMember.find((m) => m.memberId === 'a')!;
    // Member a's own USD figures are complete: 2,000 cents over 180 minutes.
    expect(memberA.currency).toBe('USD');
    expect(memberA.inCurrency!.effectivePerHour).toBeCloseTo((2_000 / 180) * 60, 9);
  });

  it('compares the 3 months before a training with the complete months after it', () => {
    const entries = ['2025-01', '2025-02', '2025-03', '2025-05', '2025-06'].map((m, i) =>
      makeEntry(idr, `${m}-05`, 100_000 * (i + 1), { paidMinutes: 60, unpaidMinutes: 0 }),
    );
    const report = payReport({
      rollups: rollupsFromEntries(entries, [], 'IDR'),
      streams: [idr],
      training: [
        makeTraining('b', '2025-04-12'),
        makeTraining('b', '2025-04-13', { deletedAt: '2025-04-14T00:00:00Z' }),
      ],
      until: '2025-06',
    });
    expect(report.training).toHaveLength(1);
    const t = report.training[0]!;
    // Before Jan–Mar: 600,000 over 180 min = 200,000/h; after May–Jun (July not complete):
    // 900,000 over 120 min = 450,000/h; change 450/200 − 1 = 1.25.
    expect(t.afterMonths).toEqual(['2025-05', '2025-06']);
    expect(t.before.effectivePerHour).toBe(200_000);
    expect(t.after.effectivePerHour).toBe(450_000);
    expect(t.change).toBeCloseTo(1.25, 12);
  });
});
