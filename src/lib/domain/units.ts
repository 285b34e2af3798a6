/**
 * Constructors of the branded units (model.ts): the one way a plain string or number becomes an
 * `IsoDate`, a `MonthKey`, a `CurrencyCode` or `MinorUnits`. Each checks its value and throws an
 * AnyamError when it is not one, so the edges (forms, files, tests' factories) say what they
 * mean and a month key can no longer pass where a date is expected (`npm run check` refuses it;
 * tests/unit/units.types.test.ts). Records read from the database are typed by Dexie's tables and
 * were validated on the way in (schema.ts).
 *
 * The checks live next to their knowledge (dates.ts, months.ts, money.ts) as type guards, so no
 * module needs a cast to brand a value it has checked.
 */
import { isValidIsoDate } from './dates';
import {
  AnyamError,
  type CurrencyCode,
  type IsoDate,
  type MinorUnits,
  type MonthKey,
} from './model';
import { isMonthKey } from './months';
import { isCurrencyCode, isMinorUnits } from './money';

export type { CurrencyCode, IsoDate, MinorUnits, MonthKey };

/** A calendar date 'YYYY-MM-DD' (1900–2999); date/invalid otherwise. */
export function isoDate(value: string): IsoDate {
  if (!isValidIsoDate(value)) throw new AnyamError('date/invalid', { date: value });
  return value;
}

/** A month 'YYYY-MM'; date/invalid otherwise. */
export function monthKey(value: string): MonthKey {
  if (!isMonthKey(value)) throw new AnyamError('date/invalid', { month: value });
  return value;
}

/** An ISO 4217 code Intl knows, such as 'IDR'; money/unknown-currency otherwise. */
export function currencyCode(value: string): CurrencyCode {
  if (!isCurrencyCode(value)) throw new AnyamError('money/unknown-currency', { currency: value });
  return value;
}

/** A whole, safe number of minor units (may be negative: a debt); money/invalid otherwise. */
export function minor(value: number): MinorUnits {
  if (!isMinorUnits(value)) throw new AnyamError('money/invalid', { input: value });
  return value;
}
