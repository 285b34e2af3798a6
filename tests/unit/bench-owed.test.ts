/**
 * The benchmark household's debts and savings groups (bench/owed.ts; issue 25, acceptance 5):
 * the shape the bench promises, records every write path would accept, the same on every call.
 */
import { describe, expect, it } from 'vitest';
import { benchHousehold } from '../../bench/dataset';
import { FORGIVEN_DEBT, PAID_OFF_DEBT } from '../../bench/owed';
import { overRepaid } from '../../src/lib/domain/debt-rules';
import { debtStatuses } from '../../src/lib/domain/debts';
import { groupStanding } from '../../src/lib/domain/groups';
import { assertRecordRules } from '../../src/lib/domain/record-rules';
import { validateRecord } from '../../src/lib/domain/schema';
import { PINNED_TODAY } from '../pinned-day';

const options = { months: 12, endMonth: '2026-11', asOf: PINNED_TODAY } as const;
const tables = benchHousehold(1_200, options);

describe('the benchmark household’s debts and groups', () => {
  it('has 20 debts both ways, monthly, weekly and "whenever", one forgiven and one paid off', () => {
    const { debts, repayments } = tables;
    expect(debts).toHaveLength(20);
    expect(new Set(debts.map((d) => d.direction))).toEqual(new Set(['we-owe', 'owed-to-us']));
    const cadences = debts.map((d) => d.schedule?.cadence ?? 'whenever');
    expect(cadences.filter((c) => c === 'monthly')).toHaveLength(12);
    expect(cadences.filter((c) => c === 'weekly')).toHaveLength(4);
    expect(cadences.filter((c) => c === 'whenever')).toHaveLength(4);
    const statuses = debtStatuses(debts, repayments, tables.skips);
    expect(statuses.filter((s) => s.forgiven).map((s) => s.debt.id)).toEqual([
      debts[FORGIVEN_DEBT]!.id,
    ]);
    expect(statuses[PAID_OFF_DEBT]!.paidOff).toBe(true);
    // Some repaid in part: neither untouched nor closed.
    expect(statuses.filter((s) => s.repaidMinor > 0 && s.leftMinor > 0).length).toBeGreaterThan(5);
    // Every fourth debt has an instalment of the last month unpaid: overdue.
    expect(
      statuses.filter((s) => s.nextDue !== null && s.nextDue.dueOn < PINNED_TODAY).length,
    ).toBeGreaterThan(0);
  });

  it('has 3 groups (fixed order, drawn, bid) with contributions paid and two pots taken', () => {
    expect(tables.groups.map((g) => g.turnRule)).toEqual(['fixed', 'drawn', 'bid']);
    const standing = tables.groups.map((g) => groupStanding(g, tables.groupPayments));
    expect(standing.every((s) => s.paidRounds > 0)).toBe(true);
    // The arisan's turn is to come: what it paid is at risk; the other two took their pot.
    expect(standing.map((s) => s.pot !== null)).toEqual([false, true, true]);
    expect(standing[0]!.atRiskMinor).toBeGreaterThan(0);
  });

  it('every record passes the schema and the record rules; no debt is repaid past its amount', () => {
    const context = { today: PINNED_TODAY, streams: new Map() };
    for (const table of ['debts', 'repayments', 'groups', 'groupPayments'] as const) {
      for (const record of tables[table]) {
        expect(validateRecord(table, record)).toEqual(record);
        assertRecordRules(table, record, context);
      }
    }
    expect(overRepaid(tables.debts, tables.repayments)).toEqual([]);
  });

  it('is the same on every call (deterministic)', () => {
    const again = benchHousehold(1_200, options);
    for (const table of ['debts', 'repayments', 'groups', 'groupPayments'] as const) {
      expect(again[table]).toEqual(tables[table]);
    }
  });
});
