/**
 * The sample household's debts (sample-household.ts): one family loan repaid by the month and
 * one paylater plan of six monthly instalments, named as a family of that country would name
 * them. Dates follow `today`, so the plan always has an instalment due in the loop.
 */
import type { Debt, Repayment } from './debt-model';
import { instalmentDate, scheduleOfCount, scheduleOfEach } from './debt-schedule';
import { addDaysIso } from './dates';
import type { IsoDate } from './model';
import { createRng } from './random';
import type { SampleCountry } from './sample-country';

interface DebtProfile {
  currency: string;
  unit: number;
  /** The relative who lent, as the family calls them. */
  family: string;
  familyAmount: number;
  familyEach: number;
  /** The paylater app (invented, named in the country's language). */
  paylater: string;
  paylaterAmount: number;
  familyNote: string;
}

const DEBT_PROFILES: Record<SampleCountry, DebtProfile> = {
  ID: {
    currency: 'IDR',
    unit: 100,
    family: 'Tante Sri',
    familyAmount: 2_000_000,
    familyEach: 500_000,
    paylater: 'BayarNanti',
    paylaterAmount: 3_600_000,
    familyNote: 'Untuk uang sekolah',
  },
  PH: {
    currency: 'PHP',
    unit: 100,
    family: 'Tita Nena',
    familyAmount: 5_000,
    familyEach: 1_000,
    paylater: 'Hulugan App',
    paylaterAmount: 12_000,
    familyNote: 'Pambayad sa matrikula',
  },
  VN: {
    currency: 'VND',
    unit: 1,
    family: 'Cô Lan',
    familyAmount: 5_000_000,
    familyEach: 1_000_000,
    paylater: 'Mua Trước Trả Sau',
    paylaterAmount: 6_000_000,
    familyNote: 'Tiền học cho con',
  },
};

export function sampleDebts(
  country: SampleCountry,
  today: IsoDate,
  now: string,
): { debts: Debt[]; repayments: Repayment[] } {
  const p = DEBT_PROFILES[country];
  const u = (whole: number) => Math.round(whole * p.unit);
  // Its own generator: the rest of the sample keeps its ids whatever is added here.
  const rng = createRng(20260425);
  const base = { createdAt: now, updatedAt: now, deletedAt: null, isSample: true } as const;
  const loanDate = addDaysIso(today, -75);
  const family: Debt = {
    ...base,
    id: rng.uuid(),
    counterparty: p.family,
    kind: 'person',
    direction: 'we-owe',
    amountMinor: u(p.familyAmount),
    currency: p.currency,
    date: loanDate,
    schedule: scheduleOfEach(
      u(p.familyAmount),
      u(p.familyEach),
      'monthly',
      instalmentDate(loanDate, 'monthly', 1),
    ),
    forgivenOn: null,
    note: p.familyNote,
  };
  const planDate = addDaysIso(today, -20);
  const paylater: Debt = {
    ...base,
    id: rng.uuid(),
    counterparty: p.paylater,
    kind: 'paylater',
    direction: 'we-owe',
    amountMinor: u(p.paylaterAmount),
    currency: p.currency,
    date: planDate,
    schedule: scheduleOfCount(
      u(p.paylaterAmount),
      6,
      'monthly',
      instalmentDate(planDate, 'monthly', 1),
    ),
    forgivenOn: null,
    note: '',
  };
  // The family loan's first instalment was paid on its day.
  const firstDue = family.schedule!.firstDue;
  const repayments: Repayment[] = [
    {
      ...base,
      id: rng.uuid(),
      debtId: family.id,
      dueOn: firstDue,
      date: firstDue,
      amountMinor: family.schedule!.amountMinor,
      currency: p.currency,
      note: '',
    },
  ];
  return { debts: [family, paylater], repayments };
}
