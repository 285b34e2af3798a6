import type { DebtCadence, DebtSchedule } from '../../lib/domain/debt-model';
import { scheduleOfCount, scheduleOfEach } from '../../lib/domain/debt-schedule';
import { AnyamError, type IsoDate } from '../../lib/domain/model';

/**
 * The schedule the form's two fields give: the amount each when typed (its count follows, or
 * stays as typed when both are), else the number of instalments. A count that is not a whole
 * number is `debt/invalid-count` beside its field; the schema refuses 0 and more than 600.
 */
export function scheduleFrom(
  amountMinor: number,
  countText: string,
  eachMinor: number,
  cadence: DebtCadence,
  firstDue: IsoDate,
): DebtSchedule {
  const typed = countText.trim();
  const count = typed === '' ? null : Number(typed);
  if (count !== null && !Number.isInteger(count)) {
    throw new AnyamError('debt/invalid-count', { field: 'schedule.count' });
  }
  if (eachMinor > 0) {
    const schedule = scheduleOfEach(amountMinor, eachMinor, cadence, firstDue);
    return count === null ? schedule : { ...schedule, count };
  }
  return scheduleOfCount(amountMinor, count ?? 0, cadence, firstDue);
}
