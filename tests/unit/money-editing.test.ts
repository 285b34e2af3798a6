import fc from 'fast-check';
import { describe, expect, it, vi } from 'vitest';
import { AnyamError } from '../../src/lib/domain/model';
import { MAX_MINOR } from '../../src/lib/domain/money';
import { formatForEditing, parseEditedAmount } from '../../src/lib/domain/money-editing';

/** The Intl tags the app formats with for each of its languages (i18n/locale.svelte.ts). */
const LOCALES = { en: 'en-PH', id: 'id-ID', fil: 'fil-PH', vi: 'vi-VN' } as const;
const CURRENCIES = ['IDR', 'PHP', 'VND', 'USD'] as const;
/** Minor units per smallest typed step: IDR is typed in whole rupiah. */
const STEP: Record<(typeof CURRENCIES)[number], number> = { IDR: 100, PHP: 1, VND: 1, USD: 1 };

function codeOf(fn: () => unknown): string {
  try {
    fn();
  } catch (e) {
    if (e instanceof AnyamError) return e.code;
    throw e;
  }
  return 'no error';
}

describe('formatForEditing', () => {
  it.each([
    ['id-ID', 'IDR', 480_000_000, '4.800.000'],
    ['en-PH', 'IDR', 480_000_000, '4,800,000'],
    ['vi-VN', 'IDR', 480_000_000, '4.800.000'],
    ['fil-PH', 'PHP', 1_234_550, '12,345.50'],
    ['vi-VN', 'VND', 4_800_000, '4.800.000'],
    ['id-ID', 'USD', 1_250, '12,50'],
    ['en-PH', 'USD', 5, '0.05'],
    // Sen the screen hides are kept, so that opening and saving a form changes nothing.
    ['id-ID', 'IDR', 480_000_050, '4.800.000,50'],
  ])('%s %s %i -> %j', (locale, currency, minor, text) => {
    expect(formatForEditing(minor, currency, locale)).toBe(text);
  });

  it('is never a raw decimal', () => {
    expect(formatForEditing(480_000_000, 'IDR', 'id-ID')).not.toBe('4800000.00');
  });
});

describe('parseEditedAmount', () => {
  it('round-trips every amount in every language and currency', () => {
    let runs = 0;
    for (const locale of Object.values(LOCALES)) {
      for (const currency of CURRENCIES) {
        const step = STEP[currency];
        fc.assert(
          fc.property(fc.integer({ min: 0, max: Math.floor(MAX_MINOR / step) }), (n) => {
            runs += 1;
            const x = n * step;
            expect(parseEditedAmount(formatForEditing(x, currency, locale), currency, locale)).toBe(
              x,
            );
          }),
          { numRuns: 500 },
        );
      }
    }
    expect(runs).toBe(16 * 500);
  });

  it('gives back a stored amount with hidden sen when its text is left as prefilled', () => {
    for (const locale of Object.values(LOCALES)) {
      fc.assert(
        fc.property(fc.integer({ min: 0, max: MAX_MINOR }), (x) => {
          const text = formatForEditing(x, 'IDR', locale);
          expect(parseEditedAmount(text, 'IDR', locale, x)).toBe(x);
        }),
        { numRuns: 500 },
      );
    }
  });

  it('refuses more decimals than the currency shows, never rounds them', () => {
    for (const [lang, locale] of Object.entries(LOCALES)) {
      for (const currency of CURRENCIES) {
        const shown = currency === 'IDR' || currency === 'VND' ? 0 : 2;
        const decimal = lang === 'id' || lang === 'vi' ? ',' : '.';
        fc.assert(
          fc.property(
            fc.integer({ min: 0, max: 9_999_999 }),
            fc.stringMatching(new RegExp(`^[0-9]{${shown + 1},${shown + 3}}$`)),
            (whole, fraction) => {
              // A fraction of only zeros beyond what is shown is a bank statement's ",00".
              fc.pre(/[1-9]/.test(fraction.slice(shown)) || fraction.length > 2);
              // In id and vi, ",000" after a number is read as thousands ("50,000"): not decimals.
              fc.pre(!(decimal === ',' && fraction.length === 3));
              const input = `${whole}${decimal}${fraction}`;
              expect(codeOf(() => parseEditedAmount(input, currency, locale))).toBe(
                'money/too-many-decimals',
              );
            },
          ),
          { numRuns: 500 },
        );
      }
    }
  });

  it.each([
    ['id-ID', 'IDR', '4800000.50'],
    ['id-ID', 'IDR', '4.800.000,5'],
    ['vi-VN', 'VND', '50.000,5'],
    ['en-PH', 'USD', '12.345'],
    ['fil-PH', 'PHP', '1,000.001'],
  ])('%s %s refuses %j', (locale, currency, input) => {
    expect(codeOf(() => parseEditedAmount(input, currency, locale))).toBe(
      'money/too-many-decimals',
    );
  });

  it.each([
    ['id-ID', 'IDR', '4.800.000', 480_000_000],
    ['id-ID', 'IDR', '4.800.000,00', 480_000_000],
    ['en-PH', 'IDR', '4,800,000', 480_000_000],
    ['vi-VN', 'VND', '4.800.000', 4_800_000],
    ['fil-PH', 'USD', '18.00', 1_800],
  ])('%s %s reads %j', (locale, currency, input, minor) => {
    expect(parseEditedAmount(input, currency, locale)).toBe(minor);
  });
});

describe('"-0" in an amount field (quick add, the entry form)', () => {
  // Issue 24: once read as 0 and saved; now refused like any minus, so −0 is never stored.
  it.each([
    ['-0', 'IDR', 'id-ID'],
    ['-0,00', 'PHP', 'id-ID'],
    ['−0', 'VND', 'vi-VN'],
    ['Rp -0', 'IDR', 'id-ID'],
    ['-0.00', 'USD', 'en-PH'],
  ])('%j (%s, %s) is refused as negative', (input, currency, locale) => {
    let error: unknown;
    try {
      parseEditedAmount(input, currency, locale);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(AnyamError);
    expect((error as AnyamError).code).toBe('money/negative');
  });

  it('a plain 0 is still 0', () => {
    expect(Object.is(parseEditedAmount('0', 'IDR', 'id-ID'), 0)).toBe(true);
  });
});

// Rules a mutation run (issue 28) found unstated.
describe('money-editing rules', () => {
  it('text changed from what was prefilled is read as typed, not as the stored amount', () => {
    // 4.800.000,50 was prefilled (sen the screen hides); the person typed 5.
    expect(parseEditedAmount('5', 'IDR', 'id-ID', 480_000_050)).toBe(500);
    expect(parseEditedAmount('4.800.001', 'IDR', 'id-ID', 480_000_050)).toBe(480_000_100);
  });

  it('prefilled text with spaces around it still gives back the stored amount', () => {
    // Stored sen that a person cannot type ("4.800.000,50" in a rupiah field) are kept.
    expect(parseEditedAmount(' 4.800.000,50 ', 'IDR', 'id-ID', 480_000_050)).toBe(480_000_050);
    expect(parseEditedAmount('4,800,000.50\t', 'IDR', 'en-PH', 480_000_050)).toBe(480_000_050);
  });

  it('a language that groups with a no-break space prefills plain spaces, read back the same', () => {
    const text = formatForEditing(123_456_789, 'EUR', 'fr-FR');
    expect(text).toBe('1 234 567,89');
    expect(parseEditedAmount(text, 'EUR', 'fr-FR')).toBe(123_456_789);
  });

  it('a malformed language tag formats with English conventions instead of failing', () => {
    expect(formatForEditing(480_000_000, 'IDR', 'not a tag!')).toBe('4,800,000');
    expect(formatForEditing(1_234_550, 'PHP', '')).toBe('12,345.50');
  });

  it("a language this phone's Intl has no data for formats with English conventions", () => {
    // A WebView built with reduced ICU data lists fewer locales; its default may be any language.
    const supported = vi.spyOn(Intl.NumberFormat, 'supportedLocalesOf').mockReturnValue([]);
    try {
      expect(formatForEditing(480_000_000, 'IDR', 'de-DE')).toBe('4,800,000');
    } finally {
      supported.mockRestore();
    }
  });
});
