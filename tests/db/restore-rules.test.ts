import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { applyRestore, readBackupFile } from '../../src/lib/db/backup';
import { serializeBackup, type BackupMeta } from '../../src/lib/db/backup/backup-format';
import { encryptBackupText } from '../../src/lib/db/backup/crypto';
import { gzipText } from '../../src/lib/db/backup/gzip';
import type { JobProgress } from '../../src/lib/db/backup/cancel';
import type { AnyamDatabase } from '../../src/lib/db/database';
import { TABLE_NAMES, type HouseholdTables } from '../../src/lib/domain/model';
import { householdFactory } from '../factories';
import { checksumTables } from './checksum';
import { dropDatabase, freshDatabase } from './helpers';
import { errorOf } from '../refusal';

/*
 * The rules of restore.ts that the round-trip and merge tests do not state: what reading a file
 * reports, which household a changes-only file may join, what Replace and Merge count, report
 * and return (the oldest record written starts the next changes-only file).
 */

const META: BackupMeta = {
  exportedAt: '2026-11-02T09:30:00.000Z',
  app: { name: 'Anyam', version: 'test' },
};

let db: AnyamDatabase;
beforeEach(() => {
  db = freshDatabase('restore-rules');
});
afterEach(() => dropDatabase(db));

const household = (seed = 5): HouseholdTables =>
  householdFactory.build({ seed, months: 2, entriesPerMonth: 6 });

const rowCount = (h: HouseholdTables) =>
  TABLE_NAMES.reduce((n, t) => n + (h[t] as unknown[]).length, 0);

const oldestUpdate = (rows: { updatedAt: string }[]) =>
  rows.map((r) => r.updatedAt).reduce((a, b) => (b < a ? b : a));

async function replaceWith(tables: HouseholdTables): Promise<void> {
  await applyRestore(await readBackupFile(serializeBackup(tables, META)), 'replace');
}

describe('reading a file', () => {
  it('reports reading (0 of 1, then 1 of 1) before it checks the records', async () => {
    const phases: JobProgress[] = [];
    await readBackupFile(serializeBackup(household(), META), {
      onProgress: (p) => phases.push(p),
    });
    expect(phases.slice(0, 2)).toEqual([
      { phase: 'reading', done: 0, total: 1 },
      { phase: 'reading', done: 1, total: 1 },
    ]);
  });

  it('keeps a byte order mark inside a record, dropping only the one that starts the text', async () => {
    const tables = household();
    tables.entries[0]!.note = 'a\uFEFFb';
    const noteOf = (read: { backup: { tables: HouseholdTables } }) =>
      read.backup.tables.entries.find((e) => e.id === tables.entries[0]!.id)?.note;
    const text = serializeBackup(tables, META);
    expect(noteOf(await readBackupFile(text))).toBe('a\uFEFFb');
    expect(noteOf(await readBackupFile(`\uFEFF${text}`))).toBe('a\uFEFFb');
  });

  it('then reports the checking of the records, up to every row of the file', async () => {
    const tables = household();
    const reports: JobProgress[] = [];
    await readBackupFile(serializeBackup(tables, META), { onProgress: (p) => reports.push(p) });
    expect(reports.at(-1)).toEqual({
      phase: 'validating',
      done: rowCount(tables),
      total: rowCount(tables),
    });
  });

  it('reads a text that starts with a byte order mark as the same file', async () => {
    const text = serializeBackup(household(), META);
    const plain = await readBackupFile(text);
    const marked = await readBackupFile(`\uFEFF${text}`);
    expect(marked.backup).toEqual(plain.backup);
  });

  it('says whether the file was compressed or encrypted', async () => {
    const text = serializeBackup(household(), META);
    expect((await readBackupFile(text)).summary).toMatchObject({
      compressed: false,
      encrypted: false,
    });
    const gz = new Blob([await gzipText(text)], { type: 'application/gzip' });
    expect((await readBackupFile(gz)).summary).toMatchObject({
      compressed: true,
      encrypted: false,
    });
    const sealed = await encryptBackupText(text, 'kata sandi', {
      iterations: 1_000,
      allowWeakIterationsForTests: true,
    });
    expect((await readBackupFile(sealed, { passphrase: 'kata sandi' })).summary).toMatchObject({
      compressed: false,
      encrypted: true,
    });
  });

  it('asks for the passphrase of an encrypted file when none or an empty one is given, naming its iterations', async () => {
    const sealed = await encryptBackupText(serializeBackup(household(), META), 'kata sandi', {
      iterations: 1_000,
      allowWeakIterationsForTests: true,
    });
    for (const passphrase of [undefined, '']) {
      const error = await errorOf(readBackupFile(sealed, { passphrase }));
      expect(error.code).toBe('backup/passphrase-required');
      expect(error.details).toEqual({ iterations: 1_000 });
    }
  });
});

describe('a changes-only file joins only the household it came from', () => {
  const tables = household();
  const id = tables.settings[0]!.id;
  const otherId = '00000000-0000-4000-8000-0000000000aa';
  // A changes-only file carries its own household's settings row.
  const changesOf = (householdId: string) => {
    const file = structuredClone(tables);
    file.settings[0]!.id = householdId;
    return serializeBackup(file, {
      ...META,
      changes: { since: '2026-01-01T00:00:00.000Z', household: householdId },
    });
  };

  it('is refused on a phone with no household yet, naming both households', async () => {
    const error = await errorOf(readBackupFile(changesOf(id)));
    expect(error.code).toBe('backup/other-household');
    expect(error.details).toEqual({
      household: id,
      local: null,
      householdName: tables.settings[0]!.householdName,
    });
  });

  it('is refused on a phone with no household yet even when it names a household known there', async () => {
    const error = await errorOf(readBackupFile(changesOf(id), { knownHouseholds: [id] }));
    expect(error.code).toBe('backup/other-household');
  });

  it("is read on this household's phone, or one that has merged that household's files", async () => {
    await replaceWith(tables);
    expect((await readBackupFile(changesOf(id))).summary.changes?.household).toBe(id);
    const error = await errorOf(readBackupFile(changesOf(otherId)));
    expect(error.code).toBe('backup/other-household');
    expect(error.details).toMatchObject({ household: otherId, local: id });
    const known = await readBackupFile(changesOf(otherId), { knownHouseholds: [otherId] });
    expect(known.backup.changes?.household).toBe(otherId);
  });

  it('is never restored with Replace, and nothing is written', async () => {
    await replaceWith(tables);
    const before = await checksumTables(db);
    const prepared = await readBackupFile(changesOf(id));
    expect((await errorOf(applyRestore(prepared, 'replace'))).code).toBe('backup/partial-replace');
    expect(await checksumTables(db)).toEqual(before);
  });
});

describe('Replace', () => {
  it("leaves exactly the file's records: this phone's others are gone", async () => {
    await replaceWith(household(3));
    const tables = household(7);
    await applyRestore(await readBackupFile(serializeBackup(tables, META)), 'replace');
    for (const t of TABLE_NAMES) {
      const ids = (await db.table(t).toCollection().primaryKeys()).map(String).sort();
      expect(ids, t).toEqual((tables[t] as { id: string }[]).map((r) => r.id).sort());
    }
  });

  it('counts every row of the file per table, and returns the oldest record written', async () => {
    const tables = household(7);
    const result = await applyRestore(
      await readBackupFile(serializeBackup(tables, META)),
      'replace',
    );
    expect(result.mode).toBe('replace');
    for (const t of TABLE_NAMES) expect(result.written[t], t).toBe((tables[t] as unknown[]).length);
    const all = TABLE_NAMES.flatMap((t) => tables[t] as { updatedAt: string }[]);
    expect(result.oldestWritten).toBe(oldestUpdate(all));
  });

  it('reports each chunk written, counting up to every row of the file', async () => {
    const tables = household(7);
    const total = rowCount(tables);
    const writing: JobProgress[] = [];
    await applyRestore(await readBackupFile(serializeBackup(tables, META)), 'replace', {
      chunkSize: 10,
      onProgress: (p) => p.phase === 'writing' && writing.push(p),
    });
    expect(writing.every((p) => p.total === total)).toBe(true);
    const done = writing.map((p) => p.done);
    for (let i = 1; i < done.length; i++) {
      expect(done[i]! - done[i - 1]!).toBeGreaterThan(0);
      expect(done[i]! - done[i - 1]!).toBeLessThanOrEqual(10);
    }
    expect(done.at(-1)).toBe(total);
    // One report per chunk of each table.
    const chunks = TABLE_NAMES.reduce(
      (n, t) => n + Math.ceil((tables[t] as unknown[]).length / 10),
      0,
    );
    expect(done.length).toBe(chunks);
  });
});

describe('Merge', () => {
  it('writes nothing and returns no oldest record when the file holds nothing new', async () => {
    const tables = household(9);
    await replaceWith(tables);
    const result = await applyRestore(await readBackupFile(serializeBackup(tables, META)), 'merge');
    expect(result.mode).toBe('merge');
    expect(Object.values(result.written).every((n) => n === 0)).toBe(true);
    expect(result.oldestWritten).toBeNull();
  });

  it('counts the rows it writes per table and returns the oldest record the file carried', async () => {
    const tables = household(9);
    await replaceWith(tables);
    const file = structuredClone(tables);
    const edited = file.entries.slice(0, 3);
    edited.forEach((e, i) => {
      e.note = `edited ${i}`;
      e.updatedAt = `2026-11-0${i + 1}T00:00:00.000Z`;
    });
    const member = file.members[0]!;
    member.name = 'Renamed';
    member.updatedAt = '2026-11-05T00:00:00.000Z';
    const result = await applyRestore(await readBackupFile(serializeBackup(file, META)), 'merge', {
      chunkSize: 2,
    });
    expect(result.written.entries).toBe(3);
    expect(result.written.members).toBe(1);
    const others = TABLE_NAMES.filter((t) => t !== 'entries' && t !== 'members');
    expect(others.every((t) => result.written[t] === 0)).toBe(true);
    expect(result.oldestWritten).toBe('2026-11-01T00:00:00.000Z');
    expect((await db.entries.get(edited[2]!.id))?.note).toBe('edited 2');
  });

  it("does not count this phone's own entries that only follow their stream as carried by the file", async () => {
    const tables = household(9);
    await replaceWith(tables);
    const stream = tables.streams[0]!;
    const other = tables.members.find((m) => m.id !== stream.memberId)!;
    const file = structuredClone(tables);
    file.streams[0] = { ...stream, memberId: other.id, updatedAt: '2026-11-20T00:00:00.000Z' };
    // The file carries the moved stream but none of its entries.
    file.entries = file.entries.filter((e) => e.streamId !== stream.id);
    const result = await applyRestore(await readBackupFile(serializeBackup(file, META)), 'merge');
    expect(result.written.streams).toBe(1);
    expect(result.written.entries).toBe(
      tables.entries.filter((e) => e.streamId === stream.id).length,
    );
    expect(result.written.entries).toBeGreaterThan(0);
    expect(result.oldestWritten).toBe('2026-11-20T00:00:00.000Z');
  });

  it('reports reading as the first half and writing as the second, ending at twice the file', async () => {
    const tables = household(9);
    await replaceWith(tables);
    const file = structuredClone(tables);
    file.entries.forEach((e, i) => {
      e.note = `edited ${i}`;
      e.updatedAt = '2026-11-10T00:00:00.000Z';
    });
    const total = rowCount(file);
    const writing: JobProgress[] = [];
    await applyRestore(await readBackupFile(serializeBackup(file, META)), 'merge', {
      chunkSize: 5,
      onProgress: (p) => p.phase === 'writing' && writing.push(p),
    });
    expect(writing.every((p) => p.total === total * 2)).toBe(true);
    const done = writing.map((p) => p.done);
    for (let i = 1; i < done.length; i++) expect(done[i]!).toBeGreaterThanOrEqual(done[i - 1]!);
    expect(done.at(-1)).toBe(total * 2);
    // The reading half, chunk by chunk from 0 up to the file's size, comes first.
    const first = done.filter((d) => d <= total);
    expect(done.slice(0, first.length)).toEqual(first);
    expect(first[0]).toBe(0);
    expect(first.at(-1)).toBe(total);
    expect(first.length).toBeGreaterThanOrEqual(2 + Math.ceil(file.entries.length / 5));
    // The writing half: one report per chunk of rows written, and one at the end.
    const second = done.filter((d) => d > total);
    const puts = file.entries.length;
    expect(second.length).toBe(Math.ceil(puts / 5) + 1);
    expect(second[0]).toBe(total + Math.round((5 / puts) * total));
  });

  it('stops on a Cancel pressed while this phone is read and compared, writing nothing', async () => {
    const tables = household(9);
    await replaceWith(tables);
    const before = await checksumTables(db);
    const file = structuredClone(tables);
    file.entries.forEach((e) => (e.updatedAt = '2026-11-10T00:00:00.000Z'));
    const total = rowCount(file);
    const controller = new AbortController();
    const cancelled = applyRestore(await readBackupFile(serializeBackup(file, META)), 'merge', {
      chunkSize: 5,
      signal: controller.signal,
      onProgress: (p) => p.done > 0 && p.done < total && controller.abort(),
    });
    expect((await errorOf(cancelled)).code).toBe('import/cancelled');
    expect(await checksumTables(db)).toEqual(before);
  });

  it('merges a changes-only file of this household', async () => {
    const tables = household(9);
    await replaceWith(tables);
    const file = structuredClone(tables);
    file.members[0]!.name = 'Renamed';
    file.members[0]!.updatedAt = '2026-11-10T00:00:00.000Z';
    const changes = serializeBackup(file, {
      ...META,
      changes: { since: '2026-11-01T00:00:00.000Z', household: tables.settings[0]!.id },
    });
    const result = await applyRestore(await readBackupFile(changes), 'merge');
    expect(result.written.members).toBe(1);
    expect((await db.members.get(file.members[0]!.id))?.name).toBe('Renamed');
  });

  it('reports a file with nothing to write as done', async () => {
    const tables = household(9);
    await replaceWith(tables);
    const total = rowCount(tables);
    const writing: JobProgress[] = [];
    await applyRestore(await readBackupFile(serializeBackup(tables, META)), 'merge', {
      onProgress: (p) => p.phase === 'writing' && writing.push(p),
    });
    expect(writing.at(-1)).toEqual({ phase: 'writing', done: total * 2, total: total * 2 });
  });
});
