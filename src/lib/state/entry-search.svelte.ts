import { searchEntries, type SearchProgress } from '../db/repo/entry-search';
import { liveRates } from '../domain/base-amount';
import type { Entry, MonthKey } from '../domain/model';
import { addToTotal, EMPTY_TOTAL, type EntrySearch, type SearchTotal } from '../domain/search';
import { household } from './household.svelte';
import { displayName } from '../i18n/sample-labels';

export interface MonthOfResults {
  month: MonthKey;
  entries: Entry[];
}

/**
 * One search on screen: its months of results as they arrive (newest first), their total in the
 * base currency, and how far it has read. Starting a search stops the one before it.
 */
export class SearchRun {
  #query = $state.raw<EntrySearch | null>(null);
  #groups = $state.raw<MonthOfResults[]>([]);
  #total = $state.raw<SearchTotal>(EMPTY_TOTAL);
  #progress = $state.raw<SearchProgress | null>(null);
  #running = $state(false);
  #error = $state.raw<unknown>(null);
  /** Counts the searches started (the benchmark tells one search's rows from the last one's). */
  #generation = $state(0);
  /** The same count, read by the search's callbacks (plain: no reader depends on it). */
  #started = 0;

  /** The search on screen; null while browsing by month. */
  get query(): EntrySearch | null {
    return this.#query;
  }
  /** Its months of results so far, newest first. */
  get groups(): MonthOfResults[] {
    return this.#groups;
  }
  /** What they add up to in the base currency (and how many lack a rate). */
  get total(): SearchTotal {
    return this.#total;
  }
  /** How far it has read; null before the first month. */
  get progress(): SearchProgress | null {
    return this.#progress;
  }
  get running(): boolean {
    return this.#running;
  }
  /** Why it stopped, when it failed; null otherwise. */
  get error(): unknown {
    return this.#error;
  }
  get generation(): number {
    return this.#generation;
  }

  /** Runs `query` (again, after an edit or a delete, when it is the same one). */
  async start(query: EntrySearch): Promise<void> {
    const generation = ++this.#started;
    this.#generation = generation;
    const current = () => generation === this.#started;
    this.#query = query;
    this.#groups = [];
    this.#total = EMPTY_TOTAL;
    this.#progress = null;
    this.#error = null;
    this.#running = true;
    const rates = liveRates(household.rates);
    const base = household.baseCurrency;
    try {
      await searchEntries(
        query,
        // Found by the names the person reads (a sample's in the current language).
        {
          streams: household.streams.map((s) => ({ ...s, name: displayName(s.name) })),
          members: household.members.map((x) => ({ ...x, name: displayName(x.name) })),
        },
        {
          isCancelled: () => !current(),
          onMonth: (month, entries) => {
            this.#groups = [...this.#groups, { month, entries }];
            this.#total = addToTotal(this.#total, entries, base, rates);
          },
          onProgress: (progress) => (this.#progress = progress),
        },
      );
    } catch (error) {
      if (current()) this.#error = error;
    } finally {
      if (current()) this.#running = false;
    }
  }

  /** Back to browsing by month; a search still reading stops. */
  clear(): void {
    this.#started++;
    this.#query = null;
    this.#groups = [];
    this.#total = EMPTY_TOTAL;
    this.#progress = null;
    this.#running = false;
    this.#error = null;
  }
}
