import { describe, expect, it } from 'vitest';
import { AnyamError, type Rollup } from '../../src/lib/domain/model';
import { schemas, validateRecord, type SchemaTable } from '../../src/lib/domain/schema';
import { householdFactory } from '../factories/household-factory';
import { DEBT_CASES } from './debt-schema-cases';

const household = householdFactory.build({ seed: 11, months: 6, entriesPerMonth: 20, debts: 8 });
const stream = household.streams[0]!;

const rollup: Rollup = {
  key: `${stream.id}|2026-05|${stream.currency}|received`,
  streamId: stream.id,
  memberId: stream.memberId,
  month: '2026-05',
  currency: stream.currency,
  status: 'received',
  amountMinor: 2_000_000_000_000_000, // sums may pass MAX_MINOR
  baseMinor: 0,
  missingRateCount: 0,
  paidMinutes: 120,
  unpaidMinutes: 30,
  count: 3,
};

const valid: { [K in SchemaTable]: unknown } = {
  settings: household.settings[0],
  members: household.members[0],
  streams: stream,
  entries: household.entries[0],
  plans: household.plans[0],
  places: household.places[0],
  savings: household.savings[0],
  rates: household.rates[0],
  training: household.training[0],
  payments: household.payments[0],
  skips: {
    id: '6f0c1a52-3d1e-4b7a-9f0e-2b8c4d5e6f70',
    createdAt: '2026-01-01T00:00:00.000Z',
    updatedAt: '2026-01-01T00:00:00.000Z',
    deletedAt: null,
    kind: 'stream',
    sourceId: stream.id,
    dueOn: '2026-01-25',
    isSample: false,
  },
  funds: household.funds[0],
  setAsides: household.setAsides[0],
  rollups: rollup,
  groups: household.groups[0],
  groupPayments: household.groupPayments[0],
  debts: household.debts.find((d) => d.schedule !== null),
  repayments: household.repayments[0],
};

function failure(table: SchemaTable, value: unknown): AnyamError {
  try {
    validateRecord(table, value);
  } catch (e) {
    if (e instanceof AnyamError) return e;
    throw e;
  }
  throw new Error(`expected ${table} to be rejected`);
}

function withField(table: SchemaTable, path: string, value: unknown): Record<string, unknown> {
  const copy = structuredClone(valid[table]) as Record<string, unknown>;
  const keys = path.split('.');
  let target = copy;
  for (const key of keys.slice(0, -1)) target = target[key] as Record<string, unknown>;
  target[keys[keys.length - 1]!] = value;
  return copy;
}

describe('valid records pass', () => {
  it.each(Object.keys(schemas) as SchemaTable[])('%s', (table) => {
    expect(validateRecord(table, valid[table])).toEqual(valid[table]);
  });
});

describe('invalid records are rejected with a stable code', () => {
  const long = 'x'.repeat(10_000);
  // [table, field path, value, code]
  const cases: [SchemaTable, string, unknown, string][] = [
    ['entries', 'date', '2026-02-30', 'entry/invalid-date'],
    ...DEBT_CASES,
    ['entries', 'date', '2026-2-3', 'entry/invalid-date'],
    ['entries', 'amountMinor', Number.NaN, 'entry/invalid-amount'],
    ['entries', 'amountMinor', -1, 'entry/invalid-amount'],
    ['entries', 'amountMinor', 1.5, 'entry/invalid-amount'],
    ['entries', 'amountMinor', 1e16, 'entry/invalid-amount'],
    ['entries', 'amountMinor', Number.POSITIVE_INFINITY, 'entry/invalid-amount'],
    ['entries', 'amountMinor', '100', 'entry/invalid-amount'],
    ['entries', 'note', long, 'entry/note-too-long'],
    ['entries', 'currency', 'usd', 'entry/invalid-currency'],
    ['entries', 'paidMinutes', -1, 'entry/invalid-minutes'],
    ['entries', 'unpaidMinutes', 60 * 24 * 31 + 1, 'entry/invalid-minutes'],
    ['entries', 'status', 'paid', 'entry/invalid'],
    ['entries', 'id', 'not-a-uuid', 'entry/invalid'],
    ['entries', 'createdAt', '2026-01-01', 'entry/invalid'],
    ['entries', 'updatedAt', '2026-02-30T00:00:00.000Z', 'entry/invalid'],
    ['entries', 'deletedAt', '2026-01-01T00:00:00Z', 'entry/invalid'],
    ['entries', 'extra', 1, 'entry/invalid'],
    ['members', 'name', '', 'member/empty-name'],
    ['members', 'name', '   ', 'member/empty-name'],
    ['members', 'name', 'n'.repeat(81), 'member/name-too-long'],
    ['members', 'color', 'red', 'member/invalid'],
    ['members', 'role', 'child', 'member/invalid'],
    ['streams', 'name', ' ', 'stream/empty-name'],
    ['streams', 'currency', 'XX', 'stream/invalid-currency'],
    ['streams', 'expected.amountMinor', -1, 'stream/invalid-amount'],
    ['streams', 'expected.daysPerWeek', 8, 'stream/invalid'],
    ['streams', 'startedOn', '2026-13-01', 'stream/invalid-date'],
    ['streams', 'endedOn', '1999-01-01', 'stream/ended-before-start'],
    ['streams', 'kind', 'gig', 'stream/invalid'],
    ['plans', 'name', '', 'plan/empty-name'],
    ['plans', 'dueOn', '2026-02-30', 'plan/invalid-date'],
    ['plans', 'amountMinor', 1.5, 'plan/invalid-amount'],
    ['plans', 'fundedBy', ['formal', 'formal'], 'plan/invalid'],
    ['plans', 'category', 'luxury', 'plan/invalid'],
    ['plans', 'memberId', 'someone', 'plan/invalid'],
    ['savings', 'amountMinor', 1e16, 'saving/invalid-amount'],
    ['savings', 'date', '2026-02-30', 'saving/invalid-date'],
    ['savings', 'note', long, 'saving/note-too-long'],
    ['rates', 'value', '0', 'rate/invalid-value'],
    ['rates', 'value', '-1', 'rate/invalid-value'],
    ['rates', 'value', '16.250,5', 'rate/invalid-value'],
    ['rates', 'value', 16250, 'rate/invalid-value'],
    ['rates', 'currency', 'usd', 'rate/invalid-currency'],
    ['training', 'title', '', 'training/empty-title'],
    ['training', 'costMinor', 1.5, 'training/invalid-amount'],
    ['training', 'hours', -1, 'training/invalid'],
    ['training', 'note', long, 'training/note-too-long'],
    ['settings', 'baseCurrency', 'EURO', 'settings/invalid-currency'],
    ['settings', 'locale', 'fr', 'settings/invalid'],
    ['settings', 'theme', 'blue', 'settings/invalid'],
    ['rollups', 'key', 'wrong', 'rollup/invalid'],
    ['rollups', 'month', '2026-13', 'rollup/invalid'],
    ['rollups', 'count', -1, 'rollup/invalid'],
  ];
  it.each(cases)('%s.%s = %j -> %s', (table, path, value, code) => {
    const error = failure(table, withField(table, path, value));
    expect(error.code).toBe(code);
    expect(error.details.field).toBe(path);
    const issues = error.details.issues as { path: string | null; message: string }[];
    expect(issues.length).toBeGreaterThan(0);
    expect(issues[0]!.path).toBe(path);
    expect(typeof issues[0]!.message).toBe('string');
  });

  it('reports a missing field and a non-object', () => {
    const entry = structuredClone(valid.entries) as Record<string, unknown>;
    delete entry.amountMinor;
    expect(failure('entries', entry).code).toBe('entry/invalid-amount');
    const error = failure('entries', null);
    expect(error.code).toBe('entry/invalid');
    expect(error.details.field).toBeNull();
  });

  it('chooses the code from the first failing field', () => {
    const entry = withField('entries', 'date', 'bad');
    entry.note = long;
    const error = failure('entries', entry);
    expect(error.code).toBe('entry/invalid-date');
    expect((error.details.issues as unknown[]).length).toBe(2);
  });
});

describe('output', () => {
  it('trims names', () => {
    const member = validateRecord('members', withField('members', 'name', '  Siti  '));
    expect(member.name).toBe('Siti');
  });

  it('allows an empty household name before onboarding', () => {
    expect(
      validateRecord('settings', withField('settings', 'householdName', '')).householdName,
    ).toBe('');
  });
});
