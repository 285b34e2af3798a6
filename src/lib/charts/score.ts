/** The score and its four components month by month (all on a 0–100 scale). */
import type { DashboardData } from '../domain/dashboard';
import { categoryAxis, cell, valueAxis } from './common';
import { monthBands } from './income';
import { chartConfig, lineDataset, seriesLabel } from './options';
import { seriesColor } from './palette';
import type { ChartFormat, ChartSpec, ChartTheme } from './types';

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
  const few = series.months.length <= 24;
  const config = chartConfig(
    'line',
    series.months.map((m) => format.month(m)),
    [
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
        ...lineDataset(
          labels.components[key],
          series[key].map(asPoints),
          seriesColor(i, theme.mode),
          i + 1,
          few ? 2.5 : 0,
          1.5,
        ),
        order: 1,
      })),
    ],
    theme,
    {
      scales: {
        x: categoryAxis(theme),
        y: valueAxis(theme, (v) => format.number(v), { min: 0, max: 100 }),
      },
      tooltip: seriesLabel((raw) => format.number(Math.round(Number(raw)))),
      bands: monthBands(dash, theme, start),
    },
  );
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
