/**
 * Pay on micro-task platforms: effective hourly pay counting unpaid time (searching for tasks,
 * qualification tests, rejected work), the paid-only rate beside it, the unpaid share of time,
 * earnings pending vs received, the monthly trend, and pay before and after each training.
 *
 * Source: ILO (2018), "Digital labour platforms and the future of work": US$4.43/h counting paid
 * time only vs US$3.31/h once unpaid time is counted. Hourly pay is in minor units per hour, a
 * fractional number: round only for display.
 */
import { compareIso } from './dates';
import { addMonths, monthOf } from './months';
import type { CurrencyCode, MonthKey, Rollup, Stream, Training } from './model';

export interface HourlyPay {
  /** Earned = received + pending (pending is earned work not yet paid out). */
  earnedMinor: number;
  receivedMinor: number;
  pendingMinor: number;
  paidMinutes: number;
  unpaidMinutes: number;
  /** earned / (paid + unpaid minutes) × 60; null without any minutes. */
  effectivePerHour: number | null;
  /** earned / paid minutes × 60; null without paid minutes. */
  paidOnlyPerHour: number | null;
  /** unpaid / (paid + unpaid minutes); null without any minutes. */
  unpaidShare: number | null;
  /**
   * Received only: received / (paid + unpaid minutes of received entries) × 60; null without
   * such minutes. Effective and paid-only pay count pending (the time was spent); this is what
   * has arrived, and neither the amount nor the minutes of a pending payout are in it.
   */
  receivedOnlyPerHour: number | null;
  /** Paid + unpaid minutes of the received entries (the denominator of received only). */
  receivedMinutes: number;
}

/** Base-currency pay; rows with an entry lacking a rate are left out whole and counted. */
export interface BaseHourlyPay extends HourlyPay {
  /** Entries with no rate: their rows (amount and minutes) are not in the figures above. */
  missingRateCount: number;
}

export interface MonthlyPay {
  month: MonthKey;
  base: BaseHourlyPay;
  inCurrency: HourlyPay | null;
}

export interface PayGroup {
  /** 'platform:Upwork' or 'member:<id>'. */
  key: string;
  /** The platform ('' when the stream names none), or null for a member's group. */
  platform: string | null;
  /** The member, or null for a platform's group (all members). */
  memberId: string | null;
  streamIds: string[];
  base: BaseHourlyPay;
  /** The platform's own currency when all its rows share one, else null. */
  currency: CurrencyCode | null;
  inCurrency: HourlyPay | null;
  /** Month by month, ascending. */
  trend: MonthlyPay[];
}

export interface TrainingEffect {
  trainingId: string;
  memberId: string;
  month: MonthKey;
  /** The 3 months before the training's month. */
  beforeMonths: MonthKey[];
  /** The 3 months after it that are complete (up to `until`). */
  afterMonths: MonthKey[];
  before: BaseHourlyPay;
  after: BaseHourlyPay;
  /** after / before effective hourly pay − 1; null when either is unknown. */
  change: number | null;
}

export interface PayReport {
  byPlatform: PayGroup[];
  byMember: PayGroup[];
  training: TrainingEffect[];
}

/** Sums of a set of rows. */
class Tally {
  received = 0;
  pending = 0;
  paid = 0;
  unpaid = 0;
  /** Minutes (paid + unpaid) of received rows. */
  receivedMinutes = 0;
  missing = 0;

  /** A rollup row, counting `amount` (its own-currency or base amount) by its status. */
  addRow(row: Rollup, amount: number): void {
    if (row.status === 'received') {
      this.received += amount;
      this.receivedMinutes += row.paidMinutes + row.unpaidMinutes;
    } else {
      this.pending += amount;
    }
    this.paid += row.paidMinutes;
    this.unpaid += row.unpaidMinutes;
  }

  merge(other: Tally): void {
    this.received += other.received;
    this.pending += other.pending;
    this.paid += other.paid;
    this.unpaid += other.unpaid;
    this.receivedMinutes += other.receivedMinutes;
    this.missing += other.missing;
  }

  /** A month's (or period's) figures back into a tally, to add months up exactly. */
  addPay(pay: HourlyPay, missing = 0): void {
    this.received += pay.receivedMinor;
    this.pending += pay.pendingMinor;
    this.paid += pay.paidMinutes;
    this.unpaid += pay.unpaidMinutes;
    this.receivedMinutes += pay.receivedMinutes;
    this.missing += missing;
  }

  pay(): HourlyPay {
    return hourlyPay(
      this.received + this.pending,
      this.paid,
      this.unpaid,
      this.received,
      this.pending,
      this.receivedMinutes,
    );
  }

  basePay(): BaseHourlyPay {
    return { ...this.pay(), missingRateCount: this.missing };
  }
}

/**
 * Hourly pay from totals: effective = earned / (paid + unpaid) × 60, paid-only = earned / paid ×
 * 60 (both count pending: the time was spent on it), unpaid share = unpaid / (paid + unpaid),
 * received only = received / minutes of received entries × 60 (never pending). Without the
 * minutes of the received entries, they are all the minutes when nothing is pending, else none
 * (received only is then unknown rather than a figure that mixes in pending time).
 */
export function hourlyPay(
  earnedMinor: number,
  paidMinutes: number,
  unpaidMinutes: number,
  receivedMinor = earnedMinor,
  pendingMinor = 0,
  receivedMinutes = pendingMinor === 0 ? paidMinutes + unpaidMinutes : 0,
): HourlyPay {
  const minutes = paidMinutes + unpaidMinutes;
  return {
    earnedMinor,
    receivedMinor,
    pendingMinor,
    paidMinutes,
    unpaidMinutes,
    effectivePerHour: minutes > 0 ? (earnedMinor / minutes) * 60 : null,
    paidOnlyPerHour: paidMinutes > 0 ? (earnedMinor / paidMinutes) * 60 : null,
    unpaidShare: minutes > 0 ? unpaidMinutes / minutes : null,
    receivedOnlyPerHour: receivedMinutes > 0 ? (receivedMinor / receivedMinutes) * 60 : null,
    receivedMinutes,
  };
}

/** One group's tallies: overall and per month, in base and in the rows' own currency. */
class GroupTally {
  base = new Tally();
  own = new Tally();
  currencies = new Set<CurrencyCode>();
  streamIds = new Set<string>();
  monthsBase = new Map<MonthKey, Tally>();
  monthsOwn = new Map<MonthKey, Tally>();

  add(row: Rollup): void {
    this.streamIds.add(row.streamId);
    this.currencies.add(row.currency);
    this.own.addRow(row, row.amountMinor);
    monthTally(this.monthsOwn, row.month).addRow(row, row.amountMinor);
    const monthBase = monthTally(this.monthsBase, row.month);
    if (row.missingRateCount > 0) {
      // Its minutes without its amount would understate the rate: leave the row out, count it.
      this.base.missing += row.missingRateCount;
      monthBase.missing += row.missingRateCount;
      return;
    }
    this.base.addRow(row, row.baseMinor);
    monthBase.addRow(row, row.baseMinor);
  }

  group(key: string, platform: string | null, memberId: string | null): PayGroup {
    const single = this.currencies.size === 1;
    const months = [...this.monthsBase.keys()].sort();
    return {
      key,
      platform,
      memberId,
      streamIds: [...this.streamIds],
      base: this.base.basePay(),
      currency: single ? [...this.currencies][0]! : null,
      inCurrency: single ? this.own.pay() : null,
      trend: months.map((month) => ({
        month,
        base: this.monthsBase.get(month)!.basePay(),
        inCurrency: single ? this.monthsOwn.get(month)!.pay() : null,
      })),
    };
  }
}

function monthTally(map: Map<MonthKey, Tally>, month: MonthKey): Tally {
  let t = map.get(month);
  if (!t) {
    t = new Tally();
    map.set(month, t);
  }
  return t;
}

function getOrAdd<K, V>(map: Map<K, V>, key: K, make: () => V): V {
  let v = map.get(key);
  if (v === undefined) {
    v = make();
    map.set(key, v);
  }
  return v;
}

/** Base-currency tally of the months in `months` of a member's micro-task pay. */
function tallyOfMonths(group: GroupTally | undefined, months: readonly MonthKey[]): Tally {
  const t = new Tally();
  if (!group) return t;
  for (const m of months) {
    const month = group.monthsBase.get(m);
    if (month) t.merge(month);
  }
  return t;
}

/**
 * A group's figures over `months` (a period's months), added up from its monthly figures: in
 * the base currency, and in its own currency when it pays in one. The platform cards, the best
 * platform and the hourly chart all read a period through this one function.
 */
export function payOver(
  group: PayGroup,
  months: readonly MonthKey[],
): { base: BaseHourlyPay; inCurrency: HourlyPay | null } {
  const wanted = new Set(months);
  const base = new Tally();
  const own = new Tally();
  for (const t of group.trend) {
    if (!wanted.has(t.month)) continue;
    base.addPay(t.base, t.base.missingRateCount);
    if (t.inCurrency) own.addPay(t.inCurrency);
  }
  return { base: base.basePay(), inCurrency: group.currency !== null ? own.pay() : null };
}

/**
 * The groups' order, a consistent total order: by their key (the platform's name, or the member's
 * id) as strings compare; each key is one group, so only the same key answers 0.
 */
export function compareGroupKeys([a]: [string, unknown], [b]: [string, unknown]): number {
  if (a < b) return -1;
  if (a > b) return 1;
  return 0;
}

/**
 * The trainings' order, a consistent total order: oldest date first; trainings of one date answer
 * 0 and keep the order they came in (a training has a date, no time).
 */
export function compareTrainings(a: Training, b: Training): number {
  return compareIso(a.date, b.date);
}

export interface PayReportInput {
  rollups: readonly Rollup[];
  streams: readonly Stream[];
  training: readonly Training[];
  /** The last complete month: later months do not count as "after" a training. */
  until: MonthKey;
}

/** Pay per platform and per member on the live micro-task streams, and training before/after. */
export function payReport(input: PayReportInput): PayReport {
  const microtask = new Map<string, Stream>();
  for (const s of input.streams) {
    if (s.deletedAt === null && s.kind === 'microtask') microtask.set(s.id, s);
  }
  const platforms = new Map<string, GroupTally>();
  const members = new Map<string, GroupTally>();
  for (const row of input.rollups) {
    const stream = microtask.get(row.streamId);
    if (!stream || row.count <= 0) continue;
    getOrAdd(platforms, stream.platform.trim(), () => new GroupTally()).add(row);
    getOrAdd(members, stream.memberId, () => new GroupTally()).add(row);
  }

  const byPlatform = [...platforms.entries()]
    .sort(compareGroupKeys)
    .map(([platform, t]) => t.group(`platform:${platform}`, platform, null));
  const byMember = [...members.entries()]
    .sort(compareGroupKeys)
    .map(([memberId, t]) => t.group(`member:${memberId}`, null, memberId));

  const training = input.training
    .filter((t) => t.deletedAt === null)
    .sort(compareTrainings)
    .map((t): TrainingEffect => {
      const month = monthOf(t.date);
      const beforeMonths = [-3, -2, -1].map((k) => addMonths(month, k));
      const afterMonths = [1, 2, 3].map((k) => addMonths(month, k)).filter((m) => m <= input.until);
      const group = members.get(t.memberId);
      const before = tallyOfMonths(group, beforeMonths).basePay();
      const after = tallyOfMonths(group, afterMonths).basePay();
      const change =
        before.effectivePerHour !== null &&
        before.effectivePerHour > 0 &&
        after.effectivePerHour !== null
          ? after.effectivePerHour / before.effectivePerHour - 1
          : null;
      return {
        trainingId: t.id,
        memberId: t.memberId,
        month,
        beforeMonths,
        afterMonths,
        before,
        after,
        change,
      };
    });

  return { byPlatform, byMember, training };
}
