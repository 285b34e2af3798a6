/**
 * A merge preview in a person's words: the summary sentence read first, the conflicts a person
 * can judge and the detail groups under them. Records and field values are named in
 * MergeFieldWords.ts.
 */
import { m } from '../../paraglide/messages.js';
import type {
  ChangeKind,
  MergePreview,
  PreviewConflict,
  PreviewRecord,
} from '../../lib/db/backup/merge-preview-model';
import { TABLE_NAMES, type TableName } from '../../lib/domain/model';
import { formatNumber } from '../../lib/state/format.svelte';
import { displayName } from '../../lib/i18n/sample-labels';
import { listOf, memberName, recordName, when, type Names, type Row } from './MergeFieldWords';
import { fieldLabel, TABLE_LABEL } from '../backup/texts';

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
  funds: [m.fund_n_fund_one, m.fund_n_fund_other],
  setAsides: [m.fund_n_set_aside_one, m.fund_n_set_aside_other],
  groups: [m.grp_n_groups_one, m.grp_n_groups_other],
  groupPayments: [m.grp_n_payments_one, m.grp_n_payments_other],
  debts: [m.debt_n_debts_one, m.debt_n_debts_other],
  repayments: [m.debt_n_repayments_one, m.debt_n_repayments_other],
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

/** The order a person cares about: money first, the household's setup after. */
const SUMMARY_ORDER: readonly TableName[] = [
  'entries',
  'payments',
  'plans',
  'savings',
  'setAsides',
  'funds',
  'streams',
  'members',
  'places',
  'skips',
  'rates',
  'training',
  'settings',
  'groups',
  'groupPayments',
];

/** At most this many phrases in the summary sentence; the rest are counted as "N other changes". */
const SUMMARY_PHRASES = 4;

const count = (n: number) => formatNumber(n, 0);

export function total(c: Record<ChangeKind, number>): number {
  return c.added + c.changed + c.restored + c.deleted;
}

/** "1 new entry", "12 changed plans", "3 khoản thu mới". */
export function countPhrase(table: TableName, kind: ChangeKind, n: number): string {
  const [one, other] = NOUN[table];
  return PHRASE[kind]({ count: count(n), things: n === 1 ? one() : other() });
}

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
