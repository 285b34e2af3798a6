import type { Locale } from '../../paraglide/runtime.js';
import { m } from '../../paraglide/messages.js';
import { todayIso } from '../../lib/domain/dates';
import { sampleCountry } from '../../lib/domain/sample-country';
import type { MemberRole } from '../../lib/domain/model';
import { FormState } from '../../lib/ui/form-state.svelte';

/**
 * Words for a failed check or save. The table of every error's words loads with the failure,
 * not with the first screen: it is a tenth of a first visit's JavaScript (issue #18).
 */
export async function failureText(error: unknown): Promise<string> {
  try {
    return (await import('../../lib/i18n/error-text')).errorText(error);
  } catch {
    return m.err_unexpected();
  }
}

/** Onboarding's forms: RecordForm's way, with the words loaded with the first failure. */
export function onboardingForm(fieldOf?: (error: unknown) => string): FormState {
  return new FormState(failureText, fieldOf);
}

export interface Start {
  householdName: string;
  baseCurrency: string;
  locale: Locale;
  members?: readonly { name: string; role: MemberRole; color: string }[];
  withSample: boolean;
}

/**
 * Writes the new household in one transaction (repo/onboarding.ts). The data layer and the
 * sample load when the person finishes, like the restore: the first screen waits for neither.
 */
export async function start({ withSample, ...input }: Start): Promise<void> {
  const [{ startHousehold }, sample] = await Promise.all([
    import('../../lib/db/repo'),
    withSample ? import('../../lib/domain/sample-household') : null,
  ]);
  const tables = sample?.buildSampleHousehold(
    todayIso(),
    new Date().toISOString(),
    input.baseCurrency,
    sampleCountry(input.baseCurrency, input.locale),
  );
  await startHousehold({ ...input, sample: tables ?? null });
}
