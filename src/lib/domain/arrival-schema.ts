/**
 * The shape of a payout's arrival (model.ts `Arrival`, schema version 5). What it must agree
 * with — the day earned, the payout, its place and the rates — is checked by the record rules
 * (arrival-rules.ts), so that forms, the CSV import and backups refuse the same arrivals.
 */
import * as v from 'valibot';
import {
  amountMinorSchema,
  currencySchema,
  idSchema,
  isoDateSchema,
  optionalNameSchema,
} from './schema-fields';

export const arrivalSchema = v.strictObject({
  on: isoDateSchema,
  placeId: v.nullable(idSchema),
  landedMinor: v.nullable(amountMinorSchema),
  landedCurrency: v.nullable(currencySchema),
  feeMinor: v.nullable(amountMinorSchema),
  via: optionalNameSchema,
});
