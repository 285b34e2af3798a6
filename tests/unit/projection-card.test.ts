import { describe, expect, it } from 'vitest';
import { projectionChart } from '../../src/lib/charts/projection';
import type { ChartFormat, ChartTheme } from '../../src/lib/charts/types';
import { project, type BaseFlow } from '../../src/lib/domain/projection';
import {
  avoidSentences,
  flowName,
  lowestSentence,
  zeroSentence,
} from '../../src/views/dashboard/projection-text';

const theme: ChartTheme = {
  mode: 'light',
  text: '#111111',
  muted: '#555555',
  grid: '#cccccc',
  surface: '#ffffff',
  danger: '#aa0000',
  accent: '#0f5c4d',
  font: 'system-ui',
};
const format: ChartFormat = {
  month: (m) => `M${m}`,
  money: (minor) => `₱${Math.round(minor)}`,
  moneyCompact: (minor) => `~${Math.round(minor)}`,
  percent: (ratio) => `${Math.round(ratio * 100)}%`,
  number: (v) => String(v),
};

const flow = (
  date: string,
  direction: 'in' | 'out',
  baseMinor: number,
  name: string,
  kind = direction === 'in' ? 'payday' : 'bill',
): BaseFlow => ({
  date,
  direction,
  amountMinor: baseMinor,
  currency: 'PHP',
  baseMinor,
  name,
  source: `${kind}:${name}`,
  kind,
});

// Rent on the 18th before the salary on the 20th; water on the 18th too; a gig every day.
const flows = [
  flow('2026-12-18', 'out', 1_200, 'Rent'),
  flow('2026-12-18', 'out', 100, 'Water'),
  flow('2026-12-20', 'in', 2_000, 'Salary'),
  flow('2026-12-06', 'in', 10, 'Gig', 'estimate'),
  flow('2026-12-10', 'in', 50, 'Gig', 'pending'),
];
const p = project({ from: '2026-12-05', days: 60, startMinor: 1_000, flows });

describe('the projection card', () => {
  it('says the lowest point, its cause and the next income in one sentence', () => {
    expect(lowestSentence(p, format.money)).toBe(
      'Lowest point: ₱-240 on Dec 18, after Rent and Water, before Salary on Dec 20.',
    );
    expect(zeroSentence(p, format.money)).toBe(
      'Below ₱0 from Dec 18: ₱240 short at the lowest point.',
    );
    expect(avoidSentences(p, format.money)).toEqual([
      'To avoid it: pay Rent on Dec 20, once Salary is in.',
      'Or have ₱240 more on hand by Dec 18.',
    ]);
  });

  it('says the balance stays above zero until the last day when it does', () => {
    const fine = project({ from: '2026-12-05', days: 60, startMinor: 5_000, flows });
    expect(zeroSentence(fine, format.money)).toBe('You stay above ₱0 until Feb 2.');
    expect(avoidSentences(fine, format.money)).toEqual([]);
  });

  it('names estimates and pending payouts as such', () => {
    expect(flows.map(flowName)).toEqual([
      'Rent',
      'Water',
      'Salary',
      'Gig (estimate)',
      'Gig (pending)',
    ]);
  });

  it('draws 60 days with the lowest one marked; the table lists the days something moves', () => {
    const spec = projectionChart(p, flows, {
      theme,
      format,
      day: (d) => d.slice(5),
      labels: {
        date: 'Day',
        balance: 'Balance',
        comesIn: 'In',
        goesOut: 'Out',
        what: 'What',
        flowName,
      },
    });
    const data = spec.config.data.datasets[0]!;
    expect(data.data).toHaveLength(60);
    const radius = (data as unknown as { pointRadius: number[] }).pointRadius;
    expect(radius.filter((r) => r > 0)).toHaveLength(1);
    expect(radius[13]).toBeGreaterThan(0);
    expect(spec.table.rows.map((r) => r.header)).toEqual([
      '12-05',
      '12-06',
      '12-10',
      '12-18',
      '12-20',
    ]);
    expect(spec.table.rows[3]!.cells).toEqual(['', '₱1300', '₱-240', 'Rent, Water']);
    // A spread estimate moves the line but is not named day by day.
    expect(spec.table.rows[1]!.cells[3]).toBe('');
  });
});
