import { describe, expect, it } from 'vitest';
import { backupReminderDue } from '../../src/lib/db/backup/reminder';
import { passphraseStrength } from '../../src/lib/db/backup/passphrase';

const NOW = new Date('2026-03-10T12:00:00.000Z');
const days = (n: number) => new Date(NOW.getTime() - n * 86_400_000).toISOString();
const settings = (
  lastBackupAt: string | null,
  backupReminderSnoozedUntil: string | null = null,
) => ({
  lastBackupAt,
  backupReminderSnoozedUntil,
});

describe('backup reminder', () => {
  it('stays quiet while there is nothing to lose', () => {
    expect(backupReminderDue(settings(null), false, NOW)).toBe(false);
    expect(backupReminderDue(undefined, false, NOW)).toBe(false);
  });

  it('is due when there never was a backup', () => {
    expect(backupReminderDue(settings(null), true, NOW)).toBe(true);
    expect(backupReminderDue(undefined, true, NOW)).toBe(true);
  });

  it('is due 7 days after the last backup, not before', () => {
    expect(backupReminderDue(settings(days(6.9)), true, NOW)).toBe(false);
    expect(backupReminderDue(settings(days(7)), true, NOW)).toBe(true);
    expect(backupReminderDue(settings(days(30)), true, NOW)).toBe(true);
  });

  it('waits while snoozed, and comes back when the snooze ends', () => {
    const tomorrow = new Date(NOW.getTime() + 86_400_000).toISOString();
    expect(backupReminderDue(settings(days(30), tomorrow), true, NOW)).toBe(false);
    expect(backupReminderDue(settings(null, tomorrow), true, NOW)).toBe(false);
    expect(backupReminderDue(settings(days(30), days(1)), true, NOW)).toBe(true);
  });
});

describe('passphrase strength hint', () => {
  it.each([
    ['', 'weak'],
    ['password', 'weak'],
    ['P@ssw0rd', 'weak'],
    ['aaaaaaaaaaaaaaaaaaaa', 'weak'],
    ['12345678901234567890', 'weak'],
    ['sayangsayangsayang', 'weak'],
    ['Rahasia!', 'weak'],
    ['belajarmasak', 'fair'],
    ['Tr0ub4dor&3', 'fair'],
    ['kopi susu gula aren', 'strong'],
    ['correct horse battery staple', 'strong'],
    ['Sáng mai đi chợ sớm nhé', 'strong'],
    ['mX7#qL9!vR2@', 'strong'],
  ] as const)('%j is %s', (p, strength) => {
    expect(passphraseStrength(p)).toBe(strength);
  });
});
