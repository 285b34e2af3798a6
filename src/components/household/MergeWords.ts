/**
 * A merge preview in a person's words: records named as they know them (an entry by its stream,
 * date and amount; a plan by its name), field values formatted (amounts, dates, names in the
 * current language), and the summary sentence read first. Names in the preview are stored ones
 * (a sample's token stays a token until here): every name goes through `displayName`.
 */
import { m } from '../../paraglide/messages.js';
import type {
  ChangeKind,
  MergePreview,
  PreviewConflict,
  PreviewRecord,
} from '../../lib/db/backup/merge-preview-model';
import {
  TABLE_NAMES,
  type BaseRecord,
  type EntryStatus,
  type MemberRole,
  type PlaceKind,
  type PlanCadence,
  type PlanCategory,
  type StreamCadence,
  type StreamKind,
  type TableName,
} from '../../lib/domain/model';
import { formatDate, formatNumber, money } from '../../lib/state/format.svelte';
import { intlLocale } from '../../lib/i18n/locale.svelte';
import { CADENCE_LABEL, KIND_LABEL, ROLE_LABEL } from '../../lib/ui/labels';
import { displayName } from '../../lib/i18n/sample-labels';
import { fieldLabel, TABLE_LABEL } from '../backup/texts';

type Names = MergePreview['names'];
type Row = Record<string, unknown>;

export const CHANGE_KINDS: readonly ChangeKind[] = ['added', 'changed', 'restored', 'deleted'];

const NOUN: Record<TableName, [one: () => string, other: () => string]> = {
  settings: [m.pv_n_settings_one, m.pv_n_settings_other],
  members: [m.pv_n_members_one, m.pv_n_members_other],
  streams: [m.pv_n_streams_one, m.pv_n_streams_other],
  entries: [m.pv_n_entries_one, m.pv_n_entries_other],
  plans: [m.pv_n_plans_one, m.pv_n_plans_other],
  places: [m.pv_n_places_one, m.pv_n_places_other],
  savings: [m.pv_n_savings_one, m.pv_n_savings_other],
  rates: [m.pv_n_rates_one, m.pv_n_rates_other],
  training: [m.pv_n_training_one, m.pv_n_training_other],
  payments: [m.pv_n_payments_one, m.pv_n_payments_other],
  skips: [m.pv_n_skips_one, m.pv_n_skips_other],
};

const PHRASE: Record<ChangeKind, (p: { count: string; things: string }) => string> = {
  added: m.pv_added,
  changed: m.pv_changed,
  restored: m.pv_restored,
  deleted: m.pv_deleted,
};

export const KIND_WORD: Record<ChangeKind, () => string> = {
  added: m.pv_kind_added,
  changed: m.pv_kind_changed,
  restored: m.pv_kind_restored,
  deleted: m.pv_kind_deleted,
};

// The Plans view's labels, named here since components do not import views.
const CATEGORY_LABEL: Record<PlanCategory, () => string> = {
  essential: m.plan_cat_essential,
  digital: m.plan_cat_digital,
  other: m.plan_cat_other,
};
const PLAN_CADENCE_LABEL: Record<PlanCadence, () => string> = {
  monthly: m.plan_cadence_monthly,
  weekly: m.plan_cadence_weekly,
  yearly: m.plan_cadence_yearly,
  once: m.plan_cadence_once,
};
const PLACE_KIND_LABEL: Record<PlaceKind, () => string> = {
  cash: m.plan_place_kind_cash,
  bank: m.plan_place_kind_bank,
  ewallet: m.plan_place_kind_ewallet,
  group: m.plan_place_kind_group,
  other: m.plan_place_kind_other,
};

const STATUS_LABEL: Record<EntryStatus, () => string> = {
  received: m.qa_received,
  pending: m.qa_pending,
};

/** The order a person cares about: money first, the household's setup after. */
const SUMMARY_ORDER: readonly TableName[] = [
  'entries',
  'payments',
  'plans',
  'savings',
  'streams',
  'members',
  'places',
  'skips',
  'rates',
  'training',
  'settings',
];

/** At most this many phrases in the summary sentence; the rest are counted as "N other changes". */
const SUMMARY_PHRASES = 4;

const count = (n: number) => formatNumber(n, 0);
/** A stored string field, '' when it is not one. */
const str = (value: unknown) => (typeof value === 'string' ? value : '');

export function total(c: Record<ChangeKind, number>): number {
  return c.added + c.changed + c.restored + c.deleted;
}

/** "1 new entry", "12 changed plans", "3 khoản thu mới". */
export function countPhrase(table: TableName, kind: ChangeKind, n: number): string {
  const [one, other] = NOUN[table];
  return PHRASE[kind]({ count: count(n), things: n === 1 ? one() : other() });
}

/** A list in the language's own way: "a, b and c", "a, b và c". */
export function listOf(items: string[]): string {
  return new Intl.ListFormat(intlLocale(), { style: 'long', type: 'conjunction' }).format(items);
}

function lookup(map: Record<string, string>, id: unknown): string {
  const stored = typeof id === 'string' ? map[id] : undefined;
  return stored === undefined ? m.bk_summary_unnamed() : displayName(stored);
}

export function memberName(names: Names, id: string | null): string {
  return lookup(names.members, id);
}

function streamName(names: Names, id: unknown): string {
  const stream = typeof id === 'string' ? names.streams[id] : undefined;
  return stream ? displayName(stream.name) : m.bk_summary_unnamed();
}

function amount(row: Row, field = 'amountMinor'): string {
  const value = row[field];
  const currency = typeof row.currency === 'string' ? row.currency : '';
  return typeof value === 'number' ? money(value, currency) : '';
}

function date(value: unknown): string {
  return typeof value === 'string' && value !== '' ? formatDate(value) : m.pv_empty();
}

/** A moment (an edit, a backup) in the current language. */
export function when(iso: string): string {
  return new Intl.DateTimeFormat(intlLocale(), { dateStyle: 'medium', timeStyle: 'short' }).format(
    new Date(iso),
  );
}

const join = (parts: string[]) => parts.filter((p) => p !== '').join(', ');

/**
 * A record named as a person would: an entry by its stream, date and amount; a plan, stream,
 * place or member by its name; a payment by its plan, date and amount; a skip by what it skips
 * and the date; a rate by its currencies and date.
 */
export function recordName(
  table: TableName,
  record: BaseRecord,
  names: Names,
  baseCurrency: string | null = null,
): string {
  const r = record as unknown as Row;
  switch (table) {
    case 'settings':
      return displayName(str(r.householdName)) || m.bk_summary_unnamed();
    case 'members':
    case 'streams':
    case 'plans':
    case 'places':
      return displayName(str(r.name));
    case 'entries':
      return join([streamName(names, r.streamId), date(r.date), amount(r)]);
    case 'savings':
      return join([lookup(names.places, r.placeId), date(r.date), amount(r)]);
    case 'payments':
      return join([lookup(names.plans, r.planId), date(r.date), amount(r)]);
    case 'skips':
      return join([
        r.kind === 'plan' ? lookup(names.plans, r.sourceId) : streamName(names, r.sourceId),
        date(r.dueOn),
      ]);
    case 'rates': {
      const pair =
        baseCurrency && baseCurrency !== r.currency
          ? `${String(r.currency)} → ${baseCurrency}`
          : String(r.currency);
      return join([pair, date(r.date)]);
    }
    case 'training':
      return join([displayName(str(r.title)), date(r.date)]);
  }
}

function label<K extends string>(map: Record<K, () => string>, value: unknown): string | null {
  return typeof value === 'string' && value in map ? map[value as K]() : null;
}

/** One field of a record as a person reads it: "8.500.000 ₫", "24 thg 7, 2026", "Lương nhà máy". */
export function fieldValue(
  table: TableName,
  field: string,
  record: BaseRecord,
  names: Names,
): string {
  const r = record as unknown as Row;
  const v = r[field];
  switch (field) {
    case 'amountMinor':
    case 'costMinor':
      return amount(r, field);
    case 'date':
    case 'dueOn':
    case 'startedOn':
    case 'endedOn':
      return date(v);
    case 'createdAt':
    case 'lastBackupAt':
    case 'backupReminderSnoozedUntil':
      return typeof v === 'string' ? when(v) : m.pv_empty();
    case 'deletedAt':
      return v ? m.pv_value_deleted() : m.pv_value_not_deleted();
    case 'name':
    case 'title':
    case 'householdName':
      return displayName(str(v)) || m.pv_empty();
    case 'streamId':
      return streamName(names, v);
    case 'memberId':
      return v === null ? m.pv_empty() : lookup(names.members, v);
    case 'planId':
      return lookup(names.plans, v);
    case 'placeId':
      return lookup(names.places, v);
    case 'sourceId':
      return r.kind === 'plan' ? lookup(names.plans, v) : streamName(names, v);
    case 'archived':
    case 'isSample':
      return v ? m.pv_yes() : m.pv_no();
    case 'status':
      return label(STATUS_LABEL, v) ?? String(v);
    case 'role':
      return label<MemberRole>(ROLE_LABEL, v) ?? String(v);
    case 'category':
      return label<PlanCategory>(CATEGORY_LABEL, v) ?? String(v);
    case 'kind':
      if (table === 'streams') return label<StreamKind>(KIND_LABEL, v) ?? String(v);
      if (table === 'places') return label<PlaceKind>(PLACE_KIND_LABEL, v) ?? String(v);
      return String(v);
    case 'cadence':
      if (table === 'plans') return label<PlanCadence>(PLAN_CADENCE_LABEL, v) ?? String(v);
      return label<StreamCadence>(CADENCE_LABEL, v) ?? String(v);
    case 'expected': {
      const e = (v ?? {}) as Row;
      const cadence = label<StreamCadence>(CADENCE_LABEL, e.cadence);
      return join([amount({ ...e, currency: r.currency }), cadence ?? '']);
    }
    case 'fundedBy':
      return Array.isArray(v) && v.length > 0
        ? listOf(v.map((k) => label<StreamKind>(KIND_LABEL, k) ?? String(k)))
        : m.pv_empty();
    case 'paidMinutes':
    case 'unpaidMinutes':
      return typeof v === 'number' ? `${formatNumber(v / 60, 1)} h` : String(v);
    case 'value':
      return typeof v === 'string' && Number.isFinite(Number(v))
        ? formatNumber(Number(v), 6)
        : String(v);
  }
  if (v === null || v === undefined || v === '') return m.pv_empty();
  if (typeof v === 'number') return formatNumber(v, 2);
  if (typeof v === 'string' || typeof v === 'boolean') return String(v);
  return JSON.stringify(v);
}

export { fieldLabel };

/** The sentence read first: who sent it and what it changes, in one or two short clauses. */
export function summarySentence(preview: MergePreview, baseCurrency: string | null = null): string {
  const sender =
    preview.senderMemberId !== null ? preview.names.members[preview.senderMemberId] : undefined;
  const from =
    sender !== undefined ? m.pv_from_member({ name: displayName(sender) }) : m.pv_from_other();
  if (preview.nothingNew) return m.pv_summary_nothing({ from });
  const phrases: { text: string; n: number }[] = [];
  for (const table of SUMMARY_ORDER) {
    for (const kind of CHANGE_KINDS) {
      const n = preview.tables[table][kind];
      if (n === 0) continue;
      let text = countPhrase(table, kind, n);
      if (n === 1) {
        const record = preview.records.find((r) => r.table === table && r.kind === kind);
        if (record)
          text = m.pv_named({
            phrase: text,
            name: singleName(record, preview.names, baseCurrency),
          });
      } else if (table === 'entries') {
        const who = Object.entries(preview.members).filter(([, c]) => c[kind] > 0);
        if (who.length > 1) {
          const parts = who.map(([id, c]) =>
            m.pv_member_count({ name: memberName(preview.names, id), count: count(c[kind]) }),
          );
          text = m.pv_named({ phrase: text, name: parts.join(', ') });
        }
      }
      phrases.push({ text, n });
    }
  }
  let shown = phrases.map((p) => p.text);
  if (phrases.length > SUMMARY_PHRASES) {
    const rest = phrases.slice(SUMMARY_PHRASES - 1).reduce((a, p) => a + p.n, 0);
    shown = [...shown.slice(0, SUMMARY_PHRASES - 1), m.pv_other_changes({ count: count(rest) })];
  }
  const changes = listOf(shown);
  return phrases.length === 1
    ? m.pv_summary_only({ from, changes })
    : m.pv_summary({ from, changes });
}

/** One record alone in the summary: its name, or for the settings row, what in it changed. */
function singleName(record: PreviewRecord, names: Names, baseCurrency: string | null): string {
  if (record.table === 'settings' && record.before) {
    const fields = changedFields(record);
    if (fields.length > 0) return listOf(fields.map(fieldLabel));
  }
  return recordName(record.table, record.after, names, baseCurrency);
}

/** The content fields a changed record's new version differs in (none for a new record). */
export function changedFields(record: PreviewRecord): string[] {
  if (!record.before) return [];
  const a = record.before as unknown as Row;
  const b = record.after as unknown as Row;
  return [...new Set([...Object.keys(a), ...Object.keys(b)])]
    .filter(
      (k) =>
        k !== 'createdAt' &&
        k !== 'updatedAt' &&
        k !== 'deletedAt' &&
        JSON.stringify(a[k]) !== JSON.stringify(b[k]),
    )
    .sort();
}

/** The conflict's sentence: which version the merge keeps, and why (the newer edit). */
export function keptSentence(conflict: PreviewConflict): string {
  const kept = conflict.kept === 'file' ? conflict.file : conflict.phone;
  const other = conflict.kept === 'file' ? conflict.phone : conflict.file;
  if (kept.updatedAt === other.updatedAt) {
    return conflict.kept === 'file' ? m.pv_kept_file_tie() : m.pv_kept_phone_tie();
  }
  const at = when(kept.updatedAt);
  return conflict.kept === 'file' ? m.pv_kept_file({ when: at }) : m.pv_kept_phone({ when: at });
}

/**
 * What a phone notes for itself in the settings row (when it last made a backup, until when the
 * reminder sleeps): not an edit a person made, so never "edited on both phones" on its own. A
 * phone that just restored a file always differs there from the phone that made it.
 */
const BOOKKEEPING = new Set(['lastBackupAt', 'backupReminderSnoozedUntil']);

/** The conflicts a person can judge, each with the fields they would recognise as edits. */
export function shownConflicts(preview: MergePreview): PreviewConflict[] {
  return preview.conflicts
    .map((c) => ({ ...c, fields: c.fields.filter((f) => !BOOKKEEPING.has(f)) }))
    .filter((c) => c.fields.length > 0);
}

/** All conflicts a person can judge, listed or not (the bookkeeping-only ones are all listed). */
export function shownConflictCount(preview: MergePreview): number {
  return preview.conflictCount - (preview.conflicts.length - shownConflicts(preview).length);
}

/** The sentence about conflicts under the summary, or null without any. */
export function conflictSentence(preview: MergePreview): string | null {
  const n = shownConflictCount(preview);
  if (n === 0) return null;
  return n === 1 ? m.pv_conflicts_one() : m.pv_conflicts_many({ count: count(n) });
}

export interface DetailGroup {
  key: string;
  heading: string;
  records: PreviewRecord[];
  /** Records of this group the preview counts but does not list (over its cap). */
  more: number;
}

/**
 * The folded details: entries grouped by member, every other kind of record by its table, each
 * group saying how many more there are beyond the listed ones.
 */
export function detailGroups(preview: MergePreview): DetailGroup[] {
  const groups: DetailGroup[] = [];
  for (const table of SUMMARY_ORDER) {
    const all = total(preview.tables[table]);
    if (all === 0) continue;
    const listed = preview.records.filter((r) => r.table === table);
    if (table === 'entries') {
      const byMember = new Map<string, PreviewRecord[]>();
      for (const id of Object.keys(preview.members)) byMember.set(id, []);
      for (const r of listed) {
        const id = String((r.after as unknown as Row).memberId);
        if (!byMember.has(id)) byMember.set(id, []);
        byMember.get(id)!.push(r);
      }
      for (const [id, records] of byMember) {
        const counted = preview.members[id] ? total(preview.members[id]) : records.length;
        if (counted === 0 && records.length === 0) continue;
        groups.push({
          key: `entries:${id}`,
          heading: m.pv_group_member({
            table: m.bk_table_entries(),
            name: memberName(preview.names, id),
          }),
          records,
          more: Math.max(0, counted - records.length),
        });
      }
      continue;
    }
    groups.push({
      key: table,
      heading: TABLE_LABEL[table](),
      records: listed,
      more: Math.max(0, all - listed.length),
    });
  }
  return groups;
}

/** Every record the merge writes, over all tables. */
export function changeTotal(preview: MergePreview): number {
  return TABLE_NAMES.reduce((a, t) => a + total(preview.tables[t]), 0);
}
