/**
 * Valibot schemas of the debt records (debt-model.ts), joined into schema.ts's table map, and the
 * error codes their fields give (appended to schema.ts's code rules).
 */
import * as v from 'valibot';
import {
  DEBT_CADENCES,
  DEBT_DIRECTIONS,
  DEBT_KINDS,
  MAX_INSTALMENTS,
  type DebtSchedule,
} from './debt-model';
import {
  amountMinorSchema,
  baseFields as base,
  currencySchema,
  idSchema,
  isoDateSchema,
  nameSchema,
  noteSchema,
} from './schema-fields';

/** A debt or a repayment of nothing is a typing error: at least one minor unit. */
export const positiveMinorSchema = v.pipe(amountMinorSchema, v.minValue(1));

export const debtScheduleSchema = v.strictObject({
  count: v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(MAX_INSTALMENTS)),
  amountMinor: positiveMinorSchema,
  cadence: v.picklist(DEBT_CADENCES),
  firstDue: isoDateSchema,
});

/** The last instalment takes what remains, so it must be more than zero. */
export function scheduleFits(schedule: DebtSchedule, amountMinor: number): boolean {
  return (schedule.count - 1) * schedule.amountMinor < amountMinor;
}

export const debtSchema = v.pipe(
  v.strictObject({
    ...base,
    counterparty: nameSchema,
    kind: v.picklist(DEBT_KINDS),
    direction: v.picklist(DEBT_DIRECTIONS),
    amountMinor: positiveMinorSchema,
    currency: currencySchema,
    date: isoDateSchema,
    schedule: v.nullable(debtScheduleSchema),
    forgivenOn: v.nullable(isoDateSchema),
    note: noteSchema,
    isSample: v.boolean(),
  }),
  v.forward(
    v.partialCheck(
      [['schedule', 'firstDue'], ['date']],
      (d) => d.schedule === null || d.schedule.firstDue >= d.date,
      'The first instalment cannot fall before the loan',
    ),
    ['schedule', 'firstDue'],
  ),
  v.forward(
    v.partialCheck(
      [['schedule', 'count'], ['schedule', 'amountMinor'], ['amountMinor']],
      (d) => d.schedule === null || scheduleFits(d.schedule as DebtSchedule, d.amountMinor),
      'The instalments add up to more than the amount',
    ),
    ['schedule', 'amountMinor'],
  ),
  v.forward(
    v.partialCheck(
      [['forgivenOn'], ['date']],
      (d) => d.forgivenOn === null || d.forgivenOn >= d.date,
      'A debt cannot be forgiven before it was made',
    ),
    ['forgivenOn'],
  ),
);

export const repaymentSchema = v.strictObject({
  ...base,
  debtId: idSchema,
  dueOn: v.nullable(isoDateSchema),
  date: isoDateSchema,
  amountMinor: positiveMinorSchema,
  currency: currencySchema,
  note: noteSchema,
  isSample: v.boolean(),
});

/** schema.ts `CODE_RULES` for the debt fields (first match wins; appended after the shared ones). */
export const DEBT_CODE_RULES = [
  { fields: ['schedule.firstDue'], types: ['partial_check'], suffix: 'due-before-date' },
  { fields: ['schedule.amountMinor'], types: ['partial_check'], suffix: 'schedule-too-long' },
  { fields: ['schedule.firstDue', 'forgivenOn'], suffix: 'invalid-date' },
  { fields: ['schedule.count'], suffix: 'invalid-count' },
  { fields: ['schedule.amountMinor'], suffix: 'invalid-amount' },
  { fields: ['counterparty'], types: ['non_empty'], suffix: 'empty-name' },
  { fields: ['counterparty'], types: ['max_length'], suffix: 'name-too-long' },
  { fields: ['counterparty'], types: ['check'], suffix: 'invisible-name' },
] as const;
