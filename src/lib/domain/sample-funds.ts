/**
 * The big date of each sample household, with money already set aside from its last two salary
 * payouts: Lebaran with the THR (Indonesia), Christmas with the 13th-month pay (the
 * Philippines), Tết (Vietnam). The date is the next one after today, so the fund is always ahead.
 */
import { addDaysIso, compareIso } from './dates';
import type { Entry, Fund, IsoDate, SetAside } from './model';
import type { SampleCountry } from './sample-country';

/** Lebaran (Idul Fitri, 1 Syawal) and Tết (Lunar New Year) as the calendars fix them. */
const LEBARAN = ['2026-03-20', '2027-03-10', '2028-02-27', '2029-02-15', '2030-02-05'];
const TET = ['2026-02-17', '2027-02-06', '2028-01-26', '2029-02-13', '2030-02-03'];

interface BigDate {
  /** The name, in the country's language, with the year added. */
  name: string;
  dates: (today: IsoDate) => IsoDate[];
  /** Whole local units. */
  target: number;
  /** Set aside from each of the last two salary payouts, whole local units. */
  each: number;
  note: string;
}

const christmas = (today: IsoDate): IsoDate[] => {
  const year = Number(today.slice(0, 4));
  return [`${year}-12-25`, `${year + 1}-12-25`];
};

const BIG_DATES: Record<SampleCountry, BigDate> = {
  ID: {
    name: 'Lebaran',
    dates: () => LEBARAN,
    target: 6_000_000,
    each: 600_000,
    note: 'Mudik dan baju baru; THR menutup sisanya',
  },
  PH: {
    name: 'Pasko',
    dates: christmas,
    target: 20_000,
    each: 2_000,
    note: 'Noche Buena at regalo; dagdag ang 13th month pay',
  },
  VN: {
    name: 'Tết',
    dates: () => TET,
    target: 6_000_000,
    each: 1_000_000,
    note: 'Về quê, lì xì và mâm cỗ',
  },
};

/** The first date after today, else a date 90 days ahead (past the end of the table). */
function nextDate(dates: readonly IsoDate[], today: IsoDate): IsoDate {
  return dates.find((d) => d > today) ?? addDaysIso(today, 90);
}

export function sampleFunds(input: {
  country: SampleCountry;
  today: IsoDate;
  base: { createdAt: string; updatedAt: string; deletedAt: null; isSample: true };
  uuid: () => string;
  currency: string;
  unit: number;
  /** The salary's entries: the last two received by today give the money set aside. */
  salaryEntries: readonly Entry[];
}): { funds: Fund[]; setAsides: SetAside[] } {
  const big = BIG_DATES[input.country];
  const dueOn = nextDate(big.dates(input.today), input.today);
  const fund: Fund = {
    ...input.base,
    id: input.uuid(),
    name: `${big.name} ${dueOn.slice(0, 4)}`,
    targetMinor: big.target * input.unit,
    currency: input.currency,
    dueOn,
    note: big.note,
  };
  const paid = input.salaryEntries
    .filter(
      (e) => e.status === 'received' && e.date <= input.today && e.currency === input.currency,
    )
    .sort((a, b) => compareIso(a.date, b.date))
    .slice(-2);
  const setAsides: SetAside[] = paid.map((entry) => ({
    ...input.base,
    id: input.uuid(),
    fundId: fund.id,
    entryId: entry.id,
    date: entry.date,
    amountMinor: Math.min(big.each * input.unit, entry.amountMinor),
    currency: input.currency,
  }));
  return { funds: [fund], setAsides };
}
