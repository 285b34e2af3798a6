import { describe, expect, it } from 'vitest';
import { rateInForce } from '../../src/lib/domain/money-math';
import { buildSampleHousehold } from '../../src/lib/domain/sample-household';
import { sampleCountry } from '../../src/lib/domain/sample-country';
import type { SampleCountry } from '../../src/lib/domain/sample-country';
import { sensibleRate } from '../../src/lib/domain/sample-rates';
import { parseName } from '../../src/lib/domain/sample-names';
import { validateRecord } from '../../src/lib/domain/schema';

const NOW = '2026-11-29T08:00:00.000Z';
const COUNTRIES: [SampleCountry, string, string[]][] = [
  ['ID', 'IDR', ['Budi', 'Sari', 'Dewi']],
  ['PH', 'PHP', ['Jose', 'Maricel', 'Ana']],
  ['VN', 'VND', ['Minh', 'Lan', 'Huy']],
];

describe.each(COUNTRIES)('the sample household of %s', (country, currency, people) => {
  const sample = buildSampleHousehold('2026-11-29', NOW, currency, country);

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

  it('has local people, and names that are message keys rather than words', () => {
    expect(sample.members.map((x) => parseName(x.name))).toEqual(
      people.map((name) => ({ kind: 'person', name })),
    );
    for (const s of sample.streams) expect(parseName(s.name).kind).toBe('label');
    for (const p of sample.plans) expect(parseName(p.name).kind).toBe('label');
  });

  it(`is in ${currency} and USD, with every kind of stream and 18 months of history`, () => {
    expect(new Set(sample.streams.map((s) => s.kind))).toEqual(
      new Set(['formal', 'informal', 'microtask', 'support']),
    );
    expect(new Set(sample.entries.map((e) => e.currency))).toEqual(new Set([currency, 'USD']));
    expect(new Set(sample.plans.map((p) => p.currency))).toEqual(new Set([currency]));
    const months = new Set(sample.entries.map((e) => e.date.slice(0, 7)));
    expect(months.size).toBe(19); // 18 complete months and the month in progress
    expect([...months].sort().at(-1)).toBe('2026-11');
    const usd = sample.entries.filter((e) => e.currency === 'USD');
    expect(usd.length).toBeGreaterThan(100);
    for (const e of usd) expect(rateInForce(sample.rates, 'USD', e.date)).not.toBeNull();
    expect(sample.entries.every((e) => e.date <= '2026-11-29')).toBe(true);
  });

  it('has rates only for USD, in the base currency, as a person would write them', () => {
    expect(new Set(sample.rates.map((r) => r.currency))).toEqual(new Set(['USD']));
    for (const r of sample.rates) {
      const decimals = r.value.split('.')[1]?.length ?? 0;
      expect(decimals, r.value).toBeLessThanOrEqual(currency === 'PHP' ? 2 : 0);
    }
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
    expect(buildSampleHousehold('2026-11-29', NOW, currency, country)).toEqual(sample);
  });
});

describe('which sample a household sees', () => {
  it('follows the base currency, then the language, then Indonesia', () => {
    expect(sampleCountry('VND', 'en')).toBe('VN');
    expect(sampleCountry('PHP', 'id')).toBe('PH');
    expect(sampleCountry('USD', 'fil')).toBe('PH');
    expect(sampleCountry('USD', 'vi')).toBe('VN');
    expect(sampleCountry('EUR', 'en')).toBe('ID');
  });

  it('whole đồng in Vietnam: no entry, plan or saving has a fraction of a thousand', () => {
    const sample = buildSampleHousehold('2026-11-29', NOW, 'VND', 'VN');
    const vnd = [...sample.entries, ...sample.plans, ...sample.savings].filter(
      (r) => r.currency === 'VND',
    );
    expect(vnd.length).toBeGreaterThan(50);
    for (const r of vnd) expect(Number.isInteger(r.amountMinor)).toBe(true);
  });
});

describe('sensibleRate', () => {
  it('writes whole units from 100, two decimals from 1, four significant digits below', () => {
    expect(sensibleRate(25_410.37)).toBe('25410');
    expect(sensibleRate(57.853)).toBe('57.85');
    expect(sensibleRate(1.5)).toBe('1.5');
    expect(sensibleRate(0.6395123)).toBe('0.6395');
    expect(sensibleRate(0.0000612345)).toBe('0.00006123');
  });
});

describe('the sample household in another base currency', () => {
  it.each(['PHP', 'VND', 'USD'])('has a rate in %s for every entry that needs one', (base) => {
    const sample = buildSampleHousehold('2026-11-29', NOW, base, 'ID');
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
