import 'fake-indexeddb/auto';
/**
 * repo/due.ts `readMonthlyLoop` reads the repayments of the debts whose schedule reaches the
 * loop's range only (issue 25, acceptance 5: the due list ≤ 20 ms with 20 debts). The loop it
 * gives must be exactly the loop of the household's whole tables, on every day around the
 * benchmark household's debts and groups (bench/owed.ts), deleted rows and skips included.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { benchHousehold } from '../../bench/dataset';
import type { AnyamDatabase } from '../../src/lib/db/database';
import { loadSampleHousehold, readMonthlyLoop, saveSettings } from '../../src/lib/db/repo';
import { addDaysIso } from '../../src/lib/domain/dates';
import { loopEntryRange } from '../../src/lib/domain/due';
import type { Debt, Repayment } from '../../src/lib/domain/debt-model';
import type { HouseholdTables } from '../../src/lib/domain/model';
import { monthlyLoop, type MonthlyLoopRows } from '../../src/lib/domain/monthly-loop';
import { monthOf } from '../../src/lib/domain/months';
import { streamPayDay } from '../../src/lib/domain/occurrences';
import { rollupsFromEntries } from '../../src/lib/domain/rollup';
import { PINNED_TODAY } from '../pinned-day';
import { dropDatabase, freshDatabase } from './helpers';

let db: AnyamDatabase;
let tables: HouseholdTables;
const DELETED = '2026-11-20T00:00:00.000Z';

/** The loop's rows taken from the whole tables in memory, every live repayment included. */
function rowsOfWholeTables(today: string): MonthlyLoopRows {
  const range = loopEntryRange(today);
  const live = <T extends { deletedAt: string | null }>(rows: T[]) =>
    rows.filter((r) => r.deletedAt === null);
  const payDay = new Set(
    tables.streams.filter((s) => !s.archived && streamPayDay(s) !== null).map((s) => s.id),
  );
  return {
    streams: live(tables.streams),
    plans: live(tables.plans),
    rates: live(tables.rates),
    baseCurrency: 'IDR',
    entries: tables.entries.filter(
      (e) => payDay.has(e.streamId) && e.date >= range.from && e.date <= range.to,
    ),
    rollups: rollupsFromEntries(tables.entries, tables.rates, 'IDR').filter(
      (r) => r.month === monthOf(today),
    ),
    payments: live(tables.payments),
    skips: live(tables.skips),
    groups: live(tables.groups),
    groupPayments: live(tables.groupPayments),
    debts: live(tables.debts),
    repayments: live(tables.repayments),
  };
}

const bench = () => benchHousehold(2_400, { months: 12, endMonth: '2026-11', asOf: PINNED_TODAY });

beforeAll(async () => {
  db = freshDatabase('loop-read-owed');
  const built = bench();
  const at = built.settings[0]!.createdAt;
  // A deleted debt, a deleted repayment of a live one, and a skipped instalment.
  const scheduled = built.debts.filter((d) => d.schedule !== null && d.direction === 'we-owe');
  const gone = scheduled[2]!;
  const kept = scheduled[0]!;
  // A debt whose last instalment fell five days ago, repaid on its day: its repayments must be
  // read though nothing of it is still to come.
  const common = { createdAt: at, updatedAt: at, deletedAt: null, isSample: false };
  const ended: Debt = {
    ...common,
    id: 'deb70000-0000-4000-8000-0000000000e1',
    counterparty: 'Toko Maju',
    kind: 'paylater',
    direction: 'we-owe',
    amountMinor: 300_000_00,
    currency: 'IDR',
    date: '2026-08-01',
    schedule: { count: 3, amountMinor: 100_000_00, cadence: 'monthly', firstDue: '2026-09-19' },
    forgivenOn: null,
    note: '',
  };
  const endedRepayments: Repayment[] = ['2026-09-19', '2026-10-19', '2026-11-19'].map(
    (dueOn, i) => ({
      ...common,
      id: `deb70000-0000-4000-8000-00000000010${i}`,
      debtId: ended.id,
      dueOn,
      date: dueOn,
      amountMinor: 100_000_00,
      currency: 'IDR',
      note: '',
    }),
  );
  tables = {
    ...built,
    debts: [
      ...built.debts.map((d) => (d.id === gone.id ? { ...d, deletedAt: DELETED } : d)),
      ended,
    ],
    repayments: [
      ...built.repayments.map((r, i) =>
        r.debtId === kept.id && i % 2 === 0 ? { ...r, deletedAt: DELETED } : r,
      ),
      ...endedRepayments,
    ],
    skips: [
      ...built.skips,
      {
        id: '5c1b0000-0000-4000-8000-0000000000d1',
        createdAt: at,
        updatedAt: at,
        deletedAt: null,
        isSample: false,
        kind: 'debt',
        sourceId: scheduled[1]!.id,
        dueOn: addDaysIso(PINNED_TODAY, 3),
      },
    ],
  };
  await saveSettings({ householdName: '', baseCurrency: 'IDR' });
  const { settings: _settings, ...rest } = tables;
  await loadSampleHousehold(rest);
});
afterAll(async () => dropDatabase(db));

describe('the monthly loop’s reads with debts and groups', () => {
  it('read through indexes, give the loop of the whole tables on every day of two months', async () => {
    expect(bench().debts).toHaveLength(20);
    expect(tables.groups.map((g) => g.turnRule)).toEqual(['fixed', 'drawn', 'bid']);
    for (let d = -40; d <= 20; d += 3) {
      const today = addDaysIso(PINNED_TODAY, d);
      const read = await readMonthlyLoop(today);
      expect(monthlyLoop(read, today)).toEqual(monthlyLoop(rowsOfWholeTables(today), today));
    }
  });

  it('reads only the repayments of debts with an instalment near the month, none deleted', async () => {
    const read = await readMonthlyLoop(PINNED_TODAY);
    const loop = monthlyLoop(read, PINNED_TODAY);
    // There is something to show: instalments due, this month's, and contributions.
    expect(loop.instalmentsNow.length + loop.instalmentsSoon.length).toBeGreaterThan(0);
    expect(loop.instalments.items.length).toBeGreaterThan(0);
    expect(loop.groups.contributions.length).toBeGreaterThan(0);
    const all = tables.repayments.filter((r) => r.deletedAt === null);
    expect(read.repayments!.length).toBeGreaterThan(0);
    expect(read.repayments!.length).toBeLessThan(all.length);
    expect(read.repayments!.every((r) => r.deletedAt === null)).toBe(true);
    expect(read.debts).toHaveLength(20);
  });
});
