/**
 * The rules of a platform card's figures (domain/pay-figures.ts), on groups built by hand so each
 * rule is stated on the numbers it reads: which currency a card answers in, which own-currency
 * figure is shown beside the base one, when a card is ranked and why not, when "this month so far"
 * is shown, the order of the cards, and when the hourly chart is worth drawing.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { CurrencyCode, MonthKey } from '../../src/lib/domain/model';
import {
  hourlyPay,
  type BaseHourlyPay,
  type HourlyPay,
  type PayGroup,
} from '../../src/lib/domain/pay';
import {
  figuresOf,
  hasBasePay,
  MIN_RANK_MINUTES,
  periodFigures,
  platformCards,
  unrankedReason,
  type PeriodFigures,
  type PlatformFigures,
} from '../../src/lib/domain/pay-figures';
import { completeMonths } from '../../src/lib/domain/periods';

const TODAY = '2026-06-15';
// The comparison period on TODAY is March–May; June is this month so far.
const PERIOD = completeMonths(TODAY);

interface Month {
  month: MonthKey;
  received?: number;
  pending?: number;
  paid?: number;
  unpaid?: number;
  /** Entries without a rate (their rows are out of the base figures). */
  missing?: number;
  /** Own-currency amounts when they differ from the base ones (a foreign platform). */
  ownReceived?: number;
  ownPending?: number;
}

function payOf(received: number, pending: number, paid: number, unpaid: number): HourlyPay {
  return hourlyPay(received + pending, paid, unpaid, received, pending);
}

function baseOf(pay: HourlyPay, missing: number): BaseHourlyPay {
  return { ...pay, missingRateCount: missing };
}

/** A platform's group from its months, in `currency` (null: several currencies). */
function group(platform: string | null, currency: CurrencyCode | null, months: Month[]): PayGroup {
  const trend = months.map((m) => {
    const received = m.received ?? 0;
    const pending = m.pending ?? 0;
    const paid = m.paid ?? 0;
    const unpaid = m.unpaid ?? 0;
    return {
      month: m.month,
      base: baseOf(payOf(received, pending, paid, unpaid), m.missing ?? 0),
      inCurrency:
        currency === null
          ? null
          : payOf(m.ownReceived ?? received, m.ownPending ?? pending, paid, unpaid),
    };
  });
  const sum = (f: (m: Month) => number | undefined) => months.reduce((s, m) => s + (f(m) ?? 0), 0);
  const base = baseOf(
    payOf(
      sum((m) => m.received),
      sum((m) => m.pending),
      sum((m) => m.paid),
      sum((m) => m.unpaid),
    ),
    sum((m) => m.missing),
  );
  return {
    key: platform === null ? 'member:m' : `platform:${platform}`,
    platform,
    memberId: platform === null ? 'm' : null,
    streamIds: ['s'],
    base,
    currency,
    inCurrency:
      currency === null
        ? null
        : payOf(
            sum((m) => m.ownReceived ?? m.received),
            sum((m) => m.ownPending ?? m.pending),
            sum((m) => m.paid),
            sum((m) => m.unpaid),
          ),
    trend,
  };
}

/** Every field of a card's figures, to compare whole. */
function expectFigures(f: PlatformFigures, want: PlatformFigures): void {
  expect(f).toStrictEqual(want);
}

describe('the currency a card answers in', () => {
  const own = payOf(1_000, 500, 300, 60);
  const basePay = baseOf(payOf(56_000, 0, 200, 40), 2);

  it('is the platform’s own currency, every figure its own, while a rate is missing', () => {
    expectFigures(figuresOf({ base: basePay, inCurrency: own }, 'USD', 'PHP'), {
      currency: 'USD',
      inBase: false,
      effectivePerHour: own.effectivePerHour,
      receivedOnlyPerHour: own.receivedOnlyPerHour,
      paidOnlyPerHour: own.paidOnlyPerHour,
      unpaidShare: own.unpaidShare,
      paidMinutes: 300,
      unpaidMinutes: 60,
      receivedMinor: 1_000,
      pendingMinor: 500,
      // Its own currency needs no rate: nothing is left out of these figures.
      missingRateCount: 0,
    });
  });

  it('counts as the base currency when the platform’s own currency is the base', () => {
    const f = figuresOf({ base: basePay, inCurrency: own }, 'PHP', 'PHP');
    expect(f.currency).toBe('PHP');
    expect(f.inBase).toBe(true);
    expect(f.receivedMinor).toBe(1_000);
  });

  it('is the base currency, every figure the base one, when every entry has a rate', () => {
    const complete = baseOf(payOf(56_000, 5_600, 200, 40), 0);
    expectFigures(figuresOf({ base: complete, inCurrency: own }, 'USD', 'PHP'), {
      currency: 'PHP',
      inBase: true,
      effectivePerHour: complete.effectivePerHour,
      receivedOnlyPerHour: complete.receivedOnlyPerHour,
      paidOnlyPerHour: complete.paidOnlyPerHour,
      unpaidShare: complete.unpaidShare,
      paidMinutes: 200,
      unpaidMinutes: 40,
      receivedMinor: 56_000,
      pendingMinor: 5_600,
      missingRateCount: 0,
    });
  });

  it('is the base currency, with the entries left out counted, for a platform paid in several currencies', () => {
    const f = figuresOf({ base: basePay, inCurrency: null }, null, 'PHP');
    expect(f.currency).toBe('PHP');
    expect(f.inBase).toBe(true);
    expect(f.missingRateCount).toBe(2);
    expect(f.receivedMinor).toBe(56_000);
    // A currency without its own figures cannot answer either.
    const g = figuresOf({ base: basePay, inCurrency: null }, 'USD', 'PHP');
    expect(g).toMatchObject({ currency: 'PHP', inBase: true, missingRateCount: 2 });
  });
});

describe('a period’s figures', () => {
  it('add up only the period’s months, and their minutes are paid + unpaid', () => {
    const g = group('Alpha', 'PHP', [
      { month: '2026-02', received: 99_000, paid: 999 },
      { month: '2026-03', received: 6_000, paid: 100, unpaid: 20 },
      { month: '2026-05', received: 3_000, pending: 1_000, paid: 50, unpaid: 10 },
      { month: '2026-06', received: 77_000, paid: 777 },
    ]);
    const p = periodFigures(g, PERIOD, 'PHP');
    expect(p.period).toBe(PERIOD);
    expect(p.minutes).toBe(180);
    expect(p.figures.receivedMinor).toBe(9_000);
    expect(p.figures.pendingMinor).toBe(1_000);
    expect(p.figures.effectivePerHour).toBeCloseTo((10_000 / 180) * 60, 9);
  });

  it('show the own-currency effective pay beside base figures of a platform paid in one foreign currency', () => {
    const g = group('Alpha', 'USD', [
      { month: '2026-04', received: 56_000, paid: 60, ownReceived: 1_000 },
    ]);
    const p = periodFigures(g, PERIOD, 'PHP');
    expect(p.figures.currency).toBe('PHP');
    expect(p.own?.currency).toBe('USD');
    // US$10 over an hour, beside ₱560 an hour.
    expect(p.own?.effectivePerHour).toBeCloseTo(1_000, 9);
    expect(p.figures.effectivePerHour).toBeCloseTo(56_000, 9);
  });

  it('show no own-currency figure for a platform paid in the base currency', () => {
    const g = group('Alpha', 'PHP', [{ month: '2026-04', received: 6_000, paid: 60 }]);
    expect(periodFigures(g, PERIOD, 'PHP').own).toBeNull();
  });

  it('show no own-currency figure for a platform paid in several currencies', () => {
    const g = group('Alpha', null, [{ month: '2026-04', received: 6_000, paid: 60 }]);
    expect(periodFigures(g, PERIOD, 'PHP').own).toBeNull();
  });

  it('show no second own-currency figure when the card is already in the platform’s currency', () => {
    const g = group('Alpha', 'USD', [
      { month: '2026-04', received: 0, paid: 60, missing: 1, ownReceived: 1_000 },
    ]);
    const p = periodFigures(g, PERIOD, 'PHP');
    expect(p.figures.currency).toBe('USD');
    expect(p.own).toBeNull();
  });
});

function periodWith(minutes: number, over: Partial<PlatformFigures> = {}): PeriodFigures {
  const figures: PlatformFigures = {
    currency: 'PHP',
    inBase: true,
    effectivePerHour: 100,
    receivedOnlyPerHour: 100,
    paidOnlyPerHour: 100,
    unpaidShare: 0,
    paidMinutes: minutes,
    unpaidMinutes: 0,
    receivedMinor: 100,
    pendingMinor: 0,
    missingRateCount: 0,
    ...over,
  };
  return { period: PERIOD, figures, minutes, own: null };
}

describe('when a card is ranked', () => {
  it('needs at least an hour in the period: an hour is enough, a minute less is not', () => {
    expect(MIN_RANK_MINUTES).toBe(60);
    expect(unrankedReason(periodWith(60))).toBeNull();
    expect(unrankedReason(periodWith(59))).toBe('not-enough-time');
    expect(unrankedReason(periodWith(0))).toBe('not-enough-time');
  });

  it('needs an effective hourly figure', () => {
    expect(unrankedReason(periodWith(120, { effectivePerHour: null }))).toBe('not-enough-time');
  });

  it('needs figures in the base currency, with no entry left out for want of a rate', () => {
    expect(unrankedReason(periodWith(120, { inBase: false }))).toBe('rate-missing');
    expect(unrankedReason(periodWith(120, { missingRateCount: 1 }))).toBe('rate-missing');
  });

  it('names too little time first when the time is short and a rate is missing too', () => {
    expect(unrankedReason(periodWith(30, { inBase: false, missingRateCount: 1 }))).toBe(
      'not-enough-time',
    );
  });
});

describe('this month so far on a card', () => {
  const past = { month: '2026-04', received: 6_000, paid: 60 } as const;
  const soFar = (m: Omit<Month, 'month'>) =>
    platformCards([group('Alpha', 'PHP', [past, { month: '2026-06', ...m }])], TODAY, 'PHP')[0]!
      .soFar;

  it('is not shown with nothing logged this month', () => {
    expect(platformCards([group('Alpha', 'PHP', [past])], TODAY, 'PHP')[0]!.soFar).toBeNull();
    expect(soFar({})).toBeNull();
  });

  it('is shown with only minutes, only a received amount, only a pending amount, or only entries without a rate', () => {
    expect(soFar({ unpaid: 5 })?.minutes).toBe(5);
    expect(soFar({ received: 1 })?.figures.receivedMinor).toBe(1);
    expect(soFar({ pending: 1 })?.figures.pendingMinor).toBe(1);
    const missing = platformCards(
      [group('Alpha', null, [past, { month: '2026-06', missing: 1 }])],
      TODAY,
      'PHP',
    )[0]!.soFar;
    expect(missing?.figures.missingRateCount).toBe(1);
  });

  it('is this month from its 1st to today, never ranked', () => {
    const s = soFar({ received: 6_000, paid: 600 })!;
    expect(s.period).toMatchObject({ kind: 'month-so-far', months: ['2026-06'], to: TODAY });
  });
});

describe('the cards', () => {
  it('are the platforms’ groups only, never a member’s', () => {
    const cards = platformCards(
      [group(null, 'PHP', [{ month: '2026-04', received: 1, paid: 60 }])],
      TODAY,
      'PHP',
    );
    expect(cards).toStrictEqual([]);
  });

  it('carry the group’s key and platform, the period’s figures and why they are not ranked', () => {
    const g = group('Alpha', 'PHP', [{ month: '2026-04', received: 6_000, paid: 30 }]);
    const [card] = platformCards([g], TODAY, 'PHP');
    expect(card).toMatchObject({
      key: 'platform:Alpha',
      platform: 'Alpha',
      unranked: 'not-enough-time',
    });
    expect(card!.main).toStrictEqual(periodFigures(g, PERIOD, 'PHP'));
  });

  it('read the period given instead of the last 3 complete months', () => {
    const g = group('Alpha', 'PHP', [{ month: '2026-01', received: 6_000, paid: 60 }]);
    const jan = completeMonths(TODAY, 1, '2026-01');
    const [card] = platformCards([g], TODAY, 'PHP', jan);
    expect(card!.main.period).toBe(jan);
    expect(card!.unranked).toBeNull();
  });

  const arbCard = fc.record({
    platform: fc.constantFrom('Alpha', 'Beta', 'Gamma', 'Delta', 'Eta', 'Zeta'),
    received: fc.integer({ min: 0, max: 50_000 }),
    paid: fc.integer({ min: 0, max: 200 }),
    missing: fc.oneof(fc.constant(0), fc.integer({ min: 0, max: 2 })),
  });

  it('put ranked cards first, best effective hourly pay first, then the others, each by name on a tie', () => {
    fc.assert(
      fc.property(
        fc.uniqueArray(arbCard, { selector: (c) => c.platform, maxLength: 6 }),
        (draws) => {
          const groups = draws.map((d) =>
            group(d.platform, d.missing > 0 ? null : 'PHP', [
              // Amounts in hundreds so that ties in hourly pay happen.
              {
                month: '2026-04',
                received: Math.round(d.received / 100) * 100,
                paid: d.paid,
                missing: d.missing,
              },
            ]),
          );
          const cards = platformCards(groups, TODAY, 'PHP');
          expect(cards.map((c) => c.platform).sort()).toStrictEqual(
            draws.map((d) => d.platform).sort(),
          );
          for (let i = 1; i < cards.length; i++) {
            const a = cards[i - 1]!;
            const b = cards[i]!;
            const ra = a.unranked === null;
            const rb = b.unranked === null;
            // Never an unranked card before a ranked one.
            expect(!ra && rb).toBe(false);
            if (ra && rb) {
              const ea = a.main.figures.effectivePerHour!;
              const eb = b.main.figures.effectivePerHour!;
              expect(ea).toBeGreaterThanOrEqual(eb);
              if (ea === eb) expect(a.platform < b.platform).toBe(true);
            }
            if (!ra && !rb) expect(a.platform < b.platform).toBe(true);
          }
          // The order depends on the figures only, never on the order the groups came in.
          const reversed = platformCards([...groups].reverse(), TODAY, 'PHP');
          expect(reversed.map((c) => c.platform)).toStrictEqual(cards.map((c) => c.platform));
        },
      ),
      { numRuns: 300 },
    );
  });
});

describe('whether the hourly chart is worth drawing', () => {
  it('is when some platform has an effective hourly figure in the base currency', () => {
    const g = group('Alpha', 'PHP', [{ month: '2026-04', received: 0, paid: 60 }]);
    expect(hasBasePay([g])).toBe(true);
  });

  it('is when some platform has earned in the base currency, even without minutes', () => {
    const g = group('Alpha', 'PHP', [{ month: '2026-04', pending: 1 }]);
    expect(g.base.effectivePerHour).toBeNull();
    expect(hasBasePay([g])).toBe(true);
  });

  it('is not with no platform, or with nothing earned and no minutes in the base currency', () => {
    expect(hasBasePay([])).toBe(false);
    const g = group('Alpha', null, [{ month: '2026-04', missing: 3 }]);
    expect(hasBasePay([g])).toBe(false);
  });
});
