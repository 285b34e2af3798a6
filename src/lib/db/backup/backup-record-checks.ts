/**
 * The checks a backup's records pass as a whole, after each row has passed its schema: every
 * reference points inside the file, a changes-only file carries what its records name, balances,
 * the record rules the forms keep, and totals that add up exactly.
 */
import {
  AnyamError,
  isAnyamError,
  TABLE_NAMES,
  type BaseRecord,
  type HouseholdTables,
  type TableName,
} from '../../domain/model';
import { checkBalance } from '../../domain/places';
import { todayIso } from '../../domain/dates';
import { assertRecordRules, RECORD_RULES } from '../../domain/record-rules';
import { assertTotalsWithinLimit, planTotalsOf, totalsOf } from '../../domain/totals';
import type { BackupChanges } from './backup-format';
import { checkRepaid, DEBT_REFERENCES } from './backup-debt-checks';

interface Reference {
  table: TableName;
  field: 'memberId' | 'streamId' | 'planId' | 'sourceId' | 'placeId' | 'groupId' | 'debtId';
  target: 'members' | 'streams' | 'plans' | 'places' | 'groups' | 'debts';
  nullable: boolean;
  /** Only rows for which this holds name the target (skips name a stream or a plan). */
  when?: (row: Record<string, unknown>) => boolean;
}

const REFERENCES: readonly Reference[] = [
  { table: 'streams', field: 'memberId', target: 'members', nullable: false },
  { table: 'entries', field: 'streamId', target: 'streams', nullable: false },
  { table: 'entries', field: 'memberId', target: 'members', nullable: false },
  { table: 'plans', field: 'memberId', target: 'members', nullable: true },
  { table: 'training', field: 'memberId', target: 'members', nullable: false },
  { table: 'savings', field: 'placeId', target: 'places', nullable: false },
  { table: 'payments', field: 'planId', target: 'plans', nullable: false },
  {
    table: 'skips',
    field: 'sourceId',
    target: 'streams',
    nullable: false,
    when: (row) => row.kind === 'stream',
  },
  {
    table: 'skips',
    field: 'sourceId',
    target: 'plans',
    nullable: false,
    when: (row) => row.kind === 'plan',
  },
  { table: 'groupPayments', field: 'groupId', target: 'groups', nullable: false },
  ...DEBT_REFERENCES,
];

/**
 * Every member and stream a record names is in the file (deleted ones count: a deleted stream
 * keeps its deleted entries). A whole backup is the household, and a changes-only file carries
 * the members and streams its records name, so nothing may point outside the file.
 */
export function checkReferences(tables: HouseholdTables): void {
  const ids = {
    members: new Set(tables.members.map((m) => m.id)),
    streams: new Set(tables.streams.map((s) => s.id)),
    plans: new Set(tables.plans.map((p) => p.id)),
    places: new Set(tables.places.map((p) => p.id)),
    groups: new Set(tables.groups.map((g) => g.id)),
    debts: new Set(tables.debts.map((d) => d.id)),
  };
  for (const ref of REFERENCES) {
    const rows = tables[ref.table] as unknown as Record<string, unknown>[];
    rows.forEach((row, index) => {
      if (ref.when && !ref.when(row)) return;
      const targetId = row[ref.field];
      if (targetId === null && ref.nullable) return;
      if (typeof targetId !== 'string' || !ids[ref.target].has(targetId)) {
        throw new AnyamError('backup/dangling-reference', {
          table: ref.table,
          index,
          id: row.id,
          field: ref.field,
          target: ref.target,
          targetId,
        });
      }
    });
  }
}

/**
 * A changes-only file must carry what its records need on the other phone: the household's
 * settings row (the one `changes.household` names), and every member, stream, plan and place a
 * carried record names, whether or not the receiver has it (exportHouseholdFile always writes
 * them). Else `backup/changes-incomplete` (details: `missing`: 'settings' or the table missing a
 * record, and for a record the `table`, `index`, `id`, `field` and `targetId` naming it), and
 * nothing is merged.
 */
export function checkCarried(tables: HouseholdTables, changes: BackupChanges): void {
  if (tables.settings[0]?.id !== changes.household) {
    throw new AnyamError('backup/changes-incomplete', {
      missing: 'settings',
      household: changes.household,
    });
  }
  try {
    checkReferences(tables);
  } catch (error) {
    // Stryker disable next-line LogicalOperator: checkReferences throws only backup/dangling-reference or a TypeError, so `&&` rethrows exactly what `||` does
    if (!isAnyamError(error) || error.code !== 'backup/dangling-reference') throw error;
    throw new AnyamError('backup/changes-incomplete', {
      ...error.details,
      missing: error.details.target,
    });
  }
}

/** A negative balance (a debt) only in a place of kind "other", as the repository requires. */
export function checkBalances(tables: HouseholdTables): void {
  const kinds = new Map(tables.places.map((p) => [p.id, p.kind]));
  tables.savings.forEach((saving, index) => {
    try {
      checkBalance(kinds.get(saving.placeId) ?? 'other', saving.amountMinor);
    } catch (error) {
      throw new AnyamError('backup/invalid-record', {
        table: 'savings',
        index,
        id: saving.id,
        field: 'amountMinor',
        // Stryker disable next-line StringLiteral: checkBalance throws only AnyamErrors, so this fallback is never read
        recordCode: isAnyamError(error) ? error.code : 'invalid',
        issues: [],
      });
    }
  });
  checkRepaid(tables);
}

/**
 * The rules beyond the schemas that the forms and the CSV import keep (domain/record-rules.ts):
 * Replace and Merge refuse a file that breaks one, so every path accepts the same records.
 */
// Stryker disable next-line BooleanLiteral: its only caller (validateBackup) always passes `whole`
export function checkRecordRules(tables: HouseholdTables, whole = true): void {
  const context = {
    today: todayIso(),
    streams: new Map(tables.streams.map((s) => [s.id, s])),
    // An arrival's place is carried by every file; its rate only by a whole backup.
    places: new Map(tables.places.map((p) => [p.id, p])),
    ...(whole ? { rates: tables.rates, baseCurrency: tables.settings[0]?.baseCurrency } : {}),
  };
  for (const table of TABLE_NAMES) {
    if (!RECORD_RULES[table]) continue;
    (tables[table] as unknown as BaseRecord[]).forEach((row, index) => {
      try {
        assertRecordRules(table, row, context);
      } catch (error) {
        if (!isAnyamError(error)) throw error;
        throw new AnyamError('backup/invalid-record', {
          table,
          index,
          id: row.id,
          field: error.details.field ?? null,
          recordCode: error.code,
          issues: [],
        });
      }
    });
  }
}

/**
 * A file whose own totals could not be added up exactly is refused before anything is written
 * (money/total-too-large); the write checks the totals again after a merge (restore.ts).
 */
export function checkTotals(tables: HouseholdTables): void {
  // Stryker disable next-line StringLiteral,LogicalOperator: a validated entry carries no base amount (only rollup rows do), so the base total is 0 and the refusal that would name this currency never fires
  const base = tables.settings[0]?.baseCurrency ?? '';
  try {
    assertTotalsWithinLimit(
      null,
      totalsOf(tables.entries.filter((e) => e.deletedAt === null)),
      base,
    );
    assertTotalsWithinLimit(null, planTotalsOf(tables.plans), base);
  } catch (error) {
    if (!isAnyamError(error)) throw error;
    throw new AnyamError('backup/total-too-large', error.details);
  }
}
