/**
 * IndexedDB's own open, without Dexie and without a version, for the two readers that must never
 * change the database: the first score's worker (first-score.ts) and the page's warm-up
 * (warm-database.ts). A database that does not exist is not created (its upgrade is aborted:
 * the page's Dexie creates it, with its schema), and the connection closes itself as soon as
 * another connection asks for an upgrade or a deletion, so it is never in their way.
 */
export function openExisting(factory: IDBFactory, name: string): Promise<IDBDatabase | null> {
  return new Promise((resolve) => {
    let open: IDBOpenDBRequest;
    try {
      open = factory.open(name);
    } catch {
      resolve(null);
      return;
    }
    // Only a database that does not exist yet asks for an upgrade without a version.
    open.onupgradeneeded = () => open.transaction?.abort();
    open.onerror = (event) => {
      event.preventDefault();
      resolve(null);
    };
    open.onsuccess = () => {
      const db = open.result;
      db.onversionchange = () => db.close();
      resolve(db);
    };
  });
}
