import { m } from '../../paraglide/messages.js';
import { toasts } from '../state/toasts.svelte';
import { clearFormRequest } from './form-request';

/**
 * The two ends of a view's form dialog: `close` runs `reset` (which forgets what was being
 * edited, so the dialog shuts) and drops a '?new=' request from the address (form-request.ts);
 * `saved` closes and says "Saved".
 */
export function formDialog(reset: () => void): { close: () => void; saved: () => void } {
  function close(): void {
    reset();
    clearFormRequest();
  }
  return {
    close,
    saved() {
      close();
      toasts.show(m.saved());
    },
  };
}
