import type { BaseRecord, CurrencyCode, IsoDate, Rate } from '../../domain/model';
import { checkRateValue } from '../../domain/money';
import { validateRecord } from '../../domain/schema';
import { getDb, type AnyamDatabase } from '../database';
import { prefixRange } from './key-range';
import { baseFields, definedOnly, nowIso, requireLive, restoreIn, softDeleteIn } from './record';
import { rebuildCurrencyRollupsIn, ROLLUP_STORES } from './rollup-store';
import { writeTransaction } from './transaction';

/**
 * Exchange rates entered by the user. A rate changes the base amount of every entry of its
 * currency from its date until the next rate, so each write here recomputes that currency's
 * rollup rows from the rate's month on, inside the same transaction: the dashboard never sees
 * a rate without the totals it implies. The read is one index range ([currency+date]) over
 * that currency's later entries only, which stays small next to a full rebuild.
 */

export interface RateInput extends Partial<BaseRecord> {
  currency: CurrencyCode;
  date: IsoDate;
  /** Base-currency units per unit, as a decimal string ("16250.5"). */
  value: string;
  isSample?: boolean;
}

export type RatePatch = Partial<Pick<Rate, 'currency' | 'date' | 'value'>>;

/** A person's rate: valid as a record, and neither zero nor absurd (rate/too-high, too-low). */
function checked(rate: Rate): Rate {
  checkRateValue(rate.value);
  return validateRecord('rates', rate);
}

async function rebuildAfter(db: AnyamDatabase, before: Rate | null, after: Rate): Promise<void> {
  if (before && before.currency !== after.currency) {
    await rebuildCurrencyRollupsIn(db, before.currency, before.date);
    await rebuildCurrencyRollupsIn(db, after.currency, after.date);
    return;
  }
  const from = before && before.date < after.date ? before.date : after.date;
  await rebuildCurrencyRollupsIn(db, after.currency, from);
}

/** A checked rate record of `input` (not written). */
export function rateFrom(input: RateInput): Rate {
  return checked({
    ...baseFields(input),
    currency: input.currency,
    date: input.date,
    value: input.value,
    isSample: input.isSample ?? false,
  });
}

export async function addRate(input: RateInput): Promise<Rate> {
  const rate = rateFrom(input);
  return writeTransaction(ROLLUP_STORES, (db) => addCheckedRateIn(db, rate));
}

async function addCheckedRateIn(db: AnyamDatabase, rate: Rate): Promise<Rate> {
  await db.rates.add(rate);
  await rebuildAfter(db, null, rate);
  return rate;
}

export async function updateRate(id: string, patch: RatePatch): Promise<Rate> {
  return writeTransaction(ROLLUP_STORES, async (db) => {
    const before = await requireLive(db.rates, id, 'rate/not-found');
    const after = checked({ ...before, ...definedOnly(patch), updatedAt: nowIso() });
    await db.rates.put(after);
    await rebuildAfter(db, before, after);
    return after;
  });
}

export async function deleteRate(id: string): Promise<Rate> {
  return writeTransaction(ROLLUP_STORES, (db) =>
    softDeleteIn(db.rates, id, 'rate/not-found', {
      then: (deleted) => rebuildAfter(db, null, deleted),
    }),
  );
}

export async function restoreRate(id: string): Promise<Rate> {
  return writeTransaction(ROLLUP_STORES, (db) =>
    restoreIn(db.rates, id, 'rate/not-found', {
      then: (restored) => rebuildAfter(db, null, restored),
    }),
  );
}

/** Live rates by currency, then date. */
export async function listRates(): Promise<Rate[]> {
  const rows = await getDb().rates.orderBy('[currency+date]').toArray();
  return rows.filter((r) => r.deletedAt === null);
}

/** Live rates of one currency, oldest first. */
export async function listRatesOf(currency: CurrencyCode): Promise<Rate[]> {
  const rows = await getDb()
    .rates.where('[currency+date]')
    .between(...prefixRange(currency))
    .toArray();
  return rows.filter((r) => r.deletedAt === null);
}
