/** Monthly received income stacked by stream kind, dip months and months missing a rate shaded. */
import type { DashboardData } from '../domain/dashboard';
import { STREAM_KINDS, type StreamKind } from '../domain/model';
import type { Band } from './bands';
import { categoryAxis, valueAxis } from './common';
import { chartConfig, seriesLabel } from './options';
import { kindColor, withAlpha } from './palette';
import type { ChartFormat, ChartSpec, ChartTheme } from './types';

export interface IncomeLabels {
  month: string;
  kinds: Record<StreamKind, string>;
  total: string;
  /** Column of the table that says "dip" or "rate missing". */
  note: string;
  dip: string;
  flagged: string;
}

export interface IncomeChartInput {
  theme: ChartTheme;
  format: ChartFormat;
  labels: IncomeLabels;
}

/** Indexes of `months` that are dip months of the window (a Set for quick lookup). */
export function dipIndexes(dash: DashboardData): Set<number> {
  const dips = new Set(dash.resilience.inputs.dipMonths);
  const out = new Set<number>();
  dash.series.months.forEach((m, i) => {
    if (dips.has(m)) out.add(i);
  });
  return out;
}

/** Shading for dip months (danger tint) and months with a missing rate (muted tint). */
export function monthBands(dash: DashboardData, theme: ChartTheme, start = 0): Band[] {
  const bands: Band[] = [];
  for (const i of dipIndexes(dash)) {
    bands.push({ index: i, color: withAlpha(theme.danger, 0.16), style: 'fill' });
  }
  dash.series.flagged.forEach((flagged, i) => {
    if (flagged) bands.push({ index: i, color: withAlpha(theme.muted, 0.22), style: 'fill' });
  });
  // A chart that starts `start` months into the series shades the same months, shifted.
  return bands.filter((b) => b.index >= start).map((b) => ({ ...b, index: b.index - start }));
}

/** The kinds with any income in the series, in the usual kind order. */
export function kindsWithIncome(dash: DashboardData): StreamKind[] {
  return STREAM_KINDS.filter((k) => dash.series.incomeByKind[k].some((v) => v !== 0));
}

export function incomeByKindChart(dash: DashboardData, input: IncomeChartInput): ChartSpec {
  const { theme, format, labels } = input;
  const months = dash.series.months;
  const kinds = kindsWithIncome(dash);
  const config = chartConfig(
    'bar',
    months.map((m) => format.month(m)),
    kinds.map((kind) => ({
      type: 'bar' as const,
      label: labels.kinds[kind],
      data: dash.series.incomeByKind[kind],
      backgroundColor: kindColor(kind, theme.mode),
      borderColor: theme.surface,
      borderWidth: { top: 1, right: 0, bottom: 0, left: 0 },
      stack: 'income',
      categoryPercentage: 0.9,
      barPercentage: 0.95,
    })),
    theme,
    {
      scales: {
        x: categoryAxis(theme, { stacked: true }),
        y: valueAxis(theme, format.moneyCompact, { stacked: true, beginAtZero: true }),
      },
      tooltip: seriesLabel((raw) => format.money(Number(raw))),
      bands: monthBands(dash, theme),
    },
  );

  const dips = dipIndexes(dash);
  return {
    config,
    table: {
      columns: [labels.month, ...kinds.map((k) => labels.kinds[k]), labels.total, labels.note],
      rows: months.map((m, i) => ({
        header: format.month(m),
        cells: [
          ...kinds.map((k) => format.money(dash.series.incomeByKind[k][i]!)),
          format.money(dash.series.incomeTotal[i]!),
          [dips.has(i) ? labels.dip : '', dash.series.flagged[i] ? labels.flagged : '']
            .filter(Boolean)
            .join(', '),
        ],
      })),
    },
  };
}
