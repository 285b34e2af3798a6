import { describe, expect, it } from 'vitest';
import { calendarUid, dueForCalendar } from '../../src/lib/domain/calendar-due';
import type { GroupPayment } from '../../src/lib/domain/group-model';
import type { Fund } from '../../src/lib/domain/model';
import { OWED, lentToTita } from '../fixtures/owed-records';

// The calendar export carries what a household owes and saves for, not only pay days and bills:
// each unpaid instalment, each unpaid group round, my pot, and each fund's date (issue 27).
// The first instalment of the paylater plan is already paid: it is not a reminder any more.
const { common, today, paylater, repaid, paluwagan } = OWED;
const lent = lentToTita(3);
const roundPaid: GroupPayment = {
  ...common,
  id: 'g3',
  groupId: 'paluwagan',
  kind: 'contribution',
  round: 3,
  dueOn: '2026-12-30',
  date: '2026-12-04',
  amountMinor: 200_000,
  currency: 'PHP',
  note: '',
};
const christmas: Fund = {
  ...common,
  id: 'pasko',
  name: 'Pasko',
  targetMinor: 1_000_000,
  currency: 'PHP',
  dueOn: '2026-12-24',
  note: '',
};

const due = dueForCalendar({
  streams: [],
  plans: [],
  entries: [],
  payments: [],
  skips: [],
  debts: [paylater, lent],
  repayments: [repaid],
  groups: [paluwagan],
  groupPayments: [roundPaid],
  funds: [christmas],
  today,
});
const dates = (kind: string) => due.filter((d) => d.kind === kind).map((d) => d.date);

describe('the calendar export beyond pay days and bills', () => {
  it('lists the instalments still to pay, not the one paid, over the next 3 months', () => {
    expect(dates('instalment')).toEqual(['2027-01-15', '2027-02-15']);
  });

  it('lists the instalments owed to us apart, as money coming in', () => {
    expect(dates('instalment-in')).toEqual(['2026-12-20', '2027-01-20', '2027-02-20']);
  });

  it('lists each group round not yet paid, and my turn for the pot', () => {
    // Rounds on the 30th: round 3 (30 Dec) is paid; round 4 falls on 30 Jan, round 5 on the
    // last day of February.
    expect(dates('contribution')).toEqual(['2027-01-30', '2027-02-28']);
    expect(due.filter((d) => d.kind === 'pot')).toEqual([
      {
        kind: 'pot',
        sourceId: 'paluwagan',
        date: '2027-01-30',
        amountMinor: 2_000_000,
        currency: 'PHP',
      },
    ]);
  });

  it("gives each fund's date with its target, and every item its own UID", () => {
    expect(due.filter((d) => d.kind === 'fund')).toEqual([
      {
        kind: 'fund',
        sourceId: 'pasko',
        date: '2026-12-24',
        amountMinor: 1_000_000,
        currency: 'PHP',
      },
    ]);
    const uids = due.map(calendarUid);
    expect(new Set(uids).size).toBe(uids.length);
    expect([...due].map((d) => d.date)).toEqual(due.map((d) => d.date).sort());
  });
});
