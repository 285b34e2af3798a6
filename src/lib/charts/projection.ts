/**
 * The next 60 days: the balance at the end of each day as one line, the lowest day marked, and
 * as a table the days something comes in or goes out (the line is flat in between).
 */
import type { IsoDate } from '../domain/model';
import type { BaseFlow, Projection } from '../domain/projection';
import { categoryAxis, valueAxis } from './common';
import { chartConfig, lineDataset, seriesLabel } from './options';
import { seriesColor, withAlpha } from './palette';
import type { ChartFormat, ChartSpec, ChartTheme } from './types';

export interface ProjectionLabels {
  date: string;
  balance: string;
  comesIn: string;
  goesOut: string;
  what: string;
  /** Says a flow is an estimate or a pending payout: "Gig (estimate)". */
  flowName: (flow: BaseFlow) => string;
}

export interface ProjectionChartInput {
  theme: ChartTheme;
  format: ChartFormat;
  /** '18 Dec': a day as the axis, the tooltip and the table write it. */
  day: (date: IsoDate) => string;
  labels: ProjectionLabels;
}

export function projectionChart(
  projection: Projection,
  flows: readonly BaseFlow[],
  input: ProjectionChartInput,
): ChartSpec {
  const { theme, format, day, labels } = input;
  const lowestIndex = projection.days.findIndex((d) => d.date === projection.lowest.date);
  const config = chartConfig(
    'line',
    projection.days.map((d) => day(d.date)),
    [
      {
        ...lineDataset(
          labels.balance,
          projection.days.map((d) => d.balanceMinor),
          seriesColor(0, theme.mode),
          0,
          0,
        ),
        // The lowest day carries a point; the other days none.
        pointRadius: projection.days.map((_, i) => (i === lowestIndex ? 4 : 0)),
        stepped: 'before',
      },
    ],
    theme,
    {
      scales: {
        x: categoryAxis(theme, {
          ticks: {
            color: theme.muted,
            font: { family: theme.font },
            maxRotation: 0,
            autoSkip: true,
            autoSkipPadding: 16,
            maxTicksLimit: 4,
          },
        }),
        y: valueAxis(theme, format.moneyCompact, {
          grid: {
            color: (ctx: { tick?: { value: number } }) =>
              ctx.tick?.value === 0 ? theme.text : theme.grid,
          },
        }),
      },
      tooltip: seriesLabel((raw) => format.money(Number(raw))),
      noLegend: true,
      bands:
        lowestIndex >= 0 && projection.lowest.balanceMinor < 0
          ? [{ index: lowestIndex, color: withAlpha(theme.danger, 0.5), style: 'line' as const }]
          : [],
    },
  );
  const byDay = new Map<IsoDate, BaseFlow[]>();
  for (const f of flows) {
    const list = byDay.get(f.date);
    if (list) list.push(f);
    else byDay.set(f.date, [f]);
  }
  const rows = projection.days
    .filter((d, i) => i === 0 || d.inMinor !== 0 || d.outMinor !== 0)
    .map((d) => ({
      header: day(d.date),
      cells: [
        d.inMinor === 0 ? '' : format.money(d.inMinor),
        d.outMinor === 0 ? '' : format.money(d.outMinor),
        format.money(d.balanceMinor),
        (byDay.get(d.date) ?? [])
          .filter((f) => f.kind !== 'estimate')
          .map(labels.flowName)
          .join(', '),
      ],
    }));
  return {
    config,
    table: {
      columns: [labels.date, labels.comesIn, labels.goesOut, labels.balance, labels.what],
      rows,
    },
  };
}
