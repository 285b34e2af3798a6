import { m } from '../../paraglide/messages.js';
import type { SampleLabels } from '../domain/sample-household';

/** The sample household's descriptive names in the current language. */
export function sampleLabels(): SampleLabels {
  return {
    sampleSuffix: m.sample_suffix(),
    salary: m.sample_salary(),
    warung: m.sample_warung(),
    imageTagging: m.sample_image_tagging(),
    dataAnnotation: m.sample_data_annotation(),
    remittance: m.sample_remittance(),
    rent: m.sample_rent(),
    food: m.sample_food(),
    utilities: m.sample_utilities(),
    schoolFees: m.sample_school_fees(),
    dataPlan: m.sample_data_plan(),
    streaming: m.sample_streaming(),
    course: m.sample_course(),
    cashAtHome: m.sample_place_cash(),
    bankAccount: m.sample_place_bank(),
    savingsGroup: m.sample_place_group(),
  };
}
