/**
 * Funds for the big dates (schema version 6): a target amount by a date (Tết, Lebaran with the
 * THR, Christmas with the 13th-month pay, school enrolment), and the money set aside for it.
 * Plain data like model.ts, which lists both tables in `HouseholdTables`.
 */
import type { BaseRecord, CurrencyCode, IsoDate, MinorUnits } from './model';

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
