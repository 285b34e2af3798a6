import Dexie from 'dexie';
import type { CurrencyCode, Entry, IsoDate, Rate, Rollup } from '../../domain/model';
import { liveRates } from '../../domain/base-amount';
import { monthOf } from '../../domain/months';
import {
  entryBaseMinor,
  entryDelta,
  rollupsFromEntries,
  rollupWithDelta,
  type RollupDelta,
} from '../../domain/rollup';
import { assertTotalsWithinLimit, totalsOf, type Totals } from '../../domain/totals';
import type { AnyamDatabase } from '../database';
import { prefixRange } from './key-range';

/**
 * Keeps the `rollups` table equal to `rollupsFromEntries(live entries, live rates, base)`.
 * Every function here runs inside the caller's transaction, which must include entries,
 * rollups, rates and settings.
 */

/** The tables a write that touches rollups must lock. */
export const ROLLUP_STORES = ['entries', 'rollups', 'rates', 'settings'] as const;

export interface Progress {
  done: number;
  total: number;
}
export type ProgressListener = (progress: Progress) => void;

/** Entries read per request while rebuilding: large enough to amortise a request, small enough
 * that the page stays responsive between chunks. */
export const REBUILD_CHUNK = 5_000;

/** What converting an entry needs: the live rates and the base currency ('' before onboarding,
 * when every foreign amount counts as missing a rate until settings exist). */
export interface Conversion {
  rates: Rate[];
  baseCurrency: CurrencyCode;
}

export async function loadConversion(db: AnyamDatabase): Promise<Conversion> {
  const [rates, settings] = await Promise.all([db.rates.toArray(), db.settings.toArray()]);
  return { rates: liveRates(rates), baseCurrency: settings[0]?.baseCurrency ?? '' };
}

/** The delta of a live entry (none for a soft-deleted one, which no rollup counts). */
export function deltaOf(entry: Entry, sign: 1 | -1, conversion: Conversion): RollupDelta | null {
  if (entry.deletedAt !== null) return null;
  const base = entryBaseMinor(entry, conversion.rates, conversion.baseCurrency);
  return entryDelta(entry, base, sign);
}

/**
 * The household's totals as the rollup rows stand in this transaction. Plain Dexie promises, not
 * async functions: every native `await` hop inside a transaction risks losing its zone.
 */
export function readTotals(db: AnyamDatabase): Promise<Totals> {
  return db.rollups.toArray().then(totalsOf);
}

/**
 * Throws money/total-too-large when this write raised a total past the limit (totals.ts). Run
 * at the end of every write that changes rollups, so the transaction rolls back with it.
 */
export function assertTotalsSafe(db: AnyamDatabase, before: Totals | null): Promise<void> {
  return db.rollups.toArray().then((rows) =>
    db.settings.toArray().then((settings) => {
      // Stryker disable next-line StringLiteral: without a settings row no amount gets a base value (a conversion to '' finds no rate or fails the write), so the base total is 0 and the refusal that names this currency never fires
      assertTotalsWithinLimit(before, totalsOf(rows), settings[0]?.baseCurrency ?? '');
    }),
  );
}

/** The totals before `deltas` were applied, given the totals after. */
function totalsBefore(after: Totals, deltas: readonly RollupDelta[]): Totals {
  const byCurrency = new Map(after.byCurrency);
  let base = after.base;
  for (const d of deltas) {
    byCurrency.set(d.currency, (byCurrency.get(d.currency) ?? 0) - d.amountMinor);
    base -= d.baseMinor;
  }
  return { byCurrency, base };
}

/**
 * Applies deltas in order to the stored rows they touch: one read, one write, one delete; then
 * checks the totals (unless `checkTotals` is false: a chunked import checks once at its end).
 */
export async function applyRollupDeltas(
  db: AnyamDatabase,
  deltas: readonly (RollupDelta | null)[],
  { checkTotals = true }: { checkTotals?: boolean } = {},
): Promise<void> {
  const present = deltas.filter((d): d is RollupDelta => d !== null);
  // No early return when nothing changed: inside a Dexie transaction every awaited helper must
  // reach a Dexie call, or the transaction loses its zone and commits before the caller is done.
  const keys = [...new Set(present.map((d) => d.key))];
  const stored = await db.rollups.bulkGet(keys);
  const rows = new Map<string, Rollup | null>();
  keys.forEach((key, i) => rows.set(key, stored[i] ?? null));
  for (const delta of present) {
    rows.set(delta.key, rollupWithDelta(rows.get(delta.key) ?? undefined, delta));
  }
  const puts: Rollup[] = [];
  // Stryker disable next-line ArrayDeclaration: deleting a key no rollup row has changes nothing.
  const deletes: string[] = [];
  for (const [key, row] of rows) {
    if (row) puts.push(row);
    else deletes.push(key);
  }
  await db.rollups.bulkPut(puts);
  await db.rollups.bulkDelete(deletes);
  if (!checkTotals) return;
  const after = totalsOf(await db.rollups.toArray());
  const settings = await db.settings.toArray();
  // Stryker disable next-line StringLiteral: without a settings row no amount gets a base value (a conversion to '' finds no rate or fails the write), so the base total is 0 and the refusal that names this currency never fires
  assertTotalsWithinLimit(totalsBefore(after, present), after, settings[0]?.baseCurrency ?? '');
}

/**
 * Recomputes every rollup row, reading entries in primary-key chunks so that 100,000 entries
 * never sit in memory at once; only the (months × streams) rows are accumulated.
 */
export async function rebuildAllRollupsIn(
  db: AnyamDatabase,
  onProgress?: ProgressListener,
  chunkSize: number = REBUILD_CHUNK,
): Promise<void> {
  const conversion = await loadConversion(db);
  const before = await readTotals(db);
  const total = await db.entries.count();
  const rows = new Map<string, Rollup | null>();
  let done = 0;
  let after: string | null = null;
  onProgress?.({ done, total });
  for (;;) {
    // Stryker disable StringLiteral: Dexie reads an empty index name as the primary key, like ':id'.
    const chunk: Entry[] = await (
      after === null ? db.entries.orderBy(':id') : db.entries.where(':id').above(after)
    )
      .limit(chunkSize)
      .toArray();
    // Stryker restore StringLiteral
    if (chunk.length === 0) break;
    for (const entry of chunk) {
      const delta = deltaOf(entry, 1, conversion);
      if (delta) rows.set(delta.key, rollupWithDelta(rows.get(delta.key) ?? undefined, delta));
    }
    after = chunk[chunk.length - 1]!.id;
    done += chunk.length;
    onProgress?.({ done: Math.min(done, total), total });
    if (chunk.length < chunkSize) break;
  }
  await db.rollups.clear();
  // Stryker disable next-line MethodExpression: a rebuild adds only positive deltas, so no row is null.
  await db.rollups.bulkPut([...rows.values()].filter((r): r is Rollup => r !== null));
  await assertTotalsSafe(db, before);
}

/**
 * Recomputes the rows of `currency` from the month of `fromDate` on: a rate changes the
 * conversion of that currency's entries from its date until the next rate, and a month's row
 * holds entries on both sides of the date, so the whole month is redone.
 */
export async function rebuildCurrencyRollupsIn(
  db: AnyamDatabase,
  currency: CurrencyCode,
  fromDate: IsoDate,
): Promise<void> {
  const month = monthOf(fromDate);
  const conversion = await loadConversion(db);
  // Amounts already in the base currency never use a rate.
  if (currency === conversion.baseCurrency) return;
  const before = await readTotals(db);
  const entries = await db.entries
    .where('[currency+date]')
    .between([currency, `${month}-01`], [currency, Dexie.maxKey], true, true)
    .toArray();
  const rows = rollupsFromEntries(entries, conversion.rates, conversion.baseCurrency);
  // Stryker disable StringLiteral,BooleanLiteral: a rate changes no row's key, so the bulkPut below overwrites every row this delete would remove (its first month's too); Dexie.maxKey is no stored key
  await db.rollups
    .where('[currency+month]')
    .between([currency, month], [currency, Dexie.maxKey], true, true)
    .delete();
  // Stryker restore StringLiteral,BooleanLiteral
  await db.rollups.bulkPut(rows);
  await assertTotalsSafe(db, before);
}

/** Recomputes one stream's rows (after its member changed, or it was restored). */
export async function rebuildStreamRollupsIn(db: AnyamDatabase, streamId: string): Promise<void> {
  const [conversion, entries] = await Promise.all([
    loadConversion(db),
    entriesOfStream(db, streamId).toArray(),
  ]);
  const before = await readTotals(db);
  const rows = rollupsFromEntries(entries, conversion.rates, conversion.baseCurrency);
  await rollupsOfStream(db, streamId).delete();
  await db.rollups.bulkPut(rows);
  await assertTotalsSafe(db, before);
}

/** Every entry of a stream, deleted ones included, through [streamId+date]. */
export function entriesOfStream(db: AnyamDatabase, streamId: string) {
  return db.entries.where('[streamId+date]').between(...prefixRange(streamId));
}

/** Every rollup row of a stream, through [streamId+month+currency]. */
export function rollupsOfStream(db: AnyamDatabase, streamId: string) {
  return db.rollups.where('[streamId+month+currency]').between(...prefixRange(streamId));
}
