/**
 * How long a name and a note may be. The schemas (schema-fields.ts) refuse longer ones; the
 * fields cut what is typed or pasted at the same length (maxlength). Their own module without
 * valibot, so the first screen's fields do not load the schemas.
 */
export const MAX_NOTE_LENGTH = 500;
export const MAX_NAME_LENGTH = 80;
