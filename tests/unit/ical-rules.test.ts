// Issue 28 (mutation round): what an iCalendar export holds (ical.ts), beyond the parsed facts
// ical.test.ts checks: its header lines, events in date then uid order, one event per uid, the
// description and alarm text, and the refusal's details.
import { describe, expect, it } from 'vitest';
import {
  checkAlarmDays,
  foldLine,
  icsCalendar,
  type CalendarItem,
} from '../../src/lib/domain/ical';
import { AnyamError } from '../../src/lib/domain/model';

const calendar = (items: CalendarItem[], extra: Partial<Parameters<typeof icsCalendar>[0]> = {}) =>
  icsCalendar({
    items,
    calendarName: 'Keluarga, Santoso',
    product: 'Anyam 0.1.0',
    language: 'id; x',
    stamp: new Date('2026-11-24T02:00:00.000Z'),
    alarmDays: 1,
    ...extra,
  }).split('\r\n');

describe('an iCalendar export', () => {
  it('starts with its header lines, the name escaped and the language cleaned', () => {
    const lines = calendar([{ uid: 'a b', date: '2026-12-01', title: 'Rent' }]);
    expect(lines.slice(0, 6)).toEqual([
      'BEGIN:VCALENDAR',
      'VERSION:2.0',
      'PRODID:-//Anyam//Anyam 0.1.0//ID; X',
      'CALSCALE:GREGORIAN',
      'METHOD:PUBLISH',
      'X-WR-CALNAME:Keluarga\\, Santoso',
    ]);
    expect(lines).toContain('UID:a-b');
    expect(lines).toContain('SUMMARY;LANGUAGE=idx:Rent');
    expect(lines).toContain('TRANSP:TRANSPARENT');
    expect(lines).toContain('ACTION:DISPLAY');
  });

  it('lists events by date, then uid, whatever order the items come in, each uid once', () => {
    const items = [
      { uid: 'b', date: '2026-12-02', title: 'B' },
      { uid: 'c', date: '2026-12-01', title: 'C' },
      { uid: 'a', date: '2026-12-02', title: 'A' },
      { uid: 'c', date: '2026-12-01', title: 'C again' },
    ];
    for (const order of [items, [...items].reverse()]) {
      const uids = calendar(order).filter((l) => l.startsWith('UID:'));
      expect(uids).toEqual(['UID:c', 'UID:a', 'UID:b']);
    }
  });

  it('writes a description only when the item has one, and the alarm text when given', () => {
    const lines = calendar(
      [
        { uid: 'a', date: '2026-12-01', title: 'A', description: 'Pay; now' },
        { uid: 'b', date: '2026-12-02', title: 'B' },
      ],
      { alarmText: (item) => `Soon: ${item.title}` },
    );
    expect(lines.filter((l) => l.startsWith('DESCRIPTION'))).toEqual([
      'DESCRIPTION;LANGUAGE=idx:Pay\\; now',
      'DESCRIPTION;LANGUAGE=idx:Soon: A',
      'DESCRIPTION;LANGUAGE=idx:Soon: B',
    ]);
  });

  it('keeps a line of exactly 75 octets whole and folds one of 76', () => {
    expect(foldLine('x'.repeat(75))).toBe('x'.repeat(75));
    expect(foldLine('x'.repeat(76))).toBe(`${'x'.repeat(75)}\r\n x`);
  });

  it('refuses an alarm outside 0–30 days, naming the days and the most allowed', () => {
    try {
      checkAlarmDays(31);
      expect.unreachable();
    } catch (e) {
      expect((e as AnyamError).details).toEqual({ max: 30, days: 31 });
    }
  });
});
