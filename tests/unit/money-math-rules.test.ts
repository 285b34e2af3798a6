/**
 * The rules of exact money arithmetic (domain/money-math.ts), each against a plain reading of the
 * rule that shares no code with the module: sums and differences are exact and refuse to leave
 * the safe integers, scaling rounds the way the caller says and never stores −0, the rate in force
 * is the latest live one on or before the date (the last of a date wins), and a conversion is the
 * exact fraction rounded once, half away from zero, up to MAX_MINOR and not past it.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { AnyamError, type MinorUnits } from '../../src/lib/domain/model';
import { MAX_MINOR } from '../../src/lib/domain/money';
import {
  addMinor,
  convertMinor,
  rateInForce,
  scaleMinor,
  subMinor,
  sumMinor,
  toBaseMinor,
} from '../../src/lib/domain/money-math';

const RUNS = { numRuns: 300 };
const amountArb = fc.integer({ min: -1_000_000_000_000, max: 1_000_000_000_000 });

function errorOf(f: () => unknown): AnyamError {
  try {
    f();
  } catch (e) {
    if (e instanceof AnyamError) return e;
    throw e;
  }
  throw new Error('no error thrown');
}

describe('sums and differences', () => {
  it('a sum is every amount added, 0 for none', () => {
    expect(sumMinor([])).toBe(0);
    fc.assert(
      fc.property(fc.array(amountArb, { maxLength: 20 }), (amounts) => {
        let want = 0n;
        for (const a of amounts) want += BigInt(a);
        expect(sumMinor(amounts as MinorUnits[])).toBe(Number(want));
        // Any iterable, read once.
        expect(sumMinor(new Set(amounts) as Set<MinorUnits>)).toBe(
          [...new Set(amounts)].reduce((s, a) => s + a, 0),
        );
      }),
      RUNS,
    );
  });

  it('a difference is the first less the second, negative when the second is larger', () => {
    fc.assert(
      fc.property(amountArb, amountArb, (a, b) => {
        expect(subMinor(a as MinorUnits, b as MinorUnits)).toBe(Number(BigInt(a) - BigInt(b)));
        expect(addMinor(a as MinorUnits, b as MinorUnits)).toBe(Number(BigInt(a) + BigInt(b)));
      }),
      RUNS,
    );
    expect(subMinor(300, 500)).toBe(-200);
  });

  it('a sum or difference that leaves the safe integers is refused as money/invalid', () => {
    const max = Number.MAX_SAFE_INTEGER;
    expect(errorOf(() => sumMinor([max, 1])).code).toBe('money/invalid');
    expect(errorOf(() => subMinor(-max, 1)).code).toBe('money/invalid');
  });
});

describe('scaling', () => {
  it('rounds the exact product the way the caller says', () => {
    expect(scaleMinor(5, 0.5, Math.round)).toBe(3);
    expect(scaleMinor(5, 0.5, Math.floor)).toBe(2);
    expect(scaleMinor(5, 0.5, Math.ceil)).toBe(3);
    expect(scaleMinor(-5 as MinorUnits, 0.5, Math.trunc)).toBe(-2);
    expect(scaleMinor(1_200, 52 / 12, Math.round)).toBe(5_200);
  });

  it('never gives −0: what is stored is 0', () => {
    for (const [amount, factor, rounding] of [
      [0, -1, Math.round],
      [1, -0.4, Math.round],
      [-3, 0.1, Math.trunc],
      [-1, 0.2, Math.ceil],
    ] as const) {
      const result = scaleMinor(amount, factor, rounding);
      expect(Object.is(result, 0)).toBe(true);
    }
  });

  it('refuses a product that is not a whole safe number', () => {
    expect(errorOf(() => scaleMinor(1, 0.5, (x) => x)).code).toBe('money/invalid');
  });
});

interface Rate {
  id: string;
  currency: string;
  date: string;
  value: string;
  deletedAt?: string | null;
}

const rateArb: fc.Arbitrary<Omit<Rate, 'id'>> = fc.record({
  currency: fc.constantFrom('USD', 'SGD'),
  date: fc.constantFrom('2026-01-01', '2026-02-10', '2026-02-11', '2026-03-31'),
  value: fc.constantFrom('1', '2', '3'),
  deletedAt: fc.constantFrom(null, undefined, '2026-04-01T00:00:00.000Z'),
});

describe('the rate in force', () => {
  it('is the latest live rate of the currency on or before the date, the last of a date winning', () => {
    fc.assert(
      fc.property(
        fc.array(rateArb, { maxLength: 10 }),
        fc.constantFrom('2025-12-31', '2026-01-01', '2026-02-10', '2026-02-11', '2026-12-31'),
        (drawn, date) => {
          const rates: Rate[] = drawn.map((r, i) => ({ ...r, id: `r${i}` }));
          let want: Rate | null = null;
          for (let i = rates.length - 1; i >= 0; i--) {
            const r = rates[i]!;
            if (r.currency !== 'USD' || r.date > date || r.deletedAt) continue;
            if (want === null || r.date > want.date) want = r;
          }
          expect(rateInForce(rates, 'USD', date)).toBe(want);
        },
      ),
      RUNS,
    );
  });

  it('is the rate dated on the day itself', () => {
    const rates = [
      { currency: 'USD', date: '2026-02-10', value: '1' },
      { currency: 'USD', date: '2026-02-11', value: '2' },
    ];
    expect(rateInForce(rates, 'USD', '2026-02-11')).toBe(rates[1]);
    expect(rateInForce(rates, 'USD', '2026-02-10')).toBe(rates[0]);
  });
});

/** 10^n as a BigInt. */
const pow10 = (n: number) => 10n ** BigInt(n);

/**
 * amount (minor units of `fromExp` digits) × rate → minor units of `toExp` digits, the exact
 * fraction rounded half away from zero: round(|n| / d) = floor((2|n| + d) / 2d).
 */
function reference(amount: number, rate: string, fromExp: number, toExp: number): bigint {
  const [whole, frac = ''] = rate.split('.');
  const n = BigInt(amount) * BigInt(whole! + frac) * pow10(toExp);
  const d = pow10(frac.length + fromExp);
  const abs = n < 0n ? -n : n;
  const rounded = (2n * abs + d) / (2n * d);
  return n < 0n ? -rounded : rounded;
}

describe('a conversion', () => {
  const pairs = [
    ['USD', 2, 'IDR', 2],
    ['IDR', 2, 'USD', 2],
    ['VND', 0, 'USD', 2],
    ['USD', 2, 'VND', 0],
    ['KWD', 3, 'USD', 2],
    ['USD', 2, 'KWD', 3],
    ['PHP', 2, 'PHP', 2],
  ] as const;
  const rateArb2 = fc
    .tuple(fc.integer({ min: 0, max: 99_999 }), fc.stringMatching(/^[0-9]{0,6}$/), fc.boolean())
    .map(([whole, frac, dot]) => (dot && frac !== '' ? `${whole}.${frac}` : `${whole}`))
    .filter((r) => /[1-9]/.test(r));

  it('is the exact fraction rounded once, half away from zero', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: -10_000_000_000, max: 10_000_000_000 }),
        rateArb2,
        fc.constantFrom(...pairs),
        (amount, rate, [from, fromExp, to, toExp]) => {
          const want = reference(amount, rate, fromExp, toExp);
          if (want > BigInt(MAX_MINOR) || want < -BigInt(MAX_MINOR)) return;
          const got = convertMinor(amount, from, to, rate);
          expect(got).toBe(Number(want));
          expect(Object.is(got, -0)).toBe(false);
        },
      ),
      RUNS,
    );
  });

  it('of half a unit rounds away from zero, both ways, and of less rounds to 0, never −0', () => {
    expect(convertMinor(5, 'VND', 'VND', '0.1')).toBe(1);
    expect(convertMinor(-5, 'VND', 'VND', '0.1')).toBe(-1);
    expect(convertMinor(1, 'VND', 'USD', '0.005')).toBe(1); // 0.5 cent
    expect(convertMinor(1, 'VND', 'USD', '0.00499')).toBe(0);
    expect(Object.is(convertMinor(-1, 'VND', 'USD', '0.00499'), 0)).toBe(true);
  });

  it('reaches MAX_MINOR, and refuses one minor unit past it as money/too-large', () => {
    expect(convertMinor(MAX_MINOR, 'USD', 'USD', '1')).toBe(MAX_MINOR);
    expect(convertMinor(-MAX_MINOR, 'USD', 'USD', '1')).toBe(-MAX_MINOR);
    // 1,999,999,999,999,999 × 0.5 rounds up to MAX_MINOR; 2,000,000,000,000,001 × 0.5 to one past it.
    expect(convertMinor(2 * MAX_MINOR - 1, 'USD', 'USD', '0.5')).toBe(MAX_MINOR);
    const past = errorOf(() => convertMinor(2 * MAX_MINOR + 1, 'USD', 'USD', '0.5'));
    expect(past.code).toBe('money/too-large');
    expect(past.details).toEqual({
      amountMinor: 2 * MAX_MINOR + 1,
      fromCurrency: 'USD',
      toCurrency: 'USD',
    });
    expect(errorOf(() => convertMinor(-MAX_MINOR, 'USD', 'IDR', '2')).code).toBe('money/too-large');
  });
});

describe('an amount in the base currency', () => {
  const rates = [
    { currency: 'USD', date: '2026-01-01', value: '16000' },
    { currency: 'USD', date: '2026-03-01', value: '16500' },
  ];

  it('is the amount itself in the base currency, whatever the rates', () => {
    expect(toBaseMinor(123, 'IDR', 'IDR', '1999-01-01', [])).toBe(123);
  });

  it('is converted at the rate in force on its date', () => {
    expect(toBaseMinor(100, 'USD', 'IDR', '2026-02-28', rates)).toBe(1_600_000);
    expect(toBaseMinor(100, 'USD', 'IDR', '2026-03-01', rates)).toBe(1_650_000);
  });

  it('is refused as rate/missing, naming the currency and date, without a rate in force', () => {
    const e = errorOf(() => toBaseMinor(100, 'USD', 'IDR', '2025-12-31', rates));
    expect(e.code).toBe('rate/missing');
    expect(e.details).toEqual({ currency: 'USD', date: '2025-12-31' });
  });
});
