import { vi } from 'vitest';

/**
 * Calls `seen` with the stores of every IndexedDB transaction opened from now on (each then
 * opens as it would). Installed before any database opens: Dexie binds the method when it opens
 * one. The file must import 'fake-indexeddb/auto' first.
 */
export function onEachTransaction(seen: (stores: string[]) => void): void {
  const real = Object.getOwnPropertyDescriptor(IDBDatabase.prototype, 'transaction')!.value as (
    this: IDBDatabase,
    ...args: Parameters<IDBDatabase['transaction']>
  ) => IDBTransaction;
  vi.spyOn(IDBDatabase.prototype, 'transaction').mockImplementation(function (
    this: IDBDatabase,
    stores: string | Iterable<string>,
    ...rest: [IDBTransactionMode?, IDBTransactionOptions?]
  ) {
    seen(typeof stores === 'string' ? [stores] : [...stores]);
    return real.call(this, stores, ...rest);
  });
}
