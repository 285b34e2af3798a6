/**
 * Debts and loans (schema version 4): what the household owes (a person, a lender, a paylater
 * or online-lending app, a cooperative, a bank) and what it is owed, with an optional schedule of
 * instalments and the repayments made. Plain data like model.ts; the rules live in debts.ts,
 * debt-schedule.ts and debt-rules.ts.
 */
// The units of model.ts, repeated (the same flavoured types) so that model.ts, which lists the
// debt tables, and this file do not import each other.
type IsoDate = string & { readonly __unit?: 'IsoDate' };
type CurrencyCode = string & { readonly __unit?: 'CurrencyCode' };
type MinorUnits = number & { readonly __unit?: 'MinorUnits' };
interface BaseRecord {
  id: string;
  createdAt: string;
  updatedAt: string;
  deletedAt: string | null;
}

export const DEBT_KINDS = [
  'person',
  'lender',
  'paylater',
  'online-lending',
  'cooperative',
  'bank',
] as const;
export type DebtKind = (typeof DEBT_KINDS)[number];

/** Who pays whom: the household owes the counterparty, or the counterparty owes the household. */
export const DEBT_DIRECTIONS = ['we-owe', 'owed-to-us'] as const;
export type DebtDirection = (typeof DEBT_DIRECTIONS)[number];

export const DEBT_CADENCES = ['monthly', 'weekly'] as const;
export type DebtCadence = (typeof DEBT_CADENCES)[number];

/** The most instalments a schedule may have (50 years monthly, 11½ years weekly). */
export const MAX_INSTALMENTS = 600;

/**
 * `count` instalments, `cadence` apart from `firstDue`. Every instalment is `amountMinor` but the
 * last, which takes what remains of the debt's amount (debt-schedule.ts `instalmentAmounts`), so
 * that they add up to the amount exactly; `(count − 1) × amountMinor` must stay below it.
 */
export interface DebtSchedule {
  count: number;
  amountMinor: MinorUnits;
  cadence: DebtCadence;
  firstDue: IsoDate;
}

export interface Debt extends BaseRecord {
  /** The person, app or institution. */
  counterparty: string;
  kind: DebtKind;
  direction: DebtDirection;
  /** What is to be repaid in all (interest and fees included when known). */
  amountMinor: MinorUnits;
  currency: CurrencyCode;
  /** The day the money was borrowed or lent. */
  date: IsoDate;
  /** null: repaid "whenever", with no instalments due. */
  schedule: DebtSchedule | null;
  /** The day what was left was forgiven; null while it is still owed. */
  forgivenOn: IsoDate | null;
  note: string;
  isSample: boolean;
}

/** Money paid back on a debt: one instalment (`dueOn`) or any amount at any time (`dueOn` null). */
export interface Repayment extends BaseRecord {
  debtId: string;
  /** The instalment this pays (a date of the debt's schedule), or null. */
  dueOn: IsoDate | null;
  /** The day it was paid. */
  date: IsoDate;
  amountMinor: MinorUnits;
  currency: CurrencyCode;
  note: string;
  isSample: boolean;
}
