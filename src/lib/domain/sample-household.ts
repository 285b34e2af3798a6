/**
 * "Try a sample household": a realistic household of the person's own country (Indonesia, the
 * Philippines or Vietnam) with 18 months of history, built only
 * when the person asks for it. Every record carries isSample so that one tap removes exactly these
 * records and never a real one.
 */
import type {
  Entry,
  HouseholdTables,
  IsoDate,
  Member,
  MonthKey,
  PayDay,
  Payment,
  Place,
  Plan,
  Rate,
  Saving,
  Skip,
  Stream,
  StreamKind,
  Training,
} from './model';
import {
  addMonths,
  daysInMonth,
  firstDayOf,
  inProgressMonth,
  lastDayOf,
  monthRange,
} from './months';
import { planOccurrences } from './occurrences';
import { createRng } from './random';
import { sampleLabelToken, samplePersonToken } from './sample-names';
import { sampleCountry, type SampleCountry } from './sample-country';
import { PROFILES } from './sample-profiles';
import { sampleRates } from './sample-rates';
import { withSampleArrivals } from './sample-arrivals';
import { sampleDebts } from './sample-debts';
import { sampleFunds } from './sample-funds';
import { sampleGroup } from './sample-groups';

const HISTORY_MONTHS = 18;

/** Sample tables (no settings row: the household's own settings stay as they are). */
export type SampleTables = Omit<HouseholdTables, 'settings'>;

export function buildSampleHousehold(
  today: IsoDate,
  now: string,
  baseCurrency = 'IDR',
  // Stryker disable next-line StringLiteral: no language: any text that is not id, fil or vi gives the same country
  country: SampleCountry = sampleCountry(baseCurrency, ''),
): SampleTables {
  const profile = PROFILES[country];
  const local = profile.currency;
  /** Whole local units to minor units. */
  const u = (whole: number): number => Math.round(whole * profile.unit);
  const label = sampleLabelToken;
  const rng = createRng(20260101);
  const base = { createdAt: now, updatedAt: now, deletedAt: null, isSample: true } as const;
  const current = inProgressMonth(today);
  const months = monthRange(addMonths(current, -HISTORY_MONTHS), current);
  const firstDay = `${months[0]}-01`;

  const member = (name: string, role: Member['role'], color: string): Member => ({
    ...base,
    id: rng.uuid(),
    name: samplePersonToken(name),
    role,
    color,
    archived: false,
  });
  const [first, second, youth] = profile.people;
  const adults = [member(first, 'adult', '#0f5c4d'), member(second, 'adult', '#b5482a')] as const;
  const dewi = member(youth, 'youth', '#3b5bdb');
  const earner = adults[profile.salaryEarner];
  const other = adults[1 - profile.salaryEarner]!;
  const members = [...adults, dewi];

  const stream = (
    owner: Member,
    name: string,
    kind: StreamKind,
    platform: string,
    currency: string,
    amountMinor: number,
    cadence: Stream['expected']['cadence'],
    payDay: PayDay | null = null,
  ): Stream => ({
    ...base,
    id: rng.uuid(),
    memberId: owner.id,
    name,
    kind,
    platform,
    currency,
    expected: { amountMinor, cadence, daysPerWeek: 6 },
    startedOn: firstDay,
    endedOn: null,
    payDay,
    archived: false,
  });
  const salary = stream(
    earner,
    label(profile.salaryKey),
    'formal',
    profile.employer,
    local,
    u(profile.salary),
    'monthly',
    { cadence: 'monthly', day: 25 },
  );
  const informal = stream(
    other,
    label(profile.informal.key),
    'informal',
    profile.informal.platform,
    local,
    0,
    'irregular',
  );
  const [platformA, platformB] = profile.platforms;
  const tagging = stream(
    dewi,
    label('imageTagging'),
    'microtask',
    platformA,
    'USD',
    0,
    'irregular',
  );
  const annotation = stream(
    dewi,
    label('dataAnnotation'),
    'microtask',
    platformB,
    'USD',
    0,
    'irregular',
  );
  const remittance = stream(
    earner,
    label(profile.remittanceKey),
    'support',
    '',
    local,
    u(Math.round((profile.remittance[0] + profile.remittance[1]) / 2)),
    'monthly',
    { cadence: 'monthly', day: 5 },
  );
  const streams = [salary, informal, tagging, annotation, remittance];

  const entries: Entry[] = [];
  const entry = (
    s: Stream,
    date: IsoDate,
    amountMinor: number,
    paidMinutes = 0,
    unpaidMinutes = 0,
    status: Entry['status'] = 'received',
  ): void => {
    entries.push({
      ...base,
      id: rng.uuid(),
      streamId: s.id,
      memberId: s.memberId,
      date,
      amountMinor,
      currency: s.currency,
      status,
      paidMinutes,
      unpaidMinutes,
      note: '',
    });
  };
  const day = (month: MonthKey, d: number): IsoDate => `${month}-${String(d).padStart(2, '0')}`;

  months.forEach((month, index) => {
    const lastDay = month === current ? Number(today.slice(8, 10)) : daysInMonth(month);
    // A raise after a year, as factory and call-centre wages do.
    const raise = index >= 12 ? Math.round(profile.salary * 0.06) : 0;
    if (lastDay >= 25) entry(salary, day(month, 25), u(roundTo(profile.salary + raise, local)));
    // The remittance skips two months, as remittances do when the sender's job stalls.
    if (lastDay >= 5 && index !== 6 && index !== 7) {
      const [low, high] = profile.remittance;
      entry(remittance, day(month, 5), u(roundTo(rng.int(low, high), local)));
    }
    for (let week = 0; week * 7 + 7 <= lastDay; week++) {
      // Slow weeks and busy weeks both happen in informal work.
      const [low, high] = profile.informal.weekly;
      entry(informal, day(month, week * 7 + 7), u(roundTo(rng.int(low, high), local)));
    }
    for (let d = 2; d <= lastDay; d += rng.int(2, 4)) {
      const platform = rng.bool(0.55) ? tagging : annotation;
      const paid = rng.int(30, 110);
      const unpaid = Math.round(paid * (rng.int(15, 45) / 100));
      const centsPerHour = platform === tagging ? rng.int(180, 260) : rng.int(250, 380);
      const pending = month === current && d > lastDay - 7;
      entry(
        platform,
        day(month, d),
        Math.round((centsPerHour * paid) / 60),
        paid,
        unpaid,
        pending ? 'pending' : 'received',
      );
    }
  });

  const plan = (
    name: string,
    category: Plan['category'],
    amountMinor: number,
    cadence: Plan['cadence'],
    fundedBy: StreamKind[],
    memberId: string | null = null,
    dueDay = 1,
  ): Plan => ({
    ...base,
    id: rng.uuid(),
    name,
    category,
    amountMinor,
    currency: local,
    cadence,
    dueOn: day(months[0]!, dueDay),
    memberId,
    fundedBy,
  });
  const p = profile.plans;
  const plans = [
    plan(label('rent'), 'essential', u(p.rent), 'monthly', ['formal']),
    plan(label('food'), 'essential', u(p.food), 'monthly', ['formal', 'informal']),
    plan(label('utilities'), 'essential', u(p.utilities), 'monthly', ['informal']),
    plan(label('schoolFees'), 'essential', u(p.schoolFees), 'yearly', ['support'], dewi.id),
    plan(label('dataPlan'), 'digital', u(p.dataPlan), 'monthly', ['microtask'], dewi.id, 20),
    plan(label('streaming'), 'digital', u(p.streaming), 'monthly', ['microtask'], dewi.id, 12),
  ];

  // Every bill paid on its day up to today, except this month's data plan: one bill left to show.
  const dataPlan = plans[4]!;
  const payments: Payment[] = [];
  for (const bill of plans) {
    for (const dueOn of planOccurrences(bill, firstDayOf(months[0]!), lastDayOf(current))) {
      if (dueOn > today || (bill === dataPlan && dueOn >= firstDayOf(current))) continue;
      payments.push({
        ...base,
        id: rng.uuid(),
        planId: bill.id,
        dueOn,
        date: dueOn,
        amountMinor: bill.amountMinor,
        currency: bill.currency,
        note: '',
      });
    }
  }

  // Where the household keeps its money. Each quarter's total is split among them, so the buffer
  // is what it was when the sample had one snapshot per quarter.
  const place = (name: string, kind: Place['kind']): Place => ({
    ...base,
    id: rng.uuid(),
    name,
    kind,
    currency: local,
  });
  const places = [
    place(label('cashAtHome'), 'cash'),
    place(label('bankAccount'), 'bank'),
    place(label('savingsGroup'), 'group'),
  ];
  const savings: Saving[] = months
    .filter((_, i) => i % 3 === 2)
    .flatMap((month, i) => {
      const total = u(profile.savingsStart + i * profile.savingsStep);
      const start = profile.savingsStart;
      const cash = u(Math.round(start / 12 + (i * start) / 60));
      const group = u(Math.round(start / 6 + (i * start) / 20));
      return [
        [places[0]!, cash],
        [places[1]!, total - cash - group],
        [places[2]!, group],
      ].map(([p, amountMinor]) => ({
        ...base,
        id: rng.uuid(),
        placeId: (p as Place).id,
        date: day(month, 28),
        amountMinor: amountMinor as number,
        currency: local,
        note: '',
      }));
    });

  const rate = (currency: string, date: IsoDate, value: string): Rate => ({
    ...base,
    id: rng.uuid(),
    currency,
    date,
    value,
  });
  const rateDates = [firstDay, day(months[6]!, 1), day(months[13]!, 1)];
  const rates = sampleRates(baseCurrency, [local, 'USD'], rateDates).map((r) =>
    rate(r.currency, r.date, r.value),
  );

  const training: Training[] = [
    {
      ...base,
      id: rng.uuid(),
      memberId: dewi.id,
      title: label('course'),
      date: day(months[9]!, 10),
      hours: 6,
      costMinor: u(profile.course),
      currency: local,
      note: '',
    },
  ];

  // The two months the remittance did not come, answered "not this time".
  const skips: Skip[] = [6, 7].map((i) => ({
    ...base,
    id: rng.uuid(),
    kind: 'stream',
    sourceId: remittance.id,
    dueOn: day(months[i]!, 5),
  }));

  const bank = places[1]!;
  const arrivals = { today, tagging, bank, rates, baseCurrency };
  entries.splice(0, entries.length, ...withSampleArrivals(entries, arrivals));
  const { funds, setAsides } = sampleFunds({
    ...{ country, today, base, uuid: () => rng.uuid(), currency: local, unit: profile.unit },
    salaryEntries: entries.filter((e) => e.streamId === salary.id),
  });
  const groups = sampleGroup(country, today, now);
  return {
    ...{ members, streams, entries, plans, places, savings, rates, training, payments, skips },
    ...{ funds, setAsides },
    ...groups,
    ...sampleDebts(country, today, now),
  };
}

/** Whole units of a currency that amounts are rounded to: đồng and rupiah by the thousand. */
function roundTo(whole: number, currency: string): number {
  const step = currency === 'PHP' ? 10 : 1_000;
  return Math.round(whole / step) * step;
}
