/**
 * The field schemas every record schema (schema.ts) is built from: ids, timestamps, the branded
 * units (a date, a month, a currency, an amount come out of a parse as `IsoDate`, `MonthKey`,
 * `CurrencyCode`, `MinorUnits`: the type guards that check them also brand them), names, notes
 * and their limits.
 */
import * as v from 'valibot';
import { isValidIsoDate } from './dates';
import { isMonthKey } from './months';
import { isCurrencyCode, isMinorUnits, MAX_MINOR } from './money';
import { hasVisibleCharacter } from './names';
import { MAX_NAME_LENGTH, MAX_NOTE_LENGTH } from './text-limits';

export { MAX_NAME_LENGTH, MAX_NOTE_LENGTH };
/** A month of minutes: more for one entry is a typing error. */
export const MAX_MINUTES = 60 * 24 * 31;

export const idSchema = v.pipe(v.string(), v.uuid());

/**
 * Exactly the shape `Date.prototype.toISOString()` makes: merges compare `updatedAt` as strings,
 * which only orders correctly when every timestamp has the same form.
 */
export const timestampSchema = v.pipe(
  v.string(),
  v.check(
    (s) => /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/.test(s) && isRoundTrip(s),
    'Expected a UTC timestamp like 2026-01-31T08:00:00.000Z',
  ),
);

function isRoundTrip(s: string): boolean {
  const ms = Date.parse(s);
  return !Number.isNaN(ms) && new Date(ms).toISOString() === s;
}

export const isoDateSchema = v.pipe(
  v.string(),
  v.guard(isValidIsoDate, 'Expected a calendar date YYYY-MM-DD'),
);

/** A month of a year Anyam stores dates in (1900–2999), like the dates. */
export const monthKeySchema = v.pipe(
  v.string(),
  v.check((s) => isValidIsoDate(`${s}-01`), 'Expected a month YYYY-MM'),
  v.guard(isMonthKey, 'Expected a month YYYY-MM'),
);

export const currencySchema = v.pipe(
  v.string(),
  v.guard(isCurrencyCode, 'Expected an ISO 4217 currency code'),
);

export const amountMinorSchema = v.pipe(
  v.number(),
  v.safeInteger(),
  v.minValue(0),
  v.maxValue(MAX_MINOR),
  v.guard(isMinorUnits),
);

/** Derived sums (rollups) may pass MAX_MINOR but must stay exact. */
export const sumMinorSchema = v.pipe(
  v.number(),
  v.safeInteger(),
  v.minValue(0),
  v.guard(isMinorUnits),
);

/** Derived counts (rollups): whole and exact. */
export const countSchema = v.pipe(v.number(), v.safeInteger(), v.minValue(0));

/** A balance may be below zero (a debt, for a place of kind 'other': the repository checks). */
export const balanceMinorSchema = v.pipe(
  v.number(),
  v.safeInteger(),
  v.minValue(-MAX_MINOR),
  v.maxValue(MAX_MINOR),
  v.guard(isMinorUnits),
);

export const minutesSchema = v.pipe(
  v.number(),
  v.integer(),
  v.minValue(0),
  v.maxValue(MAX_MINUTES),
);

export const noteSchema = v.pipe(v.string(), v.maxLength(MAX_NOTE_LENGTH));

/** Names: trimmed, and empty or with at least one visible character (names.ts). */
const visible = v.check<string, string>(
  (s) => s === '' || hasVisibleCharacter(s),
  'Expected at least one visible character',
);

export const nameSchema = v.pipe(
  v.string(),
  v.trim(),
  v.nonEmpty(),
  v.maxLength(MAX_NAME_LENGTH),
  visible,
);

/** Like a name but may be empty (a platform or employer is optional). */
export const optionalNameSchema = v.pipe(
  v.string(),
  v.trim(),
  v.maxLength(MAX_NAME_LENGTH),
  visible,
);

export const colorSchema = v.pipe(v.string(), v.regex(/^#[0-9a-fA-F]{6}$/, 'Expected #rrggbb'));

export const baseFields = {
  id: idSchema,
  createdAt: timestampSchema,
  updatedAt: timestampSchema,
  deletedAt: v.nullable(timestampSchema),
};
