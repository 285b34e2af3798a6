import 'fake-indexeddb/auto';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  applyRestore,
  exportHouseholdFile,
  previewMerge,
  readBackupFile,
} from '../../src/lib/db/backup';
import { serializeBackup } from '../../src/lib/db/backup/backup-format';
import { mergeTables } from '../../src/lib/db/backup/merge-plan';
import { TABLE_NAMES, type BaseRecord, type HouseholdTables } from '../../src/lib/domain/model';
import { phone, stamp } from '../unit/merge-phones';
import { checksumTables } from './checksum';
import { dropDatabase, expectRollupsConsistent } from './helpers';
import { META, phoneWith, tablesOf } from './merge-phones-db';

const byId = (a: BaseRecord, b: BaseRecord) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

describe('the merge preview and the merge, on a database', () => {
  it('applying the records the preview shows gives exactly the tables the merge writes (preview = result)', async () => {
    await fc.assert(
      fc.asyncProperty(phone('a'), phone('b'), async (a, b) => {
        const db = await phoneWith(a, 'plan');
        try {
          const before = await tablesOf(db);
          const prepared = await readBackupFile(serializeBackup(b, META));
          const preview = await previewMerge(prepared);
          // Small households: every record the merge writes is listed (no cap reached).
          const listed = preview.records.length;
          const counted = Object.values(preview.tables).reduce(
            (n, c) => n + c.added + c.changed + c.restored + c.deleted,
            0,
          );
          expect(listed).toBe(counted);
          const expected = {} as Record<string, BaseRecord[]>;
          for (const t of TABLE_NAMES) {
            const rows = new Map((before[t] as BaseRecord[]).map((r) => [r.id, r]));
            if (t === 'settings') {
              const put = preview.records.find((r) => r.table === 'settings');
              if (put) rows.clear();
            }
            for (const r of preview.records) if (r.table === t) rows.set(r.id, r.after);
            expected[t] = [...rows.values()].sort(byId);
          }
          await applyRestore(prepared, 'merge');
          const after = await tablesOf(db);
          expect(after).toEqual(expected);
          // And the app's merge is the planner the properties check (on the records as stored and
          // as read: names trimmed).
          expect(after).toEqual(mergeTables(before, prepared.backup.tables));
          expect(preview.nothingNew).toBe(JSON.stringify(after) === JSON.stringify(before));
          await expectRollupsConsistent(db);
        } finally {
          await dropDatabase(db);
        }
      }),
      { numRuns: 300 },
    );
  }, 600_000);

  it('gives the same plan in chunks as whole (a 5-row chunk size), read by id range or id by id', async () => {
    await fc.assert(
      fc.asyncProperty(phone('a'), phone('b'), async (a, b) => {
        const db = await phoneWith(a, 'plan');
        try {
          const prepared = await readBackupFile(serializeBackup(b, META));
          const whole = await previewMerge(prepared);
          const chunked = await previewMerge(prepared, { chunkSize: 5 });
          expect(chunked).toEqual(whole);
          // This phone's versions read id by id instead of by id range: the same plan.
          expect(await previewMerge(prepared, { chunkSize: 5, lookup: 'get' })).toEqual(whole);
          const before = await tablesOf(db);
          await applyRestore(prepared, 'merge', { chunkSize: 5 });
          expect(await tablesOf(db)).toEqual(mergeTables(before, prepared.backup.tables));
        } finally {
          await dropDatabase(db);
        }
      }),
      { numRuns: 100 },
    );
  }, 600_000);
});

describe('the preview of a large file', () => {
  it('reports its progress chunk by chunk, ending at the total, and stops on Cancel', async () => {
    const { base } = await import('../unit/merge-phones');
    const db = await phoneWith(base, 'plan');
    try {
      const prepared = await readBackupFile(serializeBackup(base, META));
      const seen: { phase: string; done: number; total: number }[] = [];
      await previewMerge(prepared, { chunkSize: 10, onProgress: (p) => seen.push({ ...p }) });
      const total = TABLE_NAMES.reduce((n, t) => n + base[t].length, 0);
      expect(seen.every((p) => p.phase === 'reading' && p.total === total)).toBe(true);
      expect(seen.length).toBeGreaterThan(Math.ceil(base.entries.length / 10));
      expect(seen.at(-1)!.done).toBe(total);
      const cancel = new AbortController();
      cancel.abort();
      await expect(
        previewMerge(prepared, { chunkSize: 10, signal: cancel.signal }),
      ).rejects.toMatchObject({ code: 'import/cancelled' });
    } finally {
      await dropDatabase(db);
    }
  });
});

describe('whose phone made the household file', () => {
  it('is written as the sender and named by the preview when the member is known', async () => {
    const a = (await import('../unit/merge-phones')).base;
    const db = await phoneWith(a, 'plan');
    try {
      const member = a.members[0]!;
      const file = await exportHouseholdFile({ senderMemberId: member.id });
      const prepared = await readBackupFile(
        new File([file.bytes], file.filename, { type: file.mimeType }),
      );
      expect(prepared.backup.sender).toEqual({ memberId: member.id });
      expect((await previewMerge(prepared)).senderMemberId).toBe(member.id);

      // A phone that has not said who it belongs to; an older file without a sender.
      const anonymous = await exportHouseholdFile({ senderMemberId: null });
      const none = await readBackupFile(
        new File([anonymous.bytes], anonymous.filename, { type: anonymous.mimeType }),
      );
      expect(none.backup.sender).toEqual({ memberId: null });
      expect((await previewMerge(none)).senderMemberId).toBeNull();
      const old = await readBackupFile(serializeBackup(a, META));
      expect(old.backup.sender).toBeNull();

      // A member neither the file nor this phone has is not named.
      const stranger = JSON.parse(serializeBackup(a, META)) as Record<string, unknown>;
      stranger.sender = { memberId: '00000000-0000-4000-8000-00000000abcd' };
      const odd = await readBackupFile(JSON.stringify(stranger));
      expect((await previewMerge(odd)).senderMemberId).toBeNull();
      stranger.sender = { memberId: 7 };
      await expect(readBackupFile(JSON.stringify(stranger))).rejects.toMatchObject({
        code: 'backup/wrong-format',
        details: { reason: 'sender' },
      });
    } finally {
      await dropDatabase(db);
    }
  });
});

describe('a changes-only file without the records it must carry', () => {
  const since = stamp(0);

  async function changesFile(edit: (tables: HouseholdTables) => void): Promise<string> {
    const a = (await import('../unit/merge-phones')).base;
    const tables = structuredClone(a);
    // One entry changed; the file carries it, its stream, its member and the settings row.
    const entry = tables.entries[0]!;
    entry.amountMinor += 1;
    entry.updatedAt = stamp(30);
    const stream = tables.streams.find((s) => s.id === entry.streamId)!;
    const file: HouseholdTables = {
      ...Object.fromEntries(TABLE_NAMES.map((t) => [t, []])),
      settings: tables.settings,
      members: tables.members.filter((m) => m.id === entry.memberId || m.id === stream.memberId),
      streams: [stream],
      entries: [entry],
    } as unknown as HouseholdTables;
    edit(file);
    return serializeBackup(file, {
      ...META,
      changes: { since, household: tables.settings[0]!.id },
    });
  }

  it('is refused, nothing merged: no settings row, or a member or stream its records name', async () => {
    const a = (await import('../unit/merge-phones')).base;
    const db = await phoneWith(a, 'plan');
    try {
      const before = await checksumTables(db);
      // The complete file merges.
      const good = await readBackupFile(await changesFile(() => {}));
      expect((await previewMerge(good)).tables.entries.changed).toBe(1);

      for (const [edit, missing] of [
        [(t: HouseholdTables) => (t.settings = []), 'settings'],
        [(t: HouseholdTables) => (t.streams = []), 'streams'],
        [(t: HouseholdTables) => (t.members = []), 'members'],
        [
          (t: HouseholdTables) =>
            (t.settings = [{ ...t.settings[0]!, id: '00000000-0000-4000-8000-0000000000ff' }]),
          'settings',
        ],
      ] as const) {
        await expect(readBackupFile(await changesFile(edit))).rejects.toMatchObject({
          code: 'backup/changes-incomplete',
          details: { missing },
        });
      }
      expect(await checksumTables(db)).toEqual(before);
      // A whole file missing a stream is still the older error.
      const whole = structuredClone(a);
      whole.streams = [];
      await expect(readBackupFile(serializeBackup(whole, META))).rejects.toMatchObject({
        code: 'backup/dangling-reference',
      });
    } finally {
      await dropDatabase(db);
    }
  });

  it('matches what the app sends: a changes-only file of one edit passes the check', async () => {
    const a = (await import('../unit/merge-phones')).base;
    const db = await phoneWith(a, 'plan');
    try {
      const file = await exportHouseholdFile({ since: '2020-01-01T00:00:00.000Z' });
      const prepared = await readBackupFile(
        new File([file.bytes], file.filename, { type: file.mimeType }),
      );
      expect(prepared.summary.changes).not.toBeNull();
    } finally {
      await dropDatabase(db);
    }
  });
});
