import { m } from '../../paraglide/messages.js';
import { errorText } from '../i18n/error-text';
import { toasts } from '../state/toasts.svelte';

/**
 * The one way a save or a delete offers Undo (quick add, an edit, the due list's Received, Not
 * this time and Paid, every list row's Delete): the write runs, then its toast says what was done
 * with Undo, which runs `undo` on what the write returned. A failure of either is said in a toast
 * (in words, from its code) instead of escaping; nothing is left half done, since each is one
 * repository call (one transaction).
 *
 * The write may return null for "nothing was written" (a second tap on Received): then
 * `nothing` is said, with no Undo. `focus` gives the keyboard to Undo, for a write that removed
 * what had it (a deleted row, a due item answered); a form's save leaves it where the closing
 * dialog puts it. `failed` says a refused write elsewhere (a member's card) instead of a toast.
 */
export async function withUndo<T>(
  write: () => Promise<T | null>,
  message: string | ((done: T) => string),
  undo: (done: T) => Promise<unknown>,
  {
    focus = true,
    nothing,
    failed = (error) => toasts.show(errorText(error)),
  }: { focus?: boolean; nothing?: () => string; failed?: (error: unknown) => void } = {},
): Promise<T | null | undefined> {
  let done: T | null;
  try {
    done = await write();
  } catch (error) {
    failed(error);
    return undefined;
  }
  if (done === null) {
    if (nothing) toasts.show(nothing());
    return null;
  }
  const written = done;
  toasts.show(
    typeof message === 'string' ? message : message(written),
    {
      label: m.undo(),
      run: async () => {
        try {
          await undo(written);
        } catch (error) {
          toasts.show(errorText(error));
        }
      },
    },
    undefined,
    focus ? { focus: true } : undefined,
  );
  return written;
}

/** A save a form has already written (its errors are the form's): says `message` with Undo. */
export function offerUndo<T>(done: T, message: string, undo: (done: T) => Promise<unknown>): void {
  void withUndo(() => Promise.resolve(done), message, undo, { focus: false });
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
  return async (record) => {
    await withUndo(
      () => remove(record.id),
      message(record),
      () => restore(record.id),
    );
  };
}
