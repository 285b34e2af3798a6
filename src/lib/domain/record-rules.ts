/**
 * The rules a record keeps beyond its own schema (schema.ts): one table, run by the forms (through
 * the repositories), the CSV import, Merge and Replace, so that all four accept exactly the same
 * records. A rule that needs another record (the entry's stream) gets it through the context.
 */
import { todayIso, isValidIsoDate } from './dates';
import { AnyamError, type Entry, type IsoDate, type Stream, type TableName } from './model';
import { isoDate } from './units';
import { ARRIVAL_RULES, type ArrivalContext } from './arrival-rules';
import { debtRules } from './debt-rules';
import { groupRules } from './group-rules';

export interface RuleContext extends Pick<ArrivalContext, 'places' | 'rates' | 'baseCurrency'> {
  /** The device's date: entries may lie at most a year ahead of it. */
  today: IsoDate;
  /** Streams by id, as they will stand once the record is written. */
  streams: ReadonlyMap<string, Pick<Stream, 'memberId'>>;
}

export interface RecordRule<T> {
  table: TableName;
  /** The error code when the rule is broken, e.g. 'entry/date-too-far'. */
  code: string;
  /** The field the rule is about, so the message can name it. */
  field: string;
  /** The error's details when broken, else null. */
  broken: (record: T, context: RuleContext) => Record<string, unknown> | null;
}

/**
 * The last date an entry may carry: one year from today. Pending payouts and planned income
 * may lie ahead, but a date further out is almost always a typo in the year.
 */
export function latestEntryDate(today: IsoDate = todayIso()): IsoDate {
  const sameDay = `${String(Number(today.slice(0, 4)) + 1).padStart(4, '0')}${today.slice(4)}`;
  // 29 February has no twin next year.
  return isValidIsoDate(sameDay) ? sameDay : isoDate(`${sameDay.slice(0, 8)}28`);
}

const entryRules: readonly RecordRule<Entry>[] = [
  {
    table: 'entries',
    code: 'entry/date-too-far',
    field: 'date',
    broken: (entry, { today }) => {
      const latest = latestEntryDate(today);
      return entry.date > latest ? { date: entry.date, latest } : null;
    },
  },
  {
    // An entry belongs to its stream's member: the dashboard's per-member figures read the
    // entry's memberId, the forms always take it from the stream.
    table: 'entries',
    code: 'entry/member-mismatch',
    field: 'memberId',
    broken: (entry, { streams }) => {
      const stream = streams.get(entry.streamId);
      return stream && stream.memberId !== entry.memberId
        ? { memberId: entry.memberId, streamMemberId: stream.memberId }
        : null;
    },
  },
  ...ARRIVAL_RULES.map((rule) => ({ table: 'entries' as const, ...rule })),
];

export const RECORD_RULES: { readonly [K in TableName]?: readonly RecordRule<never>[] } = {
  entries: entryRules,
  groups: groupRules,
  ...debtRules(latestEntryDate),
};

/** Throws the first broken rule's AnyamError (details: field, and the rule's own details). */
export function assertRecordRules(table: TableName, record: unknown, context: RuleContext): void {
  for (const rule of (RECORD_RULES[table] ?? []) as readonly RecordRule<unknown>[]) {
    const details = rule.broken(record, context);
    if (details) throw new AnyamError(rule.code, { field: rule.field, ...details });
  }
}
