import { isValidIsoDate } from '../../lib/domain/dates';
import { AnyamError, type PayDay, type StreamCadence } from '../../lib/domain/model';

/** The form's pay-day fields as a `PayDay` for `cadence` (null when not set or not regular). */
export function payDayFrom(
  cadence: StreamCadence,
  fields: { monthDay: string; weekday: string; anchor: string },
): PayDay | null {
  if (cadence === 'monthly' && fields.monthDay !== '') {
    return { cadence, day: Number(fields.monthDay) };
  }
  if (cadence === 'weekly' && fields.weekday !== '') {
    return { cadence, weekday: Number(fields.weekday) };
  }
  if (cadence === 'biweekly' && fields.anchor !== '') {
    if (!isValidIsoDate(fields.anchor)) {
      throw new AnyamError('stream/invalid-pay-day', { field: 'payDay' });
    }
    return { cadence, anchor: fields.anchor };
  }
  return null;
}
