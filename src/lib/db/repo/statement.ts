import type { Entry, IsoDate, Rollup } from '../../domain/model';
import { firstDayOf, lastDayOf } from '../../domain/months';
import { statementMonths, type StatementMonths } from '../../domain/income-statement';
import { readTransaction } from './transaction';

/**
 * What the income statement reads, at one point in time: the live entries of its months (through
 * the date index, never all entries) and the rollups, whose months say where each stream's
 * history starts (the score's stability window starts there too).
 */
export async function readStatementRows(
  today: IsoDate,
  months: StatementMonths,
): Promise<{ entries: Entry[]; rollups: Rollup[] }> {
  const span = statementMonths(today, months);
  const from = firstDayOf(span[0]!);
  const to = lastDayOf(span.at(-1)!);
  return readTransaction(['entries', 'rollups'], async (db) => {
    const [entries, rollups] = await Promise.all([
      db.entries.where('date').between(from, to, true, true).toArray(),
      db.rollups.toArray(),
    ]);
    return { entries: entries.filter((e) => e.deletedAt === null), rollups };
  });
}
