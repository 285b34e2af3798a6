// Issue 28 (mutation round): choices that depend on whose phone this is (phone-owner.ts), at
// their boundaries: the week before "Send to my household" is suggested, a snooze that has
// ended, the last send counting over the first merge, and the owner's first stream.
import { describe, expect, it } from 'vitest';
import {
  dashboardMemberId,
  defaultStreamId,
  sendReminderDue,
} from '../../src/lib/domain/phone-owner';

describe('the prompt to send to the household', () => {
  const now = new Date('2026-11-30T08:00:00.000Z');
  const base = { lastSentAt: null, firstMergedAt: null, snoozedUntil: null, hasChanges: true };

  it('comes exactly a week after the last send, not a millisecond sooner', () => {
    expect(sendReminderDue({ ...base, lastSentAt: '2026-11-23T08:00:00.000Z' }, now)).toBe(true);
    expect(sendReminderDue({ ...base, lastSentAt: '2026-11-23T08:00:00.001Z' }, now)).toBe(false);
  });

  it('counts from the last send when the phone has both sent and merged', () => {
    const both = {
      ...base,
      lastSentAt: '2026-11-29T08:00:00.000Z',
      firstMergedAt: '2026-01-01T00:00:00.000Z',
    };
    expect(sendReminderDue(both, now)).toBe(false);
    expect(
      sendReminderDue(
        {
          ...both,
          lastSentAt: '2026-11-01T00:00:00.000Z',
          firstMergedAt: '2026-11-29T00:00:00.000Z',
        },
        now,
      ),
    ).toBe(true);
  });

  it('waits while snoozed and comes again once the snooze has ended, at its very moment', () => {
    const due = { ...base, lastSentAt: '2026-11-01T00:00:00.000Z' };
    expect(sendReminderDue({ ...due, snoozedUntil: '2026-11-30T08:00:00.001Z' }, now)).toBe(false);
    expect(sendReminderDue({ ...due, snoozedUntil: '2026-11-30T08:00:00.000Z' }, now)).toBe(true);
    expect(sendReminderDue({ ...due, snoozedUntil: '2026-11-29T00:00:00.000Z' }, now)).toBe(true);
  });

  it('never comes without changes the others lack, snoozed or not', () => {
    const merged = { ...base, firstMergedAt: '2026-01-01T00:00:00.000Z', hasChanges: false };
    expect(sendReminderDue(merged, now)).toBe(false);
    expect(sendReminderDue({ ...merged, snoozedUntil: '2026-01-02T00:00:00.000Z' }, now)).toBe(
      false,
    );
  });
});

describe('the stream quick add starts on', () => {
  const streams = [
    { id: 's1', memberId: 'sari' },
    { id: 's2', memberId: 'dewi' },
    { id: 's3', memberId: 'dewi' },
  ];

  it("is the owner's first stream, in the order given, when the last one is not offered", () => {
    expect(defaultStreamId(streams, { lastId: 'gone', ownerId: 'dewi' })).toBe('s2');
    expect(defaultStreamId([...streams].reverse(), { lastId: null, ownerId: 'dewi' })).toBe('s3');
  });

  it('is the first stream when neither the last one nor an owner is known', () => {
    expect(defaultStreamId(streams, { lastId: 'gone', ownerId: null })).toBe('s1');
    expect(defaultStreamId(streams, { lastId: 'gone', ownerId: 'budi' })).toBe('s1');
    expect(defaultStreamId([], { lastId: 'gone', ownerId: null })).toBe('');
  });
});

describe('the member the dashboard opens on', () => {
  it('is the owner only when the owner is a live member and the phone says "mine"', () => {
    const members = [{ id: 'sari', deletedAt: null }];
    expect(dashboardMemberId(members, { ownerId: 'sari', scope: 'mine' })).toBe('sari');
    expect(dashboardMemberId([], { ownerId: 'sari', scope: 'mine' })).toBe('');
    expect(dashboardMemberId(members, { ownerId: null, scope: 'household' })).toBe('');
  });
});
