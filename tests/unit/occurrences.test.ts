import { isMainThread } from 'node:worker_threads';
import { afterEach, describe, expect, it } from 'vitest';
import { todayIso } from '../../src/lib/domain/dates';
import { billsOfMonth, dueIncome, isUnpaid } from '../../src/lib/domain/due';
import type { Payment, Skip, Stream } from '../../src/lib/domain/model';
import {
  payDayOccurrences,
  payDayWindow,
  planOccurrences,
  streamOccurrences,
} from '../../src/lib/domain/occurrences';
import { makeEntry, makePlan, makeStream } from './analytics-fixtures';

const common = {
  createdAt: '2024-01-01T00:00:00.000Z',
  updatedAt: '2024-01-01T00:00:00.000Z',
  deletedAt: null,
  isSample: false,
};

function salary(day: number, over: Partial<Stream> = {}): Stream {
  return makeStream({
    id: 'salary',
    kind: 'formal',
    expected: { amountMinor: 4_800_000_00, cadence: 'monthly', daysPerWeek: 5 },
    payDay: { cadence: 'monthly', day },
    ...over,
  });
}

function skip(sourceId: string, dueOn: string, kind: Skip['kind'] = 'stream'): Skip {
  return { ...common, id: `skip-${sourceId}-${dueOn}`, kind, sourceId, dueOn };
}

function payment(planId: string, dueOn: string, amountMinor: number): Payment {
  return {
    ...common,
    id: `pay-${planId}-${dueOn}`,
    planId,
    dueOn,
    date: dueOn,
    amountMinor,
    currency: 'IDR',
    note: '',
  };
}

describe('monthly pay days', () => {
  it('falls on the day of each month', () => {
    expect(payDayOccurrences({ cadence: 'monthly', day: 25 }, '2026-10-01', '2026-12-31')).toEqual([
      '2026-10-25',
      '2026-11-25',
      '2026-12-25',
    ]);
  });

  it('puts a pay day 31 on the last day of a shorter month, February of leap years included', () => {
    const d31 = { cadence: 'monthly', day: 31 } as const;
    expect(payDayOccurrences(d31, '2024-01-01', '2024-04-30')).toEqual([
      '2024-01-31',
      '2024-02-29',
      '2024-03-31',
      '2024-04-30',
    ]);
    expect(payDayOccurrences(d31, '2025-02-01', '2025-02-28')).toEqual(['2025-02-28']);
    expect(payDayOccurrences({ cadence: 'monthly', day: 30 }, '2100-02-01', '2100-03-31')).toEqual([
      '2100-02-28',
      '2100-03-30',
    ]);
  });

  it('keeps to the range, both ends included, across a year end', () => {
    const d1 = { cadence: 'monthly', day: 1 } as const;
    expect(payDayOccurrences(d1, '2025-12-01', '2026-01-01')).toEqual(['2025-12-01', '2026-01-01']);
    expect(payDayOccurrences(d1, '2025-12-02', '2025-12-31')).toEqual([]);
  });
});

describe('weekly and biweekly pay days', () => {
  it('falls on the ISO weekday every week (1 = Monday, 7 = Sunday)', () => {
    // 2 March 2026 is a Monday.
    expect(
      payDayOccurrences({ cadence: 'weekly', weekday: 1 }, '2026-03-01', '2026-03-20'),
    ).toEqual(['2026-03-02', '2026-03-09', '2026-03-16']);
    expect(
      payDayOccurrences({ cadence: 'weekly', weekday: 7 }, '2026-03-01', '2026-03-08'),
    ).toEqual(['2026-03-01', '2026-03-08']);
  });

  it('crosses 29 February and a year end on the right weekday', () => {
    expect(
      payDayOccurrences({ cadence: 'weekly', weekday: 4 }, '2024-02-26', '2024-03-08'),
    ).toEqual(['2024-02-29', '2024-03-07']);
    expect(
      payDayOccurrences({ cadence: 'weekly', weekday: 3 }, '2025-12-29', '2026-01-10'),
    ).toEqual(['2025-12-31', '2026-01-07']);
  });

  it('repeats every 14 days before and after its anchor', () => {
    const pay = { cadence: 'biweekly', anchor: '2024-02-15' } as const;
    expect(payDayOccurrences(pay, '2024-01-01', '2024-03-31')).toEqual([
      '2024-01-04',
      '2024-01-18',
      '2024-02-01',
      '2024-02-15',
      '2024-02-29',
      '2024-03-14',
      '2024-03-28',
    ]);
  });
});

describe('a stream’s occurrences', () => {
  it('has none without a pay day, for irregular or daily streams, or when the pay day does not fit the cadence', () => {
    expect(streamOccurrences(salary(25, { payDay: null }), '2026-01-01', '2026-12-31')).toEqual([]);
    const irregular = salary(25, {
      expected: { amountMinor: 1, cadence: 'irregular', daysPerWeek: 5 },
    });
    expect(streamOccurrences(irregular, '2026-01-01', '2026-12-31')).toEqual([]);
  });

  it('stays within the stream’s start and end', () => {
    const s = salary(25, { startedOn: '2026-03-26', endedOn: '2026-06-25' });
    expect(streamOccurrences(s, '2026-01-01', '2026-12-31')).toEqual([
      '2026-04-25',
      '2026-05-25',
      '2026-06-25',
    ]);
  });

  it('has windows that tile the calendar: each day answers exactly one pay day', () => {
    for (const pay of [
      { cadence: 'monthly', day: 31 },
      { cadence: 'weekly', weekday: 5 },
      { cadence: 'biweekly', anchor: '2024-01-05' },
    ] as const) {
      const dates = payDayOccurrences(pay, '2024-01-01', '2024-12-31');
      for (let i = 1; i < dates.length; i++) {
        const before = payDayWindow(pay, dates[i - 1]!);
        const window = payDayWindow(pay, dates[i]!);
        expect(window.from <= dates[i]! && dates[i]! <= window.to).toBe(true);
        const dayAfter = new Date(`${before.to}T00:00:00Z`);
        dayAfter.setUTCDate(dayAfter.getUTCDate() + 1);
        expect(window.from).toBe(dayAfter.toISOString().slice(0, 10));
      }
    }
    expect(payDayWindow({ cadence: 'monthly', day: 25 }, '2026-11-25')).toEqual({
      from: '2026-11-10',
      to: '2026-12-09',
    });
  });
});

describe('a plan’s occurrences', () => {
  it('monthly from its due date on, month ends clamped from the anchor (31 Jan → 29 Feb → 31 Mar)', () => {
    const rent = makePlan({ amountMinor: 1, cadence: 'monthly', dueOn: '2024-01-31' });
    expect(planOccurrences(rent, '2023-11-01', '2024-04-30')).toEqual([
      '2024-01-31',
      '2024-02-29',
      '2024-03-31',
      '2024-04-30',
    ]);
    expect(planOccurrences(rent, '2025-02-01', '2025-02-28')).toEqual(['2025-02-28']);
  });

  it('weekly on its weekday, yearly on its day (29 Feb → 28 Feb), once on its date only', () => {
    const weekly = makePlan({ amountMinor: 1, cadence: 'weekly', dueOn: '2026-02-26' });
    expect(planOccurrences(weekly, '2026-03-01', '2026-03-31')).toEqual([
      '2026-03-05',
      '2026-03-12',
      '2026-03-19',
      '2026-03-26',
    ]);
    const fees = makePlan({ amountMinor: 1, cadence: 'yearly', dueOn: '2024-02-29' });
    expect(planOccurrences(fees, '2024-01-01', '2028-12-31')).toEqual([
      '2024-02-29',
      '2025-02-28',
      '2026-02-28',
      '2027-02-28',
      '2028-02-29',
    ]);
    const once = makePlan({ amountMinor: 1, cadence: 'once', dueOn: '2026-07-10' });
    expect(planOccurrences(once, '2026-07-01', '2026-07-31')).toEqual(['2026-07-10']);
    expect(planOccurrences(once, '2026-08-01', '2026-08-31')).toEqual([]);
  });
});

describe('due income', () => {
  it('shows the salary on the day after pay day, and not once an entry answers it', () => {
    const s = salary(25);
    const due = dueIncome([s], [], [], '2026-11-26');
    expect(due).toEqual([
      {
        streamId: 'salary',
        dueOn: '2026-11-25',
        amountMinor: 4_800_000_00,
        currency: 'IDR',
        matched: false,
        skipped: false,
        beforeCreation: false,
        overdue: true,
      },
    ]);
    // Paid two days early: it still answers November's pay day.
    expect(dueIncome([s], [makeEntry(s, '2026-11-23', 1)], [], '2026-11-26')).toEqual([]);
    // A deleted entry answers nothing.
    const gone = makeEntry(s, '2026-11-25', 1, { deletedAt: '2026-11-26T00:00:00.000Z' });
    expect(dueIncome([s], [gone], [], '2026-11-26')).toHaveLength(1);
  });

  it('lists the next 14 days ahead and overdue days up to a month back, until answered or skipped', () => {
    const s = salary(25);
    const october = [makeEntry(s, '2026-10-25', 1)];
    expect(dueIncome([s], october, [], '2026-11-10').map((d) => d.dueOn)).toEqual([]);
    expect(dueIncome([s], october, [], '2026-11-11').map((d) => [d.dueOn, d.overdue])).toEqual([
      ['2026-11-25', false],
    ]);
    // October's pay day, never answered, is still there 31 days on, and gone after.
    expect(dueIncome([s], [], [], '2026-11-18').map((d) => d.dueOn)).toEqual([
      '2026-10-25',
      '2026-11-25',
    ]);
    expect(dueIncome([s], [], [], '2026-11-26').map((d) => d.dueOn)).toEqual(['2026-11-25']);
    expect(dueIncome([s], [], [], '2026-12-10').map((d) => d.dueOn)).toEqual(['2026-11-25']);
    expect(dueIncome([s], [], [], '2026-12-17').map((d) => d.dueOn)).toEqual([
      '2026-11-25',
      '2026-12-25',
    ]);
    expect(dueIncome([s], [], [], '2026-12-27').map((d) => d.dueOn)).toEqual(['2026-12-25']);
    expect(dueIncome([s], [], [skip('salary', '2026-11-25')], '2026-12-17')).toEqual([
      expect.objectContaining({ dueOn: '2026-12-25' }),
    ]);
  });

  it('does not call a stream late for pay days before it was added', () => {
    const created = { createdAt: '2026-11-26T03:00:00.000Z' };
    const weekly = makeStream({
      id: 'warung',
      kind: 'informal',
      ...created,
      expected: { amountMinor: 700_000_00, cadence: 'weekly', daysPerWeek: 5 },
      payDay: { cadence: 'weekly', weekday: 6 },
    });
    // Saturday 21 Nov's window ends on Tuesday 24th, before the stream existed.
    expect(dueIncome([weekly], [], [], '2026-11-26').map((d) => d.dueOn)).toEqual([
      '2026-11-28',
      '2026-12-05',
    ]);
    expect(dueIncome([salary(25, created)], [], [], '2026-11-26').map((d) => d.dueOn)).toEqual([
      '2026-11-25',
    ]);
  });

  it('leaves out archived and deleted streams', () => {
    expect(dueIncome([salary(25, { archived: true })], [], [], '2026-11-26')).toEqual([]);
    const deleted = salary(25, { deletedAt: '2026-01-01T00:00:00.000Z' });
    expect(dueIncome([deleted], [], [], '2026-11-26')).toEqual([]);
  });
});

// A worker thread (Stryker's runner) cannot change its time zone: process.env.TZ is its own copy.
describe.skipIf(!isMainThread)('the device’s local date', () => {
  const original = process.env.TZ;
  afterEach(() => {
    process.env.TZ = original;
  });

  it('is due in Jakarta at 2 a.m. on the 26th while UTC still says the 25th', () => {
    const s = salary(25, { createdAt: '2026-11-20T00:00:00.000Z' });
    process.env.TZ = 'Asia/Jakarta';
    const now = new Date('2026-11-25T19:00:00.000Z');
    expect(todayIso(now)).toBe('2026-11-26');
    expect(dueIncome([s], [], [], todayIso(now))).toMatchObject([
      { dueOn: '2026-11-25', overdue: true },
    ]);
    process.env.TZ = 'America/Los_Angeles';
    expect(todayIso(now)).toBe('2026-11-25');
    expect(dueIncome([s], [], [], todayIso(now))).toMatchObject([
      { dueOn: '2026-11-25', overdue: false },
    ]);
  });

  it('keeps weekdays and month ends across daylight-saving changes', () => {
    for (const tz of ['America/New_York', 'Europe/Berlin', 'America/Sao_Paulo', 'Asia/Manila']) {
      process.env.TZ = tz;
      expect(
        payDayOccurrences({ cadence: 'weekly', weekday: 7 }, '2026-03-01', '2026-04-05'),
        tz,
      ).toEqual([
        '2026-03-01',
        '2026-03-08',
        '2026-03-15',
        '2026-03-22',
        '2026-03-29',
        '2026-04-05',
      ]);
      expect(
        payDayOccurrences(
          { cadence: 'biweekly', anchor: '2026-10-18' },
          '2026-10-01',
          '2026-11-30',
        ),
        tz,
      ).toEqual(['2026-10-04', '2026-10-18', '2026-11-01', '2026-11-15', '2026-11-29']);
      const rent = makePlan({ amountMinor: 1, cadence: 'monthly', dueOn: '2026-01-31' });
      expect(planOccurrences(rent, '2026-02-01', '2026-04-30'), tz).toEqual([
        '2026-02-28',
        '2026-03-31',
        '2026-04-30',
      ]);
    }
  });
});

describe('bills of a month', () => {
  it('lists each occurrence with its payments; paid and skipped ones are not left to pay', () => {
    const rent = makePlan({ id: 'rent', amountMinor: 1_500_000_00, dueOn: '2026-01-05' });
    const data = makePlan({ id: 'data', amountMinor: 100_000_00, dueOn: '2026-03-28' });
    const food = makePlan({
      id: 'food',
      amountMinor: 50_000_00,
      cadence: 'weekly',
      dueOn: '2026-11-02',
    });
    const bills = billsOfMonth(
      [rent, data, food],
      [payment('rent', '2026-11-05', 1_500_000_00)],
      [skip('food', '2026-11-09', 'plan')],
      '2026-11',
    );
    expect(bills.map((b) => [b.planId, b.dueOn, isUnpaid(b)])).toEqual([
      ['food', '2026-11-02', true],
      ['rent', '2026-11-05', false],
      ['food', '2026-11-09', false],
      ['food', '2026-11-16', true],
      ['food', '2026-11-23', true],
      ['data', '2026-11-28', true],
      ['food', '2026-11-30', true],
    ]);
  });
});
