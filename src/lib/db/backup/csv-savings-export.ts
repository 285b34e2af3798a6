/**
 * CSV export of the savings balances, place by place, oldest first, with the same guards as the
 * entries export (BOM, CRLF, formula injection: csv-format.ts). A balance with no rate in force
 * on its date has an empty base amount, never 0. Tens of rows: read whole.
 */
import { baseMinorOrNull, liveRates } from '../../domain/base-amount';
import { todayIso } from '../../domain/dates';
import { minorToDecimalString } from '../../domain/money';
import { readTransaction } from '../repo/transaction';
import { fileSlug } from './backup-format';
import type { CsvExport } from './csv-export';
import { CSV_BOM, csvLine } from './csv-format';

export const SAVINGS_CSV_COLUMNS = [
  'place',
  'kind',
  'date',
  'balance',
  'currency',
  'base_amount',
  'base_currency',
  'note',
] as const;

/** `names`: a stored name as the person reads it (CsvExportOptions.names says why). */
export async function exportSavingsCsv(
  now: Date = new Date(),
  names: (stored: string) => string = (stored) => stored,
): Promise<CsvExport> {
  return readTransaction(['settings', 'places', 'savings', 'rates'], async (db) => {
    const [settings, places, savings, rates] = await Promise.all([
      db.settings.toCollection().first(),
      db.places.toArray(),
      db.savings.orderBy('date').toArray(),
      db.rates.toArray(),
    ]);
    const base = settings?.baseCurrency ?? '';
    const inForce = liveRates(rates);
    const placeById = new Map(places.map((p) => [p.id, p]));
    const lines = [CSV_BOM, csvLine([...SAVINGS_CSV_COLUMNS])];
    let rows = 0;
    for (const s of savings) {
      const place = placeById.get(s.placeId);
      if (s.deletedAt !== null || !place || place.deletedAt !== null) continue;
      const converted = base
        ? baseMinorOrNull(s.amountMinor, s.currency, base, s.date, inForce)
        : null;
      lines.push(
        csvLine([
          names(place.name),
          place.kind,
          s.date,
          minorToDecimalString(s.amountMinor, s.currency),
          s.currency,
          converted === null ? '' : minorToDecimalString(converted, base),
          converted === null ? '' : base,
          s.note,
        ]),
      );
      rows++;
    }
    return {
      filename: `anyam-${fileSlug(names(settings?.householdName ?? ''))}-savings-${todayIso(now)}.csv`,
      mimeType: 'text/csv;charset=utf-8' as const,
      text: lines.join(''),
      rows,
    };
  });
}
