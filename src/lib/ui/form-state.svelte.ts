import { fieldOfError } from './field-of-error';
import { focusFirstError } from './focus-first-error';

/** A check the form can make by itself; it throws an AnyamError naming the field. */
export type FieldCheck = () => unknown;

/**
 * An error's words. Most forms give `errorText` (record-form.svelte.ts); a form on the first
 * screen may load the words with the failure (onboarding keeps the table of every error's words
 * out of a first visit's JavaScript), so the words may come later.
 */
export type ErrorWords = (error: unknown) => string | Promise<string>;

function isPromise<T>(value: T | Promise<T>): value is Promise<T> {
  return typeof (value as { then?: unknown } | null)?.then === 'function';
}

/** What a field needs of its form: the errors, by field. */
export interface ShowsErrors {
  readonly errors: Record<string, string>;
}

/**
 * The state every form has: the errors shown beside its fields, whether a save is under way,
 * and the one way a save goes: every check first (so that all mistakes show at once), then the
 * write; a mistake takes the keyboard to its field. `RecordForm` is this with the words of
 * every error; forms use that.
 */
export class FormState implements ShowsErrors {
  errors = $state<Record<string, string>>({});
  busy = $state(false);
  element: HTMLFormElement | undefined = $state();

  /** `fieldOf` says where an error shows: a field the form has, or 'form'. */
  constructor(
    private readonly words: ErrorWords,
    private readonly fieldOf: (error: unknown) => string = fieldOfError,
  ) {}

  /**
   * Runs `checks` (each whatever the others found) and shows each failure beside its field (the
   * first failure of a field wins); true when all passed. Words that load later show when here.
   */
  validate(checks: readonly FieldCheck[]): boolean | Promise<boolean> {
    const found: Record<string, string | Promise<string>> = {};
    for (const run of checks) {
      try {
        run();
      } catch (error) {
        found[this.fieldOf(error)] ??= this.words(error);
      }
    }
    const fields = Object.keys(found);
    const values = Object.values(found);
    if (!values.some(isPromise)) {
      this.errors = found as Record<string, string>;
      if (fields.length > 0) void focusFirstError(this.element);
      return fields.length === 0;
    }
    return Promise.all(values.map((v) => Promise.resolve(v))).then((texts) => {
      this.errors = Object.fromEntries(fields.map((f, i) => [f, texts[i]!]));
      void focusFirstError(this.element);
      return false;
    });
  }

  /** Shows `error` where it belongs, instead of whatever was shown. */
  async fail(error: unknown): Promise<void> {
    const field = this.fieldOf(error);
    const text = this.words(error);
    this.errors = { [field]: isPromise(text) ? await text : text };
    void focusFirstError(this.element);
  }

  /**
   * Handles the form's submit: `checks` (each run whatever the others found), then `write`,
   * unless a save is already under way. An error from `write` shows where it belongs.
   */
  submit(event: Event, checks: readonly FieldCheck[], write: () => Promise<void>): Promise<void> {
    event.preventDefault();
    return this.run(checks, write);
  }

  /** The same as `submit`, for a button that is not the form's submit (onboarding's finish). */
  async run(checks: readonly FieldCheck[], write: () => Promise<void>): Promise<void> {
    if (this.busy) return;
    const passed = this.validate(checks);
    if (!(isPromise(passed) ? await passed : passed)) return;
    this.busy = true;
    try {
      await write();
    } catch (error) {
      await this.fail(error);
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
