/**
 * The safety net: remind the household to back up when it has records and the last backup is a
 * week old (or there never was one), unless the reminder was snoozed.
 */
import type { Settings, Timestamp } from '../../domain/model';
import { getSettings, saveSettings } from '../repo/settings';

export const BACKUP_REMINDER_DAYS = 7;
const DAY_MS = 86_400_000;

/** Pure: whether the settings view (and the shell's banner) should show the reminder. */
export function backupReminderDue(
  settings: Pick<Settings, 'lastBackupAt' | 'backupReminderSnoozedUntil'> | null | undefined,
  hasRecords: boolean,
  now: Date,
): boolean {
  if (!hasRecords) return false;
  const snoozed = settings?.backupReminderSnoozedUntil;
  if (snoozed && Date.parse(snoozed) > now.getTime()) return false;
  const last = settings?.lastBackupAt;
  if (!last) return true;
  return now.getTime() - Date.parse(last) >= BACKUP_REMINDER_DAYS * DAY_MS;
}

/**
 * Records that a backup was just exported. A household without settings (nothing set up yet)
 * has nothing to record it in, and nothing worth reminding about: returns null then.
 */
export async function recordBackupTime(at: Date = new Date()): Promise<Settings | null> {
  if (!(await getSettings())) return null;
  return saveSettings({ lastBackupAt: at.toISOString() });
}

/** Hides the reminder until `until` (the UI offers "remind me tomorrow" and the like). */
export async function snoozeBackupReminder(until: Date): Promise<Settings | null> {
  if (!(await getSettings())) return null;
  const backupReminderSnoozedUntil: Timestamp = until.toISOString();
  return saveSettings({ backupReminderSnoozedUntil });
}
