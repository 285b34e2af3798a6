/**
 * The three hand-computed households of resilience-reference.test.ts as dashboard inputs, for
 * the tests that build on their figures (guidance, stress story). Amounts are minor units.
 */
import type { DashboardInput } from '../../src/lib/domain/dashboard';
import type { Entry, Plan, Rate, Saving, Stream } from '../../src/lib/domain/model';
import type { Debt, Repayment } from '../../src/lib/domain/debt-model';
import { rollupsFromEntries } from '../../src/lib/domain/rollup';
import {
  makeEntry,
  makePlan,
  makeRate,
  makeSaving,
  makeStream,
  monthlyEntries,
} from './analytics-fixtures';

export function householdInput(parts: {
  streams: Stream[];
  entries: Entry[];
  plans?: Plan[];
  savings?: Saving[];
  rates?: Rate[];
  baseCurrency: string;
  today: string;
}): DashboardInput {
  const rates = parts.rates ?? [];
  return {
    rollups: rollupsFromEntries(parts.entries, rates, parts.baseCurrency),
    streams: parts.streams,
    plans: parts.plans ?? [],
    savings: parts.savings ?? [],
    rates,
    training: [],
    baseCurrency: parts.baseCurrency,
    today: parts.today,
  };
}

/** A: Siti's formal salary Rp5,000,000 (March Rp4,500,000), E Rp3,300,000, savings Rp6,600,000. */
export function householdA(): DashboardInput {
  const salary = makeStream({ id: 'salary', kind: 'formal', memberId: 'siti' });
  return householdInput({
    streams: [salary],
    entries: [
      ...monthlyEntries(salary, {
        '2025-01': 500_000_000,
        '2025-02': 500_000_000,
        '2025-03': 450_000_000,
        '2025-04': 500_000_000,
        '2025-05': 500_000_000,
        '2025-06': 500_000_000,
      }),
      makeEntry(salary, '2025-07-01', 100_000_000),
    ],
    plans: [
      makePlan({ name: 'rent', amountMinor: 200_000_000, cadence: 'monthly' }),
      makePlan({ name: 'food', amountMinor: 30_000_000, cadence: 'weekly' }),
      makePlan({
        name: 'phone',
        category: 'digital',
        amountMinor: 5_000_000,
        fundedBy: ['formal'],
      }),
    ],
    savings: [makeSaving('2025-05-20', 660_000_000)],
    baseCurrency: 'IDR',
    today: '2025-07-10',
  });
}

/** B: salary, remittance, jeepney and micro-tasks in PHP; E ₱32,166.67; savings ₱48,250. */
export function householdB(): DashboardInput {
  const F = makeStream({
    id: 'ana-salary',
    kind: 'formal',
    memberId: 'ana',
    currency: 'PHP',
    expected: { amountMinor: 2_000_000, cadence: 'monthly', daysPerWeek: 5 },
  });
  const R = makeStream({
    id: 'ana-remittance',
    kind: 'support',
    memberId: 'ana',
    currency: 'PHP',
    expected: { amountMinor: 500_000, cadence: 'monthly', daysPerWeek: 5 },
  });
  const I = makeStream({ id: 'ben-jeepney', kind: 'informal', memberId: 'ben', currency: 'PHP' });
  const M = makeStream({
    id: 'cara-tasks',
    kind: 'microtask',
    memberId: 'cara',
    currency: 'PHP',
    platform: 'Remotasks',
  });
  const months = ['2024-11', '2024-12', '2025-01', '2025-02', '2025-03', '2025-04'];
  const series = (values: number[]) => Object.fromEntries(months.map((m, i) => [m, values[i]!]));
  return householdInput({
    streams: [F, R, I, M],
    entries: [
      ...monthlyEntries(
        F,
        series([2_000_000, 2_000_000, 2_000_000, 2_000_000, 2_000_000, 2_000_000]),
      ),
      ...monthlyEntries(R, series([500_000, 500_000, 500_000, 500_000, 500_000, 500_000])),
      ...monthlyEntries(I, series([800_000, 1_200_000, 400_000, 1_000_000, 600_000, 1_000_000])),
      ...monthlyEntries(M, series([300_000, 0, 500_000, 200_000, 400_000, 350_000])),
      makeEntry(M, '2025-04-28', 150_000, { status: 'pending' }),
    ],
    plans: [
      makePlan({ name: 'rent', currency: 'PHP', amountMinor: 1_500_000 }),
      makePlan({ name: 'food', currency: 'PHP', amountMinor: 350_000, cadence: 'weekly' }),
      makePlan({ name: 'utilities', currency: 'PHP', amountMinor: 2_400_000, cadence: 'yearly' }),
      makePlan({
        name: 'data plan',
        category: 'digital',
        currency: 'PHP',
        amountMinor: 250_000,
        fundedBy: ['microtask'],
      }),
    ],
    savings: [
      makeSaving('2025-01-15', 2_000_000, { currency: 'PHP' }),
      makeSaving('2025-03-31', 4_825_000, { currency: 'PHP' }),
    ],
    baseCurrency: 'PHP',
    today: '2025-05-03',
  });
}

/** C: Dewi's USD micro-tasks and IDR tutoring, E Rp1,500,000, no savings snapshot. */
export function householdC(): DashboardInput {
  const tasks = makeStream({
    id: 'dewi-tasks',
    kind: 'microtask',
    memberId: 'dewi',
    currency: 'USD',
    platform: 'Remotasks',
  });
  const tutoring = makeStream({
    id: 'dewi-tutoring',
    kind: 'informal',
    memberId: 'dewi',
    startedOn: '2024-06-01',
  });
  const rates = [
    makeRate('USD', '2024-01-01', '15500'),
    makeRate('USD', '2024-05-01', '16000'),
    makeRate('USD', '2024-09-15', '16500'),
  ];
  const minutes = { paidMinutes: 600, unpaidMinutes: 150 };
  const usd: Record<string, number> = {
    '2024-01': 12_000,
    '2024-02': 8_000,
    '2024-03': 15_000,
    '2024-04': 5_000,
    '2024-05': 10_000,
    '2024-06': 14_000,
    '2024-07': 2_000,
    '2024-08': 11_000,
    '2024-10': 9_000,
    '2024-11': 13_000,
    '2024-12': 10_000,
  };
  return householdInput({
    streams: [tasks, tutoring],
    entries: [
      ...Object.entries(usd).map(([m, cents]) => makeEntry(tasks, `${m}-10`, cents, minutes)),
      makeEntry(tasks, '2024-09-14', 6_000, minutes),
      makeEntry(tasks, '2024-09-15', 6_000, minutes),
      ...['06', '07', '08', '09', '10', '11', '12'].map((mm) =>
        makeEntry(tutoring, `2024-${mm}-20`, 50_000_000),
      ),
    ],
    plans: [
      makePlan({ name: 'room', amountMinor: 150_000_000 }),
      makePlan({
        name: 'data',
        category: 'digital',
        amountMinor: 10_000_000,
        fundedBy: ['microtask'],
      }),
    ],
    rates,
    baseCurrency: 'IDR',
    today: '2025-01-20',
  });
}

/**
 * D: household A with an arisan: 10 members, Rp500,000 a month from 10 March 2025, my turn #8
 * (10 October). Rounds 1–4 (March–June) paid on their day, and July's on 10 July (today).
 */
export function householdD(): DashboardInput & {
  groups: NonNullable<DashboardInput['groups']>;
  groupPayments: NonNullable<DashboardInput['groupPayments']>;
} {
  const at = '2025-03-01T00:00:00.000Z';
  const common = { createdAt: at, updatedAt: at, deletedAt: null, isSample: false };
  const arisan = {
    ...common,
    id: '0a0a0a0a-0000-4000-8000-00000000000d',
    name: 'Arisan RT 05',
    members: 10,
    contributionMinor: 50_000_000,
    currency: 'IDR',
    cadence: 'monthly' as const,
    startsOn: '2025-03-10',
    turnRule: 'fixed' as const,
    myTurn: 8,
    bidMinor: 0,
    note: '',
  };
  const groupPayments = ['2025-03-10', '2025-04-10', '2025-05-10', '2025-06-10', '2025-07-10'].map(
    (dueOn, i) => ({
      ...common,
      id: `0a0a0a0a-0000-4000-8000-0000000001${String(i).padStart(2, '0')}`,
      groupId: arisan.id,
      kind: 'contribution' as const,
      round: i + 1,
      dueOn,
      date: dueOn,
      amountMinor: 50_000_000,
      currency: 'IDR',
      note: '',
    }),
  );
  return { ...householdA(), groups: [arisan], groupPayments };
}

/**
 * E: Rosa's salary ₱9,000 a month, rent ₱8,000, a ₱12,000 paylater plan in 6 monthly instalments
 * of ₱2,000 from 15 April 2025, savings ₱15,000 (debt-reference.test.ts computes it by hand).
 */
export function householdE(): DashboardInput & { debts: Debt[]; repayments: Repayment[] } {
  const salary = makeStream({
    id: 'rosa-salary',
    kind: 'formal',
    memberId: 'rosa',
    currency: 'PHP',
    expected: { amountMinor: 900_000, cadence: 'monthly', daysPerWeek: 5 },
    payDay: { cadence: 'monthly', day: 25 },
  });
  const at = '2025-01-01T00:00:00.000Z';
  const paylater: Debt = {
    id: 'paylater',
    createdAt: at,
    updatedAt: at,
    deletedAt: null,
    counterparty: 'Hulugan App',
    kind: 'paylater',
    direction: 'we-owe',
    amountMinor: 1_200_000,
    currency: 'PHP',
    date: '2025-03-15',
    schedule: { count: 6, amountMinor: 200_000, cadence: 'monthly', firstDue: '2025-04-15' },
    forgivenOn: null,
    note: '',
    isSample: false,
  };
  const repayments: Repayment[] = ['2025-04-15', '2025-05-15', '2025-06-15'].map((dueOn) => ({
    id: `repay-${dueOn}`,
    createdAt: at,
    updatedAt: at,
    deletedAt: null,
    debtId: 'paylater',
    dueOn,
    date: dueOn,
    amountMinor: 200_000,
    currency: 'PHP',
    note: '',
    isSample: false,
  }));
  return {
    ...householdInput({
      streams: [salary],
      entries: monthlyEntries(salary, {
        '2025-01': 900_000,
        '2025-02': 900_000,
        '2025-03': 900_000,
        '2025-04': 900_000,
        '2025-05': 900_000,
        '2025-06': 900_000,
      }),
      plans: [
        makePlan({ name: 'rent', amountMinor: 800_000, cadence: 'monthly', currency: 'PHP' }),
      ],
      savings: [makeSaving('2025-05-20', 1_500_000, { currency: 'PHP' })],
      baseCurrency: 'PHP',
      today: '2025-07-10',
    }),
    debts: [paylater],
    repayments,
  };
}

/**
 * F: issue 25's combined household (reference-households-f.test.ts computes it by hand). Rosa's
 * salary ₱11,000 a month (pay day 25), rent ₱8,000, a ₱12,000 paylater plan in 6 monthly
 * instalments of ₱2,000 from 15 April 2025 (April–June repaid), a paluwagan of 10 × ₱2,000 a
 * month from 20 January 2025 with my turn #8 (20 August; rounds January–June paid, so before my
 * turn), savings ₱6,000 on 30 June. Today is 10 July 2025. Amounts are centavos.
 */
export function householdF(): DashboardInput & {
  debts: Debt[];
  repayments: Repayment[];
  groups: NonNullable<DashboardInput['groups']>;
  groupPayments: NonNullable<DashboardInput['groupPayments']>;
} {
  const salary = makeStream({
    id: 'rosa-salary',
    kind: 'formal',
    memberId: 'rosa',
    currency: 'PHP',
    expected: { amountMinor: 1_100_000, cadence: 'monthly', daysPerWeek: 5 },
    payDay: { cadence: 'monthly', day: 25 },
  });
  const at = '2025-01-01T00:00:00.000Z';
  const common = { createdAt: at, updatedAt: at, deletedAt: null, isSample: false };
  const paylater: Debt = {
    ...common,
    id: 'paylater-f',
    counterparty: 'Hulugan App',
    kind: 'paylater',
    direction: 'we-owe',
    amountMinor: 1_200_000,
    currency: 'PHP',
    date: '2025-03-15',
    schedule: { count: 6, amountMinor: 200_000, cadence: 'monthly', firstDue: '2025-04-15' },
    forgivenOn: null,
    note: '',
  };
  const repayments: Repayment[] = ['2025-04-15', '2025-05-15', '2025-06-15'].map((dueOn) => ({
    ...common,
    id: `repay-f-${dueOn}`,
    debtId: paylater.id,
    dueOn,
    date: dueOn,
    amountMinor: 200_000,
    currency: 'PHP',
    note: '',
  }));
  const paluwagan = {
    ...common,
    id: '0a0a0a0a-0000-4000-8000-00000000000f',
    name: 'Paluwagan sa opisina',
    members: 10,
    contributionMinor: 200_000,
    currency: 'PHP',
    cadence: 'monthly' as const,
    startsOn: '2025-01-20',
    turnRule: 'fixed' as const,
    myTurn: 8,
    bidMinor: 0,
    note: '',
  };
  const months = ['01', '02', '03', '04', '05', '06'];
  const groupPayments = months.map((m, i) => ({
    ...common,
    id: `0a0a0a0a-0000-4000-8000-0000000003${String(i).padStart(2, '0')}`,
    groupId: paluwagan.id,
    kind: 'contribution' as const,
    round: i + 1,
    dueOn: `2025-${m}-20`,
    date: `2025-${m}-20`,
    amountMinor: 200_000,
    currency: 'PHP',
    note: '',
  }));
  return {
    ...householdInput({
      streams: [salary],
      entries: monthlyEntries(
        salary,
        Object.fromEntries(months.map((m) => [`2025-${m}`, 1_100_000])),
      ),
      plans: [
        makePlan({ name: 'rent', amountMinor: 800_000, cadence: 'monthly', currency: 'PHP' }),
      ],
      savings: [makeSaving('2025-06-30', 600_000, { currency: 'PHP' })],
      baseCurrency: 'PHP',
      today: '2025-07-10',
    }),
    debts: [paylater],
    repayments,
    groups: [paluwagan],
    groupPayments,
  };
}
