import { getDb } from '../database';
import type { MonthKey } from '../../domain/model';
import { firstDayOf, monthOf } from '../../domain/months';

/**
 * The latest month before `month` that holds a live entry, or null when none does: what an
 * empty month (a new month on its 1st) offers to open instead. One walk down the date index
 * from the month's first day, stopping at the first live entry.
 */
export async function latestMonthWithEntriesBefore(month: MonthKey): Promise<MonthKey | null> {
  const entry = await getDb()
    .entries.where('date')
    .below(firstDayOf(month))
    .reverse()
    .filter((e) => e.deletedAt === null)
    .first();
  return entry ? monthOf(entry.date) : null;
}
