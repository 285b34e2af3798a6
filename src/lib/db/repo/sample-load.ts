import type { SampleTables } from '../../domain/sample-household';
import { validateRecord } from '../../domain/schema';
import { STORE_NAMES, type AnyamDatabase } from '../database';
import { rebuildAllRollupsIn } from './rollup-store';
import { writeTransaction } from './transaction';

/**
 * Writes the "try a sample household" records in one transaction (all or none) and rebuilds the
 * rollups. Only the explicit button calls this; every record is validated like any other write,
 * and each carries isSample so that removeSampleHousehold() takes exactly these away again.
 */
export async function loadSampleHousehold(tables: SampleTables): Promise<void> {
  const rows = checkedSample(tables);
  await writeTransaction(STORE_NAMES, (db) => writeSampleIn(db, rows));
}

/** The sample's records, each validated like any other write. */
export function checkedSample(tables: SampleTables): SampleTables {
  return {
    members: tables.members.map((r) => validateRecord('members', r)),
    streams: tables.streams.map((r) => validateRecord('streams', r)),
    entries: tables.entries.map((r) => validateRecord('entries', r)),
    plans: tables.plans.map((r) => validateRecord('plans', r)),
    places: tables.places.map((r) => validateRecord('places', r)),
    savings: tables.savings.map((r) => validateRecord('savings', r)),
    rates: tables.rates.map((r) => validateRecord('rates', r)),
    training: tables.training.map((r) => validateRecord('training', r)),
    payments: tables.payments.map((r) => validateRecord('payments', r)),
    skips: tables.skips.map((r) => validateRecord('skips', r)),
    funds: tables.funds.map((r) => validateRecord('funds', r)),
    setAsides: tables.setAsides.map((r) => validateRecord('setAsides', r)),
    groups: tables.groups.map((r) => validateRecord('groups', r)),
    groupPayments: tables.groupPayments.map((r) => validateRecord('groupPayments', r)),
    debts: tables.debts.map((r) => validateRecord('debts', r)),
    repayments: tables.repayments.map((r) => validateRecord('repayments', r)),
  };
}

/** Adds checked sample records inside a transaction over every table, then the rollups. */
export async function writeSampleIn(db: AnyamDatabase, rows: SampleTables): Promise<void> {
  await db.members.bulkAdd(rows.members);
  await db.streams.bulkAdd(rows.streams);
  await db.entries.bulkAdd(rows.entries);
  await db.plans.bulkAdd(rows.plans);
  await db.places.bulkAdd(rows.places);
  await db.savings.bulkAdd(rows.savings);
  await db.rates.bulkAdd(rows.rates);
  await db.training.bulkAdd(rows.training);
  await db.payments.bulkAdd(rows.payments);
  await db.skips.bulkAdd(rows.skips);
  await db.funds.bulkAdd(rows.funds);
  await db.setAsides.bulkAdd(rows.setAsides);
  await db.groups.bulkAdd(rows.groups);
  await db.groupPayments.bulkAdd(rows.groupPayments);
  await db.debts.bulkAdd(rows.debts);
  await db.repayments.bulkAdd(rows.repayments);
  await rebuildAllRollupsIn(db);
}
