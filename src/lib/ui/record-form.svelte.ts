import { errorText } from '../i18n/error-text';
import { fieldOfError } from './field-of-error';
import { focusFirstError } from './focus-first-error';

/** A check the form can make by itself; it throws an AnyamError naming the field. */
export type FieldCheck = () => unknown;

/**
 * The state every record form has: the errors shown beside its fields, whether a save is under
 * way, and the one way a save goes: every check first (so that all mistakes show at once), then
 * the write; a mistake takes the keyboard to its field.
 */
export class RecordForm {
  errors = $state<Record<string, string>>({});
  busy = $state(false);
  element: HTMLFormElement | undefined = $state();

  /** `fieldOf` says where an error shows: a field the form has, or 'form'. */
  constructor(private readonly fieldOf: (error: unknown) => string = fieldOfError) {}

  /** Each failed check, by the field it belongs to (the first failure of a field wins). */
  check(checks: readonly FieldCheck[]): Record<string, string> {
    const found: Record<string, string> = {};
    for (const run of checks) {
      try {
        run();
      } catch (error) {
        found[this.fieldOf(error)] ??= errorText(error);
      }
    }
    return found;
  }

  /**
   * Handles the form's submit: `checks` (each run whatever the others found), then `write`,
   * unless a save is already under way. An error from `write` shows where it belongs.
   */
  async submit(event: SubmitEvent, checks: readonly FieldCheck[], write: () => Promise<void>) {
    event.preventDefault();
    if (this.busy) return;
    this.errors = this.check(checks);
    if (Object.keys(this.errors).length > 0) return focusFirstError(this.element);
    this.busy = true;
    try {
      await write();
    } catch (error) {
      this.errors = { [this.fieldOf(error)]: errorText(error) };
      void focusFirstError(this.element);
    } finally {
      this.busy = false;
    }
  }
}

/**
 * A fieldOf for a form that shows errors beside `shown` fields and the rest at its end;
 * `rename` moves a field the repository names to the one the form shows it in.
 */
export function fieldsShown(
  shown: readonly string[],
  rename: Record<string, string> = {},
): (error: unknown) => string {
  const set = new Set(shown);
  return (error) => {
    const raw = fieldOfError(error);
    const field = rename[raw] ?? raw;
    return set.has(field) ? field : 'form';
  };
}
