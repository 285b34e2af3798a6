import { describe, expect, it } from 'vitest';
import { isValidPin, lockWaitSeconds } from '../../src/lib/domain/lock';

describe('the app lock PIN', () => {
  it('is six to twelve digits and nothing else', () => {
    expect(isValidPin('123456')).toBe(true);
    expect(isValidPin('123456789012')).toBe(true);
    expect(isValidPin('12345')).toBe(false);
    expect(isValidPin('1234567890123')).toBe(false);
    expect(isValidPin('12345a')).toBe(false);
    expect(isValidPin('１２３４５６')).toBe(false);
    expect(isValidPin(' 123456')).toBe(false);
  });

  it('lets four wrong tries pass, then makes each wrong try wait longer, up to an hour', () => {
    expect([0, 1, 4].map(lockWaitSeconds)).toEqual([0, 0, 0]);
    expect([5, 6, 7, 8].map(lockWaitSeconds)).toEqual([30, 60, 120, 240]);
    expect(lockWaitSeconds(12)).toBe(3600);
    expect(lockWaitSeconds(40)).toBe(3600);
  });
});
