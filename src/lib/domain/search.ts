/**
 * Finding entries: what a search asks (text, an amount range, a date range, the usual filters),
 * whether it makes sense, and whether one entry matches. Pure: the repository walks the
 * entries through an index, month by month, and hands each row to `compileSearch`'s predicate.
 */
import { baseMinorOrNull, type RateRecordLike } from './base-amount';
import { addMinor } from './money-math';
import { minor } from './units';
import {
  AnyamError,
  type CurrencyCode,
  type Entry,
  type EntryStatus,
  type IsoDate,
  type Member,
  type MinorUnits,
  type Stream,
  type StreamKind,
} from './model';

export interface EntrySearch {
  /** Words that must all appear in the stream, member, platform or note (any case, any accent). */
  text: string;
  /** An amount range in `currency` (entries in other currencies do not match it). */
  amountMin: MinorUnits | null;
  amountMax: MinorUnits | null;
  currency: CurrencyCode | null;
  from: IsoDate | null;
  to: IsoDate | null;
  memberId: string | null;
  streamId: string | null;
  kind: StreamKind | null;
  status: EntryStatus | null;
}

export const EMPTY_SEARCH: EntrySearch = {
  text: '',
  amountMin: null,
  amountMax: null,
  currency: null,
  from: null,
  to: null,
  memberId: null,
  streamId: null,
  kind: null,
  status: null,
};

/**
 * Text as compared: decomposed (NFD) with the combining marks dropped, so "Nguyễn", "NGUYEN" and
 * "nguyen" are one word, as are "Peñafrancia" and "penafrancia" and "Bogor" and "bógor". Đ/đ is a
 * letter of its own in Vietnamese, not d with a mark, so NFD keeps it: it is mapped by hand,
 * since a person typing on a plain keyboard writes "dong" for "đồng".
 */
export function foldText(text: string): string {
  return text.normalize('NFD').replace(/\p{M}/gu, '').replace(/[đĐ]/g, 'd').toLowerCase();
}

/** The words of a query, folded; empty when the query is blank. */
export function searchWords(text: string): string[] {
  return foldText(text).split(/\s+/).filter(Boolean);
}

/** Every word appears in at least one of the (already folded) fields. */
export function matchesWords(words: readonly string[], foldedFields: readonly string[]): boolean {
  return words.every((word) => foldedFields.some((field) => field.includes(word)));
}

/** True when the search asks for something beyond the browse filters. */
export function isSearching(search: EntrySearch): boolean {
  return (
    searchWords(search.text).length > 0 ||
    search.amountMin !== null ||
    search.amountMax !== null ||
    search.from !== null ||
    search.to !== null
  );
}

/**
 * Throws `search/inverted-amounts` or `search/inverted-dates` for a range whose end is before
 * its start: such a search says so and shows nothing, rather than everything.
 * An amount range needs its currency (`search/amount-currency`).
 */
export function checkSearch(search: EntrySearch): void {
  if (search.amountMin !== null && search.amountMax !== null && search.amountMin > search.amountMax)
    throw new AnyamError('search/inverted-amounts', { field: 'amountMax' });
  if (search.from !== null && search.to !== null && search.from > search.to)
    throw new AnyamError('search/inverted-dates', { field: 'to' });
  if ((search.amountMin !== null || search.amountMax !== null) && !search.currency)
    throw new AnyamError('search/amount-currency', { field: 'currency' });
}

/**
 * The predicate one entry goes through. Streams and members are folded once here (tens of
 * rows), so that each of 100,000 entries costs a few map lookups and, only when the text did not
 * already match its stream or member, one fold of its note.
 */
export function compileSearch(
  search: EntrySearch,
  streams: readonly Stream[],
  members: readonly Member[],
): (entry: Entry) => boolean {
  checkSearch(search);
  const words = searchWords(search.text);
  const memberText = new Map(members.map((m) => [m.id, foldText(m.name)]));
  const streamText = new Map(
    streams.map((s) => [s.id, [foldText(s.name), foldText(s.platform)].join('\n')]),
  );
  const streamKind = new Map(streams.map((s) => [s.id, s.kind]));
  const { amountMin, amountMax, currency, from, to } = search;
  const ranged = amountMin !== null || amountMax !== null;
  return (entry) => {
    if (entry.deletedAt !== null) return false;
    if (search.streamId !== null && entry.streamId !== search.streamId) return false;
    if (search.memberId !== null && entry.memberId !== search.memberId) return false;
    if (search.status !== null && entry.status !== search.status) return false;
    if (search.kind !== null && streamKind.get(entry.streamId) !== search.kind) return false;
    if (from !== null && entry.date < from) return false;
    if (to !== null && entry.date > to) return false;
    if (ranged) {
      if (entry.currency !== currency) return false;
      if (amountMin !== null && entry.amountMinor < amountMin) return false;
      if (amountMax !== null && entry.amountMinor > amountMax) return false;
    }
    if (words.length === 0) return true;
    const known = [streamText.get(entry.streamId) ?? '', memberText.get(entry.memberId) ?? ''];
    if (matchesWords(words, known)) return true;
    return entry.note !== '' && matchesWords(words, [...known, foldText(entry.note)]);
  };
}

/** The sum of found entries in the base currency; entries with no rate are counted apart. */
export interface SearchTotal {
  baseMinor: MinorUnits;
  missingRate: number;
  count: number;
}

export const EMPTY_TOTAL: SearchTotal = { baseMinor: minor(0), missingRate: 0, count: 0 };

/** `total` plus `entries`, each converted with the rate in force on its own date. */
export function addToTotal(
  total: SearchTotal,
  entries: readonly Entry[],
  baseCurrency: CurrencyCode,
  rates: readonly RateRecordLike[],
): SearchTotal {
  let { baseMinor, missingRate, count } = total;
  for (const e of entries) {
    const converted = baseMinorOrNull(e.amountMinor, e.currency, baseCurrency, e.date, rates);
    if (converted === null) missingRate++;
    else baseMinor = addMinor(baseMinor, converted);
    count++;
  }
  return { baseMinor, missingRate, count };
}
