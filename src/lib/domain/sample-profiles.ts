/**
 * The three countries a sample household can come from, and what a household there looks like:
 * people, employers, platforms (invented names) and amounts in whole units of the local currency.
 */
import type { SampleLabelKey } from './sample-names';

/** The three households a sample can be: one per country Anyam is made for. */
import type { SampleCountry } from './sample-country';

/**
 * One country's household: people, employers, platforms (invented names) and amounts in whole
 * units of the local currency, as a family there might see them.
 */
export interface CountryProfile {
  currency: string;
  /** Minor units per whole unit of `currency` (IDR and PHP 100, VND 1). */
  unit: number;
  people: readonly [adult1: string, adult2: string, youth: string];
  employer: string;
  salaryKey: SampleLabelKey;
  remittanceKey: SampleLabelKey;
  salary: number;
  /** Who earns the salary: 0 or 1 (the first or second adult). */
  salaryEarner: 0 | 1;
  informal: { key: SampleLabelKey; platform: string; weekly: readonly [number, number] };
  remittance: readonly [number, number];
  platforms: readonly [string, string];
  plans: {
    rent: number;
    food: number;
    utilities: number;
    schoolFees: number;
    dataPlan: number;
    streaming: number;
  };
  savingsStart: number;
  savingsStep: number;
  course: number;
}

export const PROFILES: Record<SampleCountry, CountryProfile> = {
  ID: {
    currency: 'IDR',
    unit: 100,
    people: ['Budi', 'Sari', 'Dewi'],
    employer: 'PT Sinar Tekstil',
    salaryKey: 'salary',
    remittanceKey: 'remittance',
    salary: 5_200_000,
    salaryEarner: 0,
    informal: { key: 'warung', platform: '', weekly: [700_000, 1_400_000] },
    remittance: [1_200_000, 1_700_000],
    platforms: ['TagPoint', 'LabelHive'],
    plans: {
      rent: 1_800_000,
      food: 3_200_000,
      utilities: 450_000,
      schoolFees: 4_200_000,
      dataPlan: 150_000,
      streaming: 55_000,
    },
    savingsStart: 6_000_000,
    savingsStep: 900_000,
    course: 150_000,
  },
  PH: {
    currency: 'PHP',
    unit: 100,
    people: ['Jose', 'Maricel', 'Ana'],
    employer: 'Bayside Contact Center',
    salaryKey: 'callCentreSalary',
    remittanceKey: 'remittanceDubai',
    salary: 18_500,
    salaryEarner: 0,
    informal: { key: 'sariSari', platform: '', weekly: [2_500, 5_500] },
    remittance: [6_000, 9_000],
    platforms: ['TaskIsla', 'PixelTala'],
    plans: {
      rent: 6_500,
      food: 12_000,
      utilities: 2_800,
      schoolFees: 18_000,
      dataPlan: 299,
      streaming: 149,
    },
    savingsStart: 20_000,
    savingsStep: 3_000,
    course: 500,
  },
  VN: {
    currency: 'VND',
    unit: 1,
    people: ['Minh', 'Lan', 'Huy'],
    employer: 'Công ty May Sông Hàn',
    salaryKey: 'salary',
    remittanceKey: 'remittanceBusan',
    salary: 8_500_000,
    salaryEarner: 1,
    informal: { key: 'rideHailing', platform: 'XeNhanh', weekly: [1_200_000, 2_600_000] },
    remittance: [2_500_000, 4_000_000],
    platforms: ['GánNhãn', 'DataMây'],
    plans: {
      rent: 4_000_000,
      food: 7_500_000,
      utilities: 1_100_000,
      schoolFees: 6_000_000,
      dataPlan: 120_000,
      streaming: 70_000,
    },
    savingsStart: 15_000_000,
    savingsStep: 2_500_000,
    course: 400_000,
  },
};
