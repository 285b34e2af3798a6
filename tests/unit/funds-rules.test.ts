// Issue 28 (mutation round): the rules of funds for the big dates (funds.ts) that funds.test.ts
// leaves unstated: what counts as set aside, which payouts a fund's share is taken from and in
// what currency, when a share exists, the order of funds, the refusals' details, and which day
// the money set aside is held on in each month's free savings.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  checkFundDate,
  checkSetAside,
  freeSavingsAtMonthEnds,
  fundDateItems,
  fundsProgress,
  heldOn,
  payoutsUntil,
  setAsideByEntry,
  setAsideByFund,
} from '../../src/lib/domain/funds';
import { AnyamError, type Fund, type SetAside, type Stream } from '../../src/lib/domain/model';
import { PINNED_TODAY } from '../pinned-day';

const at = '2026-01-01T00:00:00.000Z';
const common = { createdAt: at, updatedAt: at, deletedAt: null, isSample: false };
const id = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;

const fund = (n: number, extra: Partial<Fund> = {}): Fund => ({
  ...common,
  id: id(n),
  name: `Fund ${n}`,
  targetMinor: 6_000_000,
  currency: 'VND',
  dueOn: '2027-01-20',
  note: '',
  ...extra,
});
const tet = fund(1);
// Paid on the 25th: 25 Nov and 25 Dec fall before Tết (2027-01-20), from PINNED_TODAY (24 Nov).
const salary = (extra: Partial<Stream> = {}): Stream => ({
  ...common,
  id: id(2),
  memberId: id(3),
  name: 'Lương',
  kind: 'formal',
  platform: '',
  currency: 'VND',
  expected: { amountMinor: 8_500_000, cadence: 'monthly', daysPerWeek: 5 },
  startedOn: '2026-01-01',
  endedOn: null,
  payDay: { cadence: 'monthly', day: 25 },
  archived: false,
  ...extra,
});
let k = 0;
const aside = (amountMinor: number, extra: Partial<SetAside> = {}): SetAside => ({
  ...common,
  id: id(1000 + k++),
  fundId: tet.id,
  entryId: null,
  date: '2026-11-01',
  amountMinor,
  currency: 'VND',
  ...extra,
});
const input = {
  funds: [tet],
  setAsides: [] as SetAside[],
  streams: [salary()],
  skips: [],
  rates: [],
  baseCurrency: 'VND',
  today: PINNED_TODAY,
};
const details = (f: () => void) => {
  try {
    f();
  } catch (e) {
    return { code: (e as AnyamError).code, ...(e as AnyamError).details };
  }
  return null;
};

describe('money set aside', () => {
  it('per fund and per entry counts only live set-asides', () => {
    const rows = [
      aside(100, { entryId: 'e1' }),
      aside(200, { entryId: 'e1', fundId: 'f2' }),
      aside(400, { entryId: 'e1', deletedAt: at }),
      aside(800, { entryId: null }),
      aside(1_600, { entryId: 'e2', fundId: 'f2' }),
    ];
    expect([...setAsideByFund(rows)].sort()).toEqual([
      [tet.id, 900],
      ['f2', 1_800],
    ]);
    expect([...setAsideByEntry(rows)].sort()).toEqual([
      ['e1', 300],
      ['e2', 1_600],
    ]);
  });
});

describe('the payouts a fund’s share is taken from', () => {
  const until = (d: string, extra: Partial<Parameters<typeof payoutsUntil>[0]> = {}) =>
    payoutsUntil({ ...input, currency: 'VND', until: d, ...extra });

  it('start tomorrow: a pay day tomorrow counts when the fund’s date is tomorrow', () => {
    expect(until('2026-11-25', { today: '2026-11-24' })).toEqual({
      count: 1,
      totalMinor: 8_500_000,
      missingRate: [],
    });
  });

  it('are none when the date is today or already passed', () => {
    expect(until('2026-11-24')).toEqual({ count: 0, totalMinor: 0, missingRate: [] });
    expect(until('2026-10-01')).toEqual({ count: 0, totalMinor: 0, missingRate: [] });
  });

  it('count in the fund’s own currency whatever the base currency', () => {
    const usd = salary({
      currency: 'USD',
      expected: { ...salary().expected, amountMinor: 50_000 },
    });
    // A USD fund of a household counting in PHP: USD pay days count as they are.
    expect(until(tet.dueOn, { streams: [usd], currency: 'USD', baseCurrency: 'PHP' })).toEqual({
      count: 2,
      totalMinor: 100_000,
      missingRate: [],
    });
  });

  it('are converted only into the base currency; a fund in another currency leaves them out, named', () => {
    const rates = [{ currency: 'VND', date: '2026-01-01', value: '0.0022' }];
    // A USD fund, base PHP, VND pay days: no rate turns VND into USD, so none are added.
    expect(until(tet.dueOn, { currency: 'USD', baseCurrency: 'PHP', rates })).toEqual({
      count: 2,
      totalMinor: 0,
      missingRate: ['VND'],
    });
  });

  it('name each currency without a rate once, in alphabetical order', () => {
    const streams = [
      salary({ id: 'z', currency: 'USD' }),
      salary({ id: 'a', currency: 'EUR', payDay: { cadence: 'monthly', day: 26 } }),
      salary({ id: 'b', currency: 'USD', payDay: { cadence: 'monthly', day: 27 } }),
    ];
    expect(until(tet.dueOn, { streams }).missingRate).toEqual(['EUR', 'USD']);
    expect(until(tet.dueOn, { streams: [...streams].reverse() }).missingRate).toEqual([
      'EUR',
      'USD',
    ]);
  });
});

describe('a share of each payout', () => {
  it('is given only while the fund is active', () => {
    // Reached: nothing more is needed, so no share, even with pay days to come.
    const [reached] = fundsProgress({ ...input, setAsides: [aside(6_000_000)] });
    expect(reached).toMatchObject({ status: 'reached', payoutPercent: null });
    expect(reached!.payouts.count).toBe(2);
  });

  it('is none when no payout to come could be converted (never a division by zero)', () => {
    const usd = salary({ currency: 'USD' });
    const [p] = fundsProgress({ ...input, streams: [usd] });
    expect(p!.payouts).toEqual({ count: 2, totalMinor: 0, missingRate: ['USD'] });
    expect(p!.payoutPercent).toBeNull();
  });
});

describe('the funds listed', () => {
  it('come soonest date first, ties by id, whatever order they are stored in (property)', () => {
    const funds = [
      fund(5, { dueOn: '2027-03-01' }),
      fund(3, { dueOn: '2027-01-20' }),
      fund(4, { dueOn: '2027-01-20' }),
      fund(9, { dueOn: '2026-12-24' }),
      fund(7, { dueOn: '2027-01-20', deletedAt: at }),
    ];
    fc.assert(
      fc.property(fc.shuffledSubarray(funds, { minLength: 5, maxLength: 5 }), (order) => {
        expect(fundsProgress({ ...input, funds: order }).map((p) => p.fund.id)).toEqual([
          id(9),
          id(3),
          id(4),
          id(5),
        ]);
        expect(fundDateItems(order, '2026-01-01', '2027-12-31').map((f) => f.fundId)).toEqual([
          id(9),
          id(3),
          id(4),
          id(5),
        ]);
      }),
      { numRuns: 300 },
    );
  });

  it('for the calendar: the range’s first and last day are in it, the days around them not', () => {
    const funds = [
      fund(1, { dueOn: '2026-11-23' }),
      fund(2, { dueOn: '2026-11-24' }),
      fund(3, { dueOn: '2027-02-23' }),
      fund(4, { dueOn: '2027-02-24' }),
    ];
    expect(fundDateItems(funds, '2026-11-24', '2027-02-23').map((f) => f.date)).toEqual([
      '2026-11-24',
      '2027-02-23',
    ]);
  });
});

describe('the refusals say which field and why', () => {
  it('a date in the past', () => {
    expect(details(() => checkFundDate('2026-11-23', PINNED_TODAY))).toEqual({
      code: 'fund/date-in-past',
      field: 'dueOn',
      dueOn: '2026-11-23',
      today: PINNED_TODAY,
    });
  });

  it('an entry not received, deleted, in another currency, or holding less', () => {
    const entry = {
      status: 'received' as const,
      currency: 'VND',
      amountMinor: 1_000,
      deletedAt: null,
    };
    expect(details(() => checkSetAside(tet, { ...entry, deletedAt: at }, 0, 1))).toEqual({
      code: 'set-aside/not-received',
      field: 'entryId',
    });
    expect(details(() => checkSetAside(tet, { ...entry, status: 'pending' }, 0, 1))).toEqual({
      code: 'set-aside/not-received',
      field: 'entryId',
    });
    expect(details(() => checkSetAside(tet, { ...entry, currency: 'USD' }, 0, 1))).toEqual({
      code: 'set-aside/other-currency',
      field: 'amount',
      entryCurrency: 'USD',
      fundCurrency: 'VND',
    });
    expect(details(() => checkSetAside(tet, entry, 1_500, 1))).toEqual({
      code: 'set-aside/more-than-received',
      field: 'amount',
      leftMinor: 0,
      currency: 'VND',
    });
    expect(details(() => checkSetAside(tet, entry, 1_500, 0))).toBeNull();
  });
});

describe('free savings at each month’s end', () => {
  const month = (amountMinor: number | null) => ({
    savingId: 's',
    date: '2026-09-01',
    amountMinor,
  });

  it('are the balances as they are when nothing live is set aside', () => {
    const savings = [null, month(10_000)];
    expect(
      freeSavingsAtMonthEnds(savings, ['2026-09', '2026-10'], [tet], [], PINNED_TODAY, 'VND', []),
    ).toEqual(savings);
    const gone = [aside(1_000, { deletedAt: at })];
    expect(
      freeSavingsAtMonthEnds(savings, ['2026-09', '2026-10'], [tet], gone, PINNED_TODAY, 'VND', []),
    ).toEqual(savings);
  });

  it('take out the live set-asides even when some others were deleted', () => {
    const rows = [aside(1_000, { deletedAt: at }), aside(300, { date: '2026-09-10' })];
    expect(
      freeSavingsAtMonthEnds([month(10_000)], ['2026-09'], [tet], rows, PINNED_TODAY, 'VND', []),
    ).toEqual([month(9_700)]);
  });

  it('hold nothing for a deleted fund, even if its set-asides were left live', () => {
    const rows = [aside(300, { date: '2026-09-10' })];
    expect(heldOn([{ ...tet, deletedAt: at }], rows, '2026-09-30', 'VND', [])).toBe(0);
    expect(heldOn([tet], rows, '2026-09-30', 'VND', [])).toBe(300);
  });

  it('stay unknown where the balance is unknown', () => {
    const rows = [aside(300, { date: '2026-09-10' })];
    expect(
      freeSavingsAtMonthEnds([month(null)], ['2026-09'], [tet], rows, PINNED_TODAY, 'VND', []),
    ).toEqual([month(null)]);
  });

  it('hold a past month’s set-asides on its last day, for a fund whose date has passed since', () => {
    // The fund's date (20 October) came after September ended and before today.
    const october = fund(8, { dueOn: '2026-10-20' });
    const rows = [aside(2_000, { fundId: october.id, date: '2026-09-05' })];
    expect(
      freeSavingsAtMonthEnds(
        [month(10_000), month(10_000)],
        ['2026-09', '2026-10'],
        [october],
        rows,
        PINNED_TODAY,
        'VND',
        [],
      ),
    ).toEqual([month(8_000), month(10_000)]);
  });

  it('hold this month’s set-asides today, for a fund whose date is later this month', () => {
    // Today is 24 November; the fund falls on the 28th: today the money is still held for it.
    const soon = fund(8, { dueOn: '2026-11-28' });
    const rows = [aside(2_000, { fundId: soon.id, date: '2026-11-02' })];
    expect(
      freeSavingsAtMonthEnds([month(10_000)], ['2026-11'], [soon], rows, PINNED_TODAY, 'VND', []),
    ).toEqual([month(8_000)]);
  });
});
