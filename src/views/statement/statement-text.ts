import { m } from '../../paraglide/messages.js';
import type { IncomeStatement, Variation } from '../../lib/domain/income-statement';
import { formatMonth, formatPercent, money } from '../../lib/state/format.svelte';

const WORDS: Record<Variation, () => string> = {
  steady: m.stmt_words_steady,
  varies: m.stmt_words_varies,
  'varies-a-lot': m.stmt_words_varies_a_lot,
};

export function statementHeading(householdName: string): string {
  return m.stmt_heading({ name: householdName || m.household_unnamed() });
}

/** "Period: August 2026 – October 2026 (3 complete months)". */
export function statementPeriod(s: IncomeStatement): string {
  return m.stmt_period_line({
    from: formatMonth(s.months[0]!),
    to: formatMonth(s.months.at(-1)!),
    count: String(s.months.length),
  });
}

/** The score's stability in plain words: how far income moves around its average, and S. */
export function variationText(s: IncomeStatement): string {
  if (s.stability === null) return m.stmt_varies_unknown();
  return m.stmt_varies_value({
    percent: formatPercent(s.stability.cv),
    words: WORDS[s.stability.words](),
    score: String(Math.round(s.stability.score * 100)),
  });
}

/** A short text of the statement for the share sheet. */
export function statementShareText(s: IncomeStatement, householdName: string): string {
  return m.stmt_share_text({
    heading: statementHeading(householdName),
    period: statementPeriod(s),
    average: money(s.averageMinor, s.baseCurrency),
    lowest: m.stmt_lowest_value({
      amount: money(s.lowest.amountMinor, s.baseCurrency),
      month: formatMonth(s.lowest.month),
    }),
  });
}
