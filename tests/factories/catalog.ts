/**
 * Plausible values for generated households: names, platforms and amount scales per currency, so
 * that sample data reads like a real household in Indonesia, the Philippines or Vietnam.
 */
import { currencyExponent } from '../../src/lib/domain/money';
import type { MinorUnits } from '../../src/lib/domain/model';
import type { Rng } from './rng';

/** Approximate units of each currency per US dollar (mid-2020s); unknown currencies count as 1. */
export const PER_USD: Readonly<Record<string, number>> = {
  IDR: 16250,
  PHP: 57,
  VND: 25400,
  USD: 1,
};

export function perUsd(currency: string): number {
  return PER_USD[currency] ?? 1;
}

/** Amounts are rounded like real prices: rupiah to 500, dong to 1,000, others to the cent. */
const MAJOR_STEP: Readonly<Record<string, number>> = { IDR: 500, VND: 1000 };

/** A random amount worth between usdMin and usdMax US dollars, in minor units of `currency`. */
export function amountFor(rng: Rng, currency: string, usdMin: number, usdMax: number): MinorUnits {
  const scale = 10 ** currencyExponent(currency);
  const usd = usdMin + rng.next() * (usdMax - usdMin);
  const major = usd * perUsd(currency);
  const step = MAJOR_STEP[currency];
  if (step !== undefined) return Math.max(1, Math.round(major / step)) * step * scale;
  return Math.max(1, Math.round(major * scale));
}

export const NAMES: Readonly<Record<string, readonly string[]>> = {
  IDR: ['Siti', 'Budi', 'Dewi', 'Agus', 'Rina', 'Wayan', 'Putri', 'Eko', 'Nur', 'Joko'],
  PHP: ['Maria', 'Jose', 'Ana', 'Juan', 'Liza', 'Paolo', 'Grace', 'Ramon', 'Joy', 'Dante'],
  VND: ['Lan', 'Minh', 'Hoa', 'Tuấn', 'Mai', 'Hùng', 'Thảo', 'Dũng', 'Linh', 'Nam'],
};
export const ALL_NAMES: readonly string[] = Object.values(NAMES).flat();

export const COLORS = ['#2f6f4e', '#b5523b', '#3d5a99', '#c08a1e', '#7a3f86', '#1f7a80'] as const;

export const PLATFORMS = ['Remotasks', 'Toloka', 'Appen', 'Clickworker', 'Upwork'] as const;
export const EMPLOYERS = ['Koperasi Maju', 'SM Supermalls', 'Pho Hanoi', 'City Hall', 'Grab'];

export const STREAM_NAMES = {
  formal: ['Salary', 'Shop wages', 'Teaching job'],
  informal: ['Food stall', 'Tailoring', 'Motorbike taxi', 'Laundry service'],
  microtask: ['Image labelling', 'Survey tasks', 'Transcription'],
  support: ['Remittance', 'Family support', 'Social assistance'],
} as const;

export const NOTES = ['Paid late', 'Bonus', 'Rainy day, few customers', 'Holiday rush', 'Cash'];

export const TRAININGS = ['Bookkeeping basics', 'English course', 'Data annotation', 'Sewing'];

/** A UTC timestamp on `date` with no clock involved, in the exact toISOString shape. */
export function stamp(date: string, secondOfDay: number): string {
  const s = Math.max(0, Math.min(86_399, Math.floor(secondOfDay)));
  const hh = String(Math.floor(s / 3600)).padStart(2, '0');
  const mm = String(Math.floor((s % 3600) / 60)).padStart(2, '0');
  const ss = String(s % 60).padStart(2, '0');
  return `${date}T${hh}:${mm}:${ss}.000Z`;
}
