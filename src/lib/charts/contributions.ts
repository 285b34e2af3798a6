/** What each stream adds to the score: now (horizontal bars) and month by month (lines). */
import type { DashboardData } from '../domain/dashboard';
import type { StreamContribution } from '../domain/resilience-contributions';
import { categoryAxis, cell, valueAxis, wrapLabel } from './common';
import { monthBands } from './income';
import { measuredStart } from './score';
import { barDataset, chartConfig, lineDataset, seriesLabel } from './options';
import { nameOf, streamColorOf, type StreamChartInput } from './shares';
import type { ChartSpec } from './types';

export interface ContributionLabels {
  stream: string;
  month: string;
  points: string;
  /** A table cell with no value (by default "—"). */
  unknown?: string;
}

/** Streams with a known contribution, largest first (ties by name order of `streams`). */
export function contributionsToDraw(dash: DashboardData): StreamContribution[] {
  return dash.contributions.now
    .filter((c) => c.points !== null)
    .sort((a, b) => b.points! - a.points! || (b.exact ?? 0) - (a.exact ?? 0));
}

/** "+5", "−3", "0": points with their sign. */
export function signedPoints(points: number, number: (v: number) => string): string {
  return points > 0 ? `+${number(points)}` : number(points);
}

export function contributionNowChart(
  dash: DashboardData,
  input: StreamChartInput<ContributionLabels>,
): ChartSpec {
  const { theme, format, labels, streams } = input;
  const rows = contributionsToDraw(dash);
  const config = chartConfig(
    'bar',
    // On lines of their own: a long stream name on a phone's narrow axis was cut off.
    rows.map((c) => wrapLabel(nameOf(streams, c.streamId))),
    [
      barDataset(
        labels.points,
        rows.map((c) => c.points),
        rows.map((c) => streamColorOf(streams, c.streamId, theme.mode)),
        { barPercentage: 0.8 },
      ),
    ],
    theme,
    {
      extra: { indexAxis: 'y', interaction: { mode: 'nearest', intersect: true, axis: 'y' } },
      scales: {
        x: valueAxis(theme, (v) => format.number(v), { beginAtZero: true }, 5),
        y: categoryAxis(theme, { ticks: { color: theme.text, font: { family: theme.font } } }),
      },
      noLegend: true,
      tooltip: (item) => signedPoints(Number(item.raw), format.number),
    },
  );
  return {
    config,
    table: {
      columns: [labels.stream, labels.points],
      rows: rows.map((c) => ({
        header: nameOf(streams, c.streamId),
        cells: [signedPoints(c.points!, format.number)],
      })),
    },
  };
}

/** Streams that ever contribute, in the order of `streams`. */
export function streamsOverTime(dash: DashboardData, order: { id: string }[], start = 0): string[] {
  const over = dash.contributions.overTime;
  const ids = Object.keys(over).filter((id) =>
    over[id]!.slice(start).some((v) => v !== null && v !== 0),
  );
  const rank = (id: string) => {
    const i = order.findIndex((s) => s.id === id);
    return i < 0 ? order.length : i;
  };
  return ids.sort((a, b) => rank(a) - rank(b));
}

export function contributionOverTimeChart(
  dash: DashboardData,
  input: StreamChartInput<ContributionLabels>,
): ChartSpec {
  const { theme, format, labels, streams } = input;
  // From the first month with 3 months of history: earlier contributions swing on too little.
  const start = measuredStart(dash);
  const months = dash.series.months.slice(start);
  const line = (id: string) => dash.contributions.overTime[id]!.slice(start);
  const ids = streamsOverTime(dash, streams, start);
  const few = months.length <= 24;
  const config = chartConfig(
    'line',
    months.map((m) => format.month(m)),
    ids.map((id, i) =>
      lineDataset(
        nameOf(streams, id),
        line(id),
        streamColorOf(streams, id, theme.mode),
        i,
        few ? 2.5 : 0,
      ),
    ),
    theme,
    {
      scales: {
        x: categoryAxis(theme),
        // Zero in view: a single month of +12 points reads as 12 above nothing, not as 11–13.
        y: valueAxis(theme, (v) => format.number(v), { beginAtZero: true }),
      },
      tooltip: seriesLabel((raw) => signedPoints(Number(raw), format.number)),
      bands: monthBands(dash, theme, start),
    },
  );
  return {
    config,
    table: {
      columns: [labels.month, ...ids.map((id) => nameOf(streams, id))],
      rows: months.map((m, k) => ({
        header: format.month(m),
        cells: ids.map((id) =>
          cell(line(id)[k], (v) => signedPoints(v, format.number), labels.unknown),
        ),
      })),
    },
  };
}
