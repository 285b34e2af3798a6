import { errorText } from '../i18n/error-text';
import { fieldOfError } from './field-of-error';
import { FormState } from './form-state.svelte';

export { fieldsShown, type FieldCheck } from './form-state.svelte';

/**
 * The state of a record form (FormState) with the words of every error: errors beside their
 * fields, busy while a save is under way, checks before the write. Every form in src/ uses it,
 * except onboarding's, which loads the words with the first failure (FormState).
 */
export class RecordForm extends FormState {
  constructor(fieldOf: (error: unknown) => string = fieldOfError) {
    super(errorText, fieldOf);
  }
}
