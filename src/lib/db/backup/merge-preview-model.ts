/**
 * What a merge preview tells the person before anything is written: counts per kind of record
 * and per member, the records themselves (capped, so a 100,000-row file does not draw 100,000
 * lines), and only the conflicts where the two versions differ in content, with the fields that
 * differ. Names are the stored ones (a sample's token stays a token): the view translates them
 * with `displayName` at render, like every other screen.
 */
import type { BaseRecord, TableName } from '../../domain/model';

/** What the merge does to one record of this phone. `restored`: deleted here, back from the file. */
export type ChangeKind = 'added' | 'changed' | 'restored' | 'deleted';

export type ChangeCounts = Record<ChangeKind, number>;

export interface PreviewRecord {
  table: TableName;
  id: string;
  kind: ChangeKind;
  /** This phone's version before the merge; null for a record new to this phone. */
  before: BaseRecord | null;
  /** The version the merge writes. */
  after: BaseRecord;
  /**
   * Set when the record is written only to keep an entry with its stream (it follows a stream
   * the merge moves, deletes or brings back), not because the file's version of it won.
   */
  derived?: boolean;
}

export interface PreviewConflict {
  table: TableName;
  id: string;
  /** Whose version the rule keeps. */
  kept: 'file' | 'phone';
  phone: BaseRecord;
  file: BaseRecord;
  /**
   * The content fields whose values differ (never `updatedAt`/`createdAt` alone): never empty,
   * since two versions that differ only in their timestamps are not a conflict a person can judge.
   */
  fields: string[];
}

/** Records listed per table and conflicts listed in all; the counts always cover everything. */
export const PREVIEW_DETAIL_LIMIT = 200;

export interface StreamName {
  name: string;
  memberId: string;
  currency: string;
}

export interface MergePreview {
  /** Everything the merge writes, per table. */
  tables: Record<TableName, ChangeCounts>;
  /** Entries the merge writes, per member id (the written version's member). */
  members: Record<string, ChangeCounts>;
  /** Up to PREVIEW_DETAIL_LIMIT records per table: added, then changed, restored, deleted. */
  records: PreviewRecord[];
  conflicts: PreviewConflict[];
  /** All conflicts, of which `conflicts` holds at most PREVIEW_DETAIL_LIMIT. */
  conflictCount: number;
  /** Stored names from this phone and the file, for naming records (file's version wins). */
  names: {
    household: string | null;
    members: Record<string, string>;
    streams: Record<string, StreamName>;
    plans: Record<string, string>;
    places: Record<string, string>;
  };
  /** The member whose phone made the file, when the file says so. */
  senderMemberId: string | null;
  /** True when merging would write nothing. */
  nothingNew: boolean;
}

export function emptyCounts(): ChangeCounts {
  return { added: 0, changed: 0, restored: 0, deleted: 0 };
}

/** Fields that say when a version was written, not what it says. */
const STAMP_FIELDS = new Set(['createdAt', 'updatedAt']);

/** The content fields whose values differ between two versions of one record. */
export function differingFields(a: BaseRecord, b: BaseRecord): string[] {
  const ra = a as unknown as Record<string, unknown>;
  const rb = b as unknown as Record<string, unknown>;
  const keys = new Set([...Object.keys(ra), ...Object.keys(rb)]);
  return [...keys]
    .filter((k) => !STAMP_FIELDS.has(k) && JSON.stringify(ra[k]) !== JSON.stringify(rb[k]))
    .sort();
}
