/** The score and its four components month by month (all on a 0–100 scale). */
import type { DashboardData } from '../domain/dashboard';
import { bandsPlugin } from './bands';
import { baseOptions, categoryAxis, cell, valueAxis } from './common';
import { monthBands } from './income';
import { seriesColor, seriesDash, seriesPoint } from './palette';
import type { AnyChartConfig, ChartFormat, ChartSpec, ChartTheme } from './types';

export const COMPONENT_KEYS = ['diversification', 'stability', 'coverage', 'buffer'] as const;
export type ComponentKey = (typeof COMPONENT_KEYS)[number];

export interface ScoreLabels {
  month: string;
  score: string;
  components: Record<ComponentKey, string>;
  /** A table cell with no value (by default "—"). */
  unknown?: string;
}

export interface ScoreChartInput {
  theme: ChartTheme;
  format: ChartFormat;
  labels: ScoreLabels;
}

/**
 * Index in `dash.series.months` of the first month the "over time" charts draw: the first whose
 * window counts 3 months. Before it a score or a contribution swings with too little history
 * ("a stream adds 60 points" in month two), which says nothing about the household.
 */
export function measuredStart(dash: DashboardData): number {
  const months = dash.series.months;
  if (dash.measuredFrom === null) return months.length;
  const i = months.findIndex((m) => m >= dash.measuredFrom!);
  return i < 0 ? months.length : i;
}

/** How many months the "over time" charts draw. */
export function measuredCount(dash: DashboardData): number {
  return dash.series.months.length - measuredStart(dash);
}

/** A component in [0, 1] as points on the score's 0–100 scale (null stays a gap). */
export function asPoints(value: number | null): number | null {
  return value === null ? null : value * 100;
}

export function scoreChart(dash: DashboardData, input: ScoreChartInput): ChartSpec {
  const { theme, format, labels } = input;
  const start = measuredStart(dash);
  const from = <T>(values: T[]): T[] => values.slice(start);
  const series = {
    months: from(dash.series.months),
    score: from(dash.series.score),
    diversification: from(dash.series.diversification),
    stability: from(dash.series.stability),
    coverage: from(dash.series.coverage),
    buffer: from(dash.series.buffer),
  };
  const base = baseOptions(theme);
  const few = series.months.length <= 24;
  const config: AnyChartConfig = {
    type: 'line',
    data: {
      labels: series.months.map((m) => format.month(m)),
      datasets: [
        {
          label: labels.score,
          data: series.score,
          borderColor: theme.text,
          backgroundColor: theme.text,
          borderWidth: 3,
          pointRadius: few ? 3 : 0,
          pointStyle: 'circle',
          spanGaps: false,
          order: 0,
        },
        ...COMPONENT_KEYS.map((key, i) => ({
          label: labels.components[key],
          data: series[key].map(asPoints),
          borderColor: seriesColor(i, theme.mode),
          backgroundColor: seriesColor(i, theme.mode),
          borderWidth: 1.5,
          borderDash: seriesDash(i + 1),
          pointRadius: few ? 2.5 : 0,
          pointStyle: seriesPoint(i + 1),
          spanGaps: false,
          order: 1,
        })),
      ],
    },
    options: {
      ...base,
      scales: {
        x: categoryAxis(theme),
        y: valueAxis(theme, (v) => format.number(v), { min: 0, max: 100 }),
      },
      plugins: {
        ...base.plugins,
        tooltip: {
          ...base.plugins.tooltip,
          callbacks: {
            label: (item: { dataset: { label?: string }; raw: unknown }) =>
              `${item.dataset.label ?? ''}: ${format.number(Math.round(Number(item.raw)))}`,
          },
        },
        anyamBands: { bands: monthBands(dash, theme, start) },
      },
    },
    plugins: [bandsPlugin],
  };
  return {
    config,
    table: {
      columns: [labels.month, labels.score, ...COMPONENT_KEYS.map((k) => labels.components[k])],
      rows: series.months.map((m, i) => ({
        header: format.month(m),
        cells: [
          cell(series.score[i], format.number, labels.unknown),
          ...COMPONENT_KEYS.map((k) => cell(series[k][i], format.percent, labels.unknown)),
        ],
      })),
    },
  };
}
