/**
 * The orders the repositories list small tables in, apart from Dexie: the score's worker
 * (first-score.ts) reads the same tables with IndexedDB itself and must list them alike.
 */
import { compareIso } from '../../domain/dates';
import type { Fund, Member, Plan, SetAside, Stream } from '../../domain/model';

/**
 * The order streams are listed in, a consistent total order: the one added first (earliest
 * `createdAt`) first. Two added in one millisecond compare equal (0), so the stable sort keeps the
 * table's id order.
 */
export function compareStreams(a: Stream, b: Stream): number {
  return compareIso(a.createdAt, b.createdAt);
}

/**
 * The order plans are listed in, a consistent total order: the soonest due date first. Plans of
 * one due date compare equal (0), so the stable sort keeps the table's id order.
 */
export function comparePlans(a: Plan, b: Plan): number {
  return compareIso(a.dueOn, b.dueOn);
}

/**
 * The order members are listed in, a consistent total order: the one added first (earliest
 * `createdAt`) first. Two added in one millisecond compare equal (0), so the stable sort keeps the
 * table's id order.
 */
export function compareMembers(a: Member, b: Member): number {
  return compareIso(a.createdAt, b.createdAt);
}

/**
 * The order funds are listed (and exported) in, a consistent total order: the soonest due date
 * first. Funds of one due date compare equal (0), so the stable sort keeps the table's id order.
 */
export function compareFunds(a: Fund, b: Fund): number {
  return compareIso(a.dueOn, b.dueOn);
}

/**
 * The order set-asides are listed in, a consistent total order: the newest date first; on one
 * date the one created last first (both are ISO text). Two of one date and one millisecond (a
 * merge, a double tap) compare equal (0), so the stable sort keeps the table's id order, the same
 * on every phone.
 */
export function compareSetAsidesNewestFirst(a: SetAside, b: SetAside): number {
  return compareIso(b.date, a.date) || compareIso(b.createdAt, a.createdAt);
}
