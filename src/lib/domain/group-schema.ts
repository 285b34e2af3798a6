/**
 * Valibot schemas of the savings groups' records (group-model.ts), registered in schema.ts.
 * The cross-field rules (my turn within 1…members, a bid only for the bid rule and below the
 * pot, a pot that fits the money bounds) are record rules: group-rules.ts.
 */
import * as v from 'valibot';
import { GROUP_CADENCES, GROUP_PAYMENT_KINDS, MAX_GROUP_MEMBERS, TURN_RULES } from './group-model';
import {
  amountMinorSchema,
  baseFields as base,
  currencySchema,
  idSchema,
  isoDateSchema,
  nameSchema,
  noteSchema,
} from './schema-fields';

export const groupSchema = v.strictObject({
  ...base,
  name: nameSchema,
  members: v.pipe(v.number(), v.integer(), v.minValue(2), v.maxValue(MAX_GROUP_MEMBERS)),
  contributionMinor: v.pipe(amountMinorSchema, v.minValue(1)),
  currency: currencySchema,
  cadence: v.picklist(GROUP_CADENCES),
  startsOn: isoDateSchema,
  turnRule: v.picklist(TURN_RULES),
  myTurn: v.nullable(v.pipe(v.number(), v.integer(), v.minValue(1))),
  bidMinor: amountMinorSchema,
  note: noteSchema,
  isSample: v.boolean(),
});

export const groupPaymentSchema = v.strictObject({
  ...base,
  groupId: idSchema,
  kind: v.picklist(GROUP_PAYMENT_KINDS),
  round: v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(MAX_GROUP_MEMBERS)),
  dueOn: isoDateSchema,
  date: isoDateSchema,
  amountMinor: amountMinorSchema,
  currency: currencySchema,
  note: noteSchema,
  isSample: v.boolean(),
});
