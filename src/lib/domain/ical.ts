/**
 * An iCalendar file (RFC 5545) of dated reminders, for the phone's own calendar: a PWA with no
 * server cannot wake itself to remind anyone, the calendar can.
 *
 * Generic on purpose: anything with a date (pay days, bills, and later instalments, group
 * contributions, fund dates) becomes a `CalendarItem` with a stable `uid`; this module only
 * writes them. Each item is an all-day event (DTSTART;VALUE=DATE, DTEND the next day) with an
 * alarm `alarmDays` days before at 09:00 (relative to the event's start, midnight: a trigger of
 * −N days + 9 hours). A re-export writes the same UID for the same item, so a calendar that
 * imports it again updates the event instead of adding a second one.
 *
 * Format: CRLF line ends, content lines folded at 75 octets (never inside a UTF-8 character),
 * TEXT values escaped (backslash, semicolon, comma, newline).
 */
import { addDaysIso } from './dates';
import { AnyamError, type IsoDate } from './model';

/** The most days before an item its alarm may ring. */
export const MAX_ALARM_DAYS = 30;
/** The alarm rings at this hour of its day (local time of the phone). */
export const ALARM_HOUR = 9;

export interface CalendarItem {
  /** Stable across exports: the same item always has the same uid. */
  uid: string;
  date: IsoDate;
  title: string;
  description?: string;
}

export interface CalendarOptions {
  items: readonly CalendarItem[];
  /** The calendar's name (X-WR-CALNAME), e.g. the household's. */
  calendarName: string;
  /** The app and its version, for PRODID. */
  product: string;
  /** BCP 47 language of the texts (LANGUAGE parameter). */
  language: string;
  /** When the file is made: DTSTAMP of every event. */
  stamp: Date;
  /** 0–30: the alarm rings this many days before, at 09:00; null for no alarm. */
  alarmDays: number | null;
  /** The alarm's text (DESCRIPTION of the VALARM); the item's title when omitted. */
  alarmText?: (item: CalendarItem) => string;
}

/** Refuses an alarm outside 0–30 whole days (ical/alarm-days, translated by error-text.ts). */
export function checkAlarmDays(days: number): void {
  if (!Number.isInteger(days) || days < 0 || days > MAX_ALARM_DAYS) {
    throw new AnyamError('ical/alarm-days', { max: MAX_ALARM_DAYS, days });
  }
}

/** A TEXT value escaped per RFC 5545 §3.3.11. */
export function escapeText(text: string): string {
  return text
    .replace(/\\/g, '\\\\')
    .replace(/;/g, '\\;')
    .replace(/,/g, '\\,')
    .replace(/\r\n|\r|\n/g, '\\n');
}

const encoder = new TextEncoder();

/**
 * One content line folded at 75 octets (§3.1): each continuation starts with a space, and a
 * fold never splits a UTF-8 sequence (or a surrogate pair).
 */
export function foldLine(line: string): string {
  if (encoder.encode(line).length <= 75) return line;
  const parts: string[] = [];
  let current = '';
  let octets = 0;
  let limit = 75;
  for (const ch of line) {
    const size = encoder.encode(ch).length;
    if (octets + size > limit) {
      parts.push(current);
      current = '';
      octets = 0;
      limit = 74; // the leading space takes one octet
    }
    current += ch;
    octets += size;
  }
  parts.push(current);
  return parts.join('\r\n ');
}

function basicDate(date: IsoDate): string {
  return date.replace(/-/g, '');
}

function utcStamp(d: Date): string {
  return d
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d{3}/, '');
}

/** An alarm's trigger before an all-day event's start (midnight): −N days + 09:00. */
export function alarmTrigger(days: number): string {
  if (days === 0) return `PT${ALARM_HOUR}H`;
  const hours = 24 - ALARM_HOUR;
  return days === 1 ? `-PT${hours}H` : `-P${days - 1}DT${hours}H`;
}

/** UIDs must not carry characters some calendars choke on: keep them to a safe alphabet. */
function safeUid(uid: string): string {
  return uid.replace(/[^A-Za-z0-9@._-]/g, '-');
}

/** The events' order, a consistent total order: oldest date first; one date by uid. */
export function compareEvents(a: CalendarItem, b: CalendarItem): number {
  if (a.date < b.date) return -1;
  if (a.date > b.date) return 1;
  return a.uid < b.uid ? -1 : a.uid > b.uid ? 1 : 0;
}

export function icsCalendar(options: CalendarOptions): string {
  if (options.alarmDays !== null) checkAlarmDays(options.alarmDays);
  const lang = `;LANGUAGE=${options.language.replace(/[^A-Za-z0-9-]/g, '')}`;
  const lines: string[] = [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    `PRODID:-//Anyam//${escapeText(options.product)}//${options.language.toUpperCase()}`,
    'CALSCALE:GREGORIAN',
    'METHOD:PUBLISH',
    `X-WR-CALNAME:${escapeText(options.calendarName)}`,
  ];
  const stamp = utcStamp(options.stamp);
  const seen = new Set<string>();
  const items = [...options.items].sort(compareEvents);
  for (const item of items) {
    const uid = safeUid(item.uid);
    if (seen.has(uid)) continue;
    seen.add(uid);
    lines.push(
      'BEGIN:VEVENT',
      `UID:${uid}`,
      `DTSTAMP:${stamp}`,
      `DTSTART;VALUE=DATE:${basicDate(item.date)}`,
      `DTEND;VALUE=DATE:${basicDate(addDaysIso(item.date, 1))}`,
      `SUMMARY${lang}:${escapeText(item.title)}`,
    );
    if (item.description) lines.push(`DESCRIPTION${lang}:${escapeText(item.description)}`);
    lines.push('TRANSP:TRANSPARENT');
    if (options.alarmDays !== null) {
      lines.push(
        'BEGIN:VALARM',
        'ACTION:DISPLAY',
        `TRIGGER:${alarmTrigger(options.alarmDays)}`,
        `DESCRIPTION${lang}:${escapeText(options.alarmText?.(item) ?? item.title)}`,
        'END:VALARM',
      );
    }
    lines.push('END:VEVENT');
  }
  lines.push('END:VCALENDAR');
  return lines.map(foldLine).join('\r\n') + '\r\n';
}
