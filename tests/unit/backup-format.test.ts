import { describe, expect, it } from 'vitest';
import {
  BACKUP_VERSION,
  backupFileName,
  byId,
  fileSlug,
  serializeBackup,
  summarizeBackup,
} from '../../src/lib/db/backup/backup-format';
import { parseJsonSafely, validateBackup } from '../../src/lib/db/backup/backup-validate';
import {
  TABLE_NAMES,
  type AnyamError,
  type HouseholdTables,
  type TableName,
} from '../../src/lib/domain/model';

interface FileShape {
  format: string;
  version: number;
  app: unknown;
  tables: HouseholdTables;
}
const parse = (text: string): FileShape => JSON.parse(text) as FileShape;
import { householdFactory } from '../factories';

const META = { exportedAt: '2026-03-01T10:00:00.000Z', app: { name: 'Anyam', version: '1.2.3' } };

async function codeOf(promise: Promise<unknown> | (() => unknown)): Promise<string> {
  try {
    await (typeof promise === 'function' ? promise() : promise);
  } catch (error) {
    return (error as AnyamError).code;
  }
  return 'resolved';
}

describe('the backup file', () => {
  const tables = householdFactory.build({ seed: 4, months: 2, entriesPerMonth: 8 });
  const text = serializeBackup(tables, META);

  it('has the documented envelope and one record per line', () => {
    const file = parse(text);
    expect(Object.keys(file)).toEqual(['format', 'version', 'exportedAt', 'app', 'tables']);
    expect(file).toMatchObject({ format: 'anyam-backup', version: BACKUP_VERSION, app: META.app });
    expect(Object.keys(file.tables)).toEqual([
      'settings',
      'members',
      'streams',
      'entries',
      'plans',
      'places',
      'savings',
      'rates',
      'training',
      'payments',
      'skips',
      'funds',
      'setAsides',
      'groups',
      'groupPayments',
      'debts',
      'repayments',
    ]);
    expect(text).not.toContain('rollups');
    const lines = text.split('\n');
    const records = TABLE_NAMES.reduce((n, t) => n + tables[t].length, 0);
    // head, then per table an opening and a closing line, the records, and the tail.
    expect(lines.length).toBe(1 + TABLE_NAMES.length * 2 + records + 2);
    expect(file.tables.entries.map((e) => e.id)).toEqual(tables.entries.map((e) => e.id).sort());
  });

  it('validates back into the same tables', async () => {
    const backup = await validateBackup(parse(text));
    for (const table of Object.keys(tables) as TableName[]) {
      const byId = (rows: { id: string }[]) => [...rows].sort((a, b) => a.id.localeCompare(b.id));
      expect(byId(backup.tables[table])).toEqual(byId(tables[table]));
    }
    expect(backup.app).toEqual(META.app);
  });

  it('summarises counts, deletions, the date range and the household', async () => {
    const copy = structuredClone(tables);
    copy.entries[0]!.deletedAt = copy.entries[0]!.updatedAt;
    const backup = await validateBackup(parse(serializeBackup(copy, META)));
    const summary = summarizeBackup(backup, false);
    expect(summary.householdName).toBe(tables.settings[0]!.householdName);
    expect(summary.counts.entries).toBe(tables.entries.length - 1);
    expect(summary.deleted.entries).toBe(1);
    expect(summary.counts.members).toBe(tables.members.length);
    const dates = copy.entries
      .slice(1)
      .map((e) => e.date)
      .sort();
    expect(summary.dateRange).toEqual({ from: dates[0], to: dates.at(-1) });
    expect(summary.exportedAt).toBe(META.exportedAt);
  });

  it('accepts a household with no settings row yet, refuses two', async () => {
    const none = serializeBackup({ ...tables, settings: [] }, META);
    expect(summarizeBackup(await validateBackup(parse(none)), false).householdName).toBe(null);
    const two = serializeBackup(
      {
        ...tables,
        settings: [tables.settings[0]!, { ...tables.settings[0]!, id: tables.members[0]!.id }],
      },
      META,
    );
    expect(await codeOf(validateBackup(parse(two)))).toBe('backup/invalid-record');
  });

  it('reports progress, yields, and stops on Cancel while validating', async () => {
    const big = householdFactory.build({ seed: 8, months: 3, entriesPerMonth: 200 });
    const parsed = parse(serializeBackup(big, META));
    const progress: number[] = [];
    await validateBackup(parsed, { sliceSize: 100, onProgress: (p) => progress.push(p.done) });
    expect(progress.length).toBeGreaterThan(6);
    expect(progress).toEqual([...progress].sort((a, b) => a - b));

    const controller = new AbortController();
    const run = validateBackup(parsed, {
      sliceSize: 100,
      signal: controller.signal,
      onProgress: () => controller.abort(),
    });
    expect(await codeOf(run)).toBe('import/cancelled');
  });
});

describe('parsing untrusted JSON', () => {
  it.each([
    '{"__proto__": {"polluted": true}}',
    '{"a": [{"b": {"__proto__": null}}]}',
    '{"constructor": {"prototype": {"polluted": true}}}',
    '[{"prototype": 1}]',
  ])('refuses %s without touching Object.prototype', async (json) => {
    expect(await codeOf(() => parseJsonSafely(json))).toBe('backup/unsafe-key');
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('says where bad JSON broke', () => {
    try {
      parseJsonSafely('{"format": "anyam-backup",');
      expect.unreachable();
    } catch (error) {
      expect((error as AnyamError).code).toBe('backup/not-json');
      expect(String((error as AnyamError).details.message)).not.toBe('');
    }
  });
});

describe('file names', () => {
  it.each([
    ['Keluarga Nguyễn Đức', 'keluarga-nguyen-duc'],
    ['Pamilya dela Cruz', 'pamilya-dela-cruz'],
    ['Nhà bà Tư — 2026!', 'nha-ba-tu-2026'],
    ['   ', 'household'],
    ['ครอบครัว', 'household'],
    ['a'.repeat(100), 'a'.repeat(40)],
  ])('%s → %s', (name, slug) => {
    expect(fileSlug(name)).toBe(slug);
  });

  it('names the download anyam-<household>-<date>.json', () => {
    expect(backupFileName('Keluarga Sari', '2026-03-01')).toBe(
      'anyam-keluarga-sari-2026-03-01.json',
    );
    expect(backupFileName('Keluarga Sari', '2026-03-01', { encrypted: true })).toBe(
      'anyam-keluarga-sari-2026-03-01-encrypted.json',
    );
  });
});

describe('the file’s order and its summary (rules found by mutation testing, issue 28)', () => {
  const tables = householdFactory.build({ seed: 5, months: 2, entriesPerMonth: 6 });

  it('writes every table in id order, whatever order its rows are given in', () => {
    const shuffled = structuredClone(tables);
    for (const table of TABLE_NAMES) {
      const rows = shuffled[table] as { id: string }[];
      rows.reverse();
      rows.push(...rows.splice(0, Math.floor(rows.length / 2)));
    }
    const written = parse(serializeBackup(shuffled, META));
    for (const table of TABLE_NAMES) {
      const ids = (written.tables[table] as { id: string }[]).map((r) => r.id);
      expect(ids, table).toEqual([...ids].sort());
      expect(ids.length, table).toBe(tables[table].length);
    }
  });

  it('orders two records by id: below 0, above 0, and 0 for the same id', () => {
    const a = { ...tables.members[0]!, id: 'a' };
    const b = { ...tables.members[0]!, id: 'b' };
    expect(byId(a, b)).toBeLessThan(0);
    expect(byId(b, a)).toBeGreaterThan(0);
    expect(byId(a, { ...a })).toBe(0);
  });

  it('says compressed only when told, and gives the household’s base currency', async () => {
    const backup = await validateBackup(parse(serializeBackup(tables, META)));
    expect(summarizeBackup(backup, false).compressed).toBe(false);
    expect(summarizeBackup(backup, false, true).compressed).toBe(true);
    expect(summarizeBackup(backup, true).encrypted).toBe(true);
    expect(summarizeBackup(backup, false).baseCurrency).toBe(tables.settings[0]!.baseCurrency);
    const none = await validateBackup(parse(serializeBackup({ ...tables, settings: [] }, META)));
    expect(summarizeBackup(none, false).baseCurrency).toBe(null);
  });

  it('gives the first and last date of the live entries in any order, and none without one', async () => {
    const copy = structuredClone(tables);
    const dates = copy.entries.map((e) => e.date).sort();
    // The latest entry first and the earliest last: neither end is where the list starts.
    copy.entries.sort((x, y) => (x.date < y.date ? 1 : x.date > y.date ? -1 : 0));
    const backup = await validateBackup(parse(serializeBackup(copy, META)));
    expect(summarizeBackup(backup, false).dateRange).toEqual({
      from: dates[0],
      to: dates.at(-1),
    });
    const gone = structuredClone(tables);
    for (const entry of gone.entries) entry.deletedAt = entry.updatedAt;
    const deleted = await validateBackup(parse(serializeBackup(gone, META)));
    expect(summarizeBackup(deleted, false).dateRange).toBe(null);
  });

  it('cuts a long name at 40 characters without a trailing dash', () => {
    expect(fileSlug(`${'a'.repeat(39)} bcd`)).toBe('a'.repeat(39));
  });

  it('names a changes-only, an encrypted and a compressed file, in that order', () => {
    const day = '2026-03-01';
    expect(backupFileName('Sari', day, { changes: true })).toBe(
      'anyam-sari-2026-03-01-changes.json',
    );
    expect(backupFileName('Sari', day, { compressed: true })).toBe('anyam-sari-2026-03-01.json.gz');
    expect(backupFileName('Sari', day, { changes: true, encrypted: true, compressed: true })).toBe(
      'anyam-sari-2026-03-01-changes-encrypted.json.gz',
    );
    expect(backupFileName('Sari', day, {})).toBe('anyam-sari-2026-03-01.json');
  });
});
