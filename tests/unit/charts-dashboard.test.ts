import { describe, expect, it } from 'vitest';
import {
  contributionNowChart,
  contributionOverTimeChart,
} from '../../src/lib/charts/contributions';
import { forecastChart } from '../../src/lib/charts/forecast';
import { incomeByKindChart } from '../../src/lib/charts/income';
import { seriesColor } from '../../src/lib/charts/palette';
import { scoreChart } from '../../src/lib/charts/score';
import { sharesChart } from '../../src/lib/charts/shares';
import type { ChartFormat, ChartTheme } from '../../src/lib/charts/types';
import { computeDashboard, type DashboardData } from '../../src/lib/domain/dashboard';
import type { Entry } from '../../src/lib/domain/model';
import { monthRange } from '../../src/lib/domain/months';
import { rollupsFromEntries } from '../../src/lib/domain/rollup';
import {
  makeEntry,
  makePlan,
  makeRate,
  makeSaving,
  makeStream,
  monthlyEntries,
} from './analytics-fixtures';

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

/** Plain, predictable formatting so assertions read the numbers themselves. */
const format: ChartFormat = {
  month: (m) => `M${m}`,
  money: (minor) => `Rp${Math.round(minor)}`,
  moneyCompact: (minor) => `~${Math.round(minor)}`,
  percent: (ratio) => `${Math.round(ratio * 100)}%`,
  number: (v) => String(Math.round(v * 10) / 10),
};

const kinds = { formal: 'Formal', informal: 'Informal', microtask: 'Tasks', support: 'Support' };

/**
 * A household over 2025: a salary, a stall whose income drops hard in July (a dip), micro-tasks
 * paid in USD (one month in EUR, with no rate: a flagged month) and a support stream with no
 * income.
 */
function household(): DashboardData {
  const salary = makeStream({ id: 'salary', kind: 'formal', name: 'Salary' });
  const stall = makeStream({ id: 'stall', kind: 'informal', name: 'Stall' });
  const tasks = makeStream({ id: 'tasks', kind: 'microtask', name: 'Tasks', currency: 'USD' });
  const support = makeStream({ id: 'support', kind: 'support', name: 'Support' });
  const months = monthRange('2025-01', '2025-12');
  const entries: Entry[] = [
    ...monthlyEntries(salary, Object.fromEntries(months.map((m) => [m, 3_000_000]))),
    ...monthlyEntries(
      stall,
      Object.fromEntries(months.map((m) => [m, m === '2025-07' ? 0 : 2_000_000])),
    ),
    // October's pay came in EUR, for which there is no rate: the month is flagged.
    ...months.map((m) =>
      makeEntry(tasks, `${m}-20`, 1_000, m === '2025-10' ? { currency: 'EUR' } : {}),
    ),
    makeEntry(tasks, '2025-12-22', 500, { status: 'pending' }),
  ];
  const rates = [makeRate('USD', '2024-01-01', '1000')];
  return computeDashboard({
    rollups: rollupsFromEntries(entries, rates, 'IDR'),
    streams: [salary, stall, tasks, support],
    plans: [
      makePlan({ amountMinor: 4_000_000, name: 'Rent' }),
      makePlan({
        amountMinor: 100_000,
        category: 'digital',
        name: 'Data',
        fundedBy: ['microtask'],
      }),
    ],
    savings: [makeSaving('2025-06-01', 6_000_000)],
    rates,
    training: [],
    baseCurrency: 'IDR',
    today: '2026-01-10',
    stress: { streamId: 'salary', fallPercent: 100 },
  });
}

const streams = [
  { id: 'salary', name: 'Salary' },
  { id: 'stall', name: 'Stall' },
  { id: 'tasks', name: 'Tasks' },
  { id: 'support', name: 'Support' },
];

describe('income by kind (stacked bar)', () => {
  const dash = household();
  const spec = incomeByKindChart(dash, {
    theme,
    format,
    labels: {
      month: 'Month',
      kinds,
      total: 'Total',
      note: 'Note',
      dip: 'Dip',
      flagged: 'Rate missing',
    },
  });
  const config = spec.config;

  it('labels every month of history up to the month shown', () => {
    expect(dash.asOf).toBe('2025-12');
    expect(config.data.labels).toEqual(dash.series.months.map((m) => `M${m}`));
    expect(config.data.labels).toHaveLength(12);
  });

  it('stacks one bar dataset per kind that has income, with the dashboard numbers', () => {
    expect(config.type).toBe('bar');
    expect(config.data.datasets.map((d) => d.label)).toEqual(['Formal', 'Informal', 'Tasks']);
    expect(config.data.datasets.map((d) => d.data)).toEqual([
      dash.series.incomeByKind.formal,
      dash.series.incomeByKind.informal,
      dash.series.incomeByKind.microtask,
    ]);
    const scales = config.options?.scales as Record<string, { stacked?: boolean }>;
    expect(scales.x!.stacked).toBe(true);
    expect(scales.y!.stacked).toBe(true);
  });

  it('shades the dip month of the window', () => {
    expect(dash.resilience.inputs.dipMonths).toEqual(['2025-07']);
    const bands = config.options?.plugins?.anyamBands?.bands ?? [];
    const july = dash.series.months.indexOf('2025-07');
    expect(bands.filter((b) => b.color?.includes('170, 0, 0')).map((b) => b.index)).toEqual([july]);
    expect(config.plugins?.map((p) => p.id)).toEqual(['anyamBands']);
  });

  it('shades the month whose exchange rate is missing, in another tint', () => {
    const october = dash.series.months.indexOf('2025-10');
    expect(dash.series.flagged[october]).toBe(true);
    const bands = config.options?.plugins?.anyamBands?.bands ?? [];
    expect(bands.filter((b) => b.color?.includes('85, 85, 85')).map((b) => b.index)).toEqual([
      october,
    ]);
    expect(spec.table.rows[october]!.cells.at(-1)).toBe('Rate missing');
  });

  it('gives a table with the same numbers, the total and the dip noted', () => {
    expect(spec.table.columns).toEqual(['Month', 'Formal', 'Informal', 'Tasks', 'Total', 'Note']);
    const july = spec.table.rows.find((r) => r.header === 'M2025-07')!;
    expect(july.cells).toEqual(['Rp3000000', 'Rp0', 'Rp1000000', 'Rp4000000', 'Dip']);
    expect(spec.table.rows).toHaveLength(12);
  });
});

describe('score over time (line)', () => {
  const dash = household();
  const spec = scoreChart(dash, {
    theme,
    format,
    labels: {
      month: 'Month',
      score: 'Score',
      components: { diversification: 'D', stability: 'S', coverage: 'C', buffer: 'B' },
    },
  });

  it('draws the score and the four components on one 0–100 scale, from March', () => {
    const { datasets } = spec.config.data;
    expect(spec.config.type).toBe('line');
    expect(datasets.map((d) => d.label)).toEqual(['Score', 'D', 'S', 'C', 'B']);
    // The window has 3 months from March on: January and February are not drawn.
    expect(dash.measuredFrom).toBe('2025-03');
    expect(spec.config.data.labels![0]).toBe('M2025-03');
    expect(datasets[0]!.data).toEqual(dash.series.score.slice(2));
    expect(datasets[1]!.data).toEqual(
      dash.series.diversification.slice(2).map((v) => (v === null ? null : v * 100)),
    );
    expect(datasets[4]!.data).toEqual(
      dash.series.buffer.slice(2).map((v) => (v === null ? null : v * 100)),
    );
    const y = (spec.config.options?.scales as Record<string, { min?: number; max?: number }>).y!;
    expect([y.min, y.max]).toEqual([0, 100]);
  });

  it('keeps unknown months as gaps, never as zero', () => {
    // The EUR month without a rate leaves stability unknown in no month from March, but its
    // flagged month stays a gap wherever a component is unknown.
    const s = dash.series.stability.slice(2);
    expect(spec.config.data.datasets[2]!.data).toEqual(s.map((v) => (v === null ? null : v * 100)));
    const nullAt = s.indexOf(null);
    if (nullAt >= 0) expect(spec.table.rows[nullAt]!.cells[2]).toBe('—');
  });

  it('marks dip months on the score chart too, shifted to where the chart starts', () => {
    const bands = spec.config.options?.plugins?.anyamBands?.bands ?? [];
    expect(bands.map((b) => b.index)).toContain(dash.series.months.indexOf('2025-07') - 2);
  });
});

describe('share by stream (doughnut)', () => {
  const dash = household();
  const spec = sharesChart(dash, {
    theme,
    format,
    streams,
    labels: { stream: 'Stream', share: 'Share', income: 'Income' },
  });

  it('has one slice per stream with income, largest first, with the window totals', () => {
    expect(spec.config.type).toBe('doughnut');
    expect(spec.config.data.labels).toEqual(['Salary', 'Stall', 'Tasks']);
    const byId = new Map(dash.shares.map((s) => [s.streamId, s.incomeMinor]));
    expect(spec.config.data.datasets[0]!.data).toEqual([
      byId.get('salary'),
      byId.get('stall'),
      byId.get('tasks'),
    ]);
  });

  it('gives each stream the colour of its place in the household list', () => {
    expect(spec.config.data.datasets[0]!.backgroundColor).toEqual([
      seriesColor(0, 'light'),
      seriesColor(1, 'light'),
      seriesColor(2, 'light'),
    ]);
  });

  it('lists the shares in its table', () => {
    const salary = dash.shares.find((s) => s.streamId === 'salary')!;
    expect(spec.table.rows[0]).toEqual({
      header: 'Salary',
      cells: [format.percent(salary.share), format.money(salary.incomeMinor)],
    });
  });
});

describe('contribution of each stream', () => {
  const dash = household();
  const input = {
    theme,
    format,
    streams,
    labels: { stream: 'Stream', month: 'Month', points: 'Points' },
  };

  it('draws the points of each stream now, largest first, as horizontal bars', () => {
    const spec = contributionNowChart(dash, input);
    const known = dash.contributions.now
      .filter((c) => c.points !== null)
      .sort((a, b) => b.points! - a.points!);
    expect(spec.config.options?.indexAxis).toBe('y');
    expect(spec.config.data.datasets[0]!.data).toEqual(known.map((c) => c.points));
    expect(spec.table.rows[0]!.cells[0]!.startsWith('+')).toBe(true);
  });

  it('draws a line per stream that ever contributes, aligned with the months', () => {
    const spec = contributionOverTimeChart(dash, input);
    const labels = spec.config.data.datasets.map((d) => d.label);
    expect(labels).not.toContain('Support');
    expect(labels).toContain('Salary');
    const salary = spec.config.data.datasets.find((d) => d.label === 'Salary')!;
    // From March, the first month with 3 months of history.
    expect(salary.data).toEqual(dash.contributions.overTime.salary!.slice(2));
    expect(salary.data).toHaveLength(dash.series.months.length - 2);
    const y = (spec.config.options?.scales as Record<string, { beginAtZero?: boolean }>).y!;
    expect(y.beginAtZero).toBe(true);
  });

  it('draws nothing before the window has 3 months: a new household has no line yet', () => {
    const young = { ...dash, measuredFrom: null };
    expect(contributionOverTimeChart(young, input).config.data.labels).toEqual([]);
  });
});

describe('forecast (bar)', () => {
  it('puts expected income beside planned expenses and shades short months', () => {
    const dash = household();
    const spec = forecastChart(dash, {
      theme,
      format,
      labels: {
        month: 'Month',
        income: 'Income',
        expenses: 'Expenses',
        balance: 'Balance',
        inProgress: 'in progress',
        short: 'short',
      },
    });
    expect(spec.config.data.labels![0]).toEqual(['M2026-01', '(in progress)']);
    expect(spec.table.rows[0]!.header).toBe('M2026-01 (in progress)');
    expect(spec.config.data.datasets[0]!.data).toEqual(dash.forecast.map((f) => f.incomeMinor));
    expect(spec.config.data.datasets[1]!.data).toEqual(dash.forecast.map((f) => f.expensesMinor));
    const shortIdx = dash.forecast.flatMap((f, i) => (f.shortfall ? [i] : []));
    const bands = spec.config.options?.plugins?.anyamBands?.bands ?? [];
    expect(bands.map((b) => b.index)).toEqual(shortIdx);
  });
});
