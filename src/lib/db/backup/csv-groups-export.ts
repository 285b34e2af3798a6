/**
 * CSV export of the savings groups' rounds (contributions paid, rounds skipped, pots received),
 * group by group, oldest first, with the same guards as the entries export (BOM, CRLF, formula
 * injection: csv-format.ts). A row with no rate in force on its date has an empty base amount,
 * never 0. Tens of rows: read whole.
 */
import { baseMinorOrNull, liveRates } from '../../domain/base-amount';
import { todayIso } from '../../domain/dates';
import { minorToDecimalString } from '../../domain/money';
import { readTransaction } from '../repo/transaction';
import { fileSlug } from './backup-format';
import type { CsvExport } from './csv-export';
import { CSV_BOM, csvLine } from './csv-format';

export const GROUP_CSV_COLUMNS = [
  'group',
  'members',
  'my_turn',
  'kind',
  'round',
  'due_on',
  'date',
  'amount',
  'currency',
  'base_amount',
  'base_currency',
  'note',
] as const;

export async function exportGroupsCsv(now: Date = new Date()): Promise<CsvExport> {
  return readTransaction(['settings', 'groups', 'groupPayments', 'rates'], async (db) => {
    const [settings, groups, rows, rates] = await Promise.all([
      db.settings.toCollection().first(),
      db.groups.toArray(),
      db.groupPayments.orderBy('dueOn').toArray(),
      db.rates.toArray(),
    ]);
    const base = settings?.baseCurrency ?? '';
    const inForce = liveRates(rates);
    const groupById = new Map(groups.map((g) => [g.id, g]));
    const lines = [CSV_BOM, csvLine([...GROUP_CSV_COLUMNS])];
    let count = 0;
    for (const r of rows) {
      const group = groupById.get(r.groupId);
      if (r.deletedAt !== null || !group || group.deletedAt !== null) continue;
      const converted = base
        ? baseMinorOrNull(r.amountMinor, r.currency, base, r.date, inForce)
        : null;
      lines.push(
        csvLine([
          group.name,
          String(group.members),
          group.myTurn === null ? '' : String(group.myTurn),
          r.kind,
          String(r.round),
          r.dueOn,
          r.date,
          minorToDecimalString(r.amountMinor, r.currency),
          r.currency,
          converted === null ? '' : minorToDecimalString(converted, base),
          converted === null ? '' : base,
          r.note,
        ]),
      );
      count++;
    }
    return {
      filename: `anyam-${fileSlug(settings?.householdName ?? '')}-groups-${todayIso(now)}.csv`,
      mimeType: 'text/csv;charset=utf-8' as const,
      text: lines.join(''),
      rows: count,
    };
  });
}
