import { m } from '../../paraglide/messages.js';
import { APP_VERSION } from '../../lib/build-info';
import { readCalendarRows } from '../../lib/db/repo/calendar';
import {
  calendarUid,
  dueForCalendar,
  type CalendarDue,
  type CalendarKind,
} from '../../lib/domain/calendar-due';
import { todayIso } from '../../lib/domain/dates';
import { checkAlarmDays, icsCalendar, type CalendarItem } from '../../lib/domain/ical';
import { formatMoney } from '../../lib/domain/money';
import { intlLocale, locale } from '../../lib/i18n/locale.svelte';
import { displayName } from '../../lib/i18n/sample-labels';
import { downloadBlob } from '../../lib/ui/download';

export const CALENDAR_FILENAME = 'anyam-reminders.ics';

export type CalendarOutcome = 'shared' | 'downloaded' | 'cancelled' | 'empty';

const TITLES: Record<CalendarKind, (v: { name: string; amount: string }) => string> = {
  income: m.ical_income_title,
  bill: m.ical_bill_title,
  instalment: m.ical_instalment_title,
  'instalment-in': m.ical_instalment_in_title,
  contribution: m.ical_contribution_title,
  pot: m.ical_pot_title,
  fund: m.ical_fund_title,
};

/** A due item in the household's language: "Pay day: Salary (₱20,000.00)". */
function itemOf(due: CalendarDue, names: ReadonlyMap<string, string>): CalendarItem {
  const amount = formatMoney(due.amountMinor, due.currency, intlLocale());
  const title = TITLES[due.kind]({ name: names.get(due.sourceId) ?? '', amount });
  return { uid: calendarUid(due), date: due.date, title, description: m.ical_description() };
}

/**
 * Writes the next 3 months of pay days, bills, instalments, group rounds and fund dates as an iCalendar file and hands it to the share
 * sheet (the phone's calendar, a chat, e-mail), or downloads it where sharing files is not
 * supported, as a household file is (send-household.ts). Nothing is sent anywhere else.
 * An alarm outside 0–30 days is refused (ical/alarm-days) before anything is made.
 */
export async function exportCalendar(
  alarmDays: number,
  householdName: string,
): Promise<{ outcome: CalendarOutcome; count: number }> {
  checkAlarmDays(alarmDays);
  const now = new Date();
  const rows = await readCalendarRows(todayIso(now));
  const due = dueForCalendar({ ...rows, today: todayIso(now) });
  if (due.length === 0) return { outcome: 'empty', count: 0 };
  // Record ids are UUIDs: one map names streams, plans, debts, groups and funds alike.
  const names = new Map<string, string>([
    ...rows.streams.map((s) => [s.id, displayName(s.name)] as const),
    ...rows.plans.map((p) => [p.id, displayName(p.name)] as const),
    ...rows.debts.map((d) => [d.id, displayName(d.counterparty)] as const),
    ...rows.groups.map((g) => [g.id, displayName(g.name)] as const),
    ...rows.funds.map((f) => [f.id, displayName(f.name)] as const),
  ]);
  const text = icsCalendar({
    items: due.map((d) => itemOf(d, names)),
    calendarName: m.ical_calendar_name({ name: householdName }),
    product: `Anyam ${APP_VERSION}`,
    language: locale.current,
    stamp: now,
    alarmDays,
  });
  const file = new File([text], CALENDAR_FILENAME, { type: 'text/calendar' });
  const count = due.length;
  if (typeof navigator.canShare === 'function' && navigator.canShare({ files: [file] })) {
    try {
      await navigator.share({ files: [file], title: CALENDAR_FILENAME });
    } catch (error) {
      if (error instanceof DOMException && error.name === 'AbortError') {
        return { outcome: 'cancelled', count };
      }
      throw error;
    }
    return { outcome: 'shared', count };
  }
  downloadBlob(file, CALENDAR_FILENAME);
  return { outcome: 'downloaded', count };
}
