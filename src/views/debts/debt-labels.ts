import { m } from '../../paraglide/messages.js';
import type { DebtKind } from '../../lib/domain/debt-model';
import type { DueInstalment } from '../../lib/domain/debt-due';
import { displayName } from '../../lib/i18n/sample-labels';
import { money } from '../../lib/state/format.svelte';
import { dayMonth } from '../loop/loop-format';
import { intlLocale } from '../../lib/i18n/locale.svelte';

export const DEBT_KIND_LABEL: Record<DebtKind, () => string> = {
  person: m.debt_kind_person,
  lender: m.debt_kind_lender,
  paylater: m.debt_kind_paylater,
  'online-lending': m.debt_kind_online_lending,
  cooperative: m.debt_kind_cooperative,
  bank: m.debt_kind_bank,
};

/** "Hulugan App · ₱2,000.00 · due 2 Dec" (or "was due") of a due instalment. */
export function instalmentText(item: DueInstalment): string {
  const say = item.overdue ? m.debt_late_text : m.debt_due_text;
  return say({
    name: displayName(item.counterparty),
    amount: money(item.amountMinor, item.currency),
    date: dayMonth(item.dueOn),
  });
}

/** A whole percent in the reader's language: '28%', '28 %'. */
export function formatPercent(percent: number): string {
  return new Intl.NumberFormat(intlLocale(), { style: 'percent', maximumFractionDigits: 0 }).format(
    percent / 100,
  );
}
