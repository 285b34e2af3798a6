// @vitest-environment jsdom
/**
 * Issue 24, item 9: a stream card says when it pays, in the household's language: the day of
 * the month, the weekday, or the next of every-other-week pay days; nothing when none is set.
 */
import { cleanup, render, screen } from '@testing-library/svelte';
import { afterEach, describe, expect, it } from 'vitest';
import type { PayDay, Stream } from '../../src/lib/domain/model';
import { locale } from '../../src/lib/i18n/locale.svelte';
import StreamItem from '../../src/views/streams/StreamItem.svelte';
import { PINNED_TODAY } from '../pinned-day';
import { streamFactory } from '../factories';

afterEach(() => {
  cleanup();
  locale.set('en');
});

function payDayLine(payDay: PayDay | null, cadence = payDay?.cadence ?? 'monthly') {
  const base = streamFactory.build({ kind: 'formal' });
  const stream: Stream = { ...base, payDay, expected: { ...base.expected, cadence } };
  render(StreamItem, { stream, onedit() {}, onarchive() {}, ondelete() {} });
  return screen.queryByTestId('stream-pay-day')?.textContent ?? null;
}

describe('a stream card’s pay day', () => {
  it('names the day of the month, or the last day for 31', () => {
    expect(payDayLine({ cadence: 'monthly', day: 25 })).toBe('Paid on day 25 of each month');
    cleanup();
    expect(payDayLine({ cadence: 'monthly', day: 31 })).toBe('Paid on the last day of each month');
  });

  it('names the weekday in the household’s language', () => {
    expect(payDayLine({ cadence: 'weekly', weekday: 5 })).toBe('Paid every Friday');
    cleanup();
    locale.set('fil');
    expect(payDayLine({ cadence: 'weekly', weekday: 5 })).toBe('Natatanggap tuwing Biyernes');
    cleanup();
    locale.set('vi');
    expect(payDayLine({ cadence: 'monthly', day: 25 })).toBe('Nhận vào ngày 25 hằng tháng');
  });

  it('gives the next of every-other-week pay days, from today on', () => {
    // An anchor 20 days back: the next pay day is 8 days from today.
    const anchor = new Date(Date.parse(`${PINNED_TODAY}T12:00:00Z`) - 20 * 86_400_000);
    const next = new Date(Date.parse(`${PINNED_TODAY}T12:00:00Z`) + 8 * 86_400_000);
    const line = payDayLine({ cadence: 'biweekly', anchor: anchor.toISOString().slice(0, 10) });
    const date = new Intl.DateTimeFormat('en-PH', { dateStyle: 'medium', timeZone: 'UTC' }).format(
      next,
    );
    expect(line).toBe(`Paid every 2 weeks, next on ${date}`);
  });

  it('shows nothing without a pay day, or with one of another cadence', () => {
    expect(payDayLine(null)).toBeNull();
    cleanup();
    expect(payDayLine({ cadence: 'weekly', weekday: 1 }, 'monthly')).toBeNull();
  });
});
