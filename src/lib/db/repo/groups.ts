/**
 * Savings groups and their rounds: each write in one read-write transaction, every record
 * through its schema and the record rules (domain/group-rules.ts), so that the form, a backup
 * and a merge accept the same groups. Bad input changes nothing.
 */
import type { Group, GroupPayment, GroupPaymentKind } from '../../domain/group-model';
import { myPotMinor, roundDate } from '../../domain/groups';
import { AnyamError, type BaseRecord, type IsoDate, type MinorUnits } from '../../domain/model';
import { assertRecordRules, latestEntryDate } from '../../domain/record-rules';
import { validateRecord } from '../../domain/schema';
import { todayIso, compareIso } from '../../domain/dates';
import { getDb, type AnyamDatabase } from '../database';
import {
  baseFields,
  definedOnly,
  listSmall,
  nowIso,
  requireLive,
  restoreIn,
  softDeleteIn,
} from './record';
import { readTransaction, writeTransaction } from './transaction';

export type GroupFields = Pick<
  Group,
  | 'name'
  | 'members'
  | 'contributionMinor'
  | 'currency'
  | 'cadence'
  | 'startsOn'
  | 'turnRule'
  | 'myTurn'
  | 'bidMinor'
>;
export type GroupInput = Partial<BaseRecord> &
  GroupFields &
  Partial<Pick<Group, 'note' | 'isSample'>>;
export type GroupPatch = Partial<GroupFields & Pick<Group, 'note'>>;

function checked(group: Group): Group {
  const valid = validateRecord('groups', group);
  // Stryker disable next-line ObjectLiteral: the group rules read no context
  assertRecordRules('groups', valid, { today: todayIso(), streams: new Map() });
  return valid;
}

export async function addGroup(input: GroupInput): Promise<Group> {
  const group = checked({
    ...baseFields(input),
    name: input.name,
    members: input.members,
    contributionMinor: input.contributionMinor,
    currency: input.currency,
    cadence: input.cadence,
    startsOn: input.startsOn,
    turnRule: input.turnRule,
    myTurn: input.myTurn,
    bidMinor: input.bidMinor,
    note: input.note ?? '',
    isSample: input.isSample ?? false,
  });
  return writeTransaction(['groups'], async (db) => {
    await db.groups.add(group);
    return group;
  });
}

export async function updateGroup(id: string, patch: GroupPatch): Promise<Group> {
  return writeTransaction(['groups'], async (db) => {
    const before = await requireLive(db.groups, id, 'group/not-found');
    const after = checked({ ...before, ...definedOnly(patch), updatedAt: nowIso() });
    await db.groups.put(after);
    return after;
  });
}

export async function deleteGroup(id: string): Promise<Group> {
  return writeTransaction(['groups'], (db) => softDeleteIn(db.groups, id, 'group/not-found'));
}

export async function restoreGroup(id: string): Promise<Group> {
  return writeTransaction(['groups'], (db) => restoreIn(db.groups, id, 'group/not-found'));
}

/**
 * The order groups are listed in, a consistent total order: the one whose first round starts
 * soonest first. Groups starting on one day compare equal (0), so the stable sort keeps the
 * table's id order.
 */
export function compareGroups(a: Group, b: Group): number {
  return compareIso(a.startsOn, b.startsOn);
}

export async function listGroups(): Promise<Group[]> {
  const rows = await listSmall(getDb().groups);
  return rows.sort(compareGroups);
}

/** The live groups and their live rows, at one point in time. */
export async function readGroups(): Promise<{ groups: Group[]; payments: GroupPayment[] }> {
  return readTransaction(['groups', 'groupPayments'], async (db) => {
    const [groups, payments] = await Promise.all([db.groups.toArray(), db.groupPayments.toArray()]);
    return {
      groups: groups.filter((g) => g.deletedAt === null),
      payments: payments.filter((p) => p.deletedAt === null),
    };
  });
}

export interface RoundAnswer {
  groupId: string;
  /** The round (1…members); for a pot, my turn. */
  round: number;
  /** The day it was paid or received; the round's day by default. */
  date?: IsoDate;
  /** A contribution's amount (the group's by default); a pot's (mine by default). */
  amountMinor?: MinorUnits;
  note?: string;
}

async function liveRow(db: AnyamDatabase, groupId: string, round: number, kind: GroupPaymentKind) {
  const rows = await db.groupPayments.where('[groupId+round]').equals([groupId, round]).toArray();
  return rows.find((p) => p.deletedAt === null && p.kind === kind);
}

/**
 * Records one answer of a round: a contribution paid, a round skipped, or my pot received.
 * Answering a round already answered the same way returns the row it has (a double tap stays
 * one row). Refused: a group that no longer exists (`group-payment/unknown-group`), a round
 * outside 1…members or a pot of a round that is not my turn (`group-payment/invalid-turn`),
 * a negative or absurd amount (`group-payment/invalid-amount`), a date more than a year ahead
 * (`group-payment/date-too-far`).
 */
async function answer(kind: GroupPaymentKind, input: RoundAnswer): Promise<GroupPayment> {
  return writeTransaction(['groups', 'groupPayments'], async (db) => {
    const group = await db.groups.get(input.groupId);
    if (!group || group.deletedAt !== null) {
      throw new AnyamError('group-payment/unknown-group', { groupId: input.groupId });
    }
    const badRound =
      input.round > group.members || (kind === 'pot' && input.round !== group.myTurn);
    if (!Number.isInteger(input.round) || input.round < 1 || badRound) {
      throw new AnyamError('group-payment/invalid-turn', { field: 'round', round: input.round });
    }
    const dueOn = roundDate(group, input.round);
    const amount =
      kind === 'skip'
        ? 0
        : (input.amountMinor ?? (kind === 'pot' ? myPotMinor(group) : group.contributionMinor));
    const row = validateRecord('groupPayments', {
      ...baseFields(),
      groupId: group.id,
      kind,
      round: input.round,
      dueOn,
      date: input.date ?? dueOn,
      amountMinor: amount,
      currency: group.currency,
      note: input.note ?? '',
      isSample: group.isSample,
    });
    const latest = latestEntryDate();
    if (row.date > latest) {
      throw new AnyamError('group-payment/date-too-far', { field: 'date', date: row.date, latest });
    }
    const existing = await liveRow(db, group.id, row.round, kind);
    if (existing) return existing;
    await db.groupPayments.add(row);
    return row;
  });
}

export function payContribution(input: RoundAnswer): Promise<GroupPayment> {
  return answer('contribution', input);
}

export function skipRound(input: Pick<RoundAnswer, 'groupId' | 'round'>): Promise<GroupPayment> {
  return answer('skip', input);
}

export function receivePot(input: RoundAnswer): Promise<GroupPayment> {
  return answer('pot', input);
}

/** Undo of a contribution, a skip or a pot: soft delete, so that a merge carries it. */
export async function deleteGroupPayment(id: string): Promise<GroupPayment> {
  return writeTransaction(['groupPayments'], (db) =>
    softDeleteIn(db.groupPayments, id, 'group-payment/not-found'),
  );
}
