/**
 * A name someone can see: at least one letter, mark, number, symbol or punctuation sign. Spaces,
 * zero-width and other invisible format characters alone ("\u200B\u200B") would make a member
 * or stream nobody can tell apart or tap in a list. Its own small module, so the forms that
 * check it early do not load the schemas (valibot).
 */
const VISIBLE = /[\p{L}\p{M}\p{N}\p{S}\p{P}]/u;

export function hasVisibleCharacter(text: string): boolean {
  return VISIBLE.test(text);
}
