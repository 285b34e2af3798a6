/**
 * Valibot schemas of every stored record: one truth for forms, import and backup. Objects are
 * strict: an unknown field means the data comes from elsewhere (or a newer Anyam) and silently
 * dropping it would lose data, so it is rejected instead.
 */
import * as v from 'valibot';
import {
  AnyamError,
  ENTRY_STATUSES,
  LOCALES,
  MEMBER_ROLES,
  PLAN_CADENCES,
  PLAN_CATEGORIES,
  PLACE_KINDS,
  SKIP_KINDS,
  STREAM_CADENCES,
  STREAM_KINDS,
  THEMES,
  type Entry,
  type Fund,
  type Member,
  type Payment,
  type Place,
  type Plan,
  type Rate,
  type Rollup,
  type Saving,
  type SetAside,
  type Settings,
  type Skip,
  type Stream,
  type TableName,
  type Training,
} from './model';
import { isValidRateValue } from './money';
import { arrivalSchema } from './arrival-schema';
import {
  amountMinorSchema,
  balanceMinorSchema,
  baseFields as base,
  colorSchema,
  countSchema,
  currencySchema,
  idSchema,
  isoDateSchema,
  minutesSchema,
  monthKeySchema,
  nameSchema,
  noteSchema,
  optionalNameSchema,
  sumMinorSchema,
  timestampSchema,
} from './schema-fields';
import { fundSchema, setAsideSchema } from './fund-schema';
import { groupPaymentSchema, groupSchema } from './group-schema';
import type { Group, GroupPayment } from './group-model';
import type { Debt, Repayment } from './debt-model';
import { DEBT_CODE_RULES, debtSchema, repaymentSchema } from './debt-schema';

// ---------------------------------------------------------------------------------------------
// Records

export const settingsSchema = v.strictObject({
  ...base,
  // May be empty: a settings row can exist before onboarding asks for a name.
  householdName: optionalNameSchema,
  baseCurrency: currencySchema,
  locale: v.picklist(LOCALES),
  theme: v.picklist(THEMES),
  lastBackupAt: v.nullable(timestampSchema),
  backupReminderSnoozedUntil: v.nullable(timestampSchema),
  isSample: v.boolean(),
});

export const memberSchema = v.strictObject({
  ...base,
  name: nameSchema,
  color: colorSchema,
  role: v.picklist(MEMBER_ROLES),
  archived: v.boolean(),
  isSample: v.boolean(),
});

export const expectedIncomeSchema = v.strictObject({
  amountMinor: amountMinorSchema,
  cadence: v.picklist(STREAM_CADENCES),
  daysPerWeek: v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(7)),
});

/** A pay day (model.ts `PayDay`); day 31 is allowed and falls on a shorter month's last day. */
export const payDaySchema = v.variant('cadence', [
  v.strictObject({
    cadence: v.literal('monthly'),
    day: v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(31)),
  }),
  v.strictObject({
    cadence: v.literal('weekly'),
    weekday: v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(7)),
  }),
  v.strictObject({ cadence: v.literal('biweekly'), anchor: isoDateSchema }),
]);

export const streamSchema = v.pipe(
  v.strictObject({
    ...base,
    memberId: idSchema,
    name: nameSchema,
    kind: v.picklist(STREAM_KINDS),
    platform: optionalNameSchema,
    currency: currencySchema,
    expected: expectedIncomeSchema,
    startedOn: v.nullable(isoDateSchema),
    endedOn: v.nullable(isoDateSchema),
    payDay: v.nullable(payDaySchema),
    archived: v.boolean(),
    isSample: v.boolean(),
  }),
  v.forward(
    v.partialCheck(
      [['startedOn'], ['endedOn']],
      (s) => s.startedOn === null || s.endedOn === null || s.endedOn >= s.startedOn,
      'A stream cannot end before it starts',
    ),
    ['endedOn'],
  ),
  v.forward(
    v.partialCheck(
      [['payDay'], ['expected', 'cadence']],
      (s) => s.payDay === null || s.payDay.cadence === s.expected.cadence,
      "A pay day must fit the stream's cadence",
    ),
    ['payDay'],
  ),
);

export const entrySchema = v.strictObject({
  ...base,
  streamId: idSchema,
  memberId: idSchema,
  date: isoDateSchema,
  amountMinor: amountMinorSchema,
  currency: currencySchema,
  status: v.picklist(ENTRY_STATUSES),
  paidMinutes: minutesSchema,
  unpaidMinutes: minutesSchema,
  note: noteSchema,
  isSample: v.boolean(),
  arrival: v.optional(arrivalSchema),
});

export const rollupSchema = v.pipe(
  v.strictObject({
    key: v.string(),
    streamId: idSchema,
    memberId: idSchema,
    month: monthKeySchema,
    currency: currencySchema,
    status: v.picklist(ENTRY_STATUSES),
    amountMinor: sumMinorSchema,
    baseMinor: sumMinorSchema,
    missingRateCount: countSchema,
    paidMinutes: countSchema,
    unpaidMinutes: countSchema,
    count: countSchema,
  }),
  v.forward(
    v.partialCheck(
      [['key'], ['streamId'], ['month'], ['currency'], ['status']],
      (r) => r.key === `${r.streamId}|${r.month}|${r.currency}|${r.status}`,
      'Expected key streamId|month|currency|status',
    ),
    ['key'],
  ),
);

export const planSchema = v.strictObject({
  ...base,
  name: nameSchema,
  category: v.picklist(PLAN_CATEGORIES),
  amountMinor: amountMinorSchema,
  currency: currencySchema,
  cadence: v.picklist(PLAN_CADENCES),
  dueOn: isoDateSchema,
  memberId: v.nullable(idSchema),
  fundedBy: v.pipe(
    v.array(v.picklist(STREAM_KINDS)),
    v.check((kinds) => new Set(kinds).size === kinds.length, 'Each stream kind at most once'),
  ),
  isSample: v.boolean(),
});

export const paymentSchema = v.strictObject({
  ...base,
  planId: idSchema,
  dueOn: isoDateSchema,
  date: isoDateSchema,
  amountMinor: amountMinorSchema,
  currency: currencySchema,
  note: noteSchema,
  isSample: v.boolean(),
});

export const skipSchema = v.strictObject({
  ...base,
  kind: v.picklist(SKIP_KINDS),
  sourceId: idSchema,
  dueOn: isoDateSchema,
  isSample: v.boolean(),
});
export const placeSchema = v.strictObject({
  ...base,
  name: nameSchema,
  kind: v.picklist(PLACE_KINDS),
  currency: currencySchema,
  isSample: v.boolean(),
});

export const savingSchema = v.strictObject({
  ...base,
  placeId: idSchema,
  date: isoDateSchema,
  amountMinor: balanceMinorSchema,
  currency: currencySchema,
  note: noteSchema,
  isSample: v.boolean(),
});

export const rateSchema = v.strictObject({
  ...base,
  currency: currencySchema,
  date: isoDateSchema,
  value: v.pipe(
    v.string(),
    v.check(isValidRateValue, 'Expected a positive decimal such as 16250.5'),
  ),
  isSample: v.boolean(),
});

export const trainingSchema = v.strictObject({
  ...base,
  memberId: idSchema,
  title: nameSchema,
  date: isoDateSchema,
  hours: v.pipe(v.number(), v.finite(), v.minValue(0), v.maxValue(24 * 366)),
  costMinor: amountMinorSchema,
  currency: currencySchema,
  note: noteSchema,
  isSample: v.boolean(),
});

/** The stored tables plus the derived rollups. */
export type SchemaTable = TableName | 'rollups';

export interface SchemaRecords {
  settings: Settings;
  members: Member;
  streams: Stream;
  entries: Entry;
  plans: Plan;
  places: Place;
  savings: Saving;
  rates: Rate;
  training: Training;
  payments: Payment;
  skips: Skip;
  funds: Fund;
  setAsides: SetAside;
  rollups: Rollup;
  groups: Group;
  groupPayments: GroupPayment;
  debts: Debt;
  repayments: Repayment;
}

export const schemas = {
  settings: settingsSchema,
  members: memberSchema,
  streams: streamSchema,
  entries: entrySchema,
  plans: planSchema,
  places: placeSchema,
  savings: savingSchema,
  rates: rateSchema,
  training: trainingSchema,
  payments: paymentSchema,
  skips: skipSchema,
  funds: fundSchema,
  setAsides: setAsideSchema,
  rollups: rollupSchema,
  groups: groupSchema,
  groupPayments: groupPaymentSchema,
  debts: debtSchema,
  repayments: repaymentSchema,
} as const satisfies Record<SchemaTable, v.GenericSchema>;

// Compile-time proof that each schema's output is exactly its model type (both directions, so a
// field added to model.ts without a schema fails the build here).
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
type AssertTrue<T extends true> = T;
export type SchemasMatchModel = AssertTrue<
  {
    [K in SchemaTable]: Same<v.InferOutput<(typeof schemas)[K]>, SchemaRecords[K]>;
  }[SchemaTable]
>;

// ---------------------------------------------------------------------------------------------
// Validation with stable error codes

const SINGULAR: Readonly<Record<SchemaTable, string>> = {
  settings: 'settings',
  members: 'member',
  streams: 'stream',
  entries: 'entry',
  plans: 'plan',
  places: 'place',
  savings: 'saving',
  rates: 'rate',
  training: 'training',
  payments: 'payment',
  skips: 'skip',
  funds: 'fund',
  setAsides: 'set-aside',
  rollups: 'rollup',
  groups: 'group',
  groupPayments: 'group-payment',
  debts: 'debt',
  repayments: 'repayment',
};

interface CodeRule {
  fields: readonly string[];
  /** Valibot issue types the rule applies to; any issue on the field when absent. */
  types?: readonly string[];
  suffix: string;
}

/** First match wins; the code is `${singular}/${suffix}`, else `${singular}/invalid`. */
const CODE_RULES: readonly CodeRule[] = [
  { fields: ['targetMinor'], suffix: 'invalid-target' },
  { fields: ['endedOn'], types: ['partial_check'], suffix: 'ended-before-start' },
  { fields: ['arrival.landedMinor'], suffix: 'landed-not-positive' },
  { fields: ['date', 'dueOn', 'startedOn', 'endedOn'], suffix: 'invalid-date' },
  {
    fields: ['payDay', 'payDay.day', 'payDay.weekday', 'payDay.anchor'],
    suffix: 'invalid-pay-day',
  },
  { fields: ['amountMinor', 'costMinor', 'expected.amountMinor'], suffix: 'invalid-amount' },
  { fields: ['note'], types: ['max_length'], suffix: 'note-too-long' },
  { fields: ['name'], types: ['non_empty'], suffix: 'empty-name' },
  {
    fields: ['name', 'title', 'householdName', 'platform'],
    types: ['check'],
    suffix: 'invisible-name',
  },
  { fields: ['title'], types: ['non_empty'], suffix: 'empty-title' },
  {
    fields: ['name', 'title', 'householdName', 'platform'],
    types: ['max_length'],
    suffix: 'name-too-long',
  },
  { fields: ['currency', 'baseCurrency'], suffix: 'invalid-currency' },
  { fields: ['value'], suffix: 'invalid-value' },
  { fields: ['paidMinutes', 'unpaidMinutes'], suffix: 'invalid-minutes' },
  { fields: ['members'], suffix: 'invalid-members' },
  { fields: ['contributionMinor', 'bidMinor'], suffix: 'invalid-amount' },
  { fields: ['myTurn', 'round'], suffix: 'invalid-turn' },
  ...DEBT_CODE_RULES,
];

function issuePath(issue: v.BaseIssue<unknown>): string | null {
  return issue.path ? issue.path.map((item) => String(item.key)).join('.') : null;
}

function codeFor(table: SchemaTable, field: string | null, issueType: string): string {
  const rule = CODE_RULES.find(
    (r) => field !== null && r.fields.includes(field) && (!r.types || r.types.includes(issueType)),
  );
  return `${SINGULAR[table]}/${rule ? rule.suffix : 'invalid'}`;
}

/**
 * The typed (and trimmed) record, or AnyamError with a code chosen from the first failing field,
 * e.g. 'entry/invalid-amount'; details: { table, field, reason, issues: [{ path, message }] }.
 */
export function validateRecord<T extends SchemaTable>(table: T, value: unknown): SchemaRecords[T] {
  // The map above is checked against the model; TS cannot narrow an indexed union by T.
  const schema = schemas[table] as unknown as v.GenericSchema<unknown, SchemaRecords[T]>;
  const result = v.safeParse(schema, value);
  if (result.success) return result.output;
  const [first] = result.issues;
  const field = issuePath(first);
  throw new AnyamError(codeFor(table, field, first.type), {
    table,
    field,
    reason: first.type,
    // 'undefined' when the field is missing altogether.
    received: first.received,
    issues: result.issues.map((issue) => ({ path: issuePath(issue), message: issue.message })),
  });
}
