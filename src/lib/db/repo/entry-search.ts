import type { Collection } from 'dexie';
import type { Entry, IsoDate, Member, MonthKey, Stream } from '../../domain/model';
import { addMonths, firstDayOf, lastDayOf, monthOf } from '../../domain/months';
import { compileSearch, type EntrySearch } from '../../domain/search';
import { getDb } from '../database';

export interface SearchProgress {
  /** Months read so far (newest first) and in all. */
  monthsDone: number;
  months: number;
  /** Entries read through the index so far (live or not, matching or not). */
  scanned: number;
}

export interface SearchOutcome extends SearchProgress {
  /** False when `isCancelled` stopped the search before its last month. */
  complete: boolean;
}

export interface SearchCallbacks {
  /** A month's matches, newest first; months arrive newest first, each once. */
  onMonth: (month: MonthKey, entries: Entry[]) => void;
  onProgress?: (progress: SearchProgress) => void;
  /** Polled between months: a newer search (or leaving the view) stops this one. */
  isCancelled?: () => boolean;
}

/** The dates the search covers: its own range, else the first to the last stored entry. */
async function dateSpan(search: EntrySearch): Promise<[IsoDate, IsoDate] | null> {
  const entries = getDb().entries;
  const from = search.from ?? (await entries.orderBy('date').first())?.date;
  const to = search.to ?? (await entries.orderBy('date').last())?.date;
  return from && to && from <= to ? [from, to] : null;
}

/**
 * The narrowest index for one month of the search: a stream's or a member's own dates, the
 * amount range's currency (`[currency+date]`: an amount range only holds entries of its
 * currency), else the `date` index. Every one is a range over dates, so a month is one read.
 */
function monthRange(search: EntrySearch, from: IsoDate, to: IsoDate): Collection<Entry, string> {
  const entries = getDb().entries;
  if (search.streamId)
    return entries
      .where('[streamId+date]')
      .between([search.streamId, from], [search.streamId, to], true, true);
  if (search.memberId)
    return entries
      .where('[memberId+date]')
      .between([search.memberId, from], [search.memberId, to], true, true);
  if ((search.amountMin !== null || search.amountMax !== null) && search.currency)
    return entries
      .where('[currency+date]')
      .between([search.currency, from], [search.currency, to], true, true);
  return entries.where('date').between(from, to, true, true);
}

/**
 * Finds the entries that match `search`, newest month first, handing each month's matches to
 * `onMonth` as soon as that month is read. Never reads all entries at once: each month is one
 * index range (a few hundred rows in a ten-year, 100,000-entry household), and every read is
 * its own IndexedDB request, so the page paints and takes input between months.
 * Throws the domain's `search/…` error for an inverted range before reading anything.
 */
export async function searchEntries(
  search: EntrySearch,
  household: { streams: readonly Stream[]; members: readonly Member[] },
  callbacks: SearchCallbacks,
): Promise<SearchOutcome> {
  const matches = compileSearch(search, household.streams, household.members);
  const span = await dateSpan(search);
  if (!span) return { monthsDone: 0, months: 0, scanned: 0, complete: true };
  const [from, to] = span;
  const first = monthOf(from);
  const last = monthOf(to);
  let months = 0;
  for (let m = last; m >= first; m = addMonths(m, -1)) months++;
  const progress: SearchProgress = { monthsDone: 0, months, scanned: 0 };
  for (let month = last; month >= first; month = addMonths(month, -1)) {
    if (callbacks.isCancelled?.()) return { ...progress, complete: false };
    const start = firstDayOf(month) < from ? from : firstDayOf(month);
    const end = lastDayOf(month) > to ? to : lastDayOf(month);
    const rows = await monthRange(search, start, end).reverse().toArray();
    progress.scanned += rows.length;
    progress.monthsDone++;
    if (callbacks.isCancelled?.()) return { ...progress, complete: false };
    const found = rows.filter(matches);
    if (found.length > 0) callbacks.onMonth(month, found);
    callbacks.onProgress?.({ ...progress });
  }
  return { ...progress, complete: true };
}
