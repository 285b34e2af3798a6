/**
 * A merge preview's records in a person's words: each record named as they know it (an entry by
 * its stream, date and amount; a plan by its name) and each field value formatted (amounts, dates,
 * names in the current language). Stored names go through `displayName`.
 */
import { m } from '../../paraglide/messages.js';
import type { MergePreview } from '../../lib/db/backup/merge-preview-model';
import type {
  BaseRecord,
  EntryStatus,
  MemberRole,
  PlaceKind,
  PlanCadence,
  PlanCategory,
  StreamCadence,
  StreamKind,
  TableName,
} from '../../lib/domain/model';
import { formatDate, formatNumber, money } from '../../lib/state/format.svelte';
import { intlLocale } from '../../lib/i18n/locale.svelte';
import { CADENCE_LABEL, KIND_LABEL, ROLE_LABEL } from '../../lib/ui/labels';
import { formatMoment as when } from '../../lib/ui/moment';
import { displayName } from '../../lib/i18n/sample-labels';

/** The names a preview carries for members and streams. */
export type Names = MergePreview['names'];
/** A record read field by field. */
export type Row = Record<string, unknown>;

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

/** A stored string field, '' when it is not one. */
const str = (value: unknown) => (typeof value === 'string' ? value : '');

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
export { when };

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
    case 'funds':
      return displayName(str(r.name));
    case 'setAsides':
      return join([date(r.date), amount(r)]);
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
    case 'groups':
      return str(r.name);
    case 'groupPayments':
      return join([
        m.grp_round_name({ group: m.grp_title(), round: String(r.round) }),
        date(r.date),
        amount(r),
      ]);
    case 'debts':
      return join([displayName(str(r.counterparty)), date(r.date), amount(r)]);
    case 'repayments':
      return join([date(r.date), amount(r)]);
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
    case 'targetMinor':
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
