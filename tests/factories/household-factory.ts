/**
 * A whole household over N months: members, streams of all four kinds, entries, plans (incl.
 * essential ones), savings snapshots, rates that change every quarter, and training. Every record
 * is valid under schema.ts and consistent (entries match their stream's member and currency, each
 * foreign-currency entry has a rate in force). Fast enough for the benchmark's ~100k entries:
 * no validation and no date library in the per-entry loop.
 */
import {
  STREAM_KINDS,
  type Entry,
  type HouseholdTables,
  type Locale,
  type MonthKey,
  type Place,
  type Payment,
  type Plan,
  type PlanCadence,
  type PlanCategory,
  type Rate,
  type Saving,
  type Settings,
  type Skip,
  type Stream,
  type StreamKind,
  type Training,
} from '../../src/lib/domain/model';
import { planOccurrences } from '../../src/lib/domain/occurrences';
import { amountFor, NAMES, perUsd, stamp, TRAININGS } from './catalog';
import { makeEntryFor } from './entry-factory';
import { makeGroupTables } from './group-factory';
import { makeMember } from './member-factory';
import { createRng, type Rng } from './rng';
import { makeStream } from './stream-factory';
import { makeDebts } from './debt-factory';
import { factoryFunds } from './fund-factory';
import { currencyCode, isoDate, monthKey, minor } from '../../src/lib/domain/units';

export interface HouseholdOptions {
  seed?: number;
  /** Months of history, ending with `endMonth`. */
  months?: number;
  /** Last month of history; fixed by default so a seed always gives the same household. */
  endMonth?: MonthKey;
  members?: number;
  /** At least four streams are made in total so that every kind appears. */
  streamsPerMember?: number;
  /** Entries per month for the whole household. */
  entriesPerMonth?: number;
  /** The first is the base currency; micro-tasks pay in the second, support in the third. */
  currencies?: readonly string[];
  isSample?: boolean;
  /** Debts with their repayments (debt-factory.ts); none by default. */
  debts?: number;
}

const DEFAULTS = {
  seed: 1,
  months: 12,
  endMonth: monthKey('2026-10'),
  members: 3,
  streamsPerMember: 2,
  entriesPerMonth: 40,
  currencies: ['IDR', 'USD'],
  isSample: false,
  debts: 0,
} satisfies Required<HouseholdOptions>;

const LOCALE_BY_BASE: Readonly<Record<string, Locale>> = { IDR: 'id', PHP: 'fil', VND: 'vi' };

/** Relative share of a month's entries; formal pay is one salary entry instead. */
const ENTRY_WEIGHT: Readonly<Record<StreamKind, number>> = {
  formal: 0,
  informal: 4,
  microtask: 5,
  support: 1,
};

interface Month {
  key: MonthKey;
  /** 'YYYY-MM-DD' of each day, index 0 = day 1. */
  days: string[];
}

function monthsEndingAt(endMonth: MonthKey, count: number): Month[] {
  const endYear = Number(endMonth.slice(0, 4));
  const endIndex = Number(endMonth.slice(5, 7)) - 1;
  const out: Month[] = [];
  for (let i = count - 1; i >= 0; i--) {
    const total = endYear * 12 + endIndex - i;
    const year = Math.floor(total / 12);
    const month = (total % 12) + 1;
    const key = `${year}-${String(month).padStart(2, '0')}`;
    const length = new Date(Date.UTC(year, month, 0)).getUTCDate();
    out.push({
      key: monthKey(key),
      days: Array.from({ length }, (_, d) => `${key}-${String(d + 1).padStart(2, '0')}`),
    });
  }
  return out;
}

/** A rate as a short decimal string with enough significant digits for its size. */
function rateString(value: number): string {
  const decimals = value >= 100 ? 2 : value >= 1 ? 4 : 8;
  const text = value.toFixed(decimals).replace(/\.?0+$/, '');
  return /[1-9]/.test(text) ? text : '0.00000001';
}

function pickWeighted<T>(rng: Rng, items: readonly T[], weights: readonly number[], total: number) {
  let r = rng.next() * total;
  for (let i = 0; i < items.length; i++) {
    r -= weights[i]!;
    if (r < 0) return items[i]!;
  }
  return items[items.length - 1]!;
}

function build(options: HouseholdOptions = {}): HouseholdTables {
  const o = { ...DEFAULTS, ...options };
  if (o.months < 1 || o.members < 1 || o.currencies.length < 1) {
    throw new RangeError('A household needs at least one month, member and currency');
  }
  const rng = createRng(o.seed);
  const months = monthsEndingAt(o.endMonth, o.months);
  const firstDay = months[0]!.days[0]!;
  const lastMonth = months[months.length - 1]!;
  const lastDay = lastMonth.days[lastMonth.days.length - 1]!;
  const base = o.currencies[0]!;
  const created = stamp(firstDay, 8 * 3600);
  const common = { createdAt: created, updatedAt: created, deletedAt: null, isSample: o.isSample };

  const settings: Settings = {
    id: rng.uuid(),
    ...common,
    householdName: 'Household ' + (o.seed % 1000),
    baseCurrency: currencyCode(base),
    locale: LOCALE_BY_BASE[base] ?? 'en',
    theme: 'system',
    lastBackupAt: null,
    backupReminderSnoozedUntil: null,
  };

  const names = NAMES[base] ?? Object.values(NAMES).flat();
  const members = Array.from({ length: o.members }, (_, i) => ({
    ...makeMember(rng, i, {}),
    ...common,
    name: names[i % names.length]!,
    role: i === 0 ? ('adult' as const) : i === 1 ? ('youth' as const) : ('elder' as const),
  }));

  const ownStreams = o.members * o.streamsPerMember;
  const streamCount = Math.max(ownStreams, STREAM_KINDS.length);
  const streams: Stream[] = [];
  for (let i = 0; i < streamCount; i++) {
    const kind = STREAM_KINDS[i % STREAM_KINDS.length]!;
    const member = members[i < ownStreams ? Math.floor(i / o.streamsPerMember) : i % o.members]!;
    const currency =
      kind === 'microtask'
        ? (o.currencies[1] ?? base)
        : kind === 'support'
          ? (o.currencies[2] ?? base)
          : base;
    // The first streams run all along; later ones start somewhere in the first half.
    const startMonth =
      i < 4 ? months[0]! : months[rng.int(0, Math.floor((months.length - 1) / 2))]!;
    streams.push({
      ...makeStream(rng, i, { kind, currency: currencyCode(currency) }),
      ...common,
      memberId: member.id,
      startedOn: isoDate(startMonth.days[0]!),
    });
  }

  const rates: Rate[] = [];
  for (const currency of o.currencies.slice(1)) {
    if (currency === base) continue;
    let value = perUsd(base) / perUsd(currency);
    // A new rate each quarter, so conversions must pick the one in force on each entry's date.
    for (let m = 0; m < months.length; m += 3) {
      const date = months[m]!.days[0]!;
      rates.push({
        id: rng.uuid(),
        ...common,
        createdAt: stamp(date, 7 * 3600),
        updatedAt: stamp(date, 7 * 3600),
        currency: currencyCode(currency),
        date: isoDate(date),
        value: rateString(value),
      });
      value *= 0.96 + rng.next() * 0.08;
    }
  }

  const entries: Entry[] = [];
  const pendingFrom = months[months.length - 1]!.days[0]!;
  for (const month of months) {
    const active = streams.filter((s) => s.startedOn! <= month.days[0]!);
    let budget = o.entriesPerMonth;
    const monthEntries: Entry[] = [];
    for (const s of active) {
      if (s.kind !== 'formal' || budget === 0) continue;
      const payday = month.days[Math.min(24, month.days.length - 1)]!;
      monthEntries.push(makeEntryFor(rng, s, payday));
      budget--;
    }
    const others = active.filter((s) => ENTRY_WEIGHT[s.kind] > 0);
    const pool = others.length > 0 ? others : active;
    const weights = pool.map((s) => ENTRY_WEIGHT[s.kind] || 1);
    const total = weights.reduce((a, b) => a + b, 0);
    for (let n = 0; n < budget; n++) {
      const s = pickWeighted(rng, pool, weights, total);
      const date = month.days[rng.int(0, month.days.length - 1)]!;
      // Micro-task earnings of the last month are often not paid out yet.
      const pending = s.kind === 'microtask' && date >= pendingFrom && rng.bool(0.4);
      monthEntries.push(makeEntryFor(rng, s, date, pending ? 'pending' : 'received'));
    }
    monthEntries.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
    for (const e of monthEntries) {
      if (o.isSample) e.isSample = true;
      entries.push(e);
    }
  }

  const youth = members.find((m) => m.role === 'youth');
  const planSpecs: ReadonlyArray<
    [string, PlanCategory, PlanCadence, number, StreamKind[], string | null]
  > = [
    ['Rent', 'essential', 'monthly', 60, ['formal'], null],
    ['Food', 'essential', 'monthly', 150, ['formal', 'informal'], null],
    ['Electricity', 'essential', 'monthly', 20, [], null],
    ['School fees', 'essential', 'yearly', 120, ['support'], youth?.id ?? null],
    ['Mobile data', 'digital', 'monthly', 5, ['microtask'], null],
    ['Phone repair', 'other', 'once', 40, ['informal', 'microtask'], null],
  ];
  const plans: Plan[] = planSpecs.map(([name, category, cadence, usd, fundedBy, memberId]) => ({
    id: rng.uuid(),
    ...common,
    name,
    category,
    amountMinor: amountFor(rng, base, usd * 0.9, usd * 1.1),
    currency: base,
    cadence,
    dueOn: cadence === 'once' ? lastDay : months[0]!.days[rng.int(0, 27)]!,
    memberId,
    fundedBy,
  }));

  const savings: Saving[] = [];
  for (let m = 2; m < months.length; m += 3) {
    const date = months[m]!.days[months[m]!.days.length - 1]!;
    savings.push({
      id: rng.uuid(),
      ...common,
      createdAt: stamp(date, 20 * 3600),
      updatedAt: stamp(date, 20 * 3600),
      placeId: SAVINGS_PLACE_ID,
      date: isoDate(date),
      amountMinor: amountFor(rng, base, 100, 800),
      currency: currencyCode(base),
      note: '',
    });
  }
  if (savings.length === 0) {
    savings.push({
      id: rng.uuid(),
      ...common,
      placeId: SAVINGS_PLACE_ID,
      date: isoDate(lastDay),
      amountMinor: amountFor(rng, base, 100, 800),
      currency: currencyCode(base),
      note: '',
    });
  }

  const training: Training[] = [];
  for (const member of members) {
    for (let m = rng.int(0, Math.min(11, months.length - 1)); m < months.length; m += 12) {
      const date = months[m]!.days[rng.int(0, 27)]!;
      training.push({
        id: rng.uuid(),
        ...common,
        createdAt: stamp(date, 19 * 3600),
        updatedAt: stamp(date, 19 * 3600),
        memberId: member.id,
        title: rng.pick(TRAININGS),
        date: isoDate(date),
        hours: rng.int(2, 40),
        costMinor: rng.bool(0.5) ? minor(0) : amountFor(rng, base, 5, 50),
        currency: currencyCode(base),
        note: '',
      });
    }
  }

  // One place holds every balance. Its id is fixed, not drawn, so that every other record
  // stays what the seed gave before places existed.
  const places: Place[] = [
    {
      id: SAVINGS_PLACE_ID,
      ...common,
      name: 'Savings',
      kind: 'bank',
      currency: currencyCode(base),
    },
  ];
  // Bills paid on their day, most of the time (after everything else: the rng stays in step).
  const payments: Payment[] = [];
  const skips: Skip[] = [];
  for (const plan of plans) {
    for (const dueOn of planOccurrences(plan, isoDate(months[0]!.days[0]!), isoDate(lastDay))) {
      if (!rng.bool(0.9)) {
        if (rng.bool(0.5)) {
          skips.push({ id: rng.uuid(), ...common, kind: 'plan', sourceId: plan.id, dueOn });
        }
        continue;
      }
      payments.push({
        id: rng.uuid(),
        ...common,
        createdAt: stamp(dueOn, 18 * 3600),
        updatedAt: stamp(dueOn, 18 * 3600),
        planId: plan.id,
        dueOn,
        date: dueOn,
        amountMinor: plan.amountMinor,
        currency: plan.currency,
        note: '',
      });
    }
  }

  const { funds, setAsides } = factoryFunds(rng, common, entries, isoDate(lastDay));

  return {
    funds,
    setAsides,
    settings: [settings],
    members,
    streams,
    entries,
    plans,
    places,
    savings,
    rates,
    training,
    payments,
    skips,
    ...makeGroupTables(o.seed, base, months[0]!.days[0]!, lastDay, common),
    ...makeDebts(o.seed, o.debts, base, lastDay, common),
  };
}

export const SAVINGS_PLACE_ID = '5a71e0b0-0000-4000-8000-00000000f1ac';

export const householdFactory = { build };
