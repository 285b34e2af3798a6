// Issue 28: the rules of projection-owed.ts (what is owed and is owed to us, as dated flows of
// the 60-day projection) that the mutation round found unstated.
import { describe, expect, it } from 'vitest';
import type { GroupPayment } from '../../src/lib/domain/group-model';
import { owedFlows } from '../../src/lib/domain/projection-owed';
import { OWED, lentToTita } from '../fixtures/owed-records';

const { common, today, paylater, repaid, paluwagan } = OWED;
const to = '2027-02-02';
const payment = (kind: GroupPayment['kind'], round: number, dueOn: string): GroupPayment => ({
  ...common,
  id: `${kind}-${round}`,
  groupId: paluwagan.id,
  kind,
  round,
  dueOn,
  date: dueOn,
  amountMinor: kind === 'skip' ? 0 : kind === 'pot' ? 2_000_000 : 200_000,
  currency: 'PHP',
  note: '',
});

describe('what is owed, as flows', () => {
  it('each flow names who or which group, its source and kind, in its currency', () => {
    const flows = owedFlows(
      {
        skips: [],
        debts: [paylater, lentToTita(1)],
        repayments: [repaid],
        groups: [paluwagan],
        groupPayments: [],
      },
      today,
      to,
    );
    const byDate = [...flows].sort((a, b) => (a.date + a.kind < b.date + b.kind ? -1 : 1));
    expect(byDate).toEqual([
      {
        date: '2026-12-20',
        direction: 'in',
        amountMinor: 100_000,
        currency: 'PHP',
        name: 'Tita Nena',
        source: 'debt:lent',
        kind: 'instalment',
      },
      {
        date: '2026-12-30',
        direction: 'out',
        amountMinor: 200_000,
        currency: 'PHP',
        name: 'Paluwagan sa opisina',
        source: 'group:paluwagan',
        kind: 'contribution',
      },
      {
        date: '2027-01-15',
        direction: 'out',
        amountMinor: 200_000,
        currency: 'PHP',
        name: 'Hulugan App',
        source: 'debt:paylater',
        kind: 'instalment',
      },
      {
        date: '2027-01-30',
        direction: 'out',
        amountMinor: 200_000,
        currency: 'PHP',
        name: 'Paluwagan sa opisina',
        source: 'group:paluwagan',
        kind: 'contribution',
      },
      {
        date: '2027-01-30',
        direction: 'in',
        amountMinor: 2_000_000,
        currency: 'PHP',
        name: 'Paluwagan sa opisina',
        source: 'pot:paluwagan',
        kind: 'pot',
      },
    ]);
  });

  it('a round paid or skipped and a pot received are owed no more', () => {
    const flows = owedFlows(
      {
        skips: [],
        groups: [paluwagan],
        groupPayments: [
          payment('contribution', 3, '2026-12-30'),
          payment('skip', 4, '2027-01-30'),
          payment('pot', 4, '2027-01-30'),
        ],
      },
      today,
      to,
    );
    expect(flows).toEqual([]);
  });

  it('with no debts and no groups nothing is owed', () => {
    expect(owedFlows({ skips: [] }, today, to)).toEqual([]);
  });
});
