import { describe, expect, it } from 'vitest';
import { rateInForce } from '../../src/lib/domain/money';
import { buildSampleHousehold, type SampleLabels } from '../../src/lib/domain/sample-household';
import { validateRecord } from '../../src/lib/domain/schema';

const labels: SampleLabels = {
  sampleSuffix: '(sample)',
  salary: 'Salary',
  warung: 'Warung',
  imageTagging: 'Image tagging',
  dataAnnotation: 'Data annotation',
  remittance: 'Remittance',
  rent: 'Rent',
  food: 'Food',
  utilities: 'Utilities',
  schoolFees: 'School fees',
  dataPlan: 'Data plan',
  streaming: 'Streaming',
  course: 'Course',
  cashAtHome: 'Cash',
  bankAccount: 'Bank',
  savingsGroup: 'Group',
};
const NOW = '2026-11-29T08:00:00.000Z';

describe('the sample household', () => {
  const sample = buildSampleHousehold('2026-11-29', NOW, labels);

  it('is valid record by record and marked as a sample everywhere', () => {
    const tables = Object.entries(sample) as [keyof typeof sample, { isSample: boolean }[]][];
    for (const [table, rows] of tables) {
      expect(rows.length, table).toBeGreaterThan(0);
      for (const row of rows) {
        expect(() => validateRecord(table, row)).not.toThrow();
        expect(row.isSample).toBe(true);
      }
    }
  });

  it('has every kind of stream, USD micro-tasks with rates in force, and 18 months of history', () => {
    expect(new Set(sample.streams.map((s) => s.kind))).toEqual(
      new Set(['formal', 'informal', 'microtask', 'support']),
    );
    const months = new Set(sample.entries.map((e) => e.date.slice(0, 7)));
    expect(months.size).toBe(19); // 18 complete months and the month in progress
    expect([...months].sort().at(-1)).toBe('2026-11');
    const usd = sample.entries.filter((e) => e.currency === 'USD');
    expect(usd.length).toBeGreaterThan(100);
    for (const e of usd) expect(rateInForce(sample.rates, 'USD', e.date)).not.toBeNull();
    expect(sample.plans.some((p) => p.category === 'essential')).toBe(true);
    expect(sample.entries.every((e) => e.date <= '2026-11-29')).toBe(true);
  });

  it('links every entry to its stream and member', () => {
    const streams = new Map(sample.streams.map((s) => [s.id, s]));
    const members = new Set(sample.members.map((m) => m.id));
    for (const e of sample.entries) {
      const stream = streams.get(e.streamId);
      expect(stream).toBeDefined();
      expect(e.memberId).toBe(stream!.memberId);
      expect(e.currency).toBe(stream!.currency);
      expect(members.has(e.memberId)).toBe(true);
    }
  });

  it('is the same household for the same day', () => {
    expect(buildSampleHousehold('2026-11-29', NOW, labels)).toEqual(sample);
  });
});

describe('the sample household in another base currency', () => {
  it.each(['PHP', 'VND', 'USD'])('has a rate in %s for every entry that needs one', (base) => {
    const sample = buildSampleHousehold('2026-11-29', NOW, labels, base);
    for (const e of sample.entries) {
      if (e.currency === base) continue;
      expect(
        rateInForce(sample.rates, e.currency, e.date),
        `${e.currency} ${e.date}`,
      ).not.toBeNull();
    }
    for (const r of sample.rates) expect(() => validateRecord('rates', r)).not.toThrow();
  });
});
