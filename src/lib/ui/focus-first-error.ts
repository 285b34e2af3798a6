import { tick } from 'svelte';

/**
 * Takes the keyboard (and a screen reader) to the first field of `form` that needs fixing, once
 * the errors just set have rendered.
 */
export async function focusFirstError(form: HTMLFormElement | undefined): Promise<void> {
  await tick();
  const field = form?.querySelector<HTMLElement>('[aria-invalid="true"]');
  field?.focus({ preventScroll: true });
  // Centred, so that the dialog's sticky title bar does not cover it.
  field?.scrollIntoView?.({ block: 'center' });
}
