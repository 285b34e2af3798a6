import { describe, expect, it } from 'vitest';
import {
  hourlyByPlatformChart,
  hourlyTrendChart,
  pipelineByPlatformChart,
  trainingMarks,
  trendMonths,
} from '../../src/lib/charts/pay';
import type { ChartFormat, ChartTheme } from '../../src/lib/charts/types';
import { payReport } from '../../src/lib/domain/pay';
import { rollupsFromEntries } from '../../src/lib/domain/rollup';
import { makeEntry, makeStream, makeTraining } from './analytics-fixtures';

const theme: ChartTheme = {
  mode: 'dark',
  text: '#eeeeee',
  muted: '#aaaaaa',
  grid: '#333333',
  surface: '#111111',
  danger: '#ff9999',
  accent: '#88ddcc',
  font: 'system-ui',
};

const format: ChartFormat = {
  month: (m) => m,
  money: (minor) => `Rp${Math.round(minor)}`,
  moneyCompact: (minor) => `~${Math.round(minor)}`,
  percent: (ratio) => `${Math.round(ratio * 100)}%`,
  number: (v) => String(v),
};

const perHour = (amount: string) => `${amount}/h`;
const platformName = (p: string) => (p === '' ? 'Unnamed' : p);

/** Two platforms: Toloka over three months (a gap in February), Clickworker in March only. */
function report() {
  const toloka = makeStream({ id: 'toloka', kind: 'microtask', platform: 'Toloka' });
  const click = makeStream({ id: 'click', kind: 'microtask', platform: 'Clickworker' });
  const entries = [
    makeEntry(toloka, '2025-01-10', 60_000, { paidMinutes: 400, unpaidMinutes: 50 }),
    makeEntry(toloka, '2025-03-10', 40_000, {
      paidMinutes: 200,
      unpaidMinutes: 150,
      status: 'pending',
    }),
    makeEntry(click, '2025-03-12', 30_000, { paidMinutes: 120, unpaidMinutes: 60 }),
  ];
  return payReport({
    rollups: rollupsFromEntries(entries, [], 'IDR'),
    streams: [toloka, click],
    training: [],
    until: '2025-12',
  });
}

describe('hourly pay by platform (horizontal bar)', () => {
  const groups = report().byPlatform;
  const spec = hourlyByPlatformChart(groups, {
    theme,
    format,
    platformName,
    labels: {
      platform: 'Platform',
      effective: 'Effective',
      paidOnly: 'Paid only',
      unpaidShare: 'Unpaid',
      perHour,
    },
  });

  it('puts effective pay (unpaid time counted) beside paid-only pay for each platform', () => {
    expect(spec.config.options?.indexAxis).toBe('y');
    expect(spec.config.data.labels).toEqual(['Clickworker', 'Toloka']);
    expect(spec.config.data.datasets.map((d) => d.label)).toEqual(['Effective', 'Paid only']);
    expect(spec.config.data.datasets[0]!.data).toEqual(groups.map((g) => g.base.effectivePerHour));
    expect(spec.config.data.datasets[1]!.data).toEqual(groups.map((g) => g.base.paidOnlyPerHour));
    // Toloka: 100,000 over 800 minutes = 7,500 an hour; 100,000 over 600 paid = 10,000.
    expect(spec.config.data.datasets[0]!.data[1]).toBe(7_500);
    expect(spec.config.data.datasets[1]!.data[1]).toBe(10_000);
  });

  it('tabulates the rates and the unpaid share of time', () => {
    expect(spec.table.rows[1]).toEqual({
      header: 'Toloka',
      cells: ['Rp7500/h', 'Rp10000/h', '25%'],
    });
  });
});

describe('received and pending by platform', () => {
  it('stacks received and pending pay', () => {
    const groups = report().byPlatform;
    const spec = pipelineByPlatformChart(groups, {
      theme,
      format,
      platformName,
      labels: { platform: 'Platform', received: 'Received', pending: 'Pending' },
    });
    expect(spec.config.data.datasets.map((d) => d.data)).toEqual([
      [30_000, 60_000],
      [0, 40_000],
    ]);
    const scales = spec.config.options?.scales as Record<string, { stacked?: boolean }>;
    expect(scales.x!.stacked && scales.y!.stacked).toBe(true);
    expect(spec.table.rows[1]!.cells).toEqual(['Rp60000', 'Rp40000']);
  });
});

describe('effective hourly pay by month (line)', () => {
  const groups = report().byPlatform;
  const training = [
    makeTraining('member-1', '2025-03-05', { title: 'Annotation course' }),
    makeTraining('member-1', '2024-06-01', { title: 'Before any pay' }),
  ];
  const spec = hourlyTrendChart(groups, training, {
    theme,
    format,
    platformName,
    labels: { month: 'Month', training: 'Training', perHour },
  });

  it('uses every month any platform has pay in, and leaves a gap where one has none', () => {
    expect(trendMonths(groups)).toEqual(['2025-01', '2025-03']);
    expect(spec.config.data.labels).toEqual(['2025-01', '2025-03']);
    const toloka = spec.config.data.datasets.find((d) => d.label === 'Toloka')!;
    const click = spec.config.data.datasets.find((d) => d.label === 'Clickworker')!;
    expect(click.data).toEqual([null, (30_000 / 180) * 60]);
    expect(toloka.data).toEqual([(60_000 / 450) * 60, (40_000 / 350) * 60]);
  });

  it('marks the months of trainings that fall on the chart, and lists them in the table', () => {
    const marks = trainingMarks(['2025-01', '2025-03'], training);
    expect(marks.map((mk) => [mk.index, mk.training.title])).toEqual([[1, 'Annotation course']]);
    expect(spec.config.options?.plugins?.anyamBands?.bands).toEqual([
      { index: 1, color: theme.accent, style: 'line' },
    ]);
    expect(spec.table.columns).toEqual(['Month', 'Clickworker', 'Toloka', 'Training']);
    expect(spec.table.rows[1]!.cells.at(-1)).toBe('Annotation course');
    expect(spec.table.rows[0]!.cells[0]).toBe('—');
  });
});
