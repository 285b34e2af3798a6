import { describe, expect, it } from 'vitest';
import type { Place, Saving } from '../../src/lib/domain/model';
import { projectionOf } from '../../src/lib/domain/projection-flows';
import { owedFlows } from '../../src/lib/domain/projection-owed';
import { OWED, lentToTita } from '../fixtures/owed-records';

// The next 60 days count what the household owes (issue 27 item 1 with issue 25): an instalment
// to pay and a group round go out, an instalment owed to us and my pot come in, on their days.
// The first instalment of the paylater plan is already paid: it is not a reminder any more.
const { common, today, paylater, repaid, paluwagan } = OWED;
const lent = lentToTita(1);
const sources = {
  skips: [],
  debts: [paylater, lent],
  repayments: [repaid],
  groups: [paluwagan],
  groupPayments: [],
};

describe('what is owed, in the next 60 days', () => {
  it('gives each unpaid instalment, each unpaid round and my pot on its day', () => {
    const flows = owedFlows(sources, today, '2027-02-02');
    const seen = flows.map((f) => `${f.date} ${f.direction} ${f.kind} ${f.amountMinor}`).sort();
    expect(seen).toEqual([
      // The paylater instalment of 15 Dec is repaid: only January's is still to pay.
      '2026-12-20 in instalment 100000',
      '2026-12-30 out contribution 200000',
      '2027-01-15 out instalment 200000',
      '2027-01-30 in pot 2000000',
      '2027-01-30 out contribution 200000',
    ]);
  });

  it('moves the projected line by them', () => {
    const place: Place = { ...common, id: 'cash', name: 'Cash', kind: 'cash', currency: 'PHP' };
    const cash: Saving = {
      ...common,
      id: 's1',
      placeId: 'cash',
      date: '2026-12-01',
      amountMinor: 500_000,
      currency: 'PHP',
      note: '',
    };
    const result = projectionOf({
      today,
      baseCurrency: 'PHP',
      rates: [],
      streams: [],
      plans: [],
      payments: [],
      entries: [],
      rollups: [],
      places: [place],
      savings: [cash],
      ...sources,
    });
    const lowest = result.projection!.lowest;
    // 5,000 + 1,000 (20 Dec) − 2,000 (30 Dec) − 2,000 (15 Jan) = 2,000 before the pot of 30 Jan
    // (that day: + 20,000 − 2,000).
    expect(lowest.balanceMinor).toBe(200_000);
    expect(lowest.date).toBe('2027-01-15');
  });
});
