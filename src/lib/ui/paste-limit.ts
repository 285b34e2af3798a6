/**
 * A field with a `maxlength` silently drops whatever a paste brings past it: a pasted name of
 * 100,000 characters becomes its first 80 and nobody is told. One listener on the document
 * notices such a paste in any input or textarea (every form, present and future) and says so.
 */

/** Characters a paste of `pasted` into `field` loses to its maxlength (0 when none). */
export function pasteOverflow(
  field: {
    value: string;
    maxLength: number;
    selectionStart: number | null;
    selectionEnd: number | null;
  },
  pasted: string,
  singleLine: boolean,
): number {
  if (field.maxLength < 0) return 0;
  // A one-line input drops line breaks from a paste.
  const text = singleLine ? pasted.replace(/[\r\n]/g, '') : pasted;
  const start = field.selectionStart ?? field.value.length;
  const end = field.selectionEnd ?? start;
  const kept = field.value.length - (end - start);
  return Math.max(0, kept + text.length - field.maxLength);
}

/** Calls `notify(maxLength)` whenever a paste into a limited field was cut; returns the stop. */
export function watchPasteLimits(
  root: Document | HTMLElement,
  notify: (limit: number, field: HTMLInputElement | HTMLTextAreaElement) => void,
): () => void {
  const onPaste = (event: Event) => {
    const field = event.target;
    if (!(field instanceof HTMLInputElement) && !(field instanceof HTMLTextAreaElement)) return;
    const pasted = (event as ClipboardEvent).clipboardData?.getData('text/plain') ?? '';
    if (pasteOverflow(field, pasted, field instanceof HTMLInputElement) > 0) {
      notify(field.maxLength, field);
    }
  };
  root.addEventListener('paste', onPaste, true);
  return () => root.removeEventListener('paste', onPaste, true);
}
