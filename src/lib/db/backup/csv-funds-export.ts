/**
 * CSV export of the money set aside for the funds for big dates, oldest first, one row per
 * set-aside with its fund's name, target and date (a fund with nothing set aside yet is one row
 * with an empty date and amount), in the dialect of the other exports (csv-format.ts).
 */
import { todayIso, compareIso } from '../../domain/dates';
import type { SetAside } from '../../domain/model';
import { minorToDecimalString } from '../../domain/money';
import { compareFunds } from '../repo/funds';
import { readTransaction } from '../repo/transaction';
import { fileSlug } from './backup-format';
import type { CsvExport } from './csv-export';
import { CSV_BOM, csvLine } from './csv-format';

export const FUNDS_CSV_COLUMNS = [
  'fund',
  'target',
  'fund_currency',
  'fund_date',
  'set_aside_date',
  'set_aside',
  'currency',
  'from_entry',
] as const;

/**
 * The order of one fund's set-asides in the file, a consistent total order: the oldest date
 * first. Set-asides of one date compare equal (0), so the stable sort keeps the table's id order.
 */
export function compareSetAsidesOldestFirst(a: SetAside, b: SetAside): number {
  return compareIso(a.date, b.date);
}

export async function exportFundsCsv(
  now: Date = new Date(),
  names: (stored: string) => string = (stored) => stored,
): Promise<CsvExport> {
  return readTransaction(['settings', 'funds', 'setAsides'], async (db) => {
    const [settings, funds, setAsides] = await Promise.all([
      db.settings.toCollection().first(),
      db.funds.toArray(),
      db.setAsides.toArray(),
    ]);
    const lines = [CSV_BOM, csvLine([...FUNDS_CSV_COLUMNS])];
    let rows = 0;
    const live = funds.filter((f) => f.deletedAt === null).sort(compareFunds);
    for (const fund of live) {
      const head = [
        names(fund.name),
        minorToDecimalString(fund.targetMinor, fund.currency),
        fund.currency,
        fund.dueOn,
      ];
      const mine = setAsides
        .filter((s) => s.fundId === fund.id && s.deletedAt === null)
        .sort(compareSetAsidesOldestFirst);
      if (mine.length === 0) lines.push(csvLine([...head, '', '', '', '']));
      for (const s of mine)
        lines.push(
          csvLine([
            ...head,
            s.date,
            minorToDecimalString(s.amountMinor, s.currency),
            s.currency,
            s.entryId ?? '',
          ]),
        );
      rows += Math.max(mine.length, 1);
    }
    return {
      filename: `anyam-${fileSlug(names(settings?.householdName ?? ''))}-funds-${todayIso(now)}.csv`,
      mimeType: 'text/csv;charset=utf-8' as const,
      text: lines.join(''),
      rows,
    };
  });
}
