/**
 * "Try a sample household": a realistic Indonesian household with 18 months of history, built only
 * when the person asks for it. Every record carries isSample so that one tap removes exactly these
 * records and never a real one.
 */
import type {
  Entry,
  HouseholdTables,
  IsoDate,
  Member,
  MonthKey,
  Place,
  Plan,
  Rate,
  Saving,
  Stream,
  StreamKind,
  Training,
} from './model';
import { addMonths, daysInMonth, inProgressMonth, monthRange } from './months';
import { createRng } from './random';

const HISTORY_MONTHS = 18;

/** Sample tables (no settings row: the household's own settings stay as they are). */
export type SampleTables = Omit<HouseholdTables, 'settings'>;

/** The descriptive names, translated by the caller; people's and companies' names stay as they are. */
export interface SampleLabels {
  /** Appended to each person's name, e.g. "(sample)". */
  sampleSuffix: string;
  salary: string;
  warung: string;
  imageTagging: string;
  dataAnnotation: string;
  remittance: string;
  rent: string;
  food: string;
  utilities: string;
  schoolFees: string;
  dataPlan: string;
  streaming: string;
  course: string;
  /** Savings places. */
  cashAtHome: string;
  bankAccount: string;
  savingsGroup: string;
}

export function buildSampleHousehold(
  today: IsoDate,
  now: string,
  labels: SampleLabels,
  baseCurrency = 'IDR',
): SampleTables {
  const rng = createRng(20260101);
  const base = { createdAt: now, updatedAt: now, deletedAt: null, isSample: true } as const;
  const current = inProgressMonth(today);
  const months = monthRange(addMonths(current, -HISTORY_MONTHS), current);
  const firstDay = `${months[0]}-01`;

  const member = (name: string, role: Member['role'], color: string): Member => ({
    ...base,
    id: rng.uuid(),
    name: `${name} ${labels.sampleSuffix}`,
    role,
    color,
    archived: false,
  });
  const budi = member('Budi', 'adult', '#0f5c4d');
  const sari = member('Sari', 'adult', '#b5482a');
  const dewi = member('Dewi', 'youth', '#3b5bdb');
  const members = [budi, sari, dewi];

  const stream = (
    owner: Member,
    name: string,
    kind: StreamKind,
    platform: string,
    currency: string,
    amountMinor: number,
    cadence: Stream['expected']['cadence'],
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
    archived: false,
  });
  const salary = stream(
    budi,
    labels.salary,
    'formal',
    'PT Sinar Tekstil',
    'IDR',
    5_200_000_00,
    'monthly',
  );
  const warung = stream(sari, labels.warung, 'informal', '', 'IDR', 180_000_00, 'daily');
  const tagging = stream(dewi, labels.imageTagging, 'microtask', 'TagPoint', 'USD', 0, 'irregular');
  const annotation = stream(
    dewi,
    labels.dataAnnotation,
    'microtask',
    'LabelHive',
    'USD',
    0,
    'irregular',
  );
  const remittance = stream(budi, labels.remittance, 'support', '', 'IDR', 1_500_000_00, 'monthly');
  const streams = [salary, warung, tagging, annotation, remittance];

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
    if (lastDay >= 25) entry(salary, day(month, 25), 5_200_000_00 + (index >= 12 ? 300_000_00 : 0));
    // The remittance skips two months, as remittances do when the sender's job stalls.
    if (lastDay >= 5 && index !== 6 && index !== 7) {
      entry(remittance, day(month, 5), rng.int(12, 17) * 100_000_00);
    }
    for (let week = 0; week * 7 + 7 <= lastDay; week++) {
      // Ramadan-like slow weeks and busy weeks both happen at the warung.
      entry(warung, day(month, week * 7 + 7), rng.int(700, 1_400) * 1_000_00);
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
  ): Plan => ({
    ...base,
    id: rng.uuid(),
    name,
    category,
    amountMinor,
    currency: 'IDR',
    cadence,
    dueOn: day(months[0]!, 1),
    memberId,
    fundedBy,
  });
  const plans = [
    plan(labels.rent, 'essential', 1_800_000_00, 'monthly', ['formal']),
    plan(labels.food, 'essential', 3_200_000_00, 'monthly', ['formal', 'informal']),
    plan(labels.utilities, 'essential', 450_000_00, 'monthly', ['informal']),
    plan(labels.schoolFees, 'essential', 4_200_000_00, 'yearly', ['support'], dewi.id),
    plan(labels.dataPlan, 'digital', 150_000_00, 'monthly', ['microtask'], dewi.id),
    plan(labels.streaming, 'digital', 55_000_00, 'monthly', ['microtask'], dewi.id),
  ];

  // Where the household keeps its money. Each quarter's total (6.0 M, 6.9 M, … rupiah) is split
  // among them, so the buffer is what it was when the sample had one snapshot per quarter.
  const place = (name: string, kind: Place['kind']): Place => ({
    ...base,
    id: rng.uuid(),
    name,
    kind,
    currency: 'IDR',
  });
  const places = [
    place(labels.cashAtHome, 'cash'),
    place(labels.bankAccount, 'bank'),
    place(labels.savingsGroup, 'group'),
  ];
  const savings: Saving[] = months
    .filter((_, i) => i % 3 === 2)
    .flatMap((month, i) => {
      const total = (6_000_000 + i * 900_000) * 100;
      const cash = (500_000 + i * 100_000) * 100;
      const group = (1_000_000 + i * 300_000) * 100;
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
        currency: 'IDR',
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
  const rates = sampleRates(baseCurrency, [firstDay, day(months[6]!, 1), day(months[13]!, 1)]).map(
    (r) => rate(r.currency, r.date, r.value),
  );

  const training: Training[] = [
    {
      ...base,
      id: rng.uuid(),
      memberId: dewi.id,
      title: labels.course,
      date: day(months[9]!, 10),
      hours: 6,
      costMinor: 150_000_00,
      currency: 'IDR',
      note: '',
    },
  ];

  return { members, streams, entries, plans, places, savings, rates, training };
}

/** Rupiah per unit over the sample's three rate periods (approximate market rates, 2025–26). */
const IDR_PER_UNIT: Readonly<Record<string, readonly [string, string, string]>> = {
  IDR: ['1', '1', '1'],
  USD: ['15850', '16240', '16410.5'],
  PHP: ['276', '281', '284.5'],
  VND: ['0.62', '0.635', '0.64'],
};

/**
 * The rates the sample needs in the household's own base currency: its income is in IDR and
 * USD, so a household that chose PHP or VND at onboarding still sees every month converted.
 * For a base currency outside this table the months stay flagged until the person adds rates,
 * which is what Anyam does for any currency without a rate.
 */
function sampleRates(
  baseCurrency: string,
  dates: readonly IsoDate[],
): { currency: string; date: IsoDate; value: string }[] {
  const baseRates = IDR_PER_UNIT[baseCurrency];
  if (!baseRates) return [];
  const out: { currency: string; date: IsoDate; value: string }[] = [];
  for (const currency of ['IDR', 'USD']) {
    if (currency === baseCurrency) continue;
    dates.forEach((date, i) => {
      const value = Number(IDR_PER_UNIT[currency]![i]) / Number(baseRates[i]);
      // Twelve decimals, never exponent notation: rates are stored as plain decimal strings.
      out.push({ currency, date, value: value.toFixed(12).replace(/\.?0+$/, '') });
    });
  }
  return out;
}
