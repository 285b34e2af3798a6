/** The locale's formatters as a chart needs them (the builders themselves stay pure). */
import { formatMonth, formatNumber, formatPercent, money } from '../state/format.svelte';
import type { ChartFormat } from './types';

export function chartFormat(currency: string): ChartFormat {
  return {
    month: (month) => formatMonth(month, 'short'),
    money: (minor) => money(Math.round(minor), currency),
    moneyCompact: (minor) => money(Math.round(minor), currency, { compact: true }),
    percent: (ratio) => formatPercent(ratio),
    number: (value) => formatNumber(value),
  };
}
