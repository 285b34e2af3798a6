// Straight from each module rather than the repo index, so that a view which only reads (the
// dashboard) does not pull in every write path and its validation.
import { listMembers } from '../db/repo/members';
import { listPlans } from '../db/repo/plans';
import { listRates } from '../db/repo/rates';
import { listSavings } from '../db/repo/savings';
import { listPlaces } from '../db/repo/places';
import { getSettings } from '../db/repo/settings';
import { listStreams } from '../db/repo/streams';
import { listTraining } from '../db/repo/training';
import type {
  Member,
  Place,
  Plan,
  Rate,
  Saving,
  Settings,
  Stream,
  Training,
} from '../domain/model';
import { displayName } from '../i18n/sample-labels';
import { takeEarly } from './early-read';
import { LiveQuery } from './live-query.svelte';

export { readEarly } from './early-read';

/**
 * The household's small tables as live rune state, shared by every view: a write anywhere (this
 * tab or another) re-renders whoever reads them. Entries and rollups are not here: views query
 * those by month through their own LiveQuery so that nothing reads the whole history.
 *
 * Records are exactly as stored: a sample household's names are tokens ("{{sample:salary}}"),
 * and whoever shows one calls displayName (i18n/sample-labels.ts) when it renders; a form writes
 * back what storedName gives. One form of each name lives here, never a translated copy.
 */
export class Household {
  // Each first value comes from the returning visit's one early read transaction, when there is
  // one (early-read.ts, issue 29), instead of a query of its own.
  readonly #settings = new LiveQuery<Settings | null>(
    async () => (await getSettings()) ?? null,
  ).seedFrom(() => takeEarly('settings'));
  readonly #members = new LiveQuery<Member[]>(() => listMembers()).seedFrom(() =>
    takeEarly('members'),
  );
  readonly #streams = new LiveQuery<Stream[]>(() => listStreams()).seedFrom(() =>
    takeEarly('streams'),
  );
  readonly #plans = new LiveQuery<Plan[]>(() => listPlans()).seedFrom(() => takeEarly('plans'));
  readonly #savings = new LiveQuery<Saving[]>(() => listSavings()).seedFrom(() =>
    takeEarly('savings'),
  );
  readonly #places = new LiveQuery<Place[]>(() => listPlaces()).seedFrom(() => takeEarly('places'));
  readonly #rates = new LiveQuery<Rate[]>(() => listRates()).seedFrom(() => takeEarly('rates'));
  readonly #training = new LiveQuery<Training[]>(() => listTraining());

  // Read through $derived, as the rows come (no copy, no translation): a derived keeps its
  // query subscribed for a reader outside any effect too (an event handler, a test).
  readonly #settingsRow = $derived(this.#settings.current);
  readonly #memberRows = $derived(this.#members.current ?? []);
  readonly #streamRows = $derived(this.#streams.current ?? []);
  readonly #planRows = $derived(this.#plans.current ?? []);
  readonly #trainingRows = $derived(this.#training.current ?? []);
  readonly #placeRows = $derived(this.#places.current ?? []);

  /** undefined while loading; null when the household has not been set up yet. */
  get settings(): Settings | null | undefined {
    return this.#settingsRow;
  }
  get loaded(): boolean {
    return this.#settings.current !== undefined;
  }
  /**
   * Every small table has answered once (with its rows, or with an error: see `error`). A view
   * that computes from several of them (the dashboard) waits for this: computing as each arrives
   * would draw a wrong figure, then redraw every chart once per table.
   */
  get complete(): boolean {
    return this.#needed().every((q) => !q.loading);
  }
  /** The first failure among those tables, if any: a view shows it instead of partial figures. */
  get error(): unknown {
    return this.#needed().find((q) => q.error !== undefined)?.error;
  }
  #needed() {
    return [this.#settings, this.#members, this.#streams, this.#plans, this.#savings, this.#rates];
  }
  get members(): Member[] {
    return this.#memberRows;
  }
  get activeMembers(): Member[] {
    return this.members.filter((m) => !m.archived);
  }
  get streams(): Stream[] {
    return this.#streamRows;
  }
  get activeStreams(): Stream[] {
    return this.streams.filter((s) => !s.archived);
  }
  get plans(): Plan[] {
    return this.#planRows;
  }
  get savings(): Saving[] {
    return this.#savings.current ?? [];
  }
  get places(): Place[] {
    return this.#placeRows;
  }
  get rates(): Rate[] {
    return this.#rates.current ?? [];
  }
  get training(): Training[] {
    return this.#trainingRows;
  }
  get baseCurrency(): string {
    return this.settings?.baseCurrency || 'IDR';
  }
  /** True while any record of the "try a sample household" demo is present. */
  get hasSample(): boolean {
    return this.members.some((m) => m.isSample) || this.streams.some((s) => s.isSample);
  }
  /** The member's name as the person reads it (displayName of the stored one), '' if none. */
  memberName(id: string | null): string {
    const member = this.members.find((m) => m.id === id);
    return member ? displayName(member.name) : '';
  }
  stream(id: string): Stream | undefined {
    return this.streams.find((s) => s.id === id);
  }
}

export const household = new Household();
