/**
 * Funds for the big dates and the money set aside for them: every write is one read-write
 * transaction that checks the rules of domain/funds.ts first, so a refused write changes nothing.
 */
import { todayIso } from '../../domain/dates';
import { checkFundDate, checkSetAside, setAsideByEntry } from '../../domain/funds';
import {
  AnyamError,
  type BaseRecord,
  type CurrencyCode,
  type Fund,
  type IsoDate,
  type MinorUnits,
  type SetAside,
} from '../../domain/model';
import { validateRecord } from '../../domain/schema';
import { getDb, type AnyamDatabase } from '../database';
import {
  baseFields,
  definedOnly,
  listSmall,
  nowIso,
  requireLive,
  restoreIn,
  softDeleteIn,
} from './record';
import { writeTransaction } from './transaction';
import { compareFunds, compareSetAsidesNewestFirst } from './list-orders';

export { compareFunds, compareSetAsidesNewestFirst };

export interface FundInput extends Partial<BaseRecord> {
  name: string;
  targetMinor: MinorUnits;
  currency: CurrencyCode;
  dueOn: IsoDate;
  note?: string;
  isSample?: boolean;
}

export type FundPatch = Partial<Pick<Fund, 'name' | 'targetMinor' | 'currency' | 'dueOn' | 'note'>>;

const FUND_STORES = ['funds', 'setAsides'] as const;
const SET_ASIDE_STORES = ['funds', 'setAsides', 'entries'] as const;

/** A new fund; its date may not lie before `today`. */
export async function addFund(input: FundInput, today: IsoDate = todayIso()): Promise<Fund> {
  const fund = validateRecord('funds', {
    ...baseFields(input),
    name: input.name,
    targetMinor: input.targetMinor,
    currency: input.currency,
    dueOn: input.dueOn,
    note: input.note ?? '',
    isSample: input.isSample ?? false,
  });
  checkFundDate(fund.dueOn, today);
  return writeTransaction(['funds'], async (db) => {
    await db.funds.add(fund);
    return fund;
  });
}

/**
 * Edits a fund. A date moved is checked like a new one (a passed fund keeps its date); the
 * currency cannot change once money is set aside in it.
 */
export async function updateFund(
  id: string,
  patch: FundPatch,
  today: IsoDate = todayIso(),
): Promise<Fund> {
  return writeTransaction(FUND_STORES, async (db) => {
    const before = await requireLive(db.funds, id, 'fund/not-found');
    const after = validateRecord('funds', {
      ...before,
      ...definedOnly(patch),
      updatedAt: nowIso(),
    });
    if (after.dueOn !== before.dueOn) checkFundDate(after.dueOn, today);
    if (after.currency !== before.currency) {
      const held = await db.setAsides.where('fundId').equals(id).toArray();
      if (held.some((s) => s.deletedAt === null))
        throw new AnyamError('fund/currency-has-money', { field: 'currency' });
    }
    await db.funds.put(after);
    return after;
  });
}

/** Soft-deletes a fund and its live set-asides with one timestamp (restoreFund brings both). */
export async function deleteFund(id: string): Promise<Fund> {
  return writeTransaction(FUND_STORES, (db) =>
    softDeleteIn(db.funds, id, 'fund/not-found', {
      then: (_, __, now) =>
        db.setAsides
          .where('fundId')
          .equals(id)
          .filter((s) => s.deletedAt === null)
          .modify({ deletedAt: now, updatedAt: now }),
    }),
  );
}

export async function restoreFund(id: string): Promise<Fund> {
  return writeTransaction(FUND_STORES, (db) =>
    restoreIn(db.funds, id, 'fund/not-found', {
      then: (_, before, now) =>
        db.setAsides
          .where('fundId')
          .equals(id)
          .filter((s) => s.deletedAt === before.deletedAt)
          .modify({ deletedAt: null, updatedAt: now }),
    }),
  );
}

export interface SetAsideInput {
  fundId: string;
  /** The received entry the money comes from; null for money put aside without one. */
  entryId: string | null;
  amountMinor: MinorUnits;
  /** The day it was set aside; today by default. */
  date?: IsoDate;
  isSample?: boolean;
}

async function checkFromEntry(
  db: AnyamDatabase,
  fund: Fund,
  entryId: string,
  amountMinor: MinorUnits,
  except: string | null = null,
): Promise<void> {
  const entry = await db.entries.get(entryId);
  if (!entry) throw new AnyamError('set-aside/not-received', { field: 'entryId', entryId });
  const rows = await db.setAsides.where('entryId').equals(entryId).toArray();
  // Stryker disable next-line MethodExpression: no caller passes `except`, so no row's id equals it and the filter keeps every row
  const already = setAsideByEntry(rows.filter((s) => s.id !== except)).get(entryId) ?? 0;
  checkSetAside(fund, entry, already, amountMinor);
}

/**
 * Sets money aside for a fund, from a received entry (at most what it received, less what was
 * already set aside from it, in the fund's currency) or without one (in the fund's currency).
 */
export async function setAside(input: SetAsideInput): Promise<SetAside> {
  return writeTransaction(SET_ASIDE_STORES, async (db) => {
    const fund = await requireLive(db.funds, input.fundId, 'set-aside/unknown-fund');
    const row = validateRecord('setAsides', {
      ...baseFields(),
      fundId: fund.id,
      entryId: input.entryId,
      date: input.date ?? todayIso(),
      amountMinor: input.amountMinor,
      currency: fund.currency,
      isSample: input.isSample ?? false,
    });
    if (row.entryId !== null) await checkFromEntry(db, fund, row.entryId, row.amountMinor);
    await db.setAsides.add(row);
    return row;
  });
}

/** Takes money set aside back (Undo of setAside, or a row's Delete). */
export async function deleteSetAside(id: string): Promise<SetAside> {
  return writeTransaction(['setAsides'], (db) =>
    softDeleteIn(db.setAsides, id, 'set-aside/not-found'),
  );
}

/** Undoes deleteSetAside, if its entry still holds the money and its fund is live. */
export async function restoreSetAside(id: string): Promise<SetAside> {
  return writeTransaction(SET_ASIDE_STORES, async (db) => {
    const row = await db.setAsides.get(id);
    if (!row || row.deletedAt === null) throw new AnyamError('set-aside/not-found', { id });
    const fund = await requireLive(db.funds, row.fundId, 'set-aside/unknown-fund');
    if (row.entryId !== null) await checkFromEntry(db, fund, row.entryId, row.amountMinor);
    const restored = { ...row, deletedAt: null, updatedAt: nowIso() };
    await db.setAsides.put(restored);
    return restored;
  });
}

/** Live funds, soonest date first. */
export async function listFunds(): Promise<Fund[]> {
  const rows = await listSmall(getDb().funds);
  return rows.sort(compareFunds);
}

/** Live set-asides, newest first. */
export async function listSetAsides(): Promise<SetAside[]> {
  const rows = await listSmall(getDb().setAsides);
  return rows.sort(compareSetAsidesNewestFirst);
}

/**
 * Refuses (set-aside/more-than-received) a household in which the live set-asides from one live
 * entry add up to more than it received: checked after a Merge, whose two sides may each have
 * set money aside from the same entry.
 */
export async function assertSetAsidesWithinEntries(db: AnyamDatabase): Promise<void> {
  const byEntry = setAsideByEntry(await db.setAsides.toArray());
  if (byEntry.size === 0) return;
  const ids = [...byEntry.keys()];
  const entries = await db.entries.bulkGet(ids);
  entries.forEach((entry, i) => {
    if (!entry || entry.deletedAt !== null) return;
    const held = byEntry.get(ids[i]!)!;
    if (held > entry.amountMinor)
      throw new AnyamError('set-aside/more-than-received', {
        field: 'amount',
        entryId: entry.id,
        leftMinor: entry.amountMinor,
        currency: entry.currency,
      });
  });
}

/**
 * Part of removing the sample household: its set-asides go, and its funds unless a real
 * set-aside names one (it stays, as a sample stream with a real entry does). Returns the counts.
 */
export async function removeSampleFundsIn(
  db: AnyamDatabase,
): Promise<{ funds: number; setAsides: number }> {
  const [funds, setAsides] = await Promise.all([db.funds.toArray(), db.setAsides.toArray()]);
  const kept = new Set(setAsides.filter((s) => !s.isSample).map((s) => s.fundId));
  const setAsideIds = setAsides.filter((s) => s.isSample).map((s) => s.id);
  const fundIds = funds.filter((f) => f.isSample && !kept.has(f.id)).map((f) => f.id);
  await db.setAsides.bulkDelete(setAsideIds);
  await db.funds.bulkDelete(fundIds);
  return { funds: fundIds.length, setAsides: setAsideIds.length };
}
