/**
 * The records Anyam stores, as plain data. Every table row extends `BaseRecord`.
 * Amounts are integer minor units of an ISO 4217 currency (see money.ts); dates are local
 * calendar dates 'YYYY-MM-DD'; timestamps are ISO 8601 strings in UTC.
 */
import type { Debt, Repayment } from './debt-model';
import type { Group, GroupPayment } from './group-model';

/**
 * The units below are flavoured: a plain string or number still fits (literals, Dexie rows), but
 * one unit never passes for another — a `MonthKey` where an `IsoDate` is expected fails the
 * build (tests/unit/units.types.test.ts). units.ts has their checking constructors.
 */
/** A local calendar date, 'YYYY-MM-DD'. */
export type IsoDate = string & { readonly __unit?: 'IsoDate' };
/** A month key, 'YYYY-MM'. */
export type MonthKey = string & { readonly __unit?: 'MonthKey' };
/** An ISO 8601 timestamp in UTC, as made by `new Date().toISOString()`. */
export type Timestamp = string;
/** An ISO 4217 alphabetic code such as 'IDR'. */
export type CurrencyCode = string & { readonly __unit?: 'CurrencyCode' };
/** An integer count of a currency's minor unit (sen, centavo, cent; VND has none). */
export type MinorUnits = number & { readonly __unit?: 'MinorUnits' };

export interface BaseRecord {
  id: string;
  createdAt: Timestamp;
  updatedAt: Timestamp;
  /** Soft delete: set when deleted, so that undo and merges work. */
  deletedAt: Timestamp | null;
}

export const LOCALES = ['en', 'id', 'fil', 'vi'] as const;
export type Locale = (typeof LOCALES)[number];

export const THEMES = ['system', 'light', 'dark'] as const;
export type Theme = (typeof THEMES)[number];

export interface Settings extends BaseRecord {
  householdName: string;
  baseCurrency: CurrencyCode;
  locale: Locale;
  theme: Theme;
  lastBackupAt: Timestamp | null;
  /** Until when the backup reminder stays hidden after the user dismissed it. */
  backupReminderSnoozedUntil: Timestamp | null;
  /** True while the household is the "try a sample household" demo. */
  isSample: boolean;
}

export const MEMBER_ROLES = ['adult', 'youth', 'elder'] as const;
export type MemberRole = (typeof MEMBER_ROLES)[number];

export interface Member extends BaseRecord {
  name: string;
  /** A CSS hex colour '#rrggbb'. */
  color: string;
  role: MemberRole;
  archived: boolean;
  isSample: boolean;
}

export const STREAM_KINDS = ['formal', 'informal', 'microtask', 'support'] as const;
export type StreamKind = (typeof STREAM_KINDS)[number];

export const STREAM_CADENCES = ['monthly', 'biweekly', 'weekly', 'daily', 'irregular'] as const;
export type StreamCadence = (typeof STREAM_CADENCES)[number];

export interface ExpectedIncome {
  amountMinor: MinorUnits;
  cadence: StreamCadence;
  /** Days worked per week, for the `daily` cadence (default 5). */
  daysPerWeek: number;
}

/**
 * When a regular stream pays (optional): the day of the month for `monthly` (1–31; 31 falls on
 * the last day of a shorter month), the ISO weekday for `weekly` (1 = Monday … 7 = Sunday), a
 * date of one pay day for `biweekly` (every 14 days before and after it). Its `cadence` must be
 * the stream's own.
 */
export type PayDay =
  | { cadence: 'monthly'; day: number }
  | { cadence: 'weekly'; weekday: number }
  | { cadence: 'biweekly'; anchor: IsoDate };

export interface Stream extends BaseRecord {
  memberId: string;
  name: string;
  kind: StreamKind;
  /** Micro-task platform or employer name; '' when none. */
  platform: string;
  currency: CurrencyCode;
  expected: ExpectedIncome;
  startedOn: IsoDate | null;
  endedOn: IsoDate | null;
  /** Since schema version 2; null for a stream with no known pay day. */
  payDay: PayDay | null;
  archived: boolean;
  isSample: boolean;
}

export const ENTRY_STATUSES = ['received', 'pending'] as const;
export type EntryStatus = (typeof ENTRY_STATUSES)[number];

export interface Entry extends BaseRecord {
  streamId: string;
  memberId: string;
  date: IsoDate;
  amountMinor: MinorUnits;
  currency: CurrencyCode;
  status: EntryStatus;
  paidMinutes: number;
  unpaidMinutes: number;
  note: string;
  isSample: boolean;
  /** How a payout reached the household (schema version 5); absent until it arrived. */
  arrival?: Arrival;
}

/**
 * A payout that arrived (domain/arrival.ts): the day it landed, the place it landed in, the
 * amount that reached that place in the place's currency and the fees, when known, and the
 * service it went through on the way ('PayPal'; '' when it came straight from the platform).
 */
export interface Arrival {
  on: IsoDate;
  placeId: string | null;
  /** What reached the place, after every fee and conversion; null when not known. */
  landedMinor: MinorUnits | null;
  /** The place's currency; set exactly when `landedMinor` is. */
  landedCurrency: CurrencyCode | null;
  /** Fees taken on the way, in the payout's own currency; null when not known. */
  feeMinor: MinorUnits | null;
  via: string;
}

/**
 * Derived: one row per stream, month, currency and status. Written in the same transaction as
 * the entry that changes it; can always be rebuilt from entries.
 */
export interface Rollup {
  /** `${streamId}|${month}|${currency}|${status}` */
  key: string;
  streamId: string;
  memberId: string;
  month: MonthKey;
  currency: CurrencyCode;
  status: EntryStatus;
  amountMinor: MinorUnits;
  /** Sum of each entry converted to the base currency with the rate in force on its date. */
  baseMinor: MinorUnits;
  /** Entries of this row with no rate in force on their date (not counted in baseMinor). */
  missingRateCount: number;
  paidMinutes: number;
  unpaidMinutes: number;
  count: number;
}

export const PLAN_CATEGORIES = ['essential', 'digital', 'other'] as const;
export type PlanCategory = (typeof PLAN_CATEGORIES)[number];

export const PLAN_CADENCES = ['monthly', 'weekly', 'yearly', 'once'] as const;
export type PlanCadence = (typeof PLAN_CADENCES)[number];

export interface Plan extends BaseRecord {
  name: string;
  category: PlanCategory;
  amountMinor: MinorUnits;
  currency: CurrencyCode;
  cadence: PlanCadence;
  dueOn: IsoDate;
  memberId: string | null;
  /** Stream kinds earmarked to pay this plan. */
  fundedBy: StreamKind[];
  isSample: boolean;
}

/** A bill paid: one occurrence (`dueOn`) of a plan, paid on `date` (schema version 2). */
export interface Payment extends BaseRecord {
  planId: string;
  /** The occurrence of the plan this pays (see occurrences.ts). */
  dueOn: IsoDate;
  /** The day it was paid. */
  date: IsoDate;
  amountMinor: MinorUnits;
  currency: CurrencyCode;
  note: string;
  isSample: boolean;
}

export const SKIP_KINDS = ['stream', 'plan', 'debt'] as const;
export type SkipKind = (typeof SKIP_KINDS)[number];

/**
 * "Not this time": an occurrence of a stream's pay day or of a plan that will not come, so that
 * it stops being shown as due (schema version 2). Received and paid occurrences need no row of
 * their own: an entry or a payment answers them.
 */
export interface Skip extends BaseRecord {
  kind: SkipKind;
  /** The stream or plan. */
  sourceId: string;
  dueOn: IsoDate;
  isSample: boolean;
}

export const PLACE_KINDS = ['cash', 'bank', 'ewallet', 'group', 'other'] as const;
/** Cash at home, a bank account, an e-wallet (GCash, GoPay, MoMo), a savings group (arisan,
 * paluwagan, hụi), or other — the only kind whose balance may be below zero (a debt). */
export type PlaceKind = (typeof PLACE_KINDS)[number];

/** Where the household keeps money; its balances are `Saving` rows with its id. */
export interface Place extends BaseRecord {
  name: string;
  kind: PlaceKind;
  currency: CurrencyCode;
  isSample: boolean;
}

/** A dated balance of one place (the "savings snapshot" of schema versions 1 and 2). */
export interface Saving extends BaseRecord {
  placeId: string;
  date: IsoDate;
  amountMinor: MinorUnits;
  currency: CurrencyCode;
  note: string;
  isSample: boolean;
}

export interface Rate extends BaseRecord {
  currency: CurrencyCode;
  /** The date from which the rate applies. */
  date: IsoDate;
  /** Base-currency units one unit of `currency` is worth, as a decimal string ("16250.5"). */
  value: string;
  isSample: boolean;
}

export interface Training extends BaseRecord {
  memberId: string;
  title: string;
  date: IsoDate;
  hours: number;
  costMinor: MinorUnits;
  currency: CurrencyCode;
  note: string;
  isSample: boolean;
}

/**
 * Funds for the big dates (schema version 6): a target amount by a date (Tết, Lebaran with the
 * THR, Christmas with the 13th-month pay, school enrolment), and the money set aside for it.
 */
export interface Fund extends BaseRecord {
  name: string;
  /** What the household wants to have by `dueOn`, in `currency`; above zero. */
  targetMinor: MinorUnits;
  currency: CurrencyCode;
  /** The big date itself: the day the money is needed. */
  dueOn: IsoDate;
  note: string;
  isSample: boolean;
}

/**
 * Money set aside for a fund: usually part of a received entry (`entryId`, in the entry's
 * currency and at most what the entry received, less what was already set aside from it), or
 * money put aside without an entry (`entryId` null). It stays in the household's places: it is
 * the part of the savings balances that is no longer free buffer (funds.ts `bufferSplit`).
 */
export interface SetAside extends BaseRecord {
  fundId: string;
  entryId: string | null;
  date: IsoDate;
  /** Above zero, in `currency`. */
  amountMinor: MinorUnits;
  currency: CurrencyCode;
  isSample: boolean;
}

/** The tables a backup carries (rollups are derived and rebuilt). */
export interface HouseholdTables {
  settings: Settings[];
  members: Member[];
  streams: Stream[];
  entries: Entry[];
  plans: Plan[];
  places: Place[];
  savings: Saving[];
  rates: Rate[];
  training: Training[];
  payments: Payment[];
  skips: Skip[];
  funds: Fund[];
  setAsides: SetAside[];
  groups: Group[];
  groupPayments: GroupPayment[];
  debts: Debt[];
  repayments: Repayment[];
}

export type TableName = keyof HouseholdTables;
export const TABLE_NAMES: readonly TableName[] = [
  'settings',
  'members',
  'streams',
  'entries',
  'plans',
  'places',
  'savings',
  'rates',
  'training',
  'payments',
  'skips',
  'funds',
  'setAsides',
  'groups',
  'groupPayments',
  'debts',
  'repayments',
];

/** An error with a stable code ('money/invalid', 'entry/unknown-stream'); views translate the code. */
export class AnyamError extends Error {
  readonly code: string;
  readonly details: Record<string, unknown>;
  constructor(code: string, details: Record<string, unknown> = {}, message?: string) {
    super(message ?? code);
    this.name = 'AnyamError';
    this.code = code;
    this.details = details;
  }
}

export function isAnyamError(e: unknown): e is AnyamError {
  return e instanceof AnyamError;
}
