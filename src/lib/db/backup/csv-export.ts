/**
 * CSV export of the live entries, oldest first, for spreadsheets: UTF-8 with a BOM (without it
 * Excel reads "Nguyễn" as Windows-1252 mojibake), CRLF line ends, and every cell guarded
 * against formula injection (csv-format.ts). Entries are read in chunks of the `date` index in
 * one read transaction, so a 100,000-entry household is never one array in memory.
 */
import { baseMinorOrNull, liveRates } from '../../domain/base-amount';
import { todayIso } from '../../domain/dates';
import type { Entry, Member, Stream } from '../../domain/model';
import { minorToDecimalString } from '../../domain/money';
import { readTransaction } from '../repo/transaction';
import { fileSlug } from './backup-format';
import type { JobProgressListener } from './cancel';
import { CSV_BOM, CSV_COLUMNS, csvLine, type CsvColumn } from './csv-format';
import { arrivalCells } from './csv-arrival';

export interface CsvExportOptions {
  /** Header labels in the user's language; the English column names otherwise. */
  headers?: Partial<Record<CsvColumn, string>>;
  now?: Date;
  onProgress?: JobProgressListener;
  chunkSize?: number;
  /**
   * A stored name as the person reads it. The sample household stores its names as message
   * tokens ("{{sample:salary}}"); a spreadsheet must show "Factory salary" in the user's
   * language, so the UI passes its displayName (the data layer knows no language).
   */
  names?: (stored: string) => string;
}

const asStored = (stored: string): string => stored;

export interface CsvExport {
  filename: string;
  mimeType: 'text/csv;charset=utf-8';
  /** Starts with the BOM; a Blob made from it is UTF-8. */
  text: string;
  rows: number;
}

const CHUNK = 5_000;

/** `anyam-<household>-entries-<date>.csv` */
export function csvFileName(householdName: string, date: string): string {
  return `anyam-${fileSlug(householdName)}-entries-${date}.csv`;
}

export async function exportEntriesCsv(options: CsvExportOptions = {}): Promise<CsvExport> {
  const chunkSize = options.chunkSize ?? CHUNK;
  const stores = ['settings', 'members', 'streams', 'entries', 'rates', 'places'] as const;
  return readTransaction(stores, async (db) => {
    const [settings, members, streams, rates, total, places] = await Promise.all([
      db.settings.toCollection().first(),
      db.members.toArray(),
      db.streams.toArray(),
      db.rates.toArray(),
      db.entries.count(),
      db.places.toArray(),
    ]);
    const name = options.names ?? asStored;
    const baseCurrency = settings?.baseCurrency ?? '';
    const inForce = liveRates(rates);
    const memberById = new Map<string, Member>(members.map((m) => [m.id, m]));
    const streamById = new Map<string, Stream>(streams.map((s) => [s.id, s]));
    const parts = [CSV_BOM, csvLine(CSV_COLUMNS.map((c) => options.headers?.[c] ?? c))];

    const row = (e: Entry): string => {
      const stream = streamById.get(e.streamId);
      const base = baseCurrency
        ? baseMinorOrNull(e.amountMinor, e.currency, baseCurrency, e.date, inForce)
        : null;
      const cells: Record<CsvColumn, string> = {
        member: name(memberById.get(e.memberId)?.name ?? ''),
        stream: name(stream?.name ?? ''),
        kind: stream?.kind ?? '',
        platform: stream?.platform ?? '',
        date: e.date,
        amount: minorToDecimalString(e.amountMinor, e.currency),
        currency: e.currency,
        // Empty, never 0, when no rate is in force: a missing rate is not a zero amount.
        base_amount: base === null ? '' : minorToDecimalString(base, baseCurrency),
        base_currency: base === null ? '' : baseCurrency,
        status: e.status,
        paid_minutes: String(e.paidMinutes),
        unpaid_minutes: String(e.unpaidMinutes),
        note: e.note,
        ...arrivalCells(e, places, name),
      };
      return csvLine(CSV_COLUMNS.map((c) => cells[c]));
    };

    let read = 0;
    let rows = 0;
    options.onProgress?.({ phase: 'reading', done: 0, total });
    for (;;) {
      const chunk = await db.entries.orderBy('date').offset(read).limit(chunkSize).toArray();
      read += chunk.length;
      for (const entry of chunk) {
        if (entry.deletedAt !== null) continue;
        parts.push(row(entry));
        rows++;
      }
      options.onProgress?.({ phase: 'reading', done: read, total });
      if (chunk.length < chunkSize) break;
    }
    return {
      filename: csvFileName(
        name(settings?.householdName ?? ''),
        todayIso(options.now ?? new Date()),
      ),
      mimeType: 'text/csv;charset=utf-8' as const,
      text: parts.join(''),
      rows,
    };
  });
}
