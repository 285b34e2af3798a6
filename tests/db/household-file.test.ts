import 'fake-indexeddb/auto';
import fc from 'fast-check';
import { afterEach, describe, expect, it, vi } from 'vitest';
import {
  applyRestore,
  exportBackup,
  exportHouseholdFile,
  nextSendSince,
  previewMerge,
  readBackupFile,
} from '../../src/lib/db/backup';
import { serializeBackup } from '../../src/lib/db/backup/backup-format';
import { gunzip, isGzip } from '../../src/lib/db/backup/gzip';
import { useDatabase, type AnyamDatabase } from '../../src/lib/db/database';
import {
  addEntry,
  deleteEntry,
  deleteStream,
  saveSettings,
  updateEntry,
  updatePlan,
  updateStream,
} from '../../src/lib/db/repo';
import type { HouseholdTables } from '../../src/lib/domain/model';
import { householdFactory } from '../factories';
import { checksumTables } from './checksum';
import { dropDatabase, freshDatabase } from './helpers';

const META = { exportedAt: '2026-11-01T00:00:00.000Z', app: { name: 'Anyam', version: 'test' } };
const base = householdFactory.build({ seed: 11, months: 1, entriesPerMonth: 6, members: 2 });
const baseFile = serializeBackup(base, META);
/** Both phones hold `base` from this instant on, as if A had sent it then. */
const JOINED = '2026-11-01T00:00:00.000Z';

afterEach(() => vi.useRealTimers());

function setClock(ms: number): void {
  vi.setSystemTime(new Date(ms));
}

async function phoneFrom(file: string | Blob, label: string): Promise<AnyamDatabase> {
  const db = freshDatabase(label);
  await applyRestore(await readBackupFile(file), 'replace');
  return db;
}

async function merge(db: AnyamDatabase, file: Blob): Promise<void> {
  useDatabase(db);
  await applyRestore(await readBackupFile(file), 'merge');
}

function blobOf(bytes: Uint8Array<ArrayBuffer>, name: string): File {
  return new File([bytes], name, { type: 'application/gzip' });
}

type Op =
  | { kind: 'edit-entry'; i: number; amount: number }
  | { kind: 'add-entry'; stream: number; amount: number }
  | { kind: 'delete-entry'; i: number }
  | { kind: 'edit-plan'; i: number; amount: number }
  | { kind: 'move-stream'; i: number; member: number }
  | { kind: 'delete-stream'; i: number }
  | { kind: 'rename'; name: string }
  | { kind: 'send' };

const amount = fc.integer({ min: 1, max: 9_000_000 });
const index = fc.nat({ max: 40 });
const op: fc.Arbitrary<Op> = fc.oneof(
  fc.record({ kind: fc.constant('edit-entry' as const), i: index, amount }),
  fc.record({ kind: fc.constant('add-entry' as const), stream: index, amount }),
  fc.record({ kind: fc.constant('delete-entry' as const), i: index }),
  fc.record({ kind: fc.constant('edit-plan' as const), i: index, amount }),
  fc.record({ kind: fc.constant('move-stream' as const), i: index, member: index }),
  fc.record({ kind: fc.constant('delete-stream' as const), i: index }),
  fc.record({
    kind: fc.constant('rename' as const),
    name: fc.constantFrom('Sari', 'Dewi', 'Budi'),
  }),
  fc.constant({ kind: 'send' as const }),
);

function pick<T>(rows: readonly T[], i: number): T | undefined {
  return rows.length === 0 ? undefined : rows[i % rows.length];
}

/** One edit with the repositories, as a person would make it on that phone. */
async function apply(db: AnyamDatabase, o: Op): Promise<void> {
  useDatabase(db);
  const liveStreams = (await db.streams.toArray()).filter((s) => s.deletedAt === null);
  const liveEntries = (await db.entries.orderBy(':id').toArray()).filter(
    (e) => e.deletedAt === null,
  );
  switch (o.kind) {
    case 'edit-entry': {
      const e = pick(liveEntries, o.i);
      if (e) await updateEntry(e.id, { amountMinor: o.amount });
      return;
    }
    case 'add-entry': {
      const s = pick(liveStreams, o.stream);
      if (s) await addEntry({ streamId: s.id, date: '2026-10-15', amountMinor: o.amount });
      return;
    }
    case 'delete-entry': {
      const e = pick(liveEntries, o.i);
      if (e) await deleteEntry(e.id);
      return;
    }
    case 'edit-plan': {
      const p = pick(
        (await db.plans.orderBy(':id').toArray()).filter((x) => x.deletedAt === null),
        o.i,
      );
      if (p) await updatePlan(p.id, { amountMinor: o.amount });
      return;
    }
    case 'move-stream': {
      const s = pick(liveStreams, o.i);
      const m = pick(
        (await db.members.orderBy(':id').toArray()).filter((x) => x.deletedAt === null),
        o.member,
      );
      if (s && m) await updateStream(s.id, { memberId: m.id });
      return;
    }
    case 'delete-stream': {
      // Keep one stream so that the household goes on earning.
      const s = liveStreams.length > 1 ? pick(liveStreams, o.i) : undefined;
      if (s) await deleteStream(s.id);
      return;
    }
    case 'rename':
      await saveSettings({ householdName: `Keluarga ${o.name}` });
      return;
    case 'send':
      return;
  }
}

async function dropAll(dbs: AnyamDatabase[]): Promise<void> {
  for (const db of dbs) await dropDatabase(db);
}

describe('changes-only household files', () => {
  it('merging the partial files in any order gives the tables a full file gives, and twice changes nothing', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(op, { minLength: 1, maxLength: 10 }),
        fc.array(op, { maxLength: 4 }),
        fc.array(fc.nat(), { minLength: 12, maxLength: 12 }),
        async (opsA, opsB, order) => {
          vi.useFakeTimers({ toFake: ['Date'] });
          let now = Date.parse(JOINED) + 60_000;
          const opened: AnyamDatabase[] = [];
          try {
            const phoneA = await phoneFrom(baseFile, 'a');
            const phoneB = await phoneFrom(baseFile, 'b');
            opened.push(phoneA, phoneB);

            // B lives its own life meanwhile, at times between A's edits.
            for (const o of opsB) {
              setClock(now + 30_000);
              await apply(phoneB, o);
              now += 60_000;
            }
            // A edits and sends now and then: each file holds what changed since the last.
            const partials: File[] = [];
            let sentAt: string = JOINED;
            const send = async () => {
              setClock(now);
              useDatabase(phoneA);
              const file = await exportHouseholdFile({ since: nextSendSince(sentAt) });
              expect(file.partial).toBe(true);
              partials.push(blobOf(file.bytes, file.filename));
              sentAt = new Date(now).toISOString();
              now += 1_000;
            };
            for (const o of opsA) {
              setClock(now);
              if (o.kind === 'send') await send();
              else await apply(phoneA, o);
              now += 60_000;
            }
            await send();
            setClock(now);
            useDatabase(phoneA);
            const full = await exportHouseholdFile();
            expect(full.partial).toBe(false);

            useDatabase(phoneB);
            const bFile = (await exportBackup()).text;
            const viaPartials = await phoneFrom(bFile, 'b1');
            const viaFull = await phoneFrom(bFile, 'b2');
            opened.push(viaPartials, viaFull);

            const shuffled = partials
              .map((file, i) => ({ file, key: order[i % order.length]! * 100 + i }))
              .sort((x, y) => x.key - y.key)
              .map((x) => x.file);
            for (const file of shuffled) await merge(viaPartials, file);
            await merge(viaFull, blobOf(full.bytes, full.filename));
            const expected = await checksumTables(viaFull);
            expect(await checksumTables(viaPartials)).toEqual(expected);

            // Receiving the same files again changes nothing.
            for (const file of partials) await merge(viaPartials, file);
            expect(await checksumTables(viaPartials)).toEqual(expected);
          } finally {
            vi.useRealTimers();
            await dropAll(opened);
          }
        },
      ),
      {
        numRuns: 200,
        // Found by this property (about one run in twelve): B deletes a stream, A edits one of
        // its entries, sends, then edits the stream. The first file brought the entry while
        // the stream was still deleted here; the merge deleted it with the stream and the
        // second file's live stream left it deleted (merge.ts alignEntry).
        examples: [
          [
            [
              { kind: 'edit-entry', i: 0, amount: 1 },
              { kind: 'edit-plan', i: 0, amount: 1 },
              { kind: 'send' },
              { kind: 'move-stream', i: 10, member: 3 },
              { kind: 'rename', name: 'Sari' },
            ],
            [{ kind: 'delete-stream', i: 2 }],
            [0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0],
          ],
        ],
      },
    );
  }, 600_000);
});

describe('the compressed household file', () => {
  it('is gzip, names itself, and holds the backup text restore reads', async () => {
    const db = await phoneFrom(baseFile, 'gz');
    try {
      const file = await exportHouseholdFile({ now: new Date('2026-11-02T00:00:00.000Z') });
      expect(isGzip(file.bytes)).toBe(true);
      expect(file.filename).toMatch(/^anyam-.+-2026-11-02\.json\.gz$/);
      const text = new TextDecoder().decode(await gunzip(file.bytes));
      const tables = (JSON.parse(text) as { tables: HouseholdTables }).tables;
      expect(tables.entries).toHaveLength(base.entries.length);
      const prepared = await readBackupFile(blobOf(file.bytes, file.filename));
      expect(prepared.summary.compressed).toBe(true);
      expect(prepared.summary.changes).toBeNull();
    } finally {
      await dropDatabase(db);
    }
  });

  it('carries only changed records and the members and streams they name', async () => {
    const db = await phoneFrom(baseFile, 'partial');
    try {
      const entry = base.entries[0]!;
      vi.useFakeTimers({ toFake: ['Date'] });
      setClock(Date.parse('2026-11-03T00:00:00.000Z'));
      await updateEntry(entry.id, { amountMinor: 777 });
      vi.useRealTimers();
      const file = await exportHouseholdFile({ since: '2026-11-02T00:00:00.000Z' });
      expect(file.filename).toMatch(/-changes\.json\.gz$/);
      expect(file.counts).toMatchObject({ settings: 1, entries: 1, streams: 1, members: 1 });
      expect(file.counts.plans).toBe(0);
      const prepared = await readBackupFile(blobOf(file.bytes, file.filename));
      expect(prepared.summary.changes?.household).toBe(base.settings[0]!.id);
      // A changes-only file never replaces a household.
      await expect(applyRestore(prepared, 'replace')).rejects.toMatchObject({
        code: 'backup/partial-replace',
      });
      const preview = await previewMerge(prepared);
      expect(preview.nothingNew).toBe(true);
    } finally {
      await dropDatabase(db);
    }
  });

  it('previews what a merge would do, per table and member, with the kept side of each conflict, writing nothing', async () => {
    const phoneA = await phoneFrom(baseFile, 'pa');
    const phoneB = await phoneFrom(baseFile, 'pb');
    try {
      const plan = base.plans[0]!;
      const entry = base.entries[1]!;
      vi.useFakeTimers({ toFake: ['Date'] });
      useDatabase(phoneB);
      setClock(Date.parse('2026-11-03T10:00:00.000Z'));
      await updatePlan(plan.id, { amountMinor: 1_000 });
      useDatabase(phoneA);
      setClock(Date.parse('2026-11-03T11:00:00.000Z'));
      await updatePlan(plan.id, { amountMinor: 2_000 });
      await updateEntry(entry.id, { note: 'from A' });
      await deleteEntry(base.entries[2]!.id);
      const stream = base.streams.find((s) => s.id === entry.streamId)!;
      await addEntry({ streamId: stream.id, date: '2026-10-20', amountMinor: 5 });
      vi.useRealTimers();
      const file = await exportHouseholdFile({ since: JOINED });

      useDatabase(phoneB);
      const before = await checksumTables(phoneB);
      const prepared = await readBackupFile(blobOf(file.bytes, file.filename));
      const preview = await previewMerge(prepared);
      expect(await checksumTables(phoneB)).toEqual(before);
      expect(preview.tables.plans).toEqual({ added: 0, changed: 1, restored: 0, deleted: 0 });
      expect(preview.tables.entries).toEqual({ added: 1, changed: 1, restored: 0, deleted: 1 });
      expect(preview.conflicts).toEqual([
        expect.objectContaining({
          table: 'plans',
          id: plan.id,
          kept: 'file',
          fields: ['amountMinor'],
        }),
      ]);
      expect(preview.records.filter((r) => r.table === 'entries').map((r) => r.kind)).toEqual([
        'added',
        'changed',
        'deleted',
      ]);
      const perMember = Object.values(preview.members).reduce((n, c) => n + c.added, 0);
      expect(perMember).toBe(1);
      expect(preview.names.members[stream.memberId]).toBeTruthy();
      expect(preview.names.streams[stream.id]?.name).toBe(stream.name);
    } finally {
      await dropDatabase(phoneA);
      await dropDatabase(phoneB);
    }
  });
});
