/**
 * The one way a bar or line chart is put together: its datasets in the shared styles, and its
 * options (the base options, its axes, a tooltip per data point, shaded or marked months).
 */
import { bandsPlugin, type Band } from './bands';
import { baseOptions } from './common';
import { seriesDash, seriesPoint } from './palette';
import type { AnyChartConfig, ChartLabel, ChartTheme } from './types';

/** What a tooltip line is written from: the dataset's label, the point's value and index. */
export interface TooltipPoint {
  dataset: { label?: string };
  raw: unknown;
  dataIndex: number;
}

/** "Salary: Rp 5 jt": the dataset's label, then the point's value as `value` writes it. */
export function seriesLabel(value: (raw: unknown) => string): (item: TooltipPoint) => string {
  return (item) => `${item.dataset.label ?? ''}: ${value(item.raw)}`;
}

/** A dataset: its label in the legend and tooltip, its values, and Chart.js styling. */
export type DatasetSpec = { label: string; data: (number | null)[] } & Record<string, unknown>;

export interface ChartOptionsSpec {
  scales: Record<string, unknown>;
  /** The tooltip's line for one data point. */
  tooltip: (item: TooltipPoint) => string;
  /** Months shaded (dips, missing rates, short months) or marked (a training). */
  bands?: Band[];
  /** No legend (a chart of one dataset named by its card). */
  noLegend?: boolean;
  /** Options beyond the base ones: a horizontal chart's `indexAxis` and `interaction`. */
  extra?: Record<string, unknown>;
}

export function chartOptions(theme: ChartTheme, spec: ChartOptionsSpec) {
  const base = baseOptions(theme);
  return {
    ...base,
    ...spec.extra,
    scales: spec.scales,
    plugins: {
      ...base.plugins,
      ...(spec.noLegend ? { legend: { display: false } } : {}),
      tooltip: { ...base.plugins.tooltip, callbacks: { label: spec.tooltip } },
      ...(spec.bands ? { anyamBands: { bands: spec.bands } } : {}),
    },
  };
}

/**
 * A bar or line chart's configuration: category `labels`, `datasets`, and the options of `spec`
 * (with the bands plugin when the spec has bands).
 */
export function chartConfig(
  type: 'bar' | 'line',
  labels: ChartLabel[],
  datasets: DatasetSpec[],
  theme: ChartTheme,
  spec: ChartOptionsSpec,
): AnyChartConfig {
  return {
    type,
    data: { labels, datasets },
    options: chartOptions(theme, spec),
    ...(spec.bands ? { plugins: [bandsPlugin] } : {}),
  } as unknown as AnyChartConfig;
}

/** A flat bar dataset in one colour (or one colour per bar). */
export function barDataset(
  label: string,
  data: (number | null)[],
  color: string | string[],
  extra: Record<string, unknown> = {},
) {
  return { label, data, backgroundColor: color, borderWidth: 0, ...extra };
}

/**
 * A line dataset, the `i`th of its chart: its own dash and point shape so that lines differ by
 * more than colour; gaps stay gaps.
 */
export function lineDataset(
  label: string,
  data: (number | null)[],
  color: string,
  i: number,
  pointRadius: number,
  borderWidth = 2,
) {
  return {
    label,
    data,
    borderColor: color,
    backgroundColor: color,
    borderWidth,
    borderDash: seriesDash(i),
    pointStyle: seriesPoint(i),
    pointRadius,
    spanGaps: false,
  };
}
