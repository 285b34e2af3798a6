import type Dexie from 'dexie';
import type { Migration } from './types';
import { v1 } from './v1';
import { v2 } from './v2';
import { v3 } from './v3';
import { v4 } from './v4';
import { v5 } from './v5';
import { v6 } from './v6';
import { v7 } from './v7';

export type { Migration } from './types';

/**
 * Every schema version, oldest first. A new version is a new file appended here, with its
 * fixture in tests/db/fixtures (the upgrade test fails for a version without one). Old entries
 * are never edited: a browser that still holds that version upgrades through them.
 */
export const MIGRATIONS: readonly Migration[] = [v1, v2, v3, v4, v5, v6, v7];

export const CURRENT_VERSION: number = MIGRATIONS[MIGRATIONS.length - 1]!.version;

/** Declares the versions up to and including `upTo` on a Dexie instance that is not yet open. */
export function declareVersions(db: Dexie, upTo: number = CURRENT_VERSION): void {
  for (const migration of MIGRATIONS) {
    if (migration.version > upTo) break;
    const version = db.version(migration.version).stores({ ...migration.stores });
    if (migration.upgrade) version.upgrade(migration.upgrade);
  }
}

/** The stores as they stand at `version`: each version's declaration overrides the earlier ones. */
export function storesAt(version: number): Record<string, string> {
  const stores: Record<string, string> = {};
  for (const migration of MIGRATIONS) {
    if (migration.version > version) break;
    for (const [table, spec] of Object.entries(migration.stores)) {
      if (spec === null) delete stores[table];
      else stores[table] = spec;
    }
  }
  return stores;
}
