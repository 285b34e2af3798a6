import 'fake-indexeddb/auto';
import { afterAll, describe, expect, it } from 'vitest';
import {
  backupReminderDue,
  exportBackup,
  recordBackupTime,
  snoozeBackupReminder,
} from '../../src/lib/db/backup';
import type { AnyamDatabase } from '../../src/lib/db/database';
import { countEntries, getSettings } from '../../src/lib/db/repo';
import { dropDatabase, freshDatabase, seedBasics } from './helpers';

const opened: AnyamDatabase[] = [];
afterAll(async () => {
  for (const db of opened) await dropDatabase(db);
});

describe('recording backups for the reminder', () => {
  it('has nothing to record before the household is set up', async () => {
    opened.push(freshDatabase('reminder-empty'));
    expect(await recordBackupTime(new Date('2026-03-01T00:00:00.000Z'))).toBeNull();
    expect(await getSettings()).toBeUndefined();
  });

  it('has no reminder to snooze before the household is set up, and writes nothing', async () => {
    opened.push(freshDatabase('reminder-snooze-empty'));
    expect(await snoozeBackupReminder(new Date('2026-03-09T10:00:00.000Z'))).toBeNull();
    expect(await getSettings()).toBeUndefined();
  });

  it('records the export time in settings, which silences the reminder for a week', async () => {
    opened.push(freshDatabase('reminder'));
    await seedBasics();
    const now = new Date('2026-03-01T10:00:00.000Z');
    const hasRecords = (await countEntries()) > 0 || (await getSettings()) !== undefined;
    expect(backupReminderDue(await getSettings(), hasRecords, now)).toBe(true);

    await exportBackup({ now });
    await recordBackupTime(now);
    expect((await getSettings())?.lastBackupAt).toBe(now.toISOString());
    expect(backupReminderDue(await getSettings(), true, now)).toBe(false);
    const aWeekLater = new Date('2026-03-08T10:00:00.000Z');
    expect(backupReminderDue(await getSettings(), true, aWeekLater)).toBe(true);

    await snoozeBackupReminder(new Date('2026-03-09T10:00:00.000Z'));
    expect(backupReminderDue(await getSettings(), true, aWeekLater)).toBe(false);
  });
});
