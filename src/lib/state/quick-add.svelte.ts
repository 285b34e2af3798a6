import type { Entry, IsoDate, MinorUnits } from '../domain/model';

/**
 * Where the entry form starts. Empty: a new entry on the last stream used, today. A caller that
 * knows more says it: the stream and day of a next step ("Log October's income"), the amount of
 * a due pay day's "Different amount", or `entry`, an entry to edit (then the rest is ignored).
 */
export interface EntryStart {
  streamId?: string;
  date?: IsoDate;
  amountMinor?: MinorUnits;
  entry?: Entry;
}

/**
 * The entry form, opened from anywhere: the one way in (the header's "+", the N key, a next step
 * on the dashboard, the due list's "Different amount", an entry row's edit). `saves` counts the
 * entries it wrote (and their Undo), so a view that is not live (a search's results) reads again.
 */
export class QuickAdd {
  #open = $state(false);
  #start = $state.raw<EntryStart>({});
  #saves = $state(0);

  get open(): boolean {
    return this.#open;
  }

  /** Where the form starts (read once, when it opens). */
  get start(): EntryStart {
    return this.#start;
  }

  get saves(): number {
    return this.#saves;
  }

  show(start: EntryStart = {}): void {
    this.#start = start;
    this.#open = true;
  }

  close(): void {
    this.#open = false;
  }

  /** An entry was written through the form, or its Undo ran. */
  wrote(): void {
    this.#saves++;
  }
}

export const quickAdd = new QuickAdd();
