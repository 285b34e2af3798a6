/**
 * What is left of a debt and its next instalment, one rule at a time (issue 28, sixth round):
 * which repayments count, the equation repaid + forgiven + left = amount, the next instalment,
 * the skips that answer one, the row of the "what is owed" list and the list's order.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Debt, Repayment } from '../../src/lib/domain/debt-model';
import {
  debtStatus,
  debtStatuses,
  owedRow,
  skippedInstalments,
  sortOwedRows,
  type OwedRow,
} from '../../src/lib/domain/debts';
import type { Skip } from '../../src/lib/domain/model';

const common = {
  createdAt: '2026-01-01T00:00:00.000Z',
  updatedAt: '2026-01-01T00:00:00.000Z',
  deletedAt: null,
  isSample: false,
};
const GONE = '2026-02-01T00:00:00.000Z';

function debt(over: Partial<Debt> = {}): Debt {
  return {
    ...common,
    id: 'd1',
    counterparty: 'Koperasi',
    kind: 'cooperative',
    direction: 'we-owe',
    amountMinor: 300_000,
    currency: 'IDR',
    date: '2026-01-05',
    schedule: { count: 3, amountMinor: 100_000, cadence: 'monthly', firstDue: '2026-02-05' },
    forgivenOn: null,
    note: '',
    ...over,
  };
}

let seq = 0;
function paid(amountMinor: number, over: Partial<Repayment> = {}): Repayment {
  return {
    ...common,
    id: `r${String(++seq).padStart(4, '0')}`,
    debtId: 'd1',
    dueOn: null,
    date: '2026-02-05',
    amountMinor,
    currency: 'IDR',
    note: '',
    ...over,
  };
}

function skip(dueOn: string, over: Partial<Skip> = {}): Skip {
  return { ...common, id: `k-${dueOn}`, kind: 'debt', sourceId: 'd1', dueOn, ...over };
}

describe('debts rules', () => {
  it('only the debt’s own live repayments count, oldest first (then by id)', () => {
    const a = paid(10_000, { id: 'b', date: '2026-03-01' });
    const b = paid(20_000, { id: 'a', date: '2026-03-01' });
    const c = paid(30_000, { id: 'c', date: '2026-02-01' });
    const s = debtStatus(debt(), [
      a,
      paid(40_000, { debtId: 'd2' }),
      b,
      paid(50_000, { deletedAt: GONE }),
      c,
    ]);
    expect(s.repayments.map((r) => r.id)).toEqual(['c', 'a', 'b']);
    expect(s.repaidMinor).toBe(60_000);
    expect(s.leftMinor).toBe(240_000);
  });

  it('repayments are listed by date, then by id, whatever their order (property)', () => {
    const rowArb = fc.record({
      day: fc.integer({ min: 1, max: 4 }),
      id: fc.integer({ min: 0, max: 20 }),
    });
    fc.assert(
      fc.property(fc.uniqueArray(rowArb, { selector: (x) => x.id, maxLength: 21 }), (rows) => {
        const list = rows.map((x) => paid(1, { id: `r${x.id}`, date: `2026-03-0${x.day}` }));
        const want = [...list].sort((a, b) =>
          a.date !== b.date ? (a.date < b.date ? -1 : 1) : a.id < b.id ? -1 : 1,
        );
        expect(debtStatus(debt(), list).repayments.map((r) => r.id)).toEqual(want.map((r) => r.id));
      }),
      { numRuns: 300 },
    );
  });

  it('repaid + forgiven + left = amount, and nothing is left below zero (property)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 1_000_000 }),
        fc.array(fc.integer({ min: 1, max: 400_000 }), { maxLength: 6 }),
        fc.boolean(),
        (amountMinor, amounts, forgive) => {
          const d = debt({
            amountMinor,
            schedule: null,
            forgivenOn: forgive ? '2026-04-01' : null,
          });
          const s = debtStatus(
            d,
            amounts.map((x) => paid(x)),
          );
          const repaid = amounts.reduce((a, b) => a + b, 0);
          expect(s.repaidMinor).toBe(repaid);
          expect(s.leftMinor).toBeGreaterThanOrEqual(0);
          expect(s.forgiven).toBe(forgive && repaid < amountMinor);
          expect(s.paidOff).toBe(repaid >= amountMinor);
          if (repaid <= amountMinor)
            expect(s.repaidMinor + s.forgivenMinor + s.leftMinor).toBe(amountMinor);
          else expect(s.leftMinor + s.forgivenMinor).toBe(0);
          expect(s.leftMinor).toBe(forgive ? 0 : Math.max(0, amountMinor - repaid));
        },
      ),
      { numRuns: 300 },
    );
  });

  it('forgiving moves what was left into forgiven; a debt paid off before is not forgiven', () => {
    const f = debtStatus(debt({ forgivenOn: '2026-04-01' }), [paid(100_000)]);
    expect(f).toMatchObject({
      forgiven: true,
      forgivenMinor: 200_000,
      leftMinor: 0,
      paidOff: false,
    });
    expect(f.nextDue).toBeNull();
    expect(owedRow(f).state).toBe('forgiven');
    const p = debtStatus(debt({ forgivenOn: '2026-04-01' }), [paid(300_000)]);
    expect(p).toMatchObject({ forgiven: false, forgivenMinor: 0, leftMinor: 0, paidOff: true });
    expect(owedRow(p).state).toBe('paid-off');
  });

  it('the next instalment is the first neither paid nor skipped, at most what is left', () => {
    expect(debtStatus(debt(), []).nextDue).toEqual({
      index: 0,
      dueOn: '2026-02-05',
      amountMinor: 100_000,
    });
    // The first is paid (by its date), the second skipped: the third is next.
    const s = debtStatus(
      debt(),
      [paid(100_000, { dueOn: '2026-02-05' })],
      skippedInstalments([skip('2026-03-05')]),
    );
    expect(s.nextDue).toEqual({ index: 2, dueOn: '2026-04-05', amountMinor: 100_000 });
    // A repayment of any amount at any time (no dueOn) answers no instalment, but lowers what is left.
    const loose = debtStatus(debt(), [paid(250_000)]);
    expect(loose.nextDue).toEqual({ index: 0, dueOn: '2026-02-05', amountMinor: 50_000 });
    // Every instalment answered while something is left: none is next.
    const all = debtStatus(
      debt(),
      [paid(1, { dueOn: '2026-02-05' }), paid(1, { dueOn: '2026-03-05' })],
      skippedInstalments([skip('2026-04-05')]),
    );
    expect(all.leftMinor).toBe(299_998);
    expect(all.nextDue).toBeNull();
  });

  it('a debt with no schedule, or nothing left, has no next instalment', () => {
    expect(debtStatus(debt({ schedule: null }), []).nextDue).toBeNull();
    expect(debtStatus(debt(), [paid(300_000)]).nextDue).toBeNull();
  });

  it('only live debt skips of this debt answer an instalment', () => {
    const keys = skippedInstalments([
      skip('2026-02-05', { deletedAt: GONE }),
      skip('2026-02-05', { kind: 'plan' }),
      skip('2026-02-05', { kind: 'stream' }),
      skip('2026-02-05', { sourceId: 'd2' }),
    ]);
    expect(keys).toEqual(new Set(['d2|2026-02-05']));
    expect(debtStatus(debt(), [], keys).nextDue?.dueOn).toBe('2026-02-05');
  });

  it('a row states the debt, what is left, the next instalment and the payments', () => {
    const s = debtStatus(debt({ direction: 'owed-to-us' }), [
      paid(100_000, { dueOn: '2026-02-05' }),
      paid(20_000),
    ]);
    expect(owedRow(s)).toEqual({
      id: 'd1',
      source: 'debt',
      name: 'Koperasi',
      direction: 'owed-to-us',
      amountMinor: 300_000,
      leftMinor: 180_000,
      currency: 'IDR',
      nextDueOn: '2026-03-05',
      nextDueMinor: 100_000,
      paymentsCount: 2,
      paidMinor: 120_000,
      state: 'open',
    });
    const none = owedRow(debtStatus(debt({ schedule: null }), []));
    expect(none.nextDueOn).toBeNull();
    expect(none.nextDueMinor).toBeNull();
  });

  it('the list: open rows by next due (none last, then by name, then id), then closed by name', () => {
    const row = (id: string, name: string, state: OwedRow['state'], nextDueOn: string | null) =>
      ({ id, name, state, nextDueOn }) as OwedRow;
    const rows = [
      row('1', 'Zed', 'paid-off', null),
      row('2', 'Budi', 'open', null),
      row('3', 'Ana', 'forgiven', null),
      row('4', 'Cici', 'open', '2026-05-01'),
      row('5', 'Ana', 'open', null),
      row('6', 'Dedi', 'open', '2026-04-01'),
      row('7', 'Budi', 'open', null),
      row('0', 'Eko', 'open', '9999-12-31'),
    ];
    const order = ['6', '4', '5', '2', '7', '0', '3', '1'];
    expect(sortOwedRows(rows).map((r) => r.id)).toEqual(order);
    expect(sortOwedRows([...rows].reverse()).map((r) => r.id)).toEqual(order);
    expect(rows[0]!.id).toBe('1'); // the input is left as it was
  });

  it('the standings: live debts only, each with its own repayments and the skips', () => {
    const d2 = debt({ id: 'd2', counterparty: 'Bank' });
    const out = debtStatuses(
      [debt(), debt({ id: 'd3', deletedAt: GONE }), d2],
      [paid(10_000), paid(20_000, { debtId: 'd2' }), paid(5_000)],
      [skip('2026-02-05', { sourceId: 'd2' })],
    );
    expect(out.map((s) => [s.debt.id, s.repaidMinor, s.nextDue?.dueOn])).toEqual([
      ['d1', 15_000, '2026-02-05'],
      ['d2', 20_000, '2026-03-05'],
    ]);
  });
});
