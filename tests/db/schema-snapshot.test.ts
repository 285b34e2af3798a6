import 'fake-indexeddb/auto';
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { afterAll, expect, it } from 'vitest';
import type { AnyamDatabase } from '../../src/lib/db/database';
import { dropDatabase, freshDatabase } from './helpers';

/*
 * The schema as IndexedDB actually holds it after opening, compared with the committed
 * src/lib/db/schema-snapshot.json: dropping a table or an index (or changing a key path) has to
 * be a deliberate edit of that file, reviewed with the migration that does it.
 * After such a deliberate change: UPDATE_SCHEMA_SNAPSHOT=1 npx vitest run tests/db/schema-snapshot.test.ts
 * (then `npx prettier --write src/lib/db/schema-snapshot.json`).
 */

const SNAPSHOT = fileURLToPath(new URL('../../src/lib/db/schema-snapshot.json', import.meta.url));

interface IndexShape {
  keyPath: string | string[];
  unique: boolean;
  multiEntry: boolean;
}
interface TableShape {
  keyPath: string | string[] | null;
  autoIncrement: boolean;
  indexes: Record<string, IndexShape>;
}
interface SchemaSnapshot {
  version: number;
  tables: Record<string, TableShape>;
}

async function liveSchema(db: AnyamDatabase): Promise<SchemaSnapshot> {
  await db.open();
  const idb = db.backendDB();
  const names = [...idb.objectStoreNames].sort();
  const tx = idb.transaction(names, 'readonly');
  const tables: Record<string, TableShape> = {};
  for (const name of names) {
    const store = tx.objectStore(name);
    const indexes: Record<string, IndexShape> = {};
    for (const indexName of [...store.indexNames].sort()) {
      const index = store.index(indexName);
      indexes[indexName] = {
        keyPath: Array.isArray(index.keyPath) ? [...index.keyPath] : index.keyPath,
        unique: index.unique,
        multiEntry: index.multiEntry,
      };
    }
    tables[name] = {
      keyPath: Array.isArray(store.keyPath) ? [...store.keyPath] : store.keyPath,
      autoIncrement: store.autoIncrement,
      indexes,
    };
  }
  return { version: db.verno, tables };
}

let db: AnyamDatabase;
afterAll(() => dropDatabase(db));

it('matches the committed schema snapshot', async () => {
  db = freshDatabase('snapshot');
  const live = await liveSchema(db);
  if (process.env.UPDATE_SCHEMA_SNAPSHOT) {
    writeFileSync(SNAPSHOT, `${JSON.stringify(live, null, 2)}\n`);
  }
  const committed = JSON.parse(readFileSync(SNAPSHOT, 'utf8')) as SchemaSnapshot;
  expect(live).toEqual(committed);
});
