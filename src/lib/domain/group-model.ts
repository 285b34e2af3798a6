/**
 * Savings groups (arisan, paluwagan, hụi/họ), schema version 7: a rotating group in which each
 * of `members` people pays `contributionMinor` every round and one of them takes the pot.
 * The rows a group's rounds leave are `GroupPayment`s (a contribution paid, a round skipped, my
 * pot received). See groups.ts for the arithmetic.
 */

// The units and the base record of model.ts, restated (structurally the same types) so that
// model.ts can name these records without an import cycle.
type IsoDate = string & { readonly __unit?: 'IsoDate' };
type CurrencyCode = string & { readonly __unit?: 'CurrencyCode' };
type MinorUnits = number & { readonly __unit?: 'MinorUnits' };
interface BaseRecord {
  id: string;
  createdAt: string;
  updatedAt: string;
  deletedAt: string | null;
}

export const GROUP_CADENCES = ['monthly', 'weekly'] as const;
export type GroupCadence = (typeof GROUP_CADENCES)[number];

/**
 * How turns are given: a fixed order (my turn is known), drawn (known once drawn; may still be
 * unknown), or bid (I gave up `bidMinor` of the pot to take it at my turn).
 */
export const TURN_RULES = ['fixed', 'drawn', 'bid'] as const;
export type TurnRule = (typeof TURN_RULES)[number];

/** At most this many members: one round each, so a weekly group of 100 runs about two years. */
export const MAX_GROUP_MEMBERS = 100;

export interface Group extends BaseRecord {
  name: string;
  /** People in the group, me included (2…MAX_GROUP_MEMBERS); also the number of rounds. */
  members: number;
  /** What each member pays each round. */
  contributionMinor: MinorUnits;
  currency: CurrencyCode;
  cadence: GroupCadence;
  /** The first round's date; round k falls `k − 1` months or weeks later. */
  startsOn: IsoDate;
  turnRule: TurnRule;
  /** My turn, 1…members; null only for a drawn group whose draw has not named me yet. */
  myTurn: number | null;
  /** For `bid`: what I gave up of the pot to take it at my turn; 0 for the other rules. */
  bidMinor: MinorUnits;
  note: string;
  isSample: boolean;
}

/** A contribution paid, a round skipped ("Not this time"), or my pot received. */
export const GROUP_PAYMENT_KINDS = ['contribution', 'skip', 'pot'] as const;
export type GroupPaymentKind = (typeof GROUP_PAYMENT_KINDS)[number];

export interface GroupPayment extends BaseRecord {
  groupId: string;
  kind: GroupPaymentKind;
  /** The round (1…members) it answers. */
  round: number;
  /** The round's date (groups.ts `roundDates`). */
  dueOn: IsoDate;
  /** The day it was paid or received. */
  date: IsoDate;
  /** 0 for a skip. */
  amountMinor: MinorUnits;
  currency: CurrencyCode;
  note: string;
  isSample: boolean;
}
