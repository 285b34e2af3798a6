/**
 * Export: every table but the derived rollups, read in one read transaction (a consistent
 * snapshot even if another tab writes meanwhile), entries in primary-key chunks so that 100,000
 * of them never sit in one array: each chunk is turned into text and dropped.
 */
import { todayIso } from '../../domain/dates';
import { TABLE_NAMES, type BaseRecord } from '../../domain/model';
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

/** The plain backup text of the whole database and the household's name. */
export async function backupText(
  options: { now?: Date; onProgress?: JobProgressListener; chunkSize?: number } = {},
): Promise<{ text: string; householdName: string; counts: Record<string, number> }> {
  const chunkSize = options.chunkSize ?? CHUNK;
  const now = options.now ?? new Date();
  return readTransaction(TABLE_NAMES, async (db) => {
    const parts = [backupHead({ exportedAt: now.toISOString(), app: appInfo() })];
    const counts: Record<string, number> = {};
    const total = await db.entries.count();
    let householdName = '';
    for (const [t, name] of TABLE_NAMES.entries()) {
      parts.push(tableOpen(name, t === 0));
      let count = 0;
      if (name === 'entries') {
        let after: string | null = null;
        options.onProgress?.({ phase: 'reading', done: 0, total });
        for (;;) {
          const chunk: BaseRecord[] = await (
            after === null ? db.entries.orderBy(':id') : db.entries.where(':id').above(after)
          )
            .limit(chunkSize)
            .toArray();
          for (const row of chunk) parts.push(recordLine(row, count++ === 0));
          options.onProgress?.({ phase: 'reading', done: count, total });
          if (chunk.length < chunkSize) break;
          after = chunk[chunk.length - 1]!.id;
        }
      } else {
        const rows = (await db.table<BaseRecord, string>(name).toArray()).sort(byId);
        if (name === 'settings') {
          householdName = (rows[0] as { householdName?: string } | undefined)?.householdName ?? '';
        }
        for (const row of rows) parts.push(recordLine(row, count++ === 0));
      }
      parts.push(TABLE_CLOSE);
      counts[name] = count;
    }
    parts.push(BACKUP_TAIL);
    return { text: parts.join(''), householdName, counts };
  });
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
