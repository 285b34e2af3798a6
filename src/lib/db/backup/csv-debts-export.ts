/**
 * CSV export of the debts and their repayments (issue 25), with the same guards as the other
 * exports (BOM, CRLF, formula injection: csv-format.ts). One row per debt (its amount, what is
 * left, its schedule, paid off or forgiven), then one per repayment, oldest first. An amount no
 * rate converts has an empty base amount, never 0. Small tables: read whole.
 */
import { baseMinorOrNull, liveRates } from '../../domain/base-amount';
import { todayIso, compareIso } from '../../domain/dates';
import { debtStatuses, type DebtStatus } from '../../domain/debts';
import { minorToDecimalString } from '../../domain/money';
import { readTransaction } from '../repo/transaction';
import { fileSlug } from './backup-format';
import type { CsvExport } from './csv-export';
import { CSV_BOM, csvLine } from './csv-format';

export const DEBTS_CSV_COLUMNS = [
  'row',
  'counterparty',
  'kind',
  'direction',
  'date',
  'amount',
  'currency',
  'left',
  'state',
  'instalments',
  'each',
  'cadence',
  'first_due',
  'due_on',
  'base_amount',
  'base_currency',
  'note',
] as const;

/**
 * The order of the debts in the file, a consistent total order: the oldest debt date first. Debts
 * of one date compare equal (0), so the stable sort keeps the order `debtStatuses` gives them.
 */
export function compareDebtStatuses(a: DebtStatus, b: DebtStatus): number {
  return compareIso(a.debt.date, b.debt.date);
}

export async function exportDebtsCsv(
  now: Date = new Date(),
  names: (stored: string) => string = (stored) => stored,
): Promise<CsvExport> {
  return readTransaction(['settings', 'debts', 'repayments', 'skips', 'rates'], async (db) => {
    const [settings, debts, repayments, skips, rates] = await Promise.all([
      db.settings.toCollection().first(),
      db.debts.toArray(),
      db.repayments.toArray(),
      db.skips.toArray(),
      db.rates.toArray(),
    ]);
    const base = settings?.baseCurrency ?? '';
    const inForce = liveRates(rates);
    const money = (minor: number, currency: string) => minorToDecimalString(minor, currency);
    const inBase = (minor: number, currency: string, date: string) => {
      const b = base ? baseMinorOrNull(minor, currency, base, date, inForce) : null;
      return b === null ? ['', ''] : [money(b, base), base];
    };
    const lines = [CSV_BOM, csvLine([...DEBTS_CSV_COLUMNS])];
    const statuses = debtStatuses(debts, repayments, skips).sort(compareDebtStatuses);
    let rows = 0;
    for (const s of statuses) {
      const d = s.debt;
      lines.push(
        csvLine([
          'debt',
          names(d.counterparty),
          d.kind,
          d.direction,
          d.date,
          money(d.amountMinor, d.currency),
          d.currency,
          money(s.leftMinor, d.currency),
          s.forgiven ? 'forgiven' : s.paidOff ? 'paid-off' : 'open',
          d.schedule ? String(d.schedule.count) : '',
          d.schedule ? money(d.schedule.amountMinor, d.currency) : '',
          d.schedule?.cadence ?? 'whenever',
          d.schedule?.firstDue ?? '',
          '',
          ...inBase(d.amountMinor, d.currency, d.date),
          d.note,
        ]),
      );
      rows++;
    }
    for (const s of statuses) {
      for (const r of s.repayments) {
        lines.push(
          csvLine([
            'repayment',
            names(s.debt.counterparty),
            s.debt.kind,
            s.debt.direction,
            r.date,
            money(r.amountMinor, r.currency),
            r.currency,
            '',
            '',
            '',
            '',
            '',
            '',
            r.dueOn ?? '',
            ...inBase(r.amountMinor, r.currency, r.date),
            r.note,
          ]),
        );
        rows++;
      }
    }
    return {
      filename: `anyam-${fileSlug(names(settings?.householdName ?? ''))}-debts-${todayIso(now)}.csv`,
      mimeType: 'text/csv;charset=utf-8' as const,
      text: lines.join(''),
      rows,
    };
  });
}
