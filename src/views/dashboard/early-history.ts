/**
 * What an "over time" chart says while history is short: it starts at the first month with 3
 * months of history (a hint above the chart), and with fewer than two such months a sentence
 * replaces the line.
 */
import { m } from '../../paraglide/messages.js';
import { measuredCount, measuredStart } from '../../lib/charts/score';
import type { DashboardData } from '../../lib/domain/dashboard';
import { addMonths } from '../../lib/domain/months';
import { formatMonth } from '../../lib/state/format.svelte';

export function earlyHistoryNote(dash: DashboardData): {
  intro: string | undefined;
  empty: string | null;
} {
  const count = measuredCount(dash);
  const next = formatMonth(addMonths(dash.asOf, 1));
  if (count === 0) return { intro: undefined, empty: m.guide_chart_none({ month: next }) };
  if (count === 1) {
    const month = formatMonth(dash.series.months.at(-1)!);
    return { intro: undefined, empty: m.guide_chart_one({ month, next }) };
  }
  const start = measuredStart(dash);
  return {
    intro:
      start > 0
        ? m.guide_chart_starts({ month: formatMonth(dash.series.months[start]!) })
        : undefined,
    empty: null,
  };
}
