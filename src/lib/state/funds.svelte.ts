// Straight from the modules rather than the repo index (see household.svelte.ts).
import { listFunds, listSetAsides } from '../db/repo/funds';
import { listSkipsAhead } from '../db/repo/skips';
import { todayIso } from '../domain/dates';
import { fundsProgress, setAsideByEntry, type FundProgress } from '../domain/funds';
import type { Entry, Fund, SetAside, Skip } from '../domain/model';
import { takeEarly } from './early-read';
import { household } from './household.svelte';
import { LiveQuery } from './live-query.svelte';

/**
 * The household's funds for big dates and the money set aside for them, as live rune state
 * shared by the funds view, the entries' "Set aside" and the dashboard (whose buffer counts free
 * savings only). Tens of rows each, read whole.
 */
export class FundsState {
  // A returning visit's first values come from its one early read (state/early-read.ts).
  readonly #funds = new LiveQuery<Fund[]>(() => listFunds()).seedFrom(() => takeEarly('funds'));
  readonly #setAsides = new LiveQuery<SetAside[]>(() => listSetAsides()).seedFrom(() =>
    takeEarly('setAsides'),
  );
  readonly #skips = new LiveQuery<Skip[]>(() => listSkipsAhead(todayIso())).seedFrom(() =>
    takeEarly('skipsAhead'),
  );
  readonly #fundRows = $derived(this.#funds.current ?? []);
  readonly #setAsideRows = $derived(this.#setAsides.current ?? []);
  readonly #progress = $derived(
    fundsProgress({
      funds: this.#fundRows,
      setAsides: this.#setAsideRows,
      streams: household.streams,
      skips: this.#skips.current ?? [],
      rates: household.rates,
      baseCurrency: household.baseCurrency,
      today: todayIso(),
    }),
  );
  readonly #byEntry = $derived(setAsideByEntry(this.#setAsideRows));

  get funds(): Fund[] {
    return this.#fundRows;
  }
  get setAsides(): SetAside[] {
    return this.#setAsideRows;
  }
  /** Every live fund's progress today, soonest date first (domain/funds.ts). */
  get progress(): FundProgress[] {
    return this.#progress;
  }
  /** Funds money can still be set aside for: live, date today or later, not yet reached. */
  get open(): FundProgress[] {
    return this.#progress.filter((p) => p.status === 'active');
  }
  /** Money already set aside from an entry. */
  setAsideFrom(entryId: string): number {
    return this.#byEntry.get(entryId) ?? 0;
  }
  /** Both tables have answered once. */
  get loaded(): boolean {
    return this.#funds.current !== undefined && this.#setAsides.current !== undefined;
  }
  get error(): unknown {
    return this.#funds.error ?? this.#setAsides.error;
  }
}

export const fundsState = new FundsState();

/** The received entry whose "Set aside" was tapped: the set-aside dialog opens on it. */
export const setAsideRequest = $state<{ entry: Entry | null }>({
  entry: null,
});
