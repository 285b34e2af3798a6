/**
 * Export: every table but the derived rollups, read in one read transaction (a consistent
 * snapshot even if another tab writes meanwhile), entries in primary-key chunks so that 100,000
 * of them never sit in one array: each chunk is turned into text and dropped.
 */
import { todayIso } from '../../domain/dates';
import { TABLE_NAMES, type BaseRecord, type TableName, type Timestamp } from '../../domain/model';
import { readTransaction } from '../repo/transaction';
import {
  BACKUP_TAIL,
  backupFileName,
  backupHead,
  byId,
  recordLine,
  TABLE_CLOSE,
  tableOpen,
  type BackupApp,
  type BackupSender,
} from './backup-format';
import { type JobProgressListener } from './cancel';
import { encryptBackupText, type EncryptOptions } from './crypto';

export interface ExportBackupOptions {
  /** Encrypts the file when given (see crypto.ts). */
  passphrase?: string;
  /** Test-only knobs of the encryption (a low iteration count for many runs). */
  encryption?: EncryptOptions;
  now?: Date;
  onProgress?: JobProgressListener;
  chunkSize?: number;
}

export interface BackupExport {
  filename: string;
  mimeType: 'application/json';
  encrypted: boolean;
  /** The file's content; the UI wraps it in a Blob and downloads it. */
  text: string;
  /** Rows per table in the file. */
  counts: Record<string, number>;
}

const CHUNK = 5_000;

function appInfo(): BackupApp {
  const version = typeof __ANYAM_VERSION__ === 'string' ? __ANYAM_VERSION__ : 'unknown';
  return { name: 'Anyam', version };
}

export interface BackupTextOptions {
  now?: Date;
  onProgress?: JobProgressListener;
  chunkSize?: number;
  /**
   * Changes only: the records with `updatedAt` at or after this instant, plus the members,
   * streams, plans and places they name (so the file's references hold whatever the receiver already has).
   */
  since?: Timestamp;
  /** Household files: whose phone makes the file (written as the envelope's `sender`). */
  sender?: BackupSender;
}

/** Members, streams, plans and places a set of records names: a partial file must carry them. */
function namedIds(rows: readonly BaseRecord[]) {
  const members = new Set<string>();
  const streams = new Set<string>();
  const plans = new Set<string>();
  const places = new Set<string>();
  for (const row of rows) {
    const r = row as {
      memberId?: unknown;
      streamId?: unknown;
      planId?: unknown;
      placeId?: unknown;
      kind?: unknown;
      sourceId?: unknown;
    };
    if (typeof r.memberId === 'string') members.add(r.memberId);
    if (typeof r.streamId === 'string') streams.add(r.streamId);
    if (typeof r.planId === 'string') plans.add(r.planId);
    if (typeof r.placeId === 'string') places.add(r.placeId);
    const landedIn = (row as { arrival?: { placeId: string | null } }).arrival?.placeId;
    if (typeof landedIn === 'string') places.add(landedIn);
    if (typeof r.sourceId === 'string') (r.kind === 'plan' ? plans : streams).add(r.sourceId);
  }
  return { members, streams, plans, places };
}

/** The plain backup text of the whole database (or of its changes) and the household's name. */
export async function backupText(options: BackupTextOptions = {}): Promise<{
  text: string;
  householdName: string;
  counts: Record<string, number>;
}> {
  const chunkSize = options.chunkSize ?? CHUNK;
  const now = options.now ?? new Date();
  const since = options.since;
  return readTransaction(TABLE_NAMES, async (db) => {
    const settings = await db.settings.toArray();
    const householdName = settings[0]?.householdName ?? '';
    const changes =
      since === undefined ? null : { since, household: settings[0]?.id ?? 'no-household' };
    const parts = [
      backupHead({
        exportedAt: now.toISOString(),
        app: appInfo(),
        changes,
        sender: options.sender ?? null,
      }),
    ];
    const counts: Record<string, number> = {};
    // Stryker disable StringLiteral: this count is the progress total of the whole file only; a changes-only file never reads it
    const total =
      since === undefined
        ? await db.entries.count()
        : await db.entries.where('updatedAt').aboveOrEqual(since).count();
    // Stryker restore StringLiteral

    // Changes only: the small tables are read whole and filtered; entries through their
    // updatedAt index. The settings row always travels (it names the household).
    const small = new Map<TableName, BaseRecord[]>();
    const carried: BaseRecord[] = [];
    for (const name of TABLE_NAMES) {
      // Stryker disable next-line StringLiteral: reading the entries here too changes nothing: only changedEntries is written, and entries name nothing namedIds does not see there
      if (name === 'entries') continue;
      // Stryker disable next-line MethodExpression: toArray() already reads a table in primary-key (id) order
      const rows = (await db.table<BaseRecord, string>(name).toArray()).sort(byId);
      const kept =
        since === undefined || name === 'settings'
          ? rows
          : rows.filter((row) => row.updatedAt >= since);
      small.set(name, kept);
      carried.push(...kept);
    }
    const changedEntries =
      since === undefined
        ? null
        : await db.entries.where('updatedAt').aboveOrEqual(since).toArray();
    if (changedEntries) {
      const named = namedIds([...carried, ...changedEntries]);
      const plans = (await db.plans.bulkGet([...named.plans])).filter(
        (p): p is NonNullable<typeof p> => p !== undefined,
      );
      for (const plan of plans) if (plan.memberId !== null) named.members.add(plan.memberId);
      const places = (await db.places.bulkGet([...named.places])).filter(
        (p): p is NonNullable<typeof p> => p !== undefined,
      );
      // Stryker disable next-line ArrayDeclaration: every table but entries was set in the loop above, so the default is never read
      small.set('plans', withRows(small.get('plans') ?? [], plans));
      // Stryker disable next-line ArrayDeclaration: every table but entries was set in the loop above, so the default is never read
      small.set('places', withRows(small.get('places') ?? [], places));
      const fundIds = carried.flatMap((r) => ('fundId' in r ? [String(r.fundId)] : []));
      const funds = (await db.funds.bulkGet(fundIds)).filter((f) => f !== undefined);
      // Stryker disable next-line ArrayDeclaration: every table but entries was set in the loop above, so the default is never read
      small.set('funds', withRows(small.get('funds') ?? [], funds));
      const streams = (await db.streams.bulkGet([...named.streams])).filter(
        (s): s is NonNullable<typeof s> => s !== undefined,
      );
      for (const stream of streams) named.members.add(stream.memberId);
      const members = (await db.members.bulkGet([...named.members])).filter(
        (m): m is NonNullable<typeof m> => m !== undefined,
      );
      // Stryker disable next-line ArrayDeclaration: every table but entries was set in the loop above, so the default is never read
      small.set('streams', withRows(small.get('streams') ?? [], streams));
      // Stryker disable next-line ArrayDeclaration: every table but entries was set in the loop above, so the default is never read
      small.set('members', withRows(small.get('members') ?? [], members));
    }

    for (const [t, name] of TABLE_NAMES.entries()) {
      parts.push(tableOpen(name, t === 0));
      let count = 0;
      if (name === 'entries' && changedEntries) {
        for (const row of changedEntries.sort(byId)) parts.push(recordLine(row, count++ === 0));
      } else if (name === 'entries') {
        let after: string | null = null;
        options.onProgress?.({ phase: 'reading', done: 0, total });
        for (;;) {
          // Stryker disable StringLiteral: Dexie reads an empty index name as the primary key, like ':id'
          const chunk: BaseRecord[] = await (
            after === null ? db.entries.orderBy(':id') : db.entries.where(':id').above(after)
          )
            .limit(chunkSize)
            .toArray();
          // Stryker restore StringLiteral
          for (const row of chunk) parts.push(recordLine(row, count++ === 0));
          options.onProgress?.({ phase: 'reading', done: count, total });
          if (chunk.length < chunkSize) break;
          after = chunk[chunk.length - 1]!.id;
        }
      } else {
        // Stryker disable next-line ArrayDeclaration: every table but entries was set in the loop above, so the default is never read
        for (const row of small.get(name) ?? []) parts.push(recordLine(row, count++ === 0));
      }
      parts.push(TABLE_CLOSE);
      counts[name] = count;
    }
    parts.push(BACKUP_TAIL);
    return { text: parts.join(''), householdName, counts };
  });
}

/** `rows` plus those of `more` it lacks, sorted by id. */
function withRows(rows: readonly BaseRecord[], more: readonly BaseRecord[]): BaseRecord[] {
  const byKey = new Map(rows.map((r) => [r.id, r]));
  for (const row of more) if (!byKey.has(row.id)) byKey.set(row.id, row);
  return [...byKey.values()].sort(byId);
}

/**
 * The backup file to download: `anyam-<household>-<date>.json`, encrypted when a passphrase is
 * given. Call `recordBackupTime()` once the download has been handed to the browser.
 */
export async function exportBackup(options: ExportBackupOptions = {}): Promise<BackupExport> {
  const now = options.now ?? new Date();
  const plain = await backupText({ ...options, now });
  const encrypted = options.passphrase !== undefined;
  const text = encrypted
    ? await encryptBackupText(plain.text, options.passphrase!, options.encryption)
    : plain.text;
  return {
    filename: backupFileName(plain.householdName, todayIso(now), { encrypted }),
    mimeType: 'application/json',
    encrypted,
    text,
    counts: plain.counts,
  };
}
