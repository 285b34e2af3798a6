import { describe, expect, it, vi } from 'vitest';
import { yieldToEventLoop } from '../../src/lib/db/backup/cancel';
import { backupReminderDue } from '../../src/lib/db/backup/reminder';
import { passphraseBits, passphraseStrength } from '../../src/lib/db/backup/passphrase';

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

  it('comes back at the very instant the snooze ends', () => {
    expect(backupReminderDue(settings(days(30), NOW.toISOString()), true, NOW)).toBe(true);
  });
});

describe('a long job’s turn between slices (cancel.ts)', () => {
  it('gives the event loop a turn: a timer queued before it has run when it resolves', async () => {
    let ran = false;
    setTimeout(() => {
      ran = true;
    }, 0);
    await yieldToEventLoop();
    expect(ran).toBe(true);
  });

  it('yields with scheduler.yield where the browser has it', async () => {
    const yieldSpy = vi.fn(() => Promise.resolve());
    vi.stubGlobal('scheduler', { yield: yieldSpy });
    try {
      await yieldToEventLoop();
    } finally {
      vi.unstubAllGlobals();
    }
    expect(yieldSpy).toHaveBeenCalledOnce();
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

describe('passphrase bits (the rules of the estimate)', () => {
  const bits = (length: number, charset: number) => length * Math.log2(charset);

  it('count each kind of character once in the alphabet: a–z, A–Z, 0–9, ASCII signs, the rest', () => {
    expect(passphraseBits('qzmxnw')).toBeCloseTo(bits(6, 26));
    expect(passphraseBits('QZMXNW')).toBeCloseTo(bits(6, 26));
    expect(passphraseBits('qZmXnW')).toBeCloseTo(bits(6, 52));
    expect(passphraseBits('902817')).toBeCloseTo(bits(6, 10));
    expect(passphraseBits('!#%&(*')).toBeCloseTo(bits(6, 33));
    expect(passphraseBits('éàôü')).toBeCloseTo(bits(4, 40));
    expect(passphraseBits('qZ9!é')).toBeCloseTo(bits(5, 26 + 26 + 10 + 33 + 40));
  });

  it('count a run of one character, or of steps of one, as its first two characters', () => {
    expect(passphraseBits('qzmx1234')).toBeCloseTo(bits(6, 36));
    expect(passphraseBits('qzmx4321')).toBeCloseTo(bits(6, 36));
    expect(passphraseBits('qzmx1111')).toBeCloseTo(bits(5, 36));
    expect(passphraseBits('qzmx1357')).toBeCloseTo(bits(8, 36));
    expect(passphraseBits('qzmx1232')).toBeCloseTo(bits(7, 36));
    expect(passphraseBits('123qzmx')).toBeCloseTo(bits(6, 36));
  });

  it('give a text typed again and again its part’s bits plus 2, at most 20', () => {
    expect(passphraseBits('qzqzqz')).toBeCloseTo(bits(2, 26) + 2);
    expect(passphraseBits('qzmxnwqzmxnw')).toBe(20);
    expect(passphraseBits('xwqzqz')).toBeCloseTo(bits(6, 26));
    expect(passphraseBits('qzqzxw')).toBeCloseTo(bits(6, 26));
  });

  it('give 0 to a common password in any case or spacing, and to blank text', () => {
    expect(passphraseBits('PASSWORD')).toBe(0);
    expect(passphraseBits('Pass-Word')).toBe(0);
    expect(passphraseBits(' \t')).toBe(0);
  });

  it('give at most 20 to a text of three different characters or fewer', () => {
    expect(passphraseBits('qzmqqzzmzqmmqz')).toBe(20);
    expect(passphraseBits('qzmwqqzzmzqmmqz')).toBeGreaterThan(20);
  });

  it('call weak under 10 characters (counted as the eye does) or 50 bits, fair under 75', () => {
    expect(passphraseStrength('😀🎉🌟🍀🔥💧🌈⚡🎵')).toBe('weak');
    expect(passphraseStrength('qZ9!eRt7#')).toBe('weak');
    expect(passphraseStrength('qZ9!eRt7#w')).toBe('fair');
    expect(passphraseStrength('qZ9!eRt7#wLp')).toBe('strong');
  });
});
