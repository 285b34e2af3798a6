/**
 * The benchmark household: 4 members, 12 streams (three of each of the four kinds), 3 currencies
 * whose rates change every quarter, plans (essential ones included), savings and training over
 * 10 years, ~100,000 entries, 20 debts and 3 savings groups (bench/owed.ts). Deterministic: the same seed and end month always give the same
 * records, byte for byte. Built on tests/factories/householdFactory, so every record is valid
 * and consistent; e2e tests use it at small sizes (`benchHousehold(500)`).
 *
 * Pure and fast (no validation, no date library per entry): 100,000 entries take well under a
 * second in Node or the browser.
 */
import { todayIso } from '../src/lib/domain/dates';
import type { HouseholdTables, IsoDate, MonthKey } from '../src/lib/domain/model';
import { householdFactory } from '../tests/factories/household-factory';
import { BENCH_DEBT_COUNT, BENCH_GROUP_COUNT, benchDebts, benchGroups } from './owed';

export interface BenchHouseholdOptions {
  seed?: number;
  /** Months of history, ending with `endMonth` (default 120: ten years). */
  months?: number;
  /**
   * Last month of history (the in-progress month on the dashboard). Defaults to the month of
   * the clock so that the dashboard shows the recent years; pass it for byte-identical output
   * on any day.
   */
  endMonth?: MonthKey;
  /** Stored in the settings row the generator returns (the harness writes its own settings). */
  baseCurrency?: 'IDR' | 'PHP' | 'VND';
  /**
   * The day the debts and groups are dated around (bench/owed.ts): today by default, the 15th of
   * `endMonth` when that is given (byte-identical output on any day).
   */
  asOf?: IsoDate;
}

export const BENCH_MEMBERS = 4;
export const BENCH_STREAMS_PER_MEMBER = 3;
export const BENCH_MONTHS = 120;
/** Issue 25: debts (with their repayments) and savings groups of the benchmark household. */
export const BENCH_DEBTS = BENCH_DEBT_COUNT;
export const BENCH_GROUPS = BENCH_GROUP_COUNT;
/** Base first: micro-tasks pay in the second, support (remittances) in the third. */
export const BENCH_CURRENCIES = ['IDR', 'USD', 'PHP'] as const;

/** The current month as 'YYYY-MM' (UTC, like the factories' dates). */
export function currentMonth(now: Date = new Date()): MonthKey {
  return now.toISOString().slice(0, 7);
}

/**
 * A household with exactly `entries` entries (default 100,000) spread evenly over the months.
 * Small sizes keep the same shape: `benchHousehold(240, { months: 12 })` is a one-year household
 * with 20 entries a month.
 */
export function benchHousehold(
  entries = 100_000,
  options: BenchHouseholdOptions = {},
): HouseholdTables {
  const months = options.months ?? BENCH_MONTHS;
  const base = options.baseCurrency ?? 'IDR';
  const currencies = [base, ...BENCH_CURRENCIES.filter((c) => c !== base)].slice(0, 3);
  const endMonth = options.endMonth ?? currentMonth();
  const tables = householdFactory.build({
    seed: options.seed ?? 20_261_129,
    months,
    endMonth,
    members: BENCH_MEMBERS,
    streamsPerMember: BENCH_STREAMS_PER_MEMBER,
    entriesPerMonth: Math.max(1, Math.ceil(entries / months)),
    currencies,
  });
  // Exactly `entries`: the surplus of the rounding comes off the oldest month.
  const surplus = tables.entries.length - entries;
  if (surplus > 0) tables.entries.splice(0, surplus);
  // Issue 25: 20 debts and 3 savings groups dated around today (bench/owed.ts), in place of
  // the factory's own group.
  const asOf = options.asOf ?? (options.endMonth ? `${endMonth}-15` : todayIso());
  const at = tables.settings[0]!.createdAt;
  const common = { createdAt: at, updatedAt: at, deletedAt: null, isSample: false };
  return {
    ...tables,
    ...benchDebts(asOf, base, common),
    ...benchGroups(asOf, base, common),
  };
}

/**
 * The analytics figure's shape: 10 years × 20 streams (4 members × 5 streams), same generator.
 * Only its rollups are used, so the entry count only needs to fill every stream-month.
 */
export function analyticsHousehold(options: { endMonth?: MonthKey; seed?: number } = {}) {
  return householdFactory.build({
    seed: options.seed ?? 7,
    // One more than 120: the in-progress month is not scored, so 120 complete months are.
    months: BENCH_MONTHS + 1,
    endMonth: options.endMonth ?? currentMonth(),
    members: 4,
    streamsPerMember: 5,
    entriesPerMonth: 300,
    currencies: [...BENCH_CURRENCIES],
  });
}
