/** The next three months: expected income beside planned expenses, short months shaded. */
import type { DashboardData } from '../domain/dashboard';
import { bandsPlugin } from './bands';
import { baseOptions, categoryAxis, valueAxis } from './common';
import { kindColor, withAlpha } from './palette';
import type { AnyChartConfig, ChartFormat, ChartSpec, ChartTheme } from './types';

export interface ForecastLabels {
  month: string;
  income: string;
  expenses: string;
  balance: string;
  /** Shown after the in-progress month's name. */
  inProgress: string;
  short: string;
}

export interface ForecastChartInput {
  theme: ChartTheme;
  format: ChartFormat;
  labels: ForecastLabels;
}

export function forecastChart(dash: DashboardData, input: ForecastChartInput): ChartSpec {
  const { theme, format, labels } = input;
  const months = dash.forecast;
  const monthLabel = (month: string) =>
    month === dash.inProgressMonth
      ? `${format.month(month)} (${labels.inProgress})`
      : format.month(month);
  const base = baseOptions(theme);
  const config: AnyChartConfig = {
    type: 'bar',
    data: {
      // The in-progress month on two lines, so that the three months fit a phone.
      labels: months.map((f) =>
        f.month === dash.inProgressMonth
          ? [format.month(f.month), `(${labels.inProgress})`]
          : format.month(f.month),
      ),
      datasets: [
        {
          label: labels.income,
          data: months.map((f) => f.incomeMinor),
          backgroundColor: kindColor('microtask', theme.mode),
          borderWidth: 0,
        },
        {
          label: labels.expenses,
          data: months.map((f) => f.expensesMinor),
          backgroundColor: kindColor('informal', theme.mode),
          borderWidth: 0,
        },
      ],
    },
    options: {
      ...base,
      scales: {
        x: categoryAxis(theme, {
          ticks: {
            color: theme.muted,
            font: { family: theme.font },
            autoSkip: false,
            maxRotation: 0,
          },
        }),
        y: valueAxis(theme, format.moneyCompact, { beginAtZero: true }),
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
        anyamBands: {
          bands: months.flatMap((f, index) =>
            f.shortfall
              ? [{ index, color: withAlpha(theme.danger, 0.14), style: 'fill' as const }]
              : [],
          ),
        },
      },
    },
    plugins: [bandsPlugin],
  };
  return {
    config,
    table: {
      columns: [labels.month, labels.income, labels.expenses, labels.balance],
      rows: months.map((f) => ({
        header: monthLabel(f.month),
        cells: [
          format.money(f.incomeMinor),
          format.money(f.expensesMinor),
          f.shortfall
            ? `${format.money(f.balanceMinor)} (${labels.short})`
            : format.money(f.balanceMinor),
        ],
      })),
    },
  };
}
