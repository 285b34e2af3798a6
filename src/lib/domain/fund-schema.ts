/**
 * Valibot schemas of the funds tables (schema version 6); schema.ts lists them with the others.
 * A target or a set-aside of 0 is refused: a fund of nothing, or setting nothing aside, is a slip.
 */
import * as v from 'valibot';
import {
  amountMinorSchema,
  baseFields as base,
  currencySchema,
  idSchema,
  isoDateSchema,
  nameSchema,
  noteSchema,
} from './schema-fields';

/** Above zero, within the money bounds. */
const positiveMinorSchema = v.pipe(amountMinorSchema, v.minValue(1));

export const fundSchema = v.strictObject({
  ...base,
  name: nameSchema,
  targetMinor: positiveMinorSchema,
  currency: currencySchema,
  dueOn: isoDateSchema,
  note: noteSchema,
  isSample: v.boolean(),
});

export const setAsideSchema = v.strictObject({
  ...base,
  fundId: idSchema,
  entryId: v.nullable(idSchema),
  date: isoDateSchema,
  amountMinor: positiveMinorSchema,
  currency: currencySchema,
  isSample: v.boolean(),
});
