import { m } from '../../paraglide/messages.js';
import { errorText } from '../i18n/error-text';
import { toasts } from '../state/toasts.svelte';

/** Runs a write; a failure is said in a toast (in words, from its code) instead of escaping. */
async function attempt(write: () => Promise<unknown>): Promise<boolean> {
  try {
    await write();
    return true;
  } catch (error) {
    toasts.show(errorText(error));
    return false;
  }
}

/**
 * A write that can be taken back, such as a delete: once it is done, `message` is shown with
 * Undo, which runs `undo`. A failure of either is shown as a toast; nothing is left half done,
 * since each is one repository call (one transaction).
 */
export async function withUndo(
  write: () => Promise<unknown>,
  message: string,
  undo: () => Promise<unknown>,
): Promise<void> {
  if (!(await attempt(write))) return;
  // The keyboard goes to Undo: the row that had it is gone.
  offerUndo(message, undo, { focus: true });
}

/**
 * Says `message` (a write already done, such as a save) with Undo, which runs `undo`. `focus`
 * moves the keyboard to Undo (for a write that removed what had it).
 */
export function offerUndo(
  message: string,
  undo: () => Promise<unknown>,
  options: { focus?: boolean } = {},
): void {
  toasts.show(
    message,
    { label: m.undo(), run: async () => void (await attempt(undo)) },
    undefined,
    options.focus ? { focus: true } : undefined,
  );
}

/**
 * What a list row's Delete does (plans, savings places and balances, training): deletes the
 * record by its id, says `message` with Undo, and Undo restores the record.
 */
export function deleteWithUndo<T extends { id: string }>(
  remove: (id: string) => Promise<unknown>,
  restore: (id: string) => Promise<unknown>,
  message: (record: T) => string,
): (record: T) => Promise<void> {
  return (record) =>
    withUndo(
      () => remove(record.id),
      message(record),
      () => restore(record.id),
    );
}
