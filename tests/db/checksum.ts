import { createHash } from 'node:crypto';
import type Dexie from 'dexie';

/**
 * A SHA-256 per table over every row in primary-key order: two equal checksums mean the table
 * was not touched (no row added, removed or changed), which is how the tests prove that a
 * rejected write left nothing behind.
 */
export async function checksumTables(db: Dexie): Promise<Record<string, string>> {
  const sums: Record<string, string> = {};
  for (const table of [...db.tables].sort((a, b) => a.name.localeCompare(b.name))) {
    const rows = await table.orderBy(':id').toArray();
    sums[table.name] = createHash('sha256').update(JSON.stringify(rows)).digest('hex');
  }
  return sums;
}
