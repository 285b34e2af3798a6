// @vitest-environment jsdom
/** The small UI helpers the backup, household and failure screens share. */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { copyText } from '../../src/lib/ui/clipboard';
import { formatMoment } from '../../src/lib/ui/moment';
import { intlLocale } from '../../src/lib/i18n/locale.svelte';

afterEach(() => vi.restoreAllMocks());

function clipboard(writeText: (text: string) => Promise<void>): void {
  Object.defineProperty(navigator, 'clipboard', { value: { writeText }, configurable: true });
}

describe('copyText', () => {
  it('is true once the text is on the clipboard', async () => {
    const writeText = vi.fn(() => Promise.resolve());
    clipboard(writeText);
    expect(await copyText('code')).toBe(true);
    expect(writeText).toHaveBeenCalledWith('code');
  });

  it('is false, not thrown, when the browser refuses', async () => {
    clipboard(() => Promise.reject(new Error('denied')));
    expect(await copyText('code')).toBe(false);
  });
});

describe('formatMoment', () => {
  it('is the medium date and short time in the current language', () => {
    const iso = '2026-03-04T05:06:07.000Z';
    const expected = new Intl.DateTimeFormat(intlLocale(), {
      dateStyle: 'medium',
      timeStyle: 'short',
    }).format(new Date(iso));
    expect(formatMoment(iso)).toBe(expected);
  });
});
