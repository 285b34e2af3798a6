import { describe, expect, it } from 'vitest';
import { payReport } from '../../src/lib/domain/pay';
import { hasBasePay, platformFigures } from '../../src/lib/domain/pay-figures';
import { rollupsFromEntries } from '../../src/lib/domain/rollup';
import { makeEntry, makeRate, makeStream } from './analytics-fixtures';

const stream = makeStream({
  id: 'tasks',
  kind: 'microtask',
  platform: 'Remotasks',
  memberId: 'rina',
  currency: 'USD',
});
// US$18 over 8 h paid + 2 h unpaid, US$2 pending over 1 h paid.
const entries = [
  makeEntry(stream, '2026-09-03', 1_800, { paidMinutes: 480, unpaidMinutes: 120 }),
  makeEntry(stream, '2026-10-03', 200, { paidMinutes: 60, unpaidMinutes: 0, status: 'pending' }),
];

function group(rates: ReturnType<typeof makeRate>[]) {
  return payReport({
    rollups: rollupsFromEntries(entries, rates, 'PHP'),
    streams: [stream],
    training: [],
    until: '2026-10',
  }).byPlatform[0]!;
}

describe('a platform card without a rate', () => {
  it('answers in the platform currency, with the unpaid share over every minute', () => {
    const g = group([]);
    const f = platformFigures(g, 'PHP');
    expect(f.currency).toBe('USD');
    expect(f.inBase).toBe(false);
    // 2,000 cents / 660 minutes × 60 = 181.8 cents an hour: US$1.82/h.
    expect(f.effectivePerHour).toBeCloseTo((2_000 / 660) * 60, 6);
    expect(f.paidOnlyPerHour).toBeCloseTo((2_000 / 540) * 60, 6);
    expect(f.unpaidShare).toBeCloseTo(120 / 660, 9);
    expect(f.paidMinutes + f.unpaidMinutes).toBe(660);
    expect(hasBasePay([g])).toBe(false);
  });

  it('answers in the base currency as soon as a rate covers every entry', () => {
    const g = group([makeRate('USD', '2026-09-01', '56')]);
    const f = platformFigures(g, 'PHP');
    expect(f.currency).toBe('PHP');
    expect(f.inBase).toBe(true);
    expect(f.effectivePerHour).toBeCloseTo((2_000 * 56 * 60) / 660, 6);
    expect(f.unpaidShare).toBeCloseTo(120 / 660, 9);
    expect(hasBasePay([g])).toBe(true);
  });

  it('stays in the platform currency while one entry still lacks a rate', () => {
    const f = platformFigures(group([makeRate('USD', '2026-10-01', '56')]), 'PHP');
    expect(f.currency).toBe('USD');
    expect(f.receivedMinor).toBe(1_800);
    expect(f.pendingMinor).toBe(200);
  });
});
