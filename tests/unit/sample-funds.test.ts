import { describe, expect, it } from 'vitest';
import { checkedSample } from '../../src/lib/db/repo/sample-load';
import { fundsProgress } from '../../src/lib/domain/funds';
import { buildSampleHousehold } from '../../src/lib/domain/sample-household';
import { PINNED_NOW, PINNED_TODAY } from '../pinned-day';

const NOW = PINNED_NOW.toISOString();

describe("each sample carries its country's big date with money set aside", () => {
  it.each([
    ['IDR', 'ID', 'Lebaran 2027', '2027-03-10', 'THR'],
    ['PHP', 'PH', 'Pasko 2026', '2026-12-25', '13th month pay'],
    ['VND', 'VN', 'Tết 2027', '2027-02-06', ''],
  ] as const)('%s: %s', (currency, country, name, dueOn, note) => {
    const tables = checkedSample(buildSampleHousehold(PINNED_TODAY, NOW, currency, country));
    const [fund] = tables.funds;
    expect(fund).toMatchObject({ name, dueOn, currency, isSample: true });
    expect(fund!.note).toContain(note);
    expect(tables.setAsides).toHaveLength(2);
    for (const s of tables.setAsides) {
      const entry = tables.entries.find((e) => e.id === s.entryId)!;
      expect(entry.status).toBe('received');
      expect(entry.currency).toBe(s.currency);
      expect(s.amountMinor).toBeLessThanOrEqual(entry.amountMinor);
      expect(entry.date <= PINNED_TODAY).toBe(true);
    }
    const [p] = fundsProgress({
      ...tables,
      skips: tables.skips,
      baseCurrency: currency,
      today: PINNED_TODAY,
    });
    expect(p!.status).toBe('active');
    expect(p!.setAsideMinor).toBeGreaterThan(0);
    expect(p!.payoutPercent).not.toBeNull();
  });

  it('puts the big date after today whatever the day', () => {
    for (const today of ['2026-12-26', '2027-02-07', '2030-06-01'])
      expect(buildSampleHousehold(today, NOW, 'VND', 'VN').funds[0]!.dueOn > today).toBe(true);
  });
});
