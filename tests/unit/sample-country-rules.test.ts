/**
 * Whose sample household a household sees (issue 28, seventh round): the country of its base
 * currency whatever its language, else the country of its language, else Indonesia.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { sampleCountry } from '../../src/lib/domain/sample-country';

const OF_CURRENCY = { IDR: 'ID', PHP: 'PH', VND: 'VN' } as const;
const OF_LANGUAGE = { id: 'ID', fil: 'PH', vi: 'VN' } as const;
const languageArb = fc.oneof(
  fc.constantFrom('id', 'fil', 'vi', 'en', ''),
  fc.string({ maxLength: 4 }),
);
const otherCurrencyArb = fc.oneof(
  fc.constantFrom('USD', 'EUR', 'SGD', '', 'idr'),
  fc.string({ maxLength: 4 }).filter((c) => !(c in OF_CURRENCY)),
);

describe('which sample a household sees', () => {
  it('the base currency decides when it is rupiah, pesos or đồng, whatever the language', () => {
    fc.assert(
      fc.property(
        fc.constantFrom<keyof typeof OF_CURRENCY>('IDR', 'PHP', 'VND'),
        languageArb,
        (currency, language) => {
          expect(sampleCountry(currency, language)).toBe(OF_CURRENCY[currency]);
        },
      ),
      { numRuns: 300 },
    );
  });

  it('else the language decides, else Indonesia', () => {
    fc.assert(
      fc.property(otherCurrencyArb, languageArb, (currency, language) => {
        const byLanguage = Object.hasOwn(OF_LANGUAGE, language)
          ? OF_LANGUAGE[language as keyof typeof OF_LANGUAGE]
          : 'ID';
        expect(sampleCountry(currency, language)).toBe(byLanguage);
      }),
      { numRuns: 300 },
    );
  });
});
