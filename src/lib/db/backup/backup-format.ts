/**
 * The plain backup file: what it holds, how it is written, what the restore screen shows about
 * it, and its file name. Pure: no Dexie, no DOM. See docs/backup-format.md.
 */
import {
  TABLE_NAMES,
  type BaseRecord,
  type HouseholdTables,
  type IsoDate,
  type TableName,
  type Timestamp,
} from '../../domain/model';

export const BACKUP_FORMAT = 'anyam-backup';
/**
 * Raised whenever a reader of the old version would misread a new file. Restoring refuses files
 * newer than this (the app must be updated first) rather than dropping what it does not know.
 */
export const BACKUP_VERSION = 7;

/** Version 4 added `debts` and `repayments` (and skips of kind 'debt'). */
const DEBT_TABLES: readonly TableName[] = ['debts', 'repayments'];
/** Version 6 added the funds for big dates and the money set aside for them. */
const FUND_TABLES: readonly TableName[] = ['funds', 'setAsides'];
/** Version 7 added the savings groups. */
const GROUP_TABLES: readonly TableName[] = ['groups', 'groupPayments'];
const LATER: readonly TableName[] = [...DEBT_TABLES, ...FUND_TABLES, ...GROUP_TABLES];

/**
 * The tables each version's files carry. Version 2 added `payments` and `skips` (and streams'
 * `payDay`); version 3 added `places` (and savings' `placeId`); version 4 `debts` and
 * `repayments`; version 5 entries' `arrival`; version 6 `funds` and `setAsides`; version 7
 * `groups` and `groupPayments`. An older file is read as a current one without them
 * (backup-validate.ts).
 */
export const TABLES_OF_VERSION: Readonly<Record<number, readonly TableName[]>> = {
  1: TABLE_NAMES.filter(
    (t) => t !== 'payments' && t !== 'skips' && t !== 'places' && !LATER.includes(t),
  ),
  2: TABLE_NAMES.filter((t) => t !== 'places' && !LATER.includes(t)),
  3: TABLE_NAMES.filter((t) => !LATER.includes(t)),
  4: TABLE_NAMES.filter((t) => !FUND_TABLES.includes(t) && !GROUP_TABLES.includes(t)),
  // Version 5 (issue 26): entries may carry `arrival`; no new table.
  5: TABLE_NAMES.filter((t) => !FUND_TABLES.includes(t) && !GROUP_TABLES.includes(t)),
  6: TABLE_NAMES.filter((t) => !GROUP_TABLES.includes(t)),
  7: TABLE_NAMES,
};

export interface BackupApp {
  name: string;
  version: string;
}

/**
 * Present only in a changes-only ("partial") household file: it carries the records changed
 * since `since` (plus the members and streams they name) of the household whose settings row
 * has the id `household`. A partial file can only be merged, never restored with Replace.
 */
export interface BackupChanges {
  since: Timestamp;
  household: string;
}

/**
 * Who made a household file: the member this phone belongs to (Settings → "This phone is"), or
 * null when the phone has not said. Optional: plain backups and older files have none.
 */
export interface BackupSender {
  memberId: string | null;
}

export interface BackupFile {
  format: typeof BACKUP_FORMAT;
  version: number;
  exportedAt: Timestamp;
  app: BackupApp;
  changes: BackupChanges | null;
  /** Household files only: whose phone made it. */
  sender?: BackupSender | null;
  /** Every stored table but the derived rollups, rows in primary-key (id) order. */
  tables: HouseholdTables;
}

export interface BackupMeta {
  exportedAt: Timestamp;
  app: BackupApp;
  changes?: BackupChanges | null;
  sender?: BackupSender | null;
}

/** The file's opening, up to the tables: `{"format":…,"tables":{`. */
export function backupHead(meta: BackupMeta): string {
  const head = {
    format: BACKUP_FORMAT,
    version: BACKUP_VERSION,
    exportedAt: meta.exportedAt,
    app: { name: meta.app.name, version: meta.app.version },
    ...(meta.changes
      ? { changes: { since: meta.changes.since, household: meta.changes.household } }
      : {}),
    ...(meta.sender ? { sender: { memberId: meta.sender.memberId } } : {}),
  };
  return JSON.stringify(head).slice(0, -1) + ',"tables":{';
}

/**
 * One table as text: one record per line, so that a file can be read (and diffed) by a person
 * and written a chunk at a time without ever holding every record in one array.
 */
export function tableOpen(table: TableName, first: boolean): string {
  return `${first ? '' : ','}\n${JSON.stringify(table)}:[`;
}
export function recordLine(record: object, first: boolean): string {
  return `${first ? '' : ','}\n${JSON.stringify(record)}`;
}
export const TABLE_CLOSE = '\n]';
export const BACKUP_TAIL = '\n}}\n';

/** The whole file for tables already in memory (tests, small households). */
export function serializeBackup(tables: HouseholdTables, meta: BackupMeta): string {
  const parts = [backupHead(meta)];
  TABLE_NAMES.forEach((table, t) => {
    parts.push(tableOpen(table, t === 0));
    const rows = [...(tables[table] as BaseRecord[])].sort(byId);
    rows.forEach((row, i) => parts.push(recordLine(row, i === 0)));
    parts.push(TABLE_CLOSE);
  });
  parts.push(BACKUP_TAIL);
  return parts.join('');
}

export function byId(a: BaseRecord, b: BaseRecord): number {
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

// ---------------------------------------------------------------------------------------------
// What the restore screen shows before the user chooses Replace or Merge

export interface BackupSummary {
  householdName: string | null;
  baseCurrency: string | null;
  exportedAt: Timestamp;
  appVersion: string;
  version: number;
  encrypted: boolean;
  /** Gzip-compressed file. */
  compressed: boolean;
  /** Set for a changes-only file: merge only. */
  changes: BackupChanges | null;
  /** Rows per table that are not soft-deleted. */
  counts: Record<TableName, number>;
  /** Soft-deleted rows per table (carried so that merges delete them on the other phone too). */
  deleted: Record<TableName, number>;
  /** First and last date of the live entries; null without entries. */
  dateRange: { from: IsoDate; to: IsoDate } | null;
}

export function summarizeBackup(
  backup: BackupFile,
  encrypted: boolean,
  compressed = false,
): BackupSummary {
  const counts = {} as Record<TableName, number>;
  const deleted = {} as Record<TableName, number>;
  for (const table of TABLE_NAMES) {
    const rows = backup.tables[table] as BaseRecord[];
    const gone = rows.filter((row) => row.deletedAt !== null).length;
    counts[table] = rows.length - gone;
    deleted[table] = gone;
  }
  let from: IsoDate | null = null;
  let to: IsoDate | null = null;
  for (const entry of backup.tables.entries) {
    if (entry.deletedAt !== null) continue;
    if (from === null || entry.date < from) from = entry.date;
    if (to === null || entry.date > to) to = entry.date;
  }
  const settings = backup.tables.settings[0];
  return {
    householdName: settings?.householdName ?? null,
    baseCurrency: settings?.baseCurrency ?? null,
    exportedAt: backup.exportedAt,
    appVersion: backup.app.version,
    version: backup.version,
    encrypted,
    compressed,
    changes: backup.changes,
    counts,
    deleted,
    // Stryker disable next-line LogicalOperator: `from` and `to` are set together by the first live entry, so either is null exactly when both are
    dateRange: from !== null && to !== null ? { from, to } : null,
  };
}

// ---------------------------------------------------------------------------------------------
// File names

/**
 * 'Keluarga Nguyễn' → 'keluarga-nguyen': ASCII letters and digits only, since a phone's file
 * manager, a chat app or an email attachment may mangle anything else.
 */
export function fileSlug(name: string): string {
  const ascii = name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    // Vietnamese đ/Đ is a letter of its own, not d with a mark, so NFKD keeps it.
    .replace(/[đĐ]/g, 'd')
    .toLowerCase();
  const slug = ascii
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 40)
    .replace(/-+$/, '');
  return slug || 'household';
}

/**
 * `anyam-<household>-<date>.json`, with `-changes` for a changes-only file, `-encrypted` for an
 * encrypted one, and `.gz` after `.json` for a compressed one.
 */
export function backupFileName(
  householdName: string,
  date: IsoDate,
  options: { encrypted?: boolean; changes?: boolean; compressed?: boolean } = {},
): string {
  const changes = options.changes ? '-changes' : '';
  const encrypted = options.encrypted ? '-encrypted' : '';
  const gz = options.compressed ? '.gz' : '';
  return `anyam-${fileSlug(householdName)}-${date}${changes}${encrypted}.json${gz}`;
}
