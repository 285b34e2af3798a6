import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  applyRestore,
  checkCsv,
  exportBackup,
  guessMapping,
  importCsv,
  readBackupFile,
} from '../../src/lib/db/backup';
import { serializeBackup } from '../../src/lib/db/backup/backup-format';
import type { AnyamDatabase } from '../../src/lib/db/database';
import { addEntry, addMember, updateEntry } from '../../src/lib/db/repo';
import { todayIso } from '../../src/lib/domain/dates';
import type { Entry, HouseholdTables } from '../../src/lib/domain/model';
import {
  assertRecordRules,
  latestEntryDate,
  RECORD_RULES,
} from '../../src/lib/domain/record-rules';
import { checksumTables } from './checksum';
import { codeOf, dropDatabase, freshDatabase, seedBasics, type Basics } from './helpers';

/*
 * Issue 13, defect 4: Replace accepted what Merge and the forms refused. One table of rules
 * (domain/record-rules.ts) now runs in the forms (repositories), the CSV import, Merge and
 * Replace. For every rule: each path that can express the bad record refuses it and writes
 * nothing, and no path ever leaves a stored record that breaks a rule.
 */
let db: AnyamDatabase;
let h: Basics;
beforeEach(async () => {
  db = freshDatabase('rules');
  h = await seedBasics();
});
afterEach(() => dropDatabase(db));

const META = { exportedAt: '2026-01-01T00:00:00.000Z', app: { name: 'Anyam', version: 'test' } };
const tooFar = () => latestEntryDate().replace(/^\d{4}/, (y) => String(Number(y) + 1));

/** How to break each rule of the table, starting from a good entry. */
const arrived = (e: Entry, a: Partial<NonNullable<Entry['arrival']>>): Entry => ({
  ...e,
  arrival: {
    on: e.date,
    placeId: null,
    landedMinor: null,
    landedCurrency: null,
    feeMinor: null,
    via: '',
    ...a,
  },
});
const arrivalBreakers: Record<string, (entry: Entry) => Entry> = {
  'entry/arrived-before-earned': (e) => arrived(e, { on: '2025-05-01' }),
  'entry/arrived-pending': (e) => ({ ...arrived(e, {}), status: 'pending' }),
  'entry/landed-not-positive': (e) => arrived(e, { landedMinor: 0, landedCurrency: 'IDR' }),
  'entry/fee-over-payout': (e) => arrived(e, { feeMinor: e.amountMinor + 1 }),
  'entry/arrival-no-rate': (e) => arrived(e, { landedMinor: 5, landedCurrency: 'VND' }),
  'entry/arrival-no-place': (e) => arrived(e, { landedMinor: 5, landedCurrency: 'IDR' }),
};
const breakers: Record<string, (entry: Entry) => Entry> = {
  'entry/date-too-far': (e) => ({ ...e, date: tooFar() }),
  'entry/member-mismatch': (e) => ({ ...e, memberId: h.other.id }),
  ...arrivalBreakers,
};

async function expectNoStoredRecordBreaksARule(): Promise<void> {
  const streams = new Map((await db.streams.toArray()).map((s) => [s.id, s]));
  for (const entry of await db.entries.toArray()) {
    expect(() => assertRecordRules('entries', entry, { today: todayIso(), streams })).not.toThrow();
  }
}

async function fileWith(entry: Entry): Promise<string> {
  const tables = (JSON.parse((await exportBackup()).text) as { tables: HouseholdTables }).tables;
  tables.entries = [...tables.entries, entry];
  return serializeBackup(tables, META);
}

describe('one table of record rules for the forms, CSV import, Merge and Replace', () => {
  it('has a way to break every rule in the table', () => {
    expect(Object.keys(breakers).sort()).toEqual(
      (RECORD_RULES.entries ?? []).map((rule) => rule.code).sort(),
    );
  });

  for (const rule of RECORD_RULES.entries ?? []) {
    it(`${rule.code}: Replace and Merge refuse the file and write nothing`, async () => {
      const good = await addEntry({ streamId: h.idr.id, date: '2025-06-01', amountMinor: 500 });
      const bad = { ...breakers[rule.code]!(good), id: '00000000-0000-4000-8000-000000000001' };
      const file = await fileWith(bad);
      const before = await checksumTables(db);
      for (const mode of ['replace', 'merge'] as const) {
        const restoring = readBackupFile(file).then((p) => applyRestore(p, mode));
        const error = await restoring.then(
          () => null,
          (e: unknown) => e as { code: string; details: Record<string, unknown> },
        );
        expect(error?.code).toBe('backup/invalid-record');
        expect(error?.details.recordCode).toBe(rule.code);
        expect(error?.details.field).toBe(rule.field);
      }
      expect(await checksumTables(db)).toEqual(before);
    });

    it(`${rule.code}: the forms and the CSV import never store such a record`, async () => {
      const good = await addEntry({ streamId: h.idr.id, date: '2025-06-01', amountMinor: 500 });
      const bad = breakers[rule.code]!(good);
      const before = await checksumTables(db);
      // The form: a new entry, and an edit, with the bad values.
      const adding = await codeOf(addEntry({ ...bad, id: undefined }));
      const editing = await codeOf(updateEntry(good.id, { date: bad.date }));
      const csv = `date,member,stream,amount\n${bad.date},Budi,Warung,5.00\n`;
      const report = await checkCsv(csv, {
        mapping: guessMapping(['date', 'member', 'stream', 'amount']),
        dateFormat: 'YYYY-MM-DD',
        decimalSeparator: '.',
      });
      const importing = importCsv(report, { onlyValidRows: true });
      const codes = [adding, editing, await codeOf(importing)];
      if (rule.code === 'entry/date-too-far') {
        expect(codes.slice(0, 2)).toEqual([rule.code, rule.code]);
        expect(report.errors.map((e) => e.reason)).toContain('too-far');
        expect(await checksumTables(db)).toEqual(before);
      }
      // An entry's member always comes from its stream in a form or a CSV row: the mismatch
      // cannot even be written down there.
      await expectNoStoredRecordBreaksARule();
    });
  }
});

describe('name rules: trimmed, with at least one visible character, on every path', () => {
  const invisible = '\u200B\u200B\u200B';

  it('refuses a member named only with zero-width characters in the form', async () => {
    expect(await codeOf(addMember({ name: invisible }))).toBe('member/invisible-name');
    expect(await codeOf(addMember({ name: ' \u2060\uFEFF ' }))).toBe('member/invisible-name');
    expect((await addMember({ name: '  Ếch  ' })).name).toBe('Ếch');
    expect((await addMember({ name: '🙂' })).name).toBe('🙂');
  });

  it('refuses it in Replace and Merge', async () => {
    const tables = (JSON.parse((await exportBackup()).text) as { tables: HouseholdTables }).tables;
    tables.members[0] = { ...tables.members[0]!, name: invisible };
    const file = serializeBackup(tables, META);
    const before = await checksumTables(db);
    const error = await readBackupFile(file).then(
      () => null,
      (e: unknown) => e as { code: string; details: Record<string, unknown> },
    );
    expect(error?.code).toBe('backup/invalid-record');
    expect(error?.details.recordCode).toBe('member/invisible-name');
    expect(await checksumTables(db)).toEqual(before);
  });

  it('refuses it as a new member of a CSV import', async () => {
    const csv = `date,member,stream,amount\n2025-06-01,${invisible},Ojek,5.00\n`;
    const report = await checkCsv(csv, {
      mapping: guessMapping(['date', 'member', 'stream', 'amount']),
      dateFormat: 'YYYY-MM-DD',
      decimalSeparator: '.',
    });
    const before = await checksumTables(db);
    const importing = importCsv(report, {
      create: { members: [invisible], streams: report.unknownStreams.map((s) => ({ key: s.key })) },
    });
    expect(await codeOf(importing)).toBe('member/invisible-name');
    expect(await checksumTables(db)).toEqual(before);
  });
});
