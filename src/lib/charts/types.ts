/**
 * What every chart builder takes and returns. Builders are pure: dashboard or pay data in,
 * a Chart.js configuration and the same numbers as a table out. Formatting and the theme's
 * colours are passed in, so the builders need no DOM, no locale state and no Chart.js code.
 */
import type { ChartConfiguration } from 'chart.js';
import type { MonthKey } from '../domain/model';

/** Colours of the current theme, read from the CSS variables of src/app.css. */
export interface ChartTheme {
  mode: 'light' | 'dark';
  /** Text and strong lines (--text). */
  text: string;
  /** Secondary text (--text-muted). */
  muted: string;
  /** Grid lines (--border). */
  grid: string;
  /** Card background (--surface): gaps between doughnut slices. */
  surface: string;
  /** Emphasis for bad news (--danger): shortfalls, dips. */
  danger: string;
  /** Highlight (--accent): training markers. */
  accent: string;
  /** Font family of the page. */
  font: string;
}

/** Locale-aware formatting, injected by the view (state/format.svelte.ts). */
export interface ChartFormat {
  /** 'Jan 2026' (short), for axis labels and table rows. */
  month: (month: MonthKey) => string;
  /** A base-currency amount in minor units, in full. */
  money: (minor: number) => string;
  /** The same, compact ('Rp 1,2 jt'), for axis ticks. */
  moneyCompact: (minor: number) => string;
  /** 0.25 → '25%'. */
  percent: (ratio: number) => string;
  /** A plain number, at most one decimal. */
  number: (value: number) => string;
}

/** A text alternative: the same numbers the chart draws, one row per category. */
export interface DataTable {
  columns: string[];
  rows: { header: string; cells: string[] }[];
}

/** Chart.js configuration of one of the chart types Anyam draws. */
export type AnyChartConfig =
  | ChartConfiguration<'bar', (number | null)[], ChartLabel>
  | ChartConfiguration<'line', (number | null)[], ChartLabel>
  | ChartConfiguration<'doughnut', number[], ChartLabel>;

/** A category label; an array is drawn on several lines. */
export type ChartLabel = string | string[];

export interface ChartSpec {
  config: AnyChartConfig;
  table: DataTable;
}

/** A stream as a chart needs it: its name for labels, its kind for colour. */
export interface StreamLabel {
  id: string;
  name: string;
}

/** Text for a missing value in tables. */
export const DASH = '—';
