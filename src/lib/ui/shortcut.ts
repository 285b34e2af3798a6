/** The key that opens quick add from anywhere in the app ("N" for a new entry). */
export const QUICK_ADD_KEY = 'n';

/**
 * True when a key press is the quick-add shortcut: the bare key, not while the person types in a
 * field (an "n" in a note is a letter), not with a modifier (browser shortcuts stay theirs), and
 * not while a dialog is open.
 */
export function isQuickAddShortcut(event: KeyboardEvent): boolean {
  if (event.key.toLowerCase() !== QUICK_ADD_KEY) return false;
  if (event.ctrlKey || event.metaKey || event.altKey || event.repeat) return false;
  if (event.defaultPrevented || isTyping(event.target)) return false;
  return document.querySelector('dialog[open]') === null;
}

function isTyping(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  if (target.isContentEditable) return true;
  return target.closest('input, textarea, select') !== null;
}
