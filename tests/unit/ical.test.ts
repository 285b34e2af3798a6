import fc from 'fast-check';
import ICAL from 'ical.js';
import { afterAll, describe, expect, it } from 'vitest';
import {
  calendarRange,
  calendarUid,
  dueForCalendar,
  type CalendarDue,
} from '../../src/lib/domain/calendar-due';
import { addDaysIso, todayIso } from '../../src/lib/domain/dates';
import {
  alarmTrigger,
  checkAlarmDays,
  foldLine,
  icsCalendar,
  type CalendarItem,
} from '../../src/lib/domain/ical';
import type { Payment, PayDay, Plan, Skip, Stream } from '../../src/lib/domain/model';
import { isAnyamError } from '../../src/lib/domain/model';
import { makeEntry, makePlan, makeStream } from './analytics-fixtures';
import { PINNED_NOW, PINNED_TODAY } from '../factories/today';

interface ParsedEvent {
  uid: string;
  start: string;
  end: string;
  isDate: boolean;
  summary: string;
  stamp: string;
  alarms: number[];
}

/** Parses with ical.js (a maintained RFC 5545 parser) into plain facts about each event. */
function parse(ics: string): { events: ParsedEvent[]; calendar: ICAL.Component } {
  const calendar = new ICAL.Component(ICAL.parse(ics) as unknown[]);
  const events = calendar.getAllSubcomponents('vevent').map((v) => {
    const start = v.getFirstPropertyValue('dtstart') as ICAL.Time;
    const end = v.getFirstPropertyValue('dtend') as ICAL.Time;
    return {
      uid: String(v.getFirstPropertyValue('uid')),
      start: start.toString(),
      end: end.toString(),
      isDate: start.isDate && end.isDate,
      summary: String(v.getFirstPropertyValue('summary')),
      stamp: (v.getFirstPropertyValue('dtstamp') as ICAL.Time).toString(),
      alarms: v
        .getAllSubcomponents('valarm')
        .map((a) => (a.getFirstPropertyValue('trigger') as ICAL.Duration).toSeconds()),
    };
  });
  return { events, calendar };
}

function items(
  due: readonly CalendarDue[],
  title = (d: CalendarDue) => d.sourceId,
): CalendarItem[] {
  return due.map((d) => ({ uid: calendarUid(d), date: d.date, title: title(d) }));
}

function ics(list: CalendarItem[], alarmDays: number | null, stamp = PINNED_NOW): string {
  return icsCalendar({
    items: list,
    calendarName: 'Keluarga Santoso',
    product: 'Anyam 0.1.0',
    language: 'id',
    stamp,
    alarmDays,
  });
}

const salary = makeStream({
  id: 'salary',
  kind: 'formal',
  payDay: { cadence: 'monthly', day: 25 },
  expected: { amountMinor: 5_000_000, cadence: 'monthly', daysPerWeek: 5 },
  createdAt: '2026-01-01T00:00:00.000Z',
});
const rent = makePlan({ id: 'rent', amountMinor: 1_500_000, dueOn: '2026-01-01' });

describe('iCalendar export', () => {
  const tz = process.env.TZ;
  afterAll(() => {
    if (tz === undefined) delete process.env.TZ;
    else process.env.TZ = tz;
  });

  it('writes each pay day and bill of the next 3 months as one all-day event', () => {
    const due = dueForCalendar({
      streams: [salary],
      plans: [rent],
      entries: [],
      payments: [],
      skips: [],
      today: PINNED_TODAY,
    });
    expect(calendarRange(PINNED_TODAY)).toEqual({ from: '2026-11-24', to: '2027-02-23' });
    const text = ics(items(due), 3);
    const { events, calendar } = parse(text);
    expect(events.map((e) => [e.uid.split('-')[0], e.start])).toEqual([
      ['income', '2026-11-25'],
      ['bill', '2026-12-01'],
      ['income', '2026-12-25'],
      ['bill', '2027-01-01'],
      ['income', '2027-01-25'],
      ['bill', '2027-02-01'],
    ]);
    expect(events.every((e) => e.isDate)).toBe(true);
    expect(events[0]!.end).toBe('2026-11-26');
    expect(events[0]!.stamp).toBe('2026-11-24T02:00:00Z');
    expect(calendar.getFirstPropertyValue('prodid')).toBe('-//Anyam//Anyam 0.1.0//ID');
    expect(calendar.getFirstPropertyValue('version')).toBe('2.0');
    // 3 days before, at 09:00: 2 days and 15 hours before the day starts.
    expect(events[0]!.alarms).toEqual([-(3 * 24 - 9) * 3600]);
    expect(text.includes('\n') && !/[^\r]\n/.test(text)).toBe(true);
  });

  it('leaves out a paid bill, a received pay day and a skipped one', () => {
    const payment: Payment = {
      ...rent,
      id: 'p1',
      planId: 'rent',
      dueOn: '2026-12-01',
      date: '2026-11-30',
      note: '',
    };
    const skip: Skip = {
      ...rent,
      id: 'k1',
      kind: 'stream',
      sourceId: 'salary',
      dueOn: '2026-12-25',
    };
    const due = dueForCalendar({
      streams: [salary],
      plans: [rent],
      entries: [makeEntry(salary, '2026-11-24', 5_000_000)],
      payments: [payment],
      skips: [skip],
      today: PINNED_TODAY,
    });
    expect(due.map((d) => `${d.kind} ${d.date}`)).toEqual([
      'bill 2027-01-01',
      'income 2027-01-25',
      'bill 2027-02-01',
    ]);
  });

  it('folds at 75 octets without splitting a character, escapes text, and round-trips', () => {
    const title = 'Tiền nhà, tháng 12; hạn chót\\ "bắt buộc"\nghi chú 💸'.repeat(3);
    const text = ics([{ uid: 'x@anyam.app', date: '2026-12-01', title }], null);
    for (const line of text.split('\r\n')) expect(Buffer.byteLength(line)).toBeLessThanOrEqual(75);
    expect(text.endsWith('\r\n')).toBe(true);
    expect(parse(text).events[0]!.summary).toBe(title);
    expect(parse(text).events[0]!.alarms).toEqual([]);
    expect(foldLine('a'.repeat(75))).toBe('a'.repeat(75));
    expect(foldLine('a'.repeat(76))).toBe(`${'a'.repeat(75)}\r\n a`);
  });

  it('puts the alarm N days before at 09:00, and refuses more than 30 days', () => {
    expect(alarmTrigger(0)).toBe('PT9H');
    expect(alarmTrigger(1)).toBe('-PT15H');
    expect(alarmTrigger(30)).toBe('-P29DT15H');
    for (const bad of [31, -1, 2.5, Number.NaN]) {
      let error: unknown;
      try {
        checkAlarmDays(bad);
      } catch (e) {
        error = e;
      }
      expect(isAnyamError(error) && error.code).toBe('ical/alarm-days');
      expect(() => ics([], bad)).toThrow();
    }
  });

  const payDayArb: fc.Arbitrary<PayDay> = fc.oneof(
    fc.integer({ min: 1, max: 31 }).map((day) => ({ cadence: 'monthly' as const, day })),
    fc.integer({ min: 1, max: 7 }).map((weekday) => ({ cadence: 'weekly' as const, weekday })),
    fc
      .integer({ min: 0, max: 400 })
      .map((n) => ({ cadence: 'biweekly' as const, anchor: addDaysIso('2026-01-01', n) })),
  );
  const zones = ['Asia/Jakarta', 'Asia/Manila', 'Asia/Ho_Chi_Minh', 'UTC', 'America/Los_Angeles'];
  const safeText = fc
    .string({ unit: 'grapheme', maxLength: 40 })
    // Control characters other than a line break cannot be written in TEXT: spaces instead.
    .map((s) => [...s].map((c) => (c !== '\n' && /\p{Cc}/u.test(c) ? ' ' : c)).join(''));

  it('holds for random households, time zones and alarms (property)', () => {
    fc.assert(
      fc.property(
        fc.record({
          zone: fc.constantFrom(...zones),
          stampMs: fc.integer({ min: Date.UTC(2024, 0, 1), max: Date.UTC(2030, 11, 31) }),
          payDays: fc.array(payDayArb, { minLength: 0, maxLength: 3 }),
          plans: fc.array(
            fc.record({
              cadence: fc.constantFrom<Plan['cadence']>('monthly', 'weekly', 'yearly', 'once'),
              back: fc.integer({ min: -60, max: 400 }),
            }),
            { maxLength: 3 },
          ),
          entryDays: fc.array(fc.tuple(fc.nat(), fc.integer({ min: -20, max: 90 })), {
            maxLength: 6,
          }),
          alarm: fc.option(fc.integer({ min: 0, max: 30 }), { nil: null }),
          names: fc.array(safeText, { minLength: 6, maxLength: 6 }),
        }),
        (h) => {
          process.env.TZ = h.zone;
          const stamp = new Date(h.stampMs);
          const today = todayIso(stamp);
          const streams: Stream[] = h.payDays.map((payDay, i) =>
            makeStream({
              id: `s${i}`,
              kind: 'formal',
              payDay,
              expected: { amountMinor: 100, cadence: payDay.cadence, daysPerWeek: 5 },
              createdAt: '2020-01-01T00:00:00.000Z',
            }),
          );
          const plans = h.plans.map((p, i) =>
            makePlan({
              id: `p${i}`,
              amountMinor: 100,
              cadence: p.cadence,
              dueOn: addDaysIso(today, -p.back),
            }),
          );
          const entries = streams.length
            ? h.entryDays.map(([pick, offset]) =>
                makeEntry(streams[pick % streams.length]!, addDaysIso(today, offset), 1),
              )
            : [];
          const input = { streams, plans, entries, payments: [], skips: [], today };
          const due = dueForCalendar(input);
          const title = (d: CalendarDue) => `${h.names[d.date.charCodeAt(9) % 6]} ${d.kind}`;
          const first = parse(ics(items(due, title), h.alarm, stamp));
          const { from, to } = calendarRange(today);
          // Every due item is one event on its date; nothing else is in the file.
          expect(first.events).toHaveLength(due.length);
          const byUid = new Map(first.events.map((e) => [e.uid, e]));
          expect(byUid.size).toBe(due.length);
          for (const d of due) {
            const e = byUid.get(calendarUid(d))!;
            expect(e.start).toBe(d.date);
            expect(e.end).toBe(addDaysIso(d.date, 1));
            expect(e.isDate).toBe(true);
            expect(e.summary).toBe(title(d));
            expect(d.date >= from && d.date <= to).toBe(true);
            expect(e.alarms).toEqual(h.alarm === null ? [] : [-h.alarm * 86_400 + 9 * 3600 + 0]);
          }
          // A second export, a day later and in another order, keeps every UID.
          const again = parse(
            ics(items([...due].reverse(), title), h.alarm, new Date(h.stampMs + 86_400_000)),
          );
          expect(again.events.map((e) => e.uid).sort()).toEqual([...byUid.keys()].sort());
        },
      ),
      { numRuns: 300 },
    );
  });
});
