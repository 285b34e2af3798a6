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

/**
 * A stored name as the person reads it: a sample's token in the current language, else as typed.
 * Records are held as stored (state/household.svelte.ts); every place that shows a name of a
 * member, stream, plan, place, training or the household calls this when it renders. It reads
 * the current language (a message call reads `locale.current`), so a language switch re-renders.
 */
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

/**
 * What to store for a name field that showed `displayName(stored)`: the stored name itself (a
 * sample's token stays a token, so it keeps following the language) while the person leaves the
 * field as it was shown, the typed text as soon as they change it.
 */
export function storedName(stored: string | null | undefined, typed: string): string {
  if (stored == null) return typed;
  return typed.trim() === displayName(stored).trim() ? stored : typed;
}
