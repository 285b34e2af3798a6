import Dexie, { type Table } from 'dexie';
import type {
  Entry,
  Fund,
  Member,
  Payment,
  Place,
  Plan,
  Rate,
  Rollup,
  Saving,
  SetAside,
  Settings,
  Skip,
  Stream,
  TableName,
  Training,
} from '../domain/model';
import type { Group, GroupPayment } from '../domain/group-model';
import type { Debt, Repayment } from '../domain/debt-model';
import { declareVersions } from './migrations';
import { TABLE_NAMES } from '../domain/model';
import { DATABASE_NAME } from './database-name';

export { DATABASE_NAME };

/** Every table, derived ones included: what a transaction over "everything" names. */
export type StoreName = TableName | 'rollups';
export const STORE_NAMES: readonly StoreName[] = [...TABLE_NAMES, 'rollups'];

export class AnyamDatabase extends Dexie {
  // `declare`: with ES2022 class fields a plain field would be re-initialised to undefined after
  // Dexie's constructor has attached the tables.
  declare settings: Table<Settings, string>;
  declare members: Table<Member, string>;
  declare streams: Table<Stream, string>;
  declare entries: Table<Entry, string>;
  declare rollups: Table<Rollup, string>;
  declare plans: Table<Plan, string>;
  declare places: Table<Place, string>;
  declare savings: Table<Saving, string>;
  declare rates: Table<Rate, string>;
  declare training: Table<Training, string>;
  declare payments: Table<Payment, string>;
  declare skips: Table<Skip, string>;
  declare funds: Table<Fund, string>;
  declare setAsides: Table<SetAside, string>;
  declare groups: Table<Group, string>;
  declare groupPayments: Table<GroupPayment, string>;
  declare debts: Table<Debt, string>;
  declare repayments: Table<Repayment, string>;

  #outdated = false;
  readonly #outdatedListeners = new Set<() => void>();

  constructor(name: string = DATABASE_NAME) {
    super(name);
    declareVersions(this);
    // Another tab opened a newer schema (or deleted the database). Dexie's own handler closes
    // this connection so that the other tab's upgrade is not blocked, but leaves auto-open on:
    // the next query would silently reopen the newer database with this tab's old code. Closing
    // for good turns every later query into a DatabaseClosedError and lets the shell ask for a
    // reload. Returning false stops Dexie's handler, which runs after ours and would re-enable
    // auto-open.
    this.on('versionchange', () => {
      this.close({ disableAutoOpen: true });
      this.markOutdated();
      return false;
    });
  }

  /** True once this tab's schema is no longer the one on disk; only a reload helps. */
  get outdated(): boolean {
    return this.#outdated;
  }

  markOutdated(): void {
    if (this.#outdated) return;
    this.#outdated = true;
    for (const listener of this.#outdatedListeners) listener();
  }

  /**
   * Calls `listener` once when the database becomes outdated (soon, if it already is: never
   * synchronously, so a caller in the middle of rendering is not made to write state).
   * Returns the unsubscribe.
   */
  onOutdated(listener: () => void): () => void {
    if (this.#outdated) queueMicrotask(listener);
    else this.#outdatedListeners.add(listener);
    return () => this.#outdatedListeners.delete(listener);
  }
}

/**
 * A handle on the database `name`. Dexie opens it (and runs pending upgrades) on first use, so
 * creating one is cheap and cannot fail.
 */
export function openDatabase(name: string = DATABASE_NAME): AnyamDatabase {
  return new AnyamDatabase(name);
}

let shared: AnyamDatabase | undefined;

/** The database every repository and live query uses: 'anyam' unless a test swapped it. */
export function getDb(): AnyamDatabase {
  shared ??= openDatabase();
  return shared;
}

/** Makes `next` the shared database (tests use an isolated one per case); returns the previous. */
export function useDatabase(next: AnyamDatabase): AnyamDatabase | undefined {
  const previous = shared;
  shared = next;
  return previous;
}
