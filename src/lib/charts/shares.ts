/** Share of each stream in the income of the last 12 months (the window of the month shown). */
import type { ChartConfiguration } from 'chart.js';
import type { DashboardData } from '../domain/dashboard';
import type { StreamShare } from '../domain/resilience';
import { baseOptions } from './common';
import { seriesColor } from './palette';
import type { ChartFormat, ChartLabel, ChartSpec, ChartTheme, StreamLabel } from './types';

export interface SharesLabels {
  stream: string;
  share: string;
  income: string;
}

export interface StreamChartInput<L> {
  theme: ChartTheme;
  format: ChartFormat;
  labels: L;
  /** Every stream in a stable order: a stream keeps its colour whatever is filtered. */
  streams: StreamLabel[];
}

/** The colour of a stream: its place in the household's list of streams. */
export function streamColorOf(
  streams: StreamLabel[],
  streamId: string,
  mode: ChartTheme['mode'],
): string {
  const i = streams.findIndex((s) => s.id === streamId);
  return seriesColor(i < 0 ? streams.length : i, mode);
}

export function nameOf(streams: StreamLabel[], streamId: string): string {
  return streams.find((s) => s.id === streamId)?.name ?? streamId;
}

/** Streams with income in the window, largest share first. */
export function sharesToDraw(dash: DashboardData): StreamShare[] {
  return dash.shares
    .filter((s) => s.incomeMinor > 0)
    .sort((a, b) => b.incomeMinor - a.incomeMinor || (a.streamId < b.streamId ? -1 : 1));
}

export function sharesChart(dash: DashboardData, input: StreamChartInput<SharesLabels>): ChartSpec {
  const { theme, format, labels, streams } = input;
  const shares = sharesToDraw(dash);
  const base = baseOptions(theme);
  const config: ChartConfiguration<'doughnut', number[], ChartLabel> = {
    type: 'doughnut',
    data: {
      labels: shares.map((s) => nameOf(streams, s.streamId)),
      datasets: [
        {
          label: labels.income,
          data: shares.map((s) => s.incomeMinor),
          backgroundColor: shares.map((s) => streamColorOf(streams, s.streamId, theme.mode)),
          borderColor: theme.surface,
          borderWidth: 2,
        },
      ],
    },
    options: {
      ...base,
      interaction: { mode: 'nearest', intersect: true },
      cutout: '55%',
      plugins: {
        ...base.plugins,
        // Below the ring: beside it, on a phone, a long stream name was cut off mid-word.
        legend: { ...base.plugins.legend, position: 'bottom' },
        tooltip: {
          ...base.plugins.tooltip,
          callbacks: {
            label: (item: { dataIndex: number }) => {
              const s = shares[item.dataIndex]!;
              return `${format.percent(s.share)} · ${format.money(s.incomeMinor)}`;
            },
          },
        },
      },
    },
  };
  return {
    config,
    table: {
      columns: [labels.stream, labels.share, labels.income],
      rows: shares.map((s) => ({
        header: nameOf(streams, s.streamId),
        cells: [format.percent(s.share), format.money(s.incomeMinor)],
      })),
    },
  };
}
