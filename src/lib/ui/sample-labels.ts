import { m } from '../../paraglide/messages.js';
import { parseName, type SampleLabelKey } from '../domain/sample-names';

/** The sample household's names in the current language. */
const SAMPLE_LABEL: Record<SampleLabelKey, () => string> = {
  household: m.sample_household,
  salary: m.sample_salary,
  callCentreSalary: m.sample_call_centre_salary,
  warung: m.sample_warung,
  sariSari: m.sample_sari_sari,
  rideHailing: m.sample_ride_hailing,
  imageTagging: m.sample_image_tagging,
  dataAnnotation: m.sample_data_annotation,
  remittance: m.sample_remittance,
  remittanceDubai: m.sample_remittance_dubai,
  remittanceBusan: m.sample_remittance_busan,
  rent: m.sample_rent,
  food: m.sample_food,
  utilities: m.sample_utilities,
  schoolFees: m.sample_school_fees,
  dataPlan: m.sample_data_plan,
  streaming: m.sample_streaming,
  course: m.sample_course,
  cashAtHome: m.sample_place_cash,
  bankAccount: m.sample_place_bank,
  savingsGroup: m.sample_place_group,
};

/** A stored name as the person reads it: a sample's token in the current language, else as typed. */
export function displayName(stored: string): string {
  const parsed = parseName(stored);
  switch (parsed.kind) {
    case 'label':
      return SAMPLE_LABEL[parsed.key]();
    case 'person':
      return `${parsed.name} ${m.sample_suffix()}`;
    case 'own':
      return parsed.text;
  }
}

/** The token each record shown in the current language was read with. */
const storedNames = new WeakMap<object, string>();

/** A copy of `record` whose `field` reads in the current language (the record itself if no token). */
export function localized<T extends object, K extends keyof T & string>(record: T, field: K): T {
  const stored = record[field];
  if (typeof stored !== 'string') return record;
  const shown = displayName(stored);
  if (shown === stored) return record;
  const copy = { ...record, [field]: shown };
  storedNames.set(copy, stored);
  return copy;
}

/**
 * What to store for a name the form shows: the sample's token while the person leaves the name
 * as it was shown, their own text as soon as they change it.
 */
export function nameToStore(
  record: object | null | undefined,
  typed: string,
  shown?: string,
): string {
  const stored = record ? storedNames.get(record) : undefined;
  return stored !== undefined && typed === shown ? stored : typed;
}
