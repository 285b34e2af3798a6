/**
 * The CSV export's cells of how a payout arrived (schema version 5): the day it landed, the
 * amount that landed with its currency, the place's name, the fees (in the payout's currency)
 * and the service it went through. All empty for an entry that has not said.
 */
import type { Entry, Place } from '../../domain/model';
import { minorToDecimalString } from '../../domain/money';
import type { CsvColumn } from './csv-format';

type ArrivalColumn = Extract<
  CsvColumn,
  'arrived_on' | 'landed_amount' | 'landed_currency' | 'landed_place' | 'fee' | 'via'
>;

export function arrivalCells(
  entry: Entry,
  places: readonly Place[],
  name: (stored: string) => string,
): Record<ArrivalColumn, string> {
  const a = entry.arrival;
  if (!a) {
    return {
      arrived_on: '',
      landed_amount: '',
      landed_currency: '',
      landed_place: '',
      fee: '',
      via: '',
    };
  }
  const place = places.find((p) => p.id === a.placeId);
  return {
    arrived_on: a.on,
    landed_amount:
      a.landedMinor !== null && a.landedCurrency !== null
        ? minorToDecimalString(a.landedMinor, a.landedCurrency)
        : '',
    landed_currency: a.landedCurrency ?? '',
    landed_place: place ? name(place.name) : '',
    fee: a.feeMinor !== null ? minorToDecimalString(a.feeMinor, entry.currency) : '',
    via: a.via,
  };
}
