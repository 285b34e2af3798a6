/**
 * CSV export of the live payments (bills paid), oldest first, in the same dialect as the
 * entries' export (csv-export.ts): UTF-8 with a BOM, CRLF, cells guarded against formula
 * injection. Payments are a few per month, so they are read whole.
 */
import { baseMinorOrNull, liveRates } from '../../domain/base-amount';
import { todayIso } from '../../domain/dates';
import type { Payment } from '../../domain/model';
import { minorToDecimalString } from '../../domain/money';
import { readTransaction } from '../repo/transaction';
import { fileSlug } from './backup-format';
import type { CsvExport } from './csv-export';
import { CSV_BOM, csvLine } from './csv-format';

export const PAYMENT_CSV_COLUMNS = [
  'plan',
  'category',
  'due_on',
  'date',
  'amount',
  'currency',
  'base_amount',
  'base_currency',
  'note',
] as const;
export type PaymentCsvColumn = (typeof PAYMENT_CSV_COLUMNS)[number];

/** `anyam-<household>-payments-<date>.csv` */
export function paymentsCsvFileName(householdName: string, date: string): string {
  return `anyam-${fileSlug(householdName)}-payments-${date}.csv`;
}

/**
 * The order of the payments in the file, a consistent total order: the oldest date first, then
 * by id, so payments of one day come out the same on every phone whatever order they are read in.
 */
export function comparePayments(a: Payment, b: Payment): number {
  if (a.date < b.date) return -1;
  if (a.date > b.date) return 1;
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

export async function exportPaymentsCsv(
  options: {
    headers?: Partial<Record<PaymentCsvColumn, string>>;
    now?: Date;
    /** A stored name as the person reads it (CsvExportOptions.names says why). */
    names?: (stored: string) => string;
  } = {},
): Promise<CsvExport> {
  const name = options.names ?? ((stored: string) => stored);
  return readTransaction(['settings', 'plans', 'payments', 'rates'], async (db) => {
    const [settings, plans, payments, rates] = await Promise.all([
      db.settings.toCollection().first(),
      db.plans.toArray(),
      db.payments.toArray(),
      db.rates.toArray(),
    ]);
    const baseCurrency = settings?.baseCurrency ?? '';
    const inForce = liveRates(rates);
    const planById = new Map(plans.map((p) => [p.id, p]));
    const live = payments.filter((p) => p.deletedAt === null).sort(comparePayments);
    const parts = [CSV_BOM, csvLine(PAYMENT_CSV_COLUMNS.map((c) => options.headers?.[c] ?? c))];
    for (const p of live) {
      const plan = planById.get(p.planId);
      const base = baseCurrency
        ? baseMinorOrNull(p.amountMinor, p.currency, baseCurrency, p.date, inForce)
        : null;
      const cells: Record<PaymentCsvColumn, string> = {
        plan: name(plan?.name ?? ''),
        category: plan?.category ?? '',
        due_on: p.dueOn,
        date: p.date,
        amount: minorToDecimalString(p.amountMinor, p.currency),
        currency: p.currency,
        // Empty, never 0, when no rate is in force.
        base_amount: base === null ? '' : minorToDecimalString(base, baseCurrency),
        base_currency: base === null ? '' : baseCurrency,
        note: p.note,
      };
      parts.push(csvLine(PAYMENT_CSV_COLUMNS.map((c) => cells[c])));
    }
    return {
      filename: paymentsCsvFileName(name(settings?.householdName ?? ''), todayIso(options.now)),
      mimeType: 'text/csv;charset=utf-8' as const,
      text: parts.join(''),
      rows: live.length,
    };
  });
}
