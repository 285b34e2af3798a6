// @vitest-environment jsdom
/**
 * Issue 13, defects 2 and 6. A record refused by a restore is explained in the person's own
 * language: the field by its label (never a raw id such as "amountMinor") and what was wrong
 * with it, for every rule (length, empty, invisible, colour, timestamp, choice, …). A UTF-16
 * backup is called UTF-16, not "not text".
 */
import 'fake-indexeddb/auto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import '../../src/components/backup/texts';
import { exportBackup, readBackupFile } from '../../src/lib/db/backup';
import { serializeBackup } from '../../src/lib/db/backup/backup-format';
import type { AnyamDatabase } from '../../src/lib/db/database';
import { addEntry } from '../../src/lib/db/repo';
import type { HouseholdTables } from '../../src/lib/domain/model';
import { errorText } from '../../src/lib/i18n/error-text';
import { locale } from '../../src/lib/i18n/locale.svelte';
import { m } from '../../src/paraglide/messages.js';
import { locales } from '../../src/paraglide/runtime.js';
import { dropDatabase, freshDatabase, seedBasics } from '../db/helpers';

let db: AnyamDatabase;
let tables: HouseholdTables;

beforeAll(async () => {
  db = freshDatabase('record-errors');
  const h = await seedBasics();
  await addEntry({ streamId: h.idr.id, date: '2025-06-01', amountMinor: 500 });
  tables = (JSON.parse((await exportBackup()).text) as { tables: HouseholdTables }).tables;
});
afterAll(() => dropDatabase(db));
afterEach(() => locale.set('en'));

type Tables = Record<string, Record<string, unknown>[]>;
/** [what is broken, table, field, the change, the English reason expected] */
const cases: [string, string, string, (t: Tables) => void, RegExp][] = [
  [
    'a name too long',
    'members',
    'name',
    (t) => (t.members![0]!.name = 'x'.repeat(81)),
    /longer than 80/,
  ],
  ['an empty name', 'members', 'name', (t) => (t.members![0]!.name = '  '), /is empty/],
  [
    'an invisible name',
    'members',
    'name',
    (t) => (t.members![0]!.name = '\u200B\u200B'),
    /no visible/,
  ],
  ['a colour', 'members', 'color', (t) => (t.members![0]!.color = 'green'), /colour like #/],
  ['a role', 'members', 'role', (t) => (t.members![0]!.role = 'boss'), /choices/],
  [
    'a timestamp',
    'members',
    'createdAt',
    (t) => (t.members![0]!.createdAt = 'yesterday'),
    /time like/,
  ],
  ['a missing field', 'members', 'archived', (t) => delete t.members![0]!.archived, /missing/],
  [
    'an unknown field',
    'members',
    'nickname',
    (t) => (t.members![0]!.nickname = 'Si'),
    /does not know/,
  ],
  ['a yes/no', 'streams', 'archived', (t) => (t.streams![0]!.archived = 'no'), /true or false/],
  [
    'an amount',
    'entries',
    'amountMinor',
    (t) => (t.entries![0]!.amountMinor = 1.5),
    /smallest unit/,
  ],
  [
    'an amount too large',
    'entries',
    'amountMinor',
    (t) => (t.entries![0]!.amountMinor = 2e15),
    /larger than Anyam allows/,
  ],
  [
    'a note too long',
    'entries',
    'note',
    (t) => (t.entries![0]!.note = 'n'.repeat(501)),
    /longer than 500/,
  ],
  [
    'minutes',
    'entries',
    'paidMinutes',
    (t) => (t.entries![0]!.paidMinutes = -1),
    /minutes must be/,
  ],
  [
    'a date too far',
    'entries',
    'date',
    (t) => (t.entries![0]!.date = '2099-01-01'),
    /more than a year ahead/,
  ],
  [
    'a member other than the stream',
    'entries',
    'memberId',
    (t) => {
      const other = t.members!.find((x) => x.id !== t.entries![0]!.memberId)!;
      t.entries![0]!.memberId = other.id;
    },
    /another member/,
  ],
  ['a record id', 'entries', 'streamId', (t) => (t.entries![0]!.streamId = 'abc'), /record id/],
];

function labelOf(field: string): string {
  const message = (m as unknown as Record<string, () => string>)[`bk_rf_${field}`];
  if (!message) throw new Error(`no label for ${field}`);
  return message();
}

async function refusal(change: (t: Tables) => void): Promise<unknown> {
  const copy = structuredClone(tables) as unknown as Tables;
  change(copy);
  const text = serializeBackup(copy as unknown as HouseholdTables, {
    exportedAt: '2026-01-01T00:00:00.000Z',
    app: { name: 'Anyam', version: 'test' },
  });
  return readBackupFile(text).then(
    () => null,
    (error: unknown) => error,
  );
}

describe('restore names the field and the problem of a bad record', () => {
  it.each(cases)('%s', async (_what, _table, field, change, reason) => {
    const error = await refusal(change);
    expect((error as { code?: string }).code).toBe('backup/invalid-record');
    const english = errorText(error);
    expect(english).toMatch(reason);
    expect(english).not.toContain(m.bk_why_record());
    for (const loc of locales) {
      locale.set(loc);
      const text = errorText(error);
      // A field Anyam knows is named by its label in this language, never by its id in the
      // file ("paidMinutes"); a field it does not know is quoted as the file has it.
      if (field === 'nickname') expect(text).toContain('“nickname”');
      else expect(text).toContain(`“${labelOf(field)}”`);
      if (/[A-Z]/.test(field)) expect(text).not.toContain(field);
      expect(text).not.toContain(m.bk_why_type());
    }
  });

  it('uses the label of the field in every language', async () => {
    const error = await refusal((t) => (t.entries![0]!.amountMinor = -5));
    const labels: Record<string, string> = {
      en: 'amount',
      id: 'jumlah',
      fil: 'halaga',
      vi: 'số tiền',
    };
    for (const loc of locales) {
      locale.set(loc);
      expect(errorText(error)).toContain(`“${labels[loc]}”`);
    }
  });
});

it('calls a UTF-16 backup UTF-16', async () => {
  const bytes = readFileSync(join(__dirname, '../fixtures/bad-imports/files/utf16-backup.json'));
  const error = await readBackupFile(new Blob([bytes])).then(
    () => null,
    (e: unknown) => e,
  );
  const text = errorText(error);
  expect(text).toContain('UTF-16');
  expect(text).not.toContain(m.bk_err_not_text());
});
