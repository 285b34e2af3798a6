/**
 * Micro-task pay charts: platforms compared by effective hourly pay (unpaid time counted) beside
 * the paid-only rate, earnings pending vs received, and the monthly trend with trainings marked.
 * Hourly pay is in base-currency minor units per hour (fractional; formatting rounds).
 */
import type { MonthKey, Training } from '../domain/model';
import type { PayGroup } from '../domain/pay';
import { bandsPlugin, type Band } from './bands';
import { baseOptions, categoryAxis, cell, valueAxis } from './common';
import { kindColor, seriesColor, seriesDash, seriesPoint } from './palette';
import type { AnyChartConfig, ChartFormat, ChartSpec, ChartTheme } from './types';
import { displayName } from '../i18n/sample-labels';

export interface PayChartInput<L> {
  theme: ChartTheme;
  format: ChartFormat;
  labels: L;
  /** The name of a platform ('' is a stream without one). */
  platformName: (platform: string) => string;
}

export interface HourlyLabels {
  platform: string;
  effective: string;
  paidOnly: string;
  unpaidShare: string;
  perHour: (amount: string) => string;
}

export function hourlyByPlatformChart(
  groups: PayGroup[],
  input: PayChartInput<HourlyLabels>,
): ChartSpec {
  const { theme, format, labels, platformName } = input;
  const perHour = (v: number) => labels.perHour(format.money(Math.round(v)));
  const base = baseOptions(theme);
  const config: AnyChartConfig = {
    type: 'bar',
    data: {
      labels: groups.map((g) => platformName(g.platform ?? '')),
      datasets: [
        {
          label: labels.effective,
          data: groups.map((g) => g.base.effectivePerHour),
          backgroundColor: kindColor('microtask', theme.mode),
          borderWidth: 0,
        },
        {
          label: labels.paidOnly,
          data: groups.map((g) => g.base.paidOnlyPerHour),
          backgroundColor: seriesColor(5, theme.mode),
          borderWidth: 0,
        },
      ],
    },
    options: {
      ...base,
      indexAxis: 'y',
      interaction: { mode: 'index', intersect: false, axis: 'y' },
      scales: {
        x: valueAxis(theme, format.moneyCompact, { beginAtZero: true }, 4),
        y: categoryAxis(theme, { ticks: { color: theme.text, font: { family: theme.font } } }),
      },
      plugins: {
        ...base.plugins,
        tooltip: {
          ...base.plugins.tooltip,
          callbacks: {
            label: (item: { dataset: { label?: string }; raw: unknown }) =>
              `${item.dataset.label ?? ''}: ${cell(item.raw as number | null, perHour)}`,
          },
        },
      },
    },
  };
  return {
    config,
    table: {
      columns: [labels.platform, labels.effective, labels.paidOnly, labels.unpaidShare],
      rows: groups.map((g) => ({
        header: platformName(g.platform ?? ''),
        cells: [
          cell(g.base.effectivePerHour, perHour),
          cell(g.base.paidOnlyPerHour, perHour),
          cell(g.base.unpaidShare, format.percent),
        ],
      })),
    },
  };
}

export interface PipelineLabels {
  platform: string;
  received: string;
  pending: string;
}

export function pipelineByPlatformChart(
  groups: PayGroup[],
  input: PayChartInput<PipelineLabels>,
): ChartSpec {
  const { theme, format, labels, platformName } = input;
  const base = baseOptions(theme);
  const config: AnyChartConfig = {
    type: 'bar',
    data: {
      labels: groups.map((g) => platformName(g.platform ?? '')),
      datasets: [
        {
          label: labels.received,
          data: groups.map((g) => g.base.receivedMinor),
          backgroundColor: kindColor('microtask', theme.mode),
          borderWidth: 0,
          stack: 'pay',
        },
        {
          label: labels.pending,
          data: groups.map((g) => g.base.pendingMinor),
          backgroundColor: kindColor('informal', theme.mode),
          borderWidth: 0,
          stack: 'pay',
        },
      ],
    },
    options: {
      ...base,
      indexAxis: 'y',
      interaction: { mode: 'index', intersect: false, axis: 'y' },
      scales: {
        x: valueAxis(theme, format.moneyCompact, { beginAtZero: true, stacked: true }, 4),
        y: categoryAxis(theme, {
          stacked: true,
          ticks: { color: theme.text, font: { family: theme.font } },
        }),
      },
      plugins: {
        ...base.plugins,
        tooltip: {
          ...base.plugins.tooltip,
          callbacks: {
            label: (item: { dataset: { label?: string }; raw: unknown }) =>
              `${item.dataset.label ?? ''}: ${format.money(Number(item.raw))}`,
          },
        },
      },
    },
  };
  return {
    config,
    table: {
      columns: [labels.platform, labels.received, labels.pending],
      rows: groups.map((g) => ({
        header: platformName(g.platform ?? ''),
        cells: [format.money(g.base.receivedMinor), format.money(g.base.pendingMinor)],
      })),
    },
  };
}

export interface TrendLabels {
  month: string;
  training: string;
  perHour: (amount: string) => string;
}

/** Every month from the first to the last month any platform has pay in, ascending. */
export function trendMonths(groups: PayGroup[]): MonthKey[] {
  const seen = new Set<MonthKey>();
  for (const g of groups) for (const t of g.trend) seen.add(t.month);
  return [...seen].sort();
}

/** Trainings whose month falls on the trend's axis, with that month's index. */
export function trainingMarks(
  months: MonthKey[],
  training: Training[],
): { index: number; training: Training }[] {
  const at = new Map(months.map((m, i) => [m, i]));
  return training
    .filter((t) => t.deletedAt === null && at.has(t.date.slice(0, 7)))
    .map((t) => ({ index: at.get(t.date.slice(0, 7))!, training: t }))
    .sort((a, b) => a.index - b.index);
}

export function hourlyTrendChart(
  groups: PayGroup[],
  training: Training[],
  input: PayChartInput<TrendLabels>,
): ChartSpec {
  const { theme, format, labels, platformName } = input;
  const months = trendMonths(groups);
  const perHour = (v: number) => labels.perHour(format.money(Math.round(v)));
  const lines = groups.map((g) => {
    const byMonth = new Map(g.trend.map((t) => [t.month, t.base.effectivePerHour]));
    return months.map((m) => byMonth.get(m) ?? null);
  });
  const marks = trainingMarks(months, training);
  const bands: Band[] = marks.map((mk) => ({
    index: mk.index,
    color: theme.accent,
    style: 'line',
  }));
  const few = months.length <= 24;
  const base = baseOptions(theme);
  const config: AnyChartConfig = {
    type: 'line',
    data: {
      labels: months.map((m) => format.month(m)),
      datasets: groups.map((g, i) => {
        const color = seriesColor(i, theme.mode);
        return {
          label: platformName(g.platform ?? ''),
          data: lines[i]!,
          borderColor: color,
          backgroundColor: color,
          borderWidth: 2,
          borderDash: seriesDash(i),
          pointStyle: seriesPoint(i),
          pointRadius: few ? 3 : 1,
          spanGaps: false,
        };
      }),
    },
    options: {
      ...base,
      scales: {
        x: categoryAxis(theme),
        y: valueAxis(theme, format.moneyCompact, { beginAtZero: true }),
      },
      plugins: {
        ...base.plugins,
        tooltip: {
          ...base.plugins.tooltip,
          callbacks: {
            label: (item: { dataset: { label?: string }; raw: unknown }) =>
              `${item.dataset.label ?? ''}: ${cell(item.raw as number | null, perHour)}`,
          },
        },
        anyamBands: { bands },
      },
    },
    plugins: [bandsPlugin],
  };
  const titlesAt = (i: number) =>
    marks
      .filter((mk) => mk.index === i)
      .map((mk) => displayName(mk.training.title))
      .join(', ');
  return {
    config,
    table: {
      columns: [
        labels.month,
        ...groups.map((g) => platformName(g.platform ?? '')),
        labels.training,
      ],
      rows: months.map((m, i) => ({
        header: format.month(m),
        cells: [...lines.map((line) => cell(line[i], perHour)), titlesAt(i)],
      })),
    },
  };
}
