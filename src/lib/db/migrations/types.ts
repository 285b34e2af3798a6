import type { Transaction } from 'dexie';

/**
 * One schema version. `stores` uses Dexie's syntax: the first key is the primary key, then the
 * indexes; `null` deletes a table. `upgrade` rewrites existing rows when their shape changes and
 * runs inside the version-change transaction, so a failure leaves the old database untouched.
 */
export interface Migration {
  readonly version: number;
  readonly stores: Readonly<Record<string, string | null>>;
  readonly upgrade?: (tx: Transaction) => Promise<void> | void;
}
