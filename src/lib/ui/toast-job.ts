import { errorText } from '../i18n/error-text';
import { toasts } from '../state/toasts.svelte';

/**
 * Runs a write that offers no Undo (snoozing a reminder, removing the sample, saving a backup
 * first): `done`, when given, is said in a toast after it succeeds; a failure is said in a toast
 * (in words, from its code) instead of escaping.
 */
export async function toastJob(job: () => Promise<unknown>, done?: () => string): Promise<void> {
  try {
    await job();
    if (done) toasts.show(done());
  } catch (error) {
    toasts.show(errorText(error));
  }
}
