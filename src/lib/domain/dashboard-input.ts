import type { DashboardInput } from './dashboard';
import type { Debt, Repayment } from './debt-model';
import type { Group, GroupPayment } from './group-model';
import type {
  Fund,
  IsoDate,
  MonthKey,
  Plan,
  Rate,
  Rollup,
  Saving,
  SetAside,
  Stream,
} from './model';

/** The rows the dashboard's computation reads, as the live queries (or one read) give them. */
export interface DashboardRows {
  rollups: Rollup[];
  streams: Stream[];
  plans: Plan[];
  savings: Saving[];
  rates: Rate[];
  funds: Fund[];
  setAsides: SetAside[];
  groups: { groups: Group[]; payments: GroupPayment[] };
  debts: { debts: Debt[]; repayments: Repayment[] };
  baseCurrency: string;
}

/**
 * The dashboard's input from its rows: one definition for the view (DashboardView) and for the
 * read that confirms a score card before it is kept (keep-score.svelte.ts), and for the worker
 * that computes a returning visit's first score (db/first-score.ts). `memberId` '' is
 * the whole household; `asOf` '' the last complete month.
 */
export function dashboardInputOf(
  rows: DashboardRows,
  today: IsoDate,
  memberId: string,
  asOf: MonthKey | '' = '',
): Omit<DashboardInput, 'stress'> {
  return {
    debts: rows.debts.debts,
    repayments: rows.debts.repayments,
    rollups: rows.rollups,
    streams: rows.streams,
    plans: rows.plans,
    savings: rows.savings,
    funds: rows.funds,
    setAsides: rows.setAsides,
    rates: rows.rates,
    training: [],
    groups: rows.groups.groups,
    groupPayments: rows.groups.payments,
    baseCurrency: rows.baseCurrency,
    today,
    asOf: asOf === '' ? undefined : asOf,
    memberId: memberId === '' ? null : memberId,
  };
}
