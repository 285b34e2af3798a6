// Issue 28: the rules of score-needs.ts (E and S, what the score measures income against) that
// the mutation round found unstated. Base currency PHP; the paylater plan of owed-records.ts pays
// ₱2,000 on the 15th from December 2026 to May 2027.
import { describe, expect, it } from 'vitest';
import type { Fund, SetAside } from '../../src/lib/domain/model';
import { scoreNeeds, type ScoreNeedsInput } from '../../src/lib/domain/score-needs';
import { OWED } from '../fixtures/owed-records';
import { makePlan, makeSaving } from './analytics-fixtures';

const { common, paylater, paluwagan } = OWED;
const MONTHS = ['2026-11', '2026-12', '2027-01'];
const rent = makePlan({ amountMinor: 500_000, currency: 'PHP' });
const base: ScoreNeedsInput = {
  plans: [rent],
  savings: [makeSaving('2026-10-01', 3_000_000, { currency: 'PHP' })],
  baseCurrency: 'PHP',
  today: '2027-01-20',
};

describe('E, the essential costs of each month', () => {
  it('the essential plans plus the debt instalments due that month', () => {
    const needs = scoreNeeds({ ...base, debts: [paylater], repayments: [] }, MONTHS, []);
    expect(needs.essentialBeforeGroups).toEqual([500_000, 700_000, 700_000]);
    expect(needs.essential).toEqual([500_000, 700_000, 700_000]);
    expect(needs.atRisk).toEqual([0, 0, 0]);
  });

  it('a debt repaid in full before its instalments fall due adds nothing to E', () => {
    const all = {
      ...OWED.repaid,
      id: 'all',
      date: '2026-12-01',
      amountMinor: paylater.amountMinor,
    };
    const needs = scoreNeeds({ ...base, debts: [paylater], repayments: [all] }, MONTHS, []);
    expect(needs.essentialBeforeGroups).toEqual([500_000, 500_000, 500_000]);
  });

  it('unknown when an essential plan has no rate, or an instalment has none', () => {
    const usd = makePlan({ amountMinor: 1_000, currency: 'USD' });
    expect(scoreNeeds({ ...base, plans: [rent, usd] }, MONTHS, []).essentialBeforeGroups).toEqual([
      null,
      null,
      null,
    ]);
    const inUsd = { ...paylater, currency: 'USD' };
    expect(scoreNeeds({ ...base, debts: [inUsd] }, MONTHS, []).essentialBeforeGroups).toEqual([
      500_000,
      null,
      null,
    ]);
  });

  it('a savings group adds its contributions to E, the money paid in before my turn to S', () => {
    const needs = scoreNeeds({ ...base, groups: [paluwagan], groupPayments: [] }, MONTHS, []);
    expect(needs.essentialBeforeGroups).toEqual([500_000, 500_000, 500_000]);
    needs.essential.forEach((e, c) => expect(e!).toBeGreaterThan(needs.essentialBeforeGroups[c]!));
    expect(needs.atRisk.every((x) => x !== null)).toBe(true);
  });
});

describe('S, the buffer of each month', () => {
  it('the savings in force at the month end, less the money set aside for a fund', () => {
    const fund: Fund = {
      ...common,
      id: 'school',
      name: 'School fees',
      targetMinor: 5_000_000,
      currency: 'PHP',
      dueOn: '2027-06-01',
      note: '',
    };
    const setAside: SetAside = {
      ...common,
      id: 'sa1',
      fundId: 'school',
      entryId: null,
      date: '2026-12-01',
      amountMinor: 1_000_000,
      currency: 'PHP',
    };
    const plain = scoreNeeds(base, MONTHS, []);
    expect(plain.savings.map((s) => s?.amountMinor)).toEqual([3_000_000, 3_000_000, 3_000_000]);
    const held = scoreNeeds({ ...base, funds: [fund], setAsides: [setAside] }, MONTHS, []);
    expect(held.savings.map((s) => s?.amountMinor)).toEqual([3_000_000, 2_000_000, 2_000_000]);
  });
});
