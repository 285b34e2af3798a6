import { afterEach, describe, expect, it, vi } from 'vitest';
import { todayIso } from '../../src/lib/domain/dates';
import { PINNED_NOW, PINNED_TODAY } from '../pinned-day';

describe("the tests' clock", () => {
  afterEach(() => vi.useRealTimers());

  it('starts at the pinned day, whatever the machine says, and runs on', async () => {
    expect(todayIso()).toBe(PINNED_TODAY);
    const first = Date.now();
    expect(first).toBeGreaterThanOrEqual(PINNED_NOW.getTime());
    expect(first - PINNED_NOW.getTime()).toBeLessThan(24 * 3_600_000);
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(Date.now()).toBeGreaterThan(first);
    expect(new Date(0).toISOString()).toBe('1970-01-01T00:00:00.000Z');
    expect(new Date('2027-01-01') instanceof Date).toBe(true);
  });

  it('a test can still set another day, and real timers bring the pinned day back', () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(new Date('2028-02-29T12:00:00'));
    expect(todayIso()).toBe('2028-02-29');
    vi.useRealTimers();
    expect(todayIso()).toBe(PINNED_TODAY);
  });
});
