// Issue 28 (mutation round): savings groups in the resilience score (groups-score.ts): the rounds
// due in a month are essential costs, and the contributions paid before my turn count in the
// buffer as savings at risk; a missing rate makes the month unknown, never 0.
import { describe, expect, it } from 'vitest';
import type { Group, GroupPayment } from '../../src/lib/domain/group-model';
import {
  atRiskByMonth,
  essentialWithGroups,
  savingsWithGroups,
} from '../../src/lib/domain/groups-score';

const at = '2026-01-01T00:00:00.000Z';
const group = (over: Partial<Group> = {}): Group => ({
  id: 'g1',
  createdAt: at,
  updatedAt: at,
  deletedAt: null,
  name: 'Paluwagan',
  members: 3,
  contributionMinor: 1_000,
  currency: 'PHP',
  cadence: 'monthly',
  // Rounds on 15 Jan, 15 Feb, 15 Mar; my pot in round 3.
  startsOn: '2026-01-15',
  turnRule: 'fixed',
  myTurn: 3,
  bidMinor: 0,
  note: '',
  isSample: false,
  ...over,
});
const paid = (round: number, date: string, over: Partial<GroupPayment> = {}): GroupPayment => ({
  id: `p${round}${date}`,
  createdAt: at,
  updatedAt: at,
  deletedAt: null,
  groupId: 'g1',
  kind: 'contribution',
  round,
  dueOn: date,
  date,
  amountMinor: 1_000,
  currency: 'PHP',
  note: '',
  isSample: false,
  ...over,
});
const MONTHS = ['2025-12', '2026-01', '2026-02', '2026-03', '2026-04'];

describe('essential costs with the groups’ rounds', () => {
  it('adds each month’s contributions to E', () => {
    expect(
      essentialWithGroups([10, 20, 30, 40, 50], MONTHS, { groups: [group()] }, 'PHP', []),
    ).toEqual([10, 1_020, 1_030, 1_040, 50]);
  });

  it('is E unchanged (a copy) without groups', () => {
    const e = [1, null, 3];
    const out = essentialWithGroups(e, MONTHS.slice(0, 3), {}, 'PHP', []);
    expect(out).toEqual(e);
    expect(out).not.toBe(e);
    expect(essentialWithGroups(e, MONTHS.slice(0, 3), { groups: [] }, 'PHP', [])).toEqual(e);
  });

  it('is unknown where E is unknown or a group’s contribution has no rate', () => {
    expect(
      essentialWithGroups([10, null, 30], MONTHS.slice(0, 3), { groups: [group()] }, 'PHP', []),
    ).toEqual([10, null, 1_030]);
    const usd = group({ currency: 'USD' });
    expect(
      essentialWithGroups([10, 20, 30], MONTHS.slice(0, 3), { groups: [usd] }, 'PHP', []),
    ).toEqual([10, null, null]);
  });
});

describe('the contributions at risk at each month’s end', () => {
  it('are 0 in every month without groups', () => {
    expect(atRiskByMonth(MONTHS, {}, 'PHP', [])).toEqual([0, 0, 0, 0, 0]);
    expect(
      atRiskByMonth(MONTHS, { groups: [], groupPayments: [paid(1, '2026-01-15')] }, 'PHP', []),
    ).toEqual([0, 0, 0, 0, 0]);
  });

  it('grow with each contribution paid by the month’s end until my pot is received', () => {
    const payments = [
      paid(1, '2026-01-15'),
      paid(2, '2026-02-15'),
      paid(3, '2026-03-15'),
      paid(3, '2026-03-20', { kind: 'pot', amountMinor: 3_000 }),
    ];
    expect(
      atRiskByMonth(MONTHS, { groups: [group()], groupPayments: payments }, 'PHP', []),
    ).toEqual([0, 1_000, 2_000, 0, 0]);
    // Without the payments given, nothing is at risk yet.
    expect(atRiskByMonth(MONTHS, { groups: [group()] }, 'PHP', [])).toEqual([0, 0, 0, 0, 0]);
  });

  it('are unknown in a month a group’s currency has no rate at its end', () => {
    const usd = group({ currency: 'USD' });
    const rates = [{ currency: 'USD', date: '2026-02-28', value: '50', deletedAt: null }];
    const payments = [paid(1, '2026-01-15', { currency: 'USD', amountMinor: 1_000 })];
    expect(atRiskByMonth(MONTHS, { groups: [usd], groupPayments: payments }, 'PHP', rates)).toEqual(
      [0, null, 50_000, 50_000, 50_000],
    );
  });
});

describe('the buffer with the contributions at risk', () => {
  const snap = { savingId: 's', date: '2026-01-10', amountMinor: 5_000 };

  it('adds what is at risk to the balance in force', () => {
    expect(savingsWithGroups([snap, snap], ['2026-01', '2026-02'], [0, 700])).toEqual([
      snap,
      { ...snap, amountMinor: 5_700 },
    ]);
  });

  it('keeps the same balance object where nothing is at risk', () => {
    const out = savingsWithGroups([snap, null], ['2026-01', '2026-02'], [0, 0]);
    expect(out[0]).toBe(snap);
    expect(out[1]).toBeNull();
  });

  it('with no balance yet, is the contributions alone, dated the month’s last day', () => {
    expect(savingsWithGroups([null, null], ['2026-02', '2024-02'], [700, 300])).toEqual([
      { savingId: '', date: '2026-02-28', amountMinor: 700 },
      { savingId: '', date: '2024-02-29', amountMinor: 300 },
    ]);
  });

  it('is unknown when the balance or what is at risk is unknown', () => {
    expect(savingsWithGroups([snap], ['2026-01'], [null])).toEqual([
      { ...snap, amountMinor: null },
    ]);
    const unknown = { ...snap, amountMinor: null };
    expect(savingsWithGroups([unknown], ['2026-01'], [700])).toEqual([unknown]);
  });
});
