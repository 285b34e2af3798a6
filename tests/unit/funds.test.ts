import { describe, expect, it } from 'vitest';
import {
  bufferSplit,
  checkFundDate,
  checkSetAside,
  freeSavingsAtMonthEnds,
  fundDateItems,
  fundsProgress,
  heldOn,
  monthsLeft,
  payoutsUntil,
  sharePercent,
} from '../../src/lib/domain/funds';
import type { Fund, SetAside, Stream } from '../../src/lib/domain/model';
import { AnyamError } from '../../src/lib/domain/model';
import { PINNED_TODAY } from '../pinned-day';

const at = '2026-01-01T00:00:00.000Z';
const common = { createdAt: at, updatedAt: at, deletedAt: null, isSample: false };
const id = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;

const tet: Fund = {
  ...common,
  id: id(1),
  name: 'Tết 2027',
  targetMinor: 6_000_000,
  currency: 'VND',
  dueOn: '2027-01-20',
  note: '',
};

const salary: Stream = {
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
};

function aside(n: number, amountMinor: number, extra: Partial<SetAside> = {}): SetAside {
  return {
    ...common,
    id: id(100 + n),
    fundId: tet.id,
    entryId: null,
    date: '2026-11-01',
    amountMinor,
    currency: 'VND',
    ...extra,
  };
}

const input = {
  funds: [tet],
  streams: [salary],
  skips: [],
  rates: [],
  baseCurrency: 'VND',
  today: PINNED_TODAY, // 2026-11-24
};

describe('a fund for a big date', () => {
  it('says what is still needed, per month and as a share of each payout', () => {
    // 6,000,000 − (1,000,000 + 1,200,000) = 3,800,000 still needed.
    // Months: November, December, January → 3; 3,800,000 / 3 = 1,266,666.67 → 1,266,667.
    // Payouts from 25 Nov to 20 Jan: 25 Nov and 25 Dec → 2 × 8,500,000 = 17,000,000;
    // 3,800,000 / 17,000,000 = 22.35% → 23%.
    const [p] = fundsProgress({ ...input, setAsides: [aside(1, 1_000_000), aside(2, 1_200_000)] });
    expect(p).toMatchObject({
      setAsideMinor: 2_200_000,
      stillNeededMinor: 3_800_000,
      status: 'active',
      monthsLeft: 3,
      perMonthMinor: 1_266_667,
      payouts: { count: 2, totalMinor: 17_000_000, missingRate: [] },
      payoutPercent: 23,
    });
  });

  it('says a reached fund is reached, before and after its date, and a passed one passed', () => {
    const reached = fundsProgress({ ...input, setAsides: [aside(1, 6_000_000)] })[0]!;
    expect(reached).toMatchObject({ status: 'reached', stillNeededMinor: 0, perMonthMinor: null });
    expect(
      fundsProgress({ ...input, setAsides: [aside(1, 7_000_000)], today: '2027-02-01' })[0],
    ).toMatchObject({ status: 'reached' });
    const passed = fundsProgress({ ...input, setAsides: [aside(1, 100)], today: '2027-01-21' })[0]!;
    expect(passed).toMatchObject({ status: 'passed', perMonthMinor: null, payoutPercent: null });
    // On its own date the fund is still open: one month left.
    const last = fundsProgress({ ...input, setAsides: [], today: '2027-01-20' })[0]!;
    expect(last).toMatchObject({ status: 'active', monthsLeft: 1, perMonthMinor: 6_000_000 });
  });

  it('leaves out deleted set-asides and those of deleted funds', () => {
    const gone = aside(1, 5_000_000, { deletedAt: at });
    expect(fundsProgress({ ...input, setAsides: [gone] })[0]!.setAsideMinor).toBe(0);
    expect(fundsProgress({ ...input, funds: [{ ...tet, deletedAt: at }], setAsides: [] })).toEqual(
      [],
    );
  });

  it('counts no payout today, none answered "not this time", and names a currency without rate', () => {
    const skip = {
      ...common,
      id: id(9),
      kind: 'stream' as const,
      sourceId: salary.id,
      dueOn: '2026-11-25',
    };
    expect(payoutsUntil({ ...input, skips: [skip], currency: 'VND', until: tet.dueOn })).toEqual({
      count: 1,
      totalMinor: 8_500_000,
      missingRate: [],
    });
    expect(
      payoutsUntil({ ...input, today: '2026-11-25', currency: 'VND', until: '2026-11-30' }).count,
    ).toBe(0);
    const usd = {
      ...salary,
      currency: 'USD',
      expected: { ...salary.expected, amountMinor: 50_000 },
    };
    const out = payoutsUntil({ ...input, streams: [usd], currency: 'VND', until: tet.dueOn });
    expect(out).toEqual({ count: 2, totalMinor: 0, missingRate: ['USD'] });
    const withRate = payoutsUntil({
      ...input,
      streams: [usd],
      rates: [{ currency: 'USD', date: '2026-01-01', value: '25000' }],
      currency: 'VND',
      until: tet.dueOn,
    });
    // 500.00 USD × 25,000 = 12,500,000 ₫ each.
    expect(withRate).toEqual({ count: 2, totalMinor: 25_000_000, missingRate: [] });
  });

  it('has no share without a payout (never a division by zero)', () => {
    const p = fundsProgress({ ...input, streams: [], setAsides: [] })[0]!;
    expect(p.payoutPercent).toBeNull();
    expect(p.perMonthMinor).toBe(2_000_000);
  });

  it('rounds shares up and keeps an exact share exact', () => {
    expect(sharePercent(1, 4)).toBe(25);
    expect(sharePercent(3, 10)).toBe(30);
    expect(sharePercent(1, 3)).toBe(34);
    expect(monthsLeft('2026-11-24', '2026-11-24')).toBe(1);
    expect(monthsLeft('2026-11-24', '2026-11-23')).toBe(0);
  });
});

describe('the rules of a fund and of setting money aside', () => {
  const code = (f: () => void) => {
    try {
      f();
    } catch (e) {
      return (e as AnyamError).code;
    }
    return 'ok';
  };
  const entry = {
    status: 'received' as const,
    currency: 'VND',
    amountMinor: 1_000,
    deletedAt: null,
  };

  it('refuses a date in the past, not today', () => {
    expect(code(() => checkFundDate('2026-11-23', PINNED_TODAY))).toBe('fund/date-in-past');
    expect(code(() => checkFundDate(PINNED_TODAY, PINNED_TODAY))).toBe('ok');
  });

  it('refuses more than the entry still holds, a pending entry and another currency', () => {
    expect(code(() => checkSetAside(tet, entry, 400, 600))).toBe('ok');
    expect(code(() => checkSetAside(tet, entry, 400, 601))).toBe('set-aside/more-than-received');
    expect(code(() => checkSetAside(tet, { ...entry, status: 'pending' }, 0, 1))).toBe(
      'set-aside/not-received',
    );
    expect(code(() => checkSetAside(tet, { ...entry, currency: 'USD' }, 0, 1))).toBe(
      'set-aside/other-currency',
    );
  });
});

describe('free savings', () => {
  it('is the balances less the money set aside, which never exceeds them', () => {
    expect(bufferSplit(10_000, 3_000)).toEqual({
      totalMinor: 10_000,
      setAsideMinor: 3_000,
      freeMinor: 7_000,
      uncoveredMinor: 0,
    });
    expect(bufferSplit(2_000, 3_000)).toEqual({
      totalMinor: 2_000,
      setAsideMinor: 2_000,
      freeMinor: 0,
      uncoveredMinor: 1_000,
    });
  });

  it('holds money until the big date, then no longer', () => {
    const rows = [aside(1, 1_000, { date: '2026-10-01' }), aside(2, 500, { date: '2026-12-01' })];
    expect(heldOn([tet], rows, '2026-09-30', 'VND', [])).toBe(0);
    expect(heldOn([tet], rows, '2026-11-24', 'VND', [])).toBe(1_000);
    expect(heldOn([tet], rows, '2027-01-20', 'VND', [])).toBe(1_500);
    expect(heldOn([tet], rows, '2027-01-21', 'VND', [])).toBe(0);
    const month = { savingId: 'x', date: '2026-10-28', amountMinor: 10_000 };
    expect(
      freeSavingsAtMonthEnds(
        [null, month, month],
        ['2026-09', '2026-10', '2026-11'],
        [tet],
        rows,
        PINNED_TODAY,
        'VND',
        [],
      ),
    ).toEqual([null, { ...month, amountMinor: 9_000 }, { ...month, amountMinor: 9_000 }]);
  });

  it('is unknown when a set-aside has no rate, never counted as 0', () => {
    const usdFund = { ...tet, currency: 'USD' };
    const rows = [aside(1, 100, { currency: 'USD' })];
    const month = { savingId: 'x', date: '2026-11-01', amountMinor: 10_000 };
    expect(
      freeSavingsAtMonthEnds([month], ['2026-11'], [usdFund], rows, PINNED_TODAY, 'VND', [])[0],
    ).toEqual({ ...month, amountMinor: null });
  });
});

describe("the fund dates for the phone's calendar", () => {
  it('lists each live fund in the range once, with a stable uid', () => {
    const other = { ...tet, id: id(7), name: 'School', dueOn: '2027-06-15' };
    const items = fundDateItems(
      [other, tet, { ...tet, id: id(8), deletedAt: at }],
      '2026-11-24',
      '2027-02-24',
    );
    expect(items).toEqual([
      {
        uid: `fund-${tet.id}@anyam`,
        fundId: tet.id,
        date: '2027-01-20',
        name: 'Tết 2027',
        targetMinor: 6_000_000,
        currency: 'VND',
      },
    ]);
  });
});
