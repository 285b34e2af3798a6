import { describe, expect, it } from 'vitest';
import { dashboardMemberId, defaultStreamId } from '../../src/lib/domain/phone-owner';

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
