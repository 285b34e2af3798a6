import { describe, expect, it } from 'vitest';
import {
  dashboardMemberId,
  defaultStreamId,
  sendReminderDue,
} from '../../src/lib/domain/phone-owner';

const streams = [
  { id: 's1', memberId: 'sari' },
  { id: 's2', memberId: 'dewi' },
  { id: 's3', memberId: 'dewi' },
];

describe('quick add on a phone that belongs to someone', () => {
  it("starts on the owner's stream rather than the household's first", () => {
    expect(defaultStreamId(streams, { lastId: null, ownerId: 'dewi' })).toBe('s2');
  });
  it("keeps the last stream used when it is the owner's", () => {
    expect(defaultStreamId(streams, { lastId: 's3', ownerId: 'dewi' })).toBe('s3');
  });
  it("prefers the owner's stream over a last stream of someone else", () => {
    expect(defaultStreamId(streams, { lastId: 's1', ownerId: 'dewi' })).toBe('s2');
  });
  it('uses the last stream, then the first, on a shared phone or an owner without streams', () => {
    expect(defaultStreamId(streams, { lastId: 's3', ownerId: null })).toBe('s3');
    expect(defaultStreamId(streams, { lastId: null, ownerId: null })).toBe('s1');
    expect(defaultStreamId(streams, { lastId: 's3', ownerId: 'budi' })).toBe('s3');
    expect(defaultStreamId([], { lastId: null, ownerId: 'dewi' })).toBe('');
  });
});

describe('the dashboard of a phone that belongs to someone', () => {
  const members = [
    { id: 'sari', deletedAt: null },
    { id: 'dewi', deletedAt: '2026-01-01T00:00:00.000Z' },
  ];
  it("opens on the owner's income only when asked", () => {
    expect(dashboardMemberId(members, { ownerId: 'sari', scope: 'mine' })).toBe('sari');
    expect(dashboardMemberId(members, { ownerId: 'sari', scope: 'household' })).toBe('');
    expect(dashboardMemberId(members, { ownerId: null, scope: 'mine' })).toBe('');
  });
  it('falls back to the household when the owner is gone', () => {
    expect(dashboardMemberId(members, { ownerId: 'dewi', scope: 'mine' })).toBe('');
    expect(dashboardMemberId(members, { ownerId: 'budi', scope: 'mine' })).toBe('');
  });
});

describe('the prompt to send to the household', () => {
  const now = new Date('2026-11-30T08:00:00.000Z');
  const base = { lastSentAt: null, firstMergedAt: null, snoozedUntil: null, hasChanges: true };
  it('never nags a household of one phone', () => {
    expect(sendReminderDue(base, now)).toBe(false);
  });
  it('comes a week after the last send when this phone has changes', () => {
    expect(sendReminderDue({ ...base, lastSentAt: '2026-11-23T08:00:00.000Z' }, now)).toBe(true);
    expect(sendReminderDue({ ...base, lastSentAt: '2026-11-24T08:00:00.000Z' }, now)).toBe(false);
    expect(
      sendReminderDue({ ...base, lastSentAt: '2026-11-01T08:00:00.000Z', hasChanges: false }, now),
    ).toBe(false);
  });
  it('comes a week after the first merge on a phone that never sent, unless snoozed', () => {
    const merged = { ...base, firstMergedAt: '2026-11-20T08:00:00.000Z' };
    expect(sendReminderDue(merged, now)).toBe(true);
    expect(sendReminderDue({ ...merged, snoozedUntil: '2026-12-01T00:00:00.000Z' }, now)).toBe(
      false,
    );
  });
});
