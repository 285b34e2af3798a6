import 'fake-indexeddb/auto';
import { afterAll, afterEach, describe, expect, it, vi } from 'vitest';
import {
  applyRestore,
  exportBackup,
  exportHouseholdFile,
  previewMerge,
  readBackupFile,
} from '../../src/lib/db/backup';
import { decryptBackupEnvelope } from '../../src/lib/db/backup/crypto';
import { backupText } from '../../src/lib/db/backup/export-backup';
import { gunzip } from '../../src/lib/db/backup/gzip';
import { PINNED_TODAY } from '../pinned-day';
import { serializeBackup } from '../../src/lib/db/backup/backup-format';
import { useDatabase, type AnyamDatabase } from '../../src/lib/db/database';
import {
  addEntry,
  addMember,
  addStream,
  deleteEntries,
  deleteStream,
  saveSettings,
  updateEntry,
  updateMember,
  updateStream,
} from '../../src/lib/db/repo';
import type { Entry, HouseholdTables } from '../../src/lib/domain/model';
import { householdFactory } from '../factories';
import { checksumTables } from './checksum';
import { dropDatabase, expectRollupsConsistent, freshDatabase } from './helpers';

const NOW = new Date('2026-12-01T00:00:00.000Z');
const META = { exportedAt: NOW.toISOString(), app: { name: 'Anyam', version: 'test' } };

const opened: AnyamDatabase[] = [];
afterEach(() => {
  vi.useRealTimers();
});
afterAll(async () => {
  for (const db of opened) await dropDatabase(db);
});

async function databaseFrom(file: string, mode: 'replace' | 'merge' = 'replace') {
  const db = freshDatabase('merge');
  opened.push(db);
  await applyRestore(await readBackupFile(file), mode);
  return db;
}

async function mergeInto(db: AnyamDatabase, file: string) {
  useDatabase(db);
  return applyRestore(await readBackupFile(file), 'merge');
}

async function exportOf(db: AnyamDatabase): Promise<string> {
  useDatabase(db);
  return (await exportBackup({ now: NOW })).text;
}

function tablesOf(file: string): HouseholdTables {
  return (JSON.parse(file) as { tables: HouseholdTables }).tables;
}

/** Runs `edit` with the clock at `iso`, so that who edited last is certain. */
async function at<T>(iso: string, edit: () => Promise<T>): Promise<T> {
  vi.useFakeTimers({ toFake: ['Date'] });
  vi.setSystemTime(new Date(iso));
  try {
    return await edit();
  } finally {
    vi.useRealTimers();
  }
}

const base = householdFactory.build({ seed: 42, months: 3, entriesPerMonth: 20 });
const baseFile = serializeBackup(base, META);
const live = (rows: Entry[]) => rows.filter((e) => e.deletedAt === null);

/** Two phones that started from one backup and then lived apart for a week. */
async function twoPhones() {
  const phoneA = await databaseFrom(baseFile);
  const phoneB = await databaseFrom(baseFile);
  const [s0, s1] = base.streams;
  // Entries of other streams than s1, which phone A deletes whole.
  const [e0, e1, e2, e3, e4] = base.entries.filter((e) => e.streamId !== s1!.id);
  const m1 = base.members[1]!;

  useDatabase(phoneA);
  await at('2026-11-02T08:00:00.000Z', () => updateEntry(e0!.id, { amountMinor: 111 }));
  await at('2026-11-02T08:01:00.000Z', () => updateEntry(e1!.id, { note: 'A edited first' }));
  await at('2026-11-02T08:02:00.000Z', () => deleteEntries([e2!.id]));
  const addedA = await at('2026-11-02T08:03:00.000Z', () =>
    addEntry({ streamId: s0!.id, date: '2026-10-20', amountMinor: 4_200_000, note: 'from A' }),
  );
  await at('2026-11-02T08:04:00.000Z', () => saveSettings({ householdName: 'Rumah A' }));
  await at('2026-11-02T08:05:00.000Z', () => updateMember(m1.id, { name: 'Renamed on A' }));
  // A stops a stream; B keeps recording on it (below).
  await at('2026-11-02T08:06:00.000Z', () => deleteStream(s1!.id));

  useDatabase(phoneB);
  await at('2026-11-03T09:00:00.000Z', () => updateEntry(e1!.id, { note: 'B edited later' }));
  await at('2026-11-03T09:01:00.000Z', () => updateEntry(e2!.id, { amountMinor: 222 }));
  await at('2026-11-03T09:02:00.000Z', () => deleteEntries([e3!.id]));
  const memberB = await at('2026-11-03T09:03:00.000Z', () =>
    addMember({ name: 'Nenek', role: 'elder' }),
  );
  const streamB = await at('2026-11-03T09:04:00.000Z', () =>
    addStream({ memberId: memberB.id, name: 'Kue', kind: 'informal', currency: 'IDR' }),
  );
  const addedB = await at('2026-11-03T09:05:00.000Z', () =>
    addEntry({ streamId: streamB.id, date: '2026-10-21', amountMinor: 900_000 }),
  );
  const onStopped = await at('2026-11-03T09:06:00.000Z', () =>
    addEntry({ streamId: s1!.id, date: '2026-10-22', amountMinor: 700_000, note: 'on B' }),
  );
  // The same entry edited on both phones at the very same millisecond, differently.
  await at('2026-11-03T09:07:00.000Z', () => updateEntry(e4!.id, { note: 'B at noon' }));
  useDatabase(phoneA);
  await at('2026-11-03T09:07:00.000Z', () => updateEntry(e4!.id, { note: 'A at noon' }));
  // B moves a stream to another member: its entries follow, also those A added meanwhile.
  useDatabase(phoneB);
  await at('2026-11-03T09:08:00.000Z', () => updateStream(s0!.id, { memberId: m1.id }));

  return {
    fileA: await exportOf(phoneA),
    fileB: await exportOf(phoneB),
    ids: { e0, e1, e2, e3, addedA, addedB, onStopped, s0, s1, m1, memberB, streamB },
  };
}

describe('merging two phones of one household', () => {
  it('gives the same records whichever phone merges into which', async () => {
    const { fileA, fileB, ids } = await twoPhones();
    const aThenB = await databaseFrom(fileA);
    await mergeInto(aThenB, fileB);
    const bThenA = await databaseFrom(fileB);
    await mergeInto(bThenA, fileA);

    const one = await exportOf(aThenB);
    const two = await exportOf(bThenA);
    expect(one).toBe(two);
    await expectRollupsConsistent(aThenB);
    await expectRollupsConsistent(bThenA);
    expect(await checksumTables(aThenB)).toEqual(await checksumTables(bThenA));

    const merged = tablesOf(one);
    const entry = (id: string) => merged.entries.find((e) => e.id === id)!;
    expect(entry(ids.e0!.id).amountMinor).toBe(111); // edited on A only
    expect(entry(ids.e1!.id).note).toBe('B edited later'); // newer edit wins
    expect(entry(ids.e2!.id)).toMatchObject({ amountMinor: 222, deletedAt: null }); // edit after delete
    expect(entry(ids.e3!.id).deletedAt).not.toBeNull(); // deleted on B travels to A
    expect(entry(ids.addedA.id).note).toBe('from A');
    expect(entry(ids.addedB.id).streamId).toBe(ids.streamB.id);
    expect(merged.members.map((m) => m.name)).toEqual(
      expect.arrayContaining(['Renamed on A', 'Nenek']),
    );
    expect(merged.settings).toHaveLength(1);
    expect(merged.settings[0]!.householdName).toBe('Rumah A');
    // B's entry on the stream A deleted is deleted with the stream, restorable with it.
    const stopped = merged.streams.find((s) => s.id === ids.s1!.id)!;
    expect(stopped.deletedAt).not.toBeNull();
    expect(entry(ids.onStopped.id).deletedAt).toBe(stopped.deletedAt);
    // A's new entry follows the stream B moved to another member.
    expect(entry(ids.addedA.id).memberId).toBe(ids.m1.id);
    expect(
      live(merged.entries).every(
        (e) => e.memberId === merged.streams.find((s) => s.id === e.streamId)!.memberId,
      ),
    ).toBe(true);
  });

  it('changes nothing when a phone merges its own backup, or the merged result again', async () => {
    const { fileA, fileB } = await twoPhones();
    const phone = await databaseFrom(fileA);
    const before = await checksumTables(phone);
    const result = await mergeInto(phone, fileA);
    expect(Object.values(result.written).every((n) => n === 0)).toBe(true);
    expect(await checksumTables(phone)).toEqual(before);

    await mergeInto(phone, fileB);
    const merged = await checksumTables(phone);
    await mergeInto(phone, await exportOf(phone));
    await mergeInto(phone, fileB);
    await mergeInto(phone, fileA);
    expect(await checksumTables(phone)).toEqual(merged);
  });

  it('merges into an empty phone like a Replace, and keeps one settings row of two', async () => {
    const empty = freshDatabase('merge-empty');
    opened.push(empty);
    await mergeInto(empty, baseFile);
    expect(tablesOf(await exportOf(empty))).toEqual(
      tablesOf(await exportOf(await databaseFrom(baseFile))),
    );

    // A phone set up on its own has a settings row of another id: the newer one stays.
    const other = householdFactory.build({ seed: 9, months: 1 });
    other.settings[0]!.updatedAt = '2027-01-01T00:00:00.000Z';
    await mergeInto(empty, serializeBackup(other, META));
    const settings = tablesOf(await exportOf(empty)).settings;
    expect(settings).toEqual([other.settings[0]]);
  });
});

describe('the merge preview on a phone (previewMerge)', () => {
  it('names records by the file’s version where both have one, the household by the file first, and a known sender', async () => {
    const here = householdFactory.build({ seed: 31, months: 1, entriesPerMonth: 2 });
    await databaseFrom(serializeBackup(here, META));
    const file: HouseholdTables = structuredClone(here);
    const later = '2026-11-30T00:00:00.000Z';
    const member = file.members[0]!;
    const stream = file.streams[0]!;
    const plan = file.plans[0]!;
    const place = file.places[0]!;
    Object.assign(member, { name: 'Named in the file', updatedAt: later });
    Object.assign(stream, { name: 'Stream in the file', updatedAt: later });
    Object.assign(plan, { name: 'Plan in the file', updatedAt: later });
    Object.assign(place, { name: 'Place in the file', updatedAt: later });
    Object.assign(file.settings[0]!, { householdName: 'Home in the file', updatedAt: later });
    const text = JSON.parse(serializeBackup(file, META)) as Record<string, unknown>;
    text.sender = { memberId: member.id };
    const preview = await previewMerge(await readBackupFile(JSON.stringify(text)));

    expect(preview.names.household).toBe('Home in the file');
    expect(preview.names.members[member.id]).toBe('Named in the file');
    expect(preview.names.members[here.members[1]!.id]).toBe(here.members[1]!.name);
    expect(preview.names.streams[stream.id]).toEqual({
      name: 'Stream in the file',
      memberId: stream.memberId,
      currency: stream.currency,
    });
    expect(preview.names.plans[plan.id]).toBe('Plan in the file');
    expect(preview.names.places[place.id]).toBe('Place in the file');
    expect(Object.keys(preview.names.members).sort()).toEqual(here.members.map((m) => m.id).sort());
    expect(preview.senderMemberId).toBe(member.id);
    expect(preview.tables.members.changed).toBe(1);
    expect(preview.tables.settings.changed).toBe(1);
    expect(preview.nothingNew).toBe(false);

    // A file without a settings row: the household keeps this phone's name. No sender: null.
    const bare = await previewMerge(
      await readBackupFile(serializeBackup({ ...here, settings: [] }, META)),
    );
    expect(bare.names.household).toBe(here.settings[0]!.householdName);
    expect(bare.senderMemberId).toBeNull();
    expect(bare.nothingNew).toBe(true);
    // A sender neither side knows is not named.
    text.sender = { memberId: '00000000-0000-4000-8000-00000000abcd' };
    expect(
      (await previewMerge(await readBackupFile(JSON.stringify(text)))).senderMemberId,
    ).toBeNull();
  });
});

describe('a phone with no settings row yet (issue 28: rules found by mutation)', () => {
  it('previews a file without a settings row: no household name, nothing thrown', async () => {
    opened.push(freshDatabase('bare-preview'));
    const here = householdFactory.build({ seed: 32, months: 1, entriesPerMonth: 1 });
    const preview = await previewMerge(
      await readBackupFile(serializeBackup({ ...here, settings: [] }, META)),
    );
    expect(preview.names.household).toBeNull();
    expect(preview.tables.members.added).toBe(here.members.length);
  });

  it('sends a file with an empty household name, and a changes-only file of no household', async () => {
    opened.push(freshDatabase('bare-send'));
    const whole = await backupText({ now: NOW });
    expect(whole.householdName).toBe('');
    expect((JSON.parse(whole.text) as { changes?: unknown }).changes).toBeUndefined();
    const since = '2026-11-01T00:00:00.000Z';
    const partial = await backupText({ now: NOW, since });
    expect((JSON.parse(partial.text) as { changes: unknown }).changes).toEqual({
      since,
      household: 'no-household',
    });
  });
});

describe('what a phone sends (backupText, exportHouseholdFile)', () => {
  const OLD = '2026-10-01T00:00:00.000Z';
  const SINCE = '2026-11-01T00:00:00.000Z';
  const NEW = '2026-11-15T00:00:00.000Z';
  /** Stored rows as the export reads them; ids chosen so that the file's sort by id shows. */
  const row = (id: string, updatedAt: string, fields: Record<string, unknown> = {}) => ({
    id,
    createdAt: OLD,
    updatedAt,
    deletedAt: null,
    isSample: false,
    ...fields,
  });
  async function seeded(): Promise<AnyamDatabase> {
    const db = freshDatabase('send');
    opened.push(db);
    await db.settings.put(
      row('settings-1', OLD, { householdName: 'Rumah Sari', baseCurrency: 'IDR' }) as never,
    );
    // m4 written at `since` exactly: a changes-only file carries it.
    await db.members.bulkPut([
      row('m1', OLD),
      row('m2', OLD),
      row('m0', OLD),
      row('m4', SINCE),
    ] as never);
    await db.streams.bulkPut([
      row('s1', OLD, { memberId: 'm1' }),
      row('s2', OLD, { memberId: 'm2' }),
    ] as never);
    await db.plans.bulkPut([
      row('p1', OLD, { memberId: 'm0' }),
      row('p2', OLD, { memberId: null }),
      // Changed since and named by nothing (as pl3 and f2): carried as themselves.
      row('p3', NEW, { memberId: null }),
    ] as never);
    await db.places.bulkPut([row('pl1', OLD), row('pl2', OLD), row('pl3', NEW)] as never);
    await db.funds.bulkPut([row('f1', OLD), row('f2', NEW)] as never);
    await db.entries.bulkPut([
      // Written after e3: the updatedAt index reads e3 first, the file is by id.
      row('e2', '2026-11-20T00:00:00.000Z', {
        streamId: 's1',
        memberId: 'm1',
        arrival: { placeId: 'pl2' },
      }),
      row('e1', OLD, { streamId: 's2', memberId: 'm2' }),
      row('e3', NEW, { streamId: 's1', memberId: 'm1', arrival: { placeId: null } }),
    ] as never);
    // pay2's plan is not on this phone: nothing to carry for it.
    await db.payments.bulkPut([
      row('pay1', NEW, { planId: 'p1' }),
      row('pay2', NEW, { planId: 'p-missing' }),
    ] as never);
    await db.savings.put(row('sv1', NEW, { placeId: 'pl1' }) as never);
    await db.setAsides.put(row('sa1', NEW, { fundId: 'f1', entryId: null }) as never);
    await db.skips.bulkPut([
      row('k1', NEW, { kind: 'plan', sourceId: 'p2' }),
      row('k2', OLD, { kind: 'stream', sourceId: 's2' }),
    ] as never);
    return db;
  }
  const ids = (rows: { id: string }[]) => rows.map((r) => r.id);

  it('carries, changes only, the records written since, the settings row, and every record they name', async () => {
    await seeded();
    const sent = await backupText({ since: SINCE, now: NOW });
    const file = JSON.parse(sent.text) as {
      app: unknown;
      changes: unknown;
      sender: unknown;
      tables: Record<string, { id: string }[]>;
    };
    expect(file.changes).toEqual({ since: SINCE, household: 'settings-1' });
    expect(file.sender).toBeUndefined();
    // The app that wrote it, with the version the build stamps in ('test' under Vitest).
    expect(file.app).toEqual({ name: 'Anyam', version: 'test' });
    expect(sent.householdName).toBe('Rumah Sari');
    const t = file.tables;
    expect(ids(t.settings!)).toEqual(['settings-1']);
    expect(ids(t.entries!)).toEqual(['e2', 'e3']);
    expect(ids(t.payments!)).toEqual(['pay1', 'pay2']);
    expect(ids(t.skips!)).toEqual(['k1']);
    expect(ids(t.savings!)).toEqual(['sv1']);
    expect(ids(t.setAsides!)).toEqual(['sa1']);
    // Named: p1 by the payment, p2 by the skip; pl1 by the balance, pl2 where e2 landed.
    expect(ids(t.plans!)).toEqual(['p1', 'p2', 'p3']);
    expect(ids(t.places!)).toEqual(['pl1', 'pl2', 'pl3']);
    expect(ids(t.funds!)).toEqual(['f1', 'f2']);
    expect(ids(t.streams!)).toEqual(['s1']);
    // m1 by the entries and their stream, m0 by plan p1 (named last, listed first), m4 written
    // at `since`; m2 by nothing changed.
    expect(ids(t.members!)).toEqual(['m0', 'm1', 'm4']);
    expect(sent.counts).toMatchObject({ settings: 1, members: 3, entries: 2, plans: 3, skips: 1 });
  });

  it('carries a changed record’s every name, a changed stream named by nothing, and nothing this phone lacks', async () => {
    const db = await seeded();
    await db.members.put(row('m5', OLD) as never);
    await db.streams.put(row('s3', NEW, { memberId: 'm2' }) as never);
    // A course names m5 alone; a stream's skip names s2 (a stream, not a plan).
    await db.training.put(row('t1', NEW, { memberId: 'm5' }) as never);
    await db.skips.put(row('k4', NEW, { kind: 'stream', sourceId: 's2' }) as never);
    // Names this phone does not have (a place, a fund, a stream, a member): none travels.
    await db.savings.put(row('sv2', NEW, { placeId: 'pl-missing' }) as never);
    await db.setAsides.put(row('sa2', NEW, { fundId: 'f-missing', entryId: null }) as never);
    await db.skips.put(row('k3', NEW, { kind: 'stream', sourceId: 's-missing' }) as never);
    await db.training.put(row('t2', NEW, { memberId: 'm-missing' }) as never);
    const t = (
      JSON.parse((await backupText({ since: SINCE, now: NOW })).text) as {
        tables: Record<string, { id: string }[]>;
      }
    ).tables;
    expect(ids(t.members!)).toEqual(['m0', 'm1', 'm2', 'm4', 'm5']);
    expect(ids(t.streams!)).toEqual(['s1', 's2', 's3']);
    expect(ids(t.places!)).toEqual(['pl1', 'pl2', 'pl3']);
    expect(ids(t.funds!)).toEqual(['f1', 'f2']);
    expect(ids(t.plans!)).toEqual(['p1', 'p2', 'p3']);
    expect(ids(t.skips!)).toEqual(['k1', 'k3', 'k4']);
    expect(ids(t.training!)).toEqual(['t1', 't2']);
  });

  it('carries everything without `since`, entries by id chunk after chunk with their progress', async () => {
    await seeded();
    const progress: unknown[] = [];
    const sent = await backupText({ now: NOW, chunkSize: 2, onProgress: (p) => progress.push(p) });
    const file = JSON.parse(sent.text) as {
      changes: unknown;
      tables: Record<string, { id: string }[]>;
    };
    expect(file.changes).toBeUndefined();
    expect(ids(file.tables.entries!)).toEqual(['e1', 'e2', 'e3']);
    expect(ids(file.tables.members!)).toEqual(['m0', 'm1', 'm2', 'm4']);
    expect(ids(file.tables.skips!)).toEqual(['k1', 'k2']);
    expect(sent.counts).toMatchObject({ entries: 3, members: 4, places: 3, funds: 2 });
    expect(progress).toEqual([
      { phase: 'reading', done: 0, total: 3 },
      { phase: 'reading', done: 2, total: 3 },
      { phase: 'reading', done: 3, total: 3 },
    ]);
  });

  it('is a gzip file named for its kind, with its sender, encrypted only with a passphrase', async () => {
    await seeded();
    const whole = await exportHouseholdFile({ now: NOW, senderMemberId: 'm2' });
    expect(whole).toMatchObject({
      filename: 'anyam-rumah-sari-2026-12-01.json.gz',
      mimeType: 'application/gzip',
      encrypted: false,
      partial: false,
    });
    expect(whole.counts).toMatchObject({ entries: 3, members: 4 });
    const text = new TextDecoder().decode(await gunzip(whole.bytes));
    expect((JSON.parse(text) as { sender: unknown }).sender).toEqual({ memberId: 'm2' });

    const secret = await exportHouseholdFile({
      now: NOW,
      since: SINCE,
      passphrase: 'kata sandi panjang',
      encryption: { iterations: 1_000, allowWeakIterationsForTests: true },
    });
    expect(secret).toMatchObject({
      filename: 'anyam-rumah-sari-2026-12-01-changes-encrypted.json.gz',
      encrypted: true,
      partial: true,
    });
    const envelope: unknown = JSON.parse(new TextDecoder().decode(await gunzip(secret.bytes)));
    const plain = JSON.parse(await decryptBackupEnvelope(envelope, 'kata sandi panjang')) as {
      sender: unknown;
      changes: unknown;
    };
    expect(plain.sender).toBeUndefined();
    expect(plain.changes).toEqual({ since: SINCE, household: 'settings-1' });
    // Without a date, today's.
    expect((await exportHouseholdFile()).filename).toBe(`anyam-rumah-sari-${PINNED_TODAY}.json.gz`);
  });

  it('a plain backup names its file and says it is not encrypted', async () => {
    await seeded();
    const file = await exportBackup({ now: NOW });
    expect(file).toMatchObject({
      filename: 'anyam-rumah-sari-2026-12-01.json',
      mimeType: 'application/json',
      encrypted: false,
    });
    expect(file.counts.entries).toBe(3);
    const locked = await exportBackup({
      now: NOW,
      passphrase: 'kata sandi panjang',
      encryption: { iterations: 1_000, allowWeakIterationsForTests: true },
    });
    expect(locked.filename).toBe('anyam-rumah-sari-2026-12-01-encrypted.json');
    expect(locked.encrypted).toBe(true);
    const inside = await decryptBackupEnvelope(JSON.parse(locked.text), 'kata sandi panjang');
    expect(inside).toMatch(/^\{"format":"anyam-backup"/);
  });
});
