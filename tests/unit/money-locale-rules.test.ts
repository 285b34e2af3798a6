// Issue 28 (twelfth round): money.ts's locale rule. A tag Intl cannot use falls back to English,
// never to the runtime's default language: Node's default is English, a phone's may not be, so a
// test through formatMoney alone could not tell the two apart.
import { describe, expect, it } from 'vitest';
import { formatMoney, safeLocale } from '../../src/lib/domain/money';

describe('the locale money is formatted with', () => {
  it('is the one asked for when Intl supports it', () => {
    for (const tag of ['en', 'id', 'id-ID', 'fil-PH', 'vi']) expect(safeLocale(tag)).toBe(tag);
  });

  it('is English for a well-formed tag Intl does not support', () => {
    expect(safeLocale('zz-ZZ')).toBe('en');
  });

  it('is English for a malformed tag, which Intl refuses', () => {
    expect(safeLocale('en_US!!')).toBe('en');
    expect(safeLocale('')).toBe('en');
  });

  it('formats a malformed tag as English does', () => {
    expect(formatMoney(123456789, 'IDR', 'en_US!!')).toBe(formatMoney(123456789, 'IDR', 'en'));
  });
});
