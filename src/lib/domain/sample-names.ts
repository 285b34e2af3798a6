/**
 * The sample household's names are stored as tokens, not words, so that they show in whatever
 * language is chosen now: "{{sample:salary}}" is the salary's name in the current language, and
 * "{{sample-person:Minh}}" is Minh with the current language's "(sample)" after it. A name the
 * household types over a token is its own text from then on.
 */
export const SAMPLE_LABEL_KEYS = [
  'household',
  'salary',
  'callCentreSalary',
  'warung',
  'sariSari',
  'rideHailing',
  'imageTagging',
  'dataAnnotation',
  'remittance',
  'remittanceDubai',
  'remittanceBusan',
  'rent',
  'food',
  'utilities',
  'schoolFees',
  'dataPlan',
  'streaming',
  'course',
  'cashAtHome',
  'bankAccount',
  'savingsGroup',
] as const;
export type SampleLabelKey = (typeof SAMPLE_LABEL_KEYS)[number];

const LABEL = /^\{\{sample:([A-Za-z]+)\}\}$/;
const PERSON = /^\{\{sample-person:([^{}]+)\}\}$/;

export function sampleLabelToken(key: SampleLabelKey): string {
  return `{{sample:${key}}}`;
}

export function samplePersonToken(name: string): string {
  return `{{sample-person:${name}}}`;
}

/** The name the sample household is given (a token: it shows in the current language). */
export const SAMPLE_HOUSEHOLD_NAME = sampleLabelToken('household');

/** What a stored name says: a sample label, a sample person, or the household's own text. */
export type ParsedName =
  | { kind: 'label'; key: SampleLabelKey }
  | { kind: 'person'; name: string }
  | { kind: 'own'; text: string };

export function parseName(stored: string): ParsedName {
  const label = LABEL.exec(stored)?.[1];
  if (label && (SAMPLE_LABEL_KEYS as readonly string[]).includes(label)) {
    return { kind: 'label', key: label as SampleLabelKey };
  }
  const person = PERSON.exec(stored)?.[1];
  if (person) return { kind: 'person', name: person };
  return { kind: 'own', text: stored };
}
