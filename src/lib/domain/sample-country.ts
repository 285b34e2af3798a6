/**
 * Whose sample household a household sees, kept apart from the sample itself
 * (sample-household.ts) so that onboarding can name the sample's country without loading it.
 */

/** The three households a sample can be: one per country Anyam is made for. */
export type SampleCountry = 'ID' | 'PH' | 'VN';

const COUNTRY_OF_CURRENCY: Readonly<Record<string, SampleCountry>> = {
  IDR: 'ID',
  PHP: 'PH',
  VND: 'VN',
};
const COUNTRY_OF_LANGUAGE: Readonly<Record<string, SampleCountry>> = {
  id: 'ID',
  fil: 'PH',
  vi: 'VN',
};

/**
 * Whose sample a household sees: the country of its base currency, else of its language, else
 * Indonesia (the first household Anyam was made for).
 */
export function sampleCountry(baseCurrency: string, language: string): SampleCountry {
  return COUNTRY_OF_CURRENCY[baseCurrency] ?? COUNTRY_OF_LANGUAGE[language] ?? 'ID';
}
