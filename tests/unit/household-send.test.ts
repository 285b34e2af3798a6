import { describe, expect, it } from 'vitest';
import { nextSendSince, SEND_OVERLAP_MS } from '../../src/lib/db/backup/household-file';

describe('where the next changes-only file starts', () => {
  it('sends the whole household from a phone that never sent', () => {
    expect(nextSendSince(null)).toBeUndefined();
    expect(nextSendSince(null, '2026-11-01T00:00:00.000Z')).toBeUndefined();
  });

  it('starts a minute before the last send, so a write committed during it is not lost', () => {
    expect(SEND_OVERLAP_MS).toBe(60_000);
    expect(nextSendSince('2026-11-30T08:00:00.000Z')).toBe('2026-11-30T07:59:00.000Z');
  });

  it('starts at the oldest record merged in since, so what came from a third phone travels on', () => {
    expect(nextSendSince('2026-11-30T08:00:00.000Z', '2026-11-20T10:00:00.000Z')).toBe(
      '2026-11-20T10:00:00.000Z',
    );
    expect(nextSendSince('2026-11-30T08:00:00.000Z', '2026-11-30T07:59:30.000Z')).toBe(
      '2026-11-30T07:59:00.000Z',
    );
  });
});
