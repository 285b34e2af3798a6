/**
 * The household file one phone sends to another: the backup format, gzip-compressed, optionally
 * encrypted, and by default holding only what changed since this phone last sent one.
 * docs/backup-format.md ("Household files") says how such a file merges.
 */
import { todayIso } from '../../domain/dates';
import type { Timestamp } from '../../domain/model';
import { backupFileName } from './backup-format';
import { type JobProgressListener } from './cancel';
import { encryptBackupText, type EncryptOptions } from './crypto';
import { backupText } from './export-backup';
import { gzipText } from './gzip';

/**
 * The next changes-only file starts this long before the previous one was made: a write that
 * took its timestamp just before the read began but committed just after it is carried again
 * rather than lost. Merging is idempotent, so carrying a record twice costs only bytes.
 */
export const SEND_OVERLAP_MS = 60_000;

export interface HouseholdFileOptions {
  /** Changes since this instant (see `nextSendSince`); the whole household when absent. */
  since?: Timestamp;
  /**
   * The member this phone belongs to (the device's `memberId`), written as the file's `sender`
   * so that the receiving preview can say whose phone it came from; null when the phone has
   * not said. Absent: no sender in the file.
   */
  senderMemberId?: string | null;
  passphrase?: string;
  encryption?: EncryptOptions;
  now?: Date;
  onProgress?: JobProgressListener;
}

export interface HouseholdFile {
  filename: string;
  mimeType: 'application/gzip';
  bytes: Uint8Array<ArrayBuffer>;
  encrypted: boolean;
  partial: boolean;
  /** Rows per table in the file. */
  counts: Record<string, number>;
}

/** Makes the file (nothing is written to the database). */
export async function exportHouseholdFile(
  options: HouseholdFileOptions = {},
): Promise<HouseholdFile> {
  const now = options.now ?? new Date();
  const plain = await backupText({
    now,
    since: options.since,
    onProgress: options.onProgress,
    ...(options.senderMemberId !== undefined
      ? { sender: { memberId: options.senderMemberId } }
      : {}),
  });
  const encrypted = options.passphrase !== undefined;
  const text = encrypted
    ? await encryptBackupText(plain.text, options.passphrase!, options.encryption)
    : plain.text;
  const partial = options.since !== undefined;
  return {
    filename: backupFileName(plain.householdName, todayIso(now), {
      encrypted,
      changes: partial,
      compressed: true,
    }),
    mimeType: 'application/gzip',
    bytes: await gzipText(text),
    encrypted,
    partial,
    counts: plain.counts,
  };
}

/**
 * Where the next changes-only file starts, given when the last file was sent and the oldest
 * record a merge has written since (records received from a third phone must travel on).
 */
export function nextSendSince(
  sentAt: Timestamp | null,
  oldestMerged: Timestamp | null = null,
): Timestamp | undefined {
  if (sentAt === null) return undefined;
  const from = new Date(Date.parse(sentAt) - SEND_OVERLAP_MS).toISOString();
  return oldestMerged !== null && oldestMerged < from ? oldestMerged : from;
}
