// Issue 28 (2026-12-06): the rules of merge-plan-read.ts on a few fixed pairs of phones, so that a
// mutation run can state them in seconds. tests/db/merge-plan.test.ts states the same rules as
// properties (100–300 random pairs), which would take minutes for every surviving mutant.
import 'fake-indexeddb/auto';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  applyRestore,
  previewMerge,
  readBackupFile,
  type JobProgress,
} from '../../src/lib/db/backup';
import { serializeBackup } from '../../src/lib/db/backup/backup-format';
import { mergeTables } from '../../src/lib/db/backup/merge-plan';
import { TABLE_NAMES } from '../../src/lib/domain/model';
import { apply, base, phone } from '../unit/merge-phones';
import { dropDatabase } from './helpers';
import { META, phoneWith, tablesOf } from './merge-phones-db';

// Fixed pairs of phones that edited apart (entries edited, deleted and added, streams renamed,
// moved, stopped and deleted): the same every run.
const PAIRS = fc.sample(fc.tuple(phone('a'), phone('b')), { numRuns: 4, seed: 20261206 });

describe('reading a merge plan (merge-plan-read.ts)', () => {
  it('the merge writes what the merge rule gives, read whole, in chunks of any size, by id range or id by id', async () => {
    for (const [a, b] of PAIRS) {
      for (const options of [{}, { chunkSize: 1 }, { chunkSize: 7, lookup: 'get' as const }]) {
        const db = await phoneWith(a, 'plan-read');
        try {
          const prepared = await readBackupFile(serializeBackup(b, META));
          const before = await tablesOf(db);
          await applyRestore(prepared, 'merge', options);
          expect(await tablesOf(db)).toEqual(mergeTables(before, prepared.backup.tables));
        } finally {
          await dropDatabase(db);
        }
      }
    }
  }, 120_000);

  it("this phone's newer version of an entry is found and kept, whatever the chunk size", async () => {
    // Phone A edited entry 3 after phone B did; B also edited entry 7, which A left alone.
    const a = apply(base, [{ kind: 'edit', i: 3, t: 10, amount: 111 }], 'a');
    const b = apply(
      base,
      [
        { kind: 'edit', i: 3, t: 5, amount: 222 },
        { kind: 'edit', i: 7, t: 6, amount: 333 },
      ],
      'b',
    );
    for (const options of [{}, { chunkSize: 2 }, { chunkSize: 3, lookup: 'get' as const }]) {
      const db = await phoneWith(a, 'plan-read');
      try {
        await applyRestore(await readBackupFile(serializeBackup(b, META)), 'merge', options);
        const entries = await db.entries.orderBy(':id').toArray();
        expect(entries.find((e) => e.id === a.entries[3]!.id)?.amountMinor).toBe(111);
        expect(entries.find((e) => e.id === a.entries[7]!.id)?.amountMinor).toBe(333);
      } finally {
        await dropDatabase(db);
      }
    }
  });

  it('a file whose entries are not in id order (written by hand or another tool) merges the same', async () => {
    // Phone A edited entry 3 after phone B did: A's version must be found in every chunk.
    const a = apply(base, [{ kind: 'edit', i: 3, t: 10, amount: 111 }], 'a');
    const pairs: [typeof a, typeof a][] = [[a, base], ...PAIRS.slice(0, 2)];
    for (const [here, there] of pairs) {
      for (const chunkSize of [2, 3, 7]) {
        const db = await phoneWith(here, 'plan-read');
        try {
          const prepared = await readBackupFile(serializeBackup(there, META));
          // Reversed, then each half swapped: no chunk is in id order.
          const entries = prepared.backup.tables.entries.reverse();
          entries.push(...entries.splice(0, Math.floor(entries.length / 2)));
          const before = await tablesOf(db);
          await applyRestore(prepared, 'merge', { chunkSize });
          expect(await tablesOf(db)).toEqual(mergeTables(before, prepared.backup.tables));
        } finally {
          await dropDatabase(db);
        }
      }
    }
    const db = await phoneWith(a, 'plan-read');
    try {
      const prepared = await readBackupFile(serializeBackup(base, META));
      prepared.backup.tables.entries.reverse();
      await applyRestore(prepared, 'merge', { chunkSize: 4 });
      expect((await db.entries.get(a.entries[3]!.id))?.amountMinor).toBe(111);
    } finally {
      await dropDatabase(db);
    }
  }, 120_000);

  it("reads this phone's small tables whole, never its entries (100,000 of them, the file may touch a few)", async () => {
    const db = await phoneWith(base, 'plan-read');
    try {
      const prepared = await readBackupFile(serializeBackup(base, META));
      const read: string[] = [];
      const table = db.table.bind(db);
      db.table = (name: string) => (read.push(name), table(name));
      await previewMerge(prepared);
      expect(read).not.toContain('entries');
      expect([...new Set(read)].sort()).toEqual(TABLE_NAMES.filter((t) => t !== 'entries').sort());
    } finally {
      await dropDatabase(db);
    }
  });

  it('the preview is the same whatever the chunk size and the way this phone is read', async () => {
    const [a, b] = PAIRS[0]!;
    const db = await phoneWith(a, 'plan-read');
    try {
      const prepared = await readBackupFile(serializeBackup(b, META));
      const whole = await previewMerge(prepared);
      for (const chunkSize of [1, 2, 5, b.entries.length - 1, b.entries.length]) {
        expect(await previewMerge(prepared, { chunkSize })).toEqual(whole);
        expect(await previewMerge(prepared, { chunkSize, lookup: 'get' })).toEqual(whole);
      }
    } finally {
      await dropDatabase(db);
    }
  }, 60_000);

  it('reports 0 first, then the small tables read, then each chunk, ending at the total', async () => {
    const db = await phoneWith(base, 'plan-read');
    try {
      const prepared = await readBackupFile(serializeBackup(base, META));
      const seen: JobProgress[] = [];
      await previewMerge(prepared, { chunkSize: 10, onProgress: (p) => seen.push({ ...p }) });
      const total = TABLE_NAMES.reduce((n, t) => n + base[t].length, 0);
      const entries = base.entries.length;
      const expected = [0, total - entries];
      for (let done = 10; done < entries; done += 10) expected.push(total - entries + done);
      expected.push(total);
      expect(seen.map((p) => p.done)).toEqual(expected);
      expect(seen.every((p) => p.phase === 'reading' && p.total === total)).toBe(true);
      // Chunks that end exactly at the last entry: no empty chunk after it.
      const whole: number[] = [];
      await previewMerge(prepared, { chunkSize: entries, onProgress: (p) => whole.push(p.done) });
      expect(whole).toEqual([0, total - entries, total]);
    } finally {
      await dropDatabase(db);
    }
  });

  it('Cancel stops it after the chunk under way, before the next is read', async () => {
    const db = await phoneWith(base, 'plan-read');
    try {
      const prepared = await readBackupFile(serializeBackup(base, META));
      const cancel = new AbortController();
      const seen: number[] = [];
      const first = TABLE_NAMES.reduce((n, t) => n + base[t].length, 0) - base.entries.length;
      const reading = previewMerge(prepared, {
        chunkSize: 10,
        signal: cancel.signal,
        onProgress: (p) => {
          seen.push(p.done);
          if (p.done === first + 10) cancel.abort();
        },
      });
      await expect(reading).rejects.toMatchObject({ code: 'import/cancelled' });
      expect(seen.at(-1)).toBe(first + 10);
    } finally {
      await dropDatabase(db);
    }
  });
});
