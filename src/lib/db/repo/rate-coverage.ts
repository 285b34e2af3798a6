import type { CurrencyCode, IsoDate } from '../../domain/model';
import { uncoveredEntries, type Uncovered } from '../../domain/rate-coverage';
import type { AnyamDatabase } from '../database';
import { prefixRange } from './key-range';
import { readTransaction } from './transaction';

/**
 * What the exchange rates of the household cover, read for the rate forms and the "entries have
 * no rate" notices. Only index keys are read (never entry records), through [currency+date]:
 * soft-deleted entries are in that index too, so the trash (the `deletedAt` index, which holds
 * only deleted rows) is read and taken out.
 */

/** Live entry dates of `currency`, ascending, optionally only those before `before`. */
async function liveEntryDatesIn(
  db: AnyamDatabase,
  currency: CurrencyCode,
  before: IsoDate | null,
): Promise<IsoDate[]> {
  const [lower, upper] = prefixRange(currency);
  const index = db.entries.where('[currency+date]');
  const range =
    before === null ? index.between(lower, upper) : index.between(lower, [currency, before]);
  const keys = (await range.keys()) as unknown as [CurrencyCode, IsoDate][];
  const trash = await db.entries.where('deletedAt').above('').toArray();
  const deleted = new Map<IsoDate, number>();
  for (const e of trash) {
    if (e.currency === currency && (before === null || e.date < before)) {
      deleted.set(e.date, (deleted.get(e.date) ?? 0) + 1);
    }
  }
  const dates: IsoDate[] = [];
  for (const [, date] of keys) {
    const left = deleted.get(date) ?? 0;
    if (left > 0) deleted.set(date, left - 1);
    else dates.push(date);
  }
  return dates;
}

async function liveRateDatesIn(db: AnyamDatabase, currency: CurrencyCode): Promise<IsoDate[]> {
  const rows = await db.rates
    .where('[currency+date]')
    .between(...prefixRange(currency))
    .toArray();
  return rows.filter((r) => r.deletedAt === null).map((r) => r.date);
}

/** One currency's live entry dates and live rates (id and date), for the rate form's figures. */
export interface CurrencyDates {
  currency: CurrencyCode;
  entryDates: IsoDate[];
  rates: { id: string; date: IsoDate }[];
}

export async function currencyDates(currency: CurrencyCode): Promise<CurrencyDates> {
  return readTransaction(['entries', 'rates'], async (db) => {
    const entryDates = await liveEntryDatesIn(db, currency, null);
    const rows = await db.rates
      .where('[currency+date]')
      .between(...prefixRange(currency))
      .toArray();
    const rates = rows.filter((r) => r.deletedAt === null).map((r) => ({ id: r.id, date: r.date }));
    return { currency, entryDates, rates };
  });
}

export interface CurrencyCoverage extends Uncovered {
  currency: CurrencyCode;
}

/**
 * Per foreign currency of the household's streams and rates, the entries no rate covers (only
 * currencies with at least one such entry). Reads only the keys of entries dated before each
 * currency's first rate.
 */
export async function missingRates(baseCurrency: CurrencyCode): Promise<CurrencyCoverage[]> {
  return readTransaction(['entries', 'rates', 'streams'], async (db) => {
    const [streams, rates] = await Promise.all([db.streams.toArray(), db.rates.toArray()]);
    const currencies = [
      ...new Set([...streams, ...rates].filter((r) => r.deletedAt === null).map((r) => r.currency)),
    ]
      .filter((c) => c !== baseCurrency)
      .sort();
    const out: CurrencyCoverage[] = [];
    for (const currency of currencies) {
      const rateDates = await liveRateDatesIn(db, currency);
      // Stryker disable next-line ConditionalExpression,EqualityOperator: `first` only bounds the keys read; uncoveredEntries finds the earliest rate itself, so any bound at or after it (or none) gives the same count
      const first = rateDates.length > 0 ? rateDates.reduce((a, b) => (a < b ? a : b)) : null;
      const entryDates = await liveEntryDatesIn(db, currency, first);
      const coverage = uncoveredEntries(entryDates, rateDates);
      if (coverage.count > 0) out.push({ currency, ...coverage });
    }
    return out;
  });
}
