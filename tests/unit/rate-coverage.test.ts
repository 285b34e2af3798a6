import { describe, expect, it } from 'vitest';
import { AnyamError } from '../../src/lib/domain/model';
import { checkRateValue } from '../../src/lib/domain/money';
import {
  defaultRateDate,
  earliestUncovered,
  entriesConverted,
  promptRateDate,
  uncoveredBefore,
  uncoveredEntries,
} from '../../src/lib/domain/rate-coverage';

/** Twelve USD entries over three past months, four a month. */
const ENTRIES = [
  '2026-09-03',
  '2026-09-10',
  '2026-09-17',
  '2026-09-24',
  '2026-10-01',
  '2026-10-08',
  '2026-10-15',
  '2026-10-22',
  '2026-11-05',
  '2026-11-12',
  '2026-11-19',
  '2026-11-26',
];
const TODAY = '2026-11-30';

function codeOf(fn: () => unknown): string {
  try {
    fn();
  } catch (e) {
    if (e instanceof AnyamError) return e.code;
    throw e;
  }
  return 'no error';
}

describe('earliest uncovered entry', () => {
  it('is the first entry when there is no rate at all', () => {
    expect(earliestUncovered(ENTRIES, [])).toBe('2026-09-03');
    expect(uncoveredEntries(ENTRIES, [])).toEqual({
      count: 12,
      earliest: '2026-09-03',
      latest: '2026-11-26',
      firstRate: null,
    });
  });

  it('is null once the first rate is on or before the first entry', () => {
    expect(earliestUncovered(ENTRIES, ['2026-09-03'])).toBeNull();
    expect(earliestUncovered(ENTRIES, ['2026-01-01', '2026-10-01'])).toBeNull();
    expect(earliestUncovered([], [])).toBeNull();
  });

  it('counts the entries before the first rate, as a rate entered today leaves them', () => {
    expect(uncoveredEntries(ENTRIES, [TODAY])).toEqual({
      count: 12,
      earliest: '2026-09-03',
      latest: '2026-11-26',
      firstRate: TODAY,
    });
    expect(uncoveredEntries(ENTRIES, ['2026-10-08', '2026-11-20'])).toMatchObject({
      count: 5,
      latest: '2026-10-01',
    });
  });

  it('follows a rate whose date is moved back, then forth', () => {
    const others = ['2026-11-20'];
    // The rate starts on 15 Oct: the six entries before it have none.
    expect(uncoveredEntries(ENTRIES, [...others, '2026-10-15']).count).toBe(6);
    // Moved back to 1 Sep: nothing is left uncovered.
    expect(uncoveredEntries(ENTRIES, [...others, '2026-09-01']).count).toBe(0);
    expect(earliestUncovered(ENTRIES, [...others, '2026-09-01'])).toBeNull();
    // Moved forth to 1 Dec: the other rate (20 Nov) is now the first; eleven entries precede it.
    expect(uncoveredEntries(ENTRIES, [...others, '2026-12-01']).count).toBe(11);
    expect(earliestUncovered(ENTRIES, [...others, '2026-12-01'])).toBe('2026-09-03');
  });

  it('gives the rate form its default date: the earliest uncovered entry, else today', () => {
    expect(defaultRateDate(ENTRIES, [], TODAY)).toBe('2026-09-03');
    expect(defaultRateDate(ENTRIES, ['2026-10-08'], TODAY)).toBe('2026-09-03');
    expect(defaultRateDate(ENTRIES, ['2026-09-01'], TODAY)).toBe(TODAY);
  });

  it('stores a rate typed in quick add from the earliest uncovered entry', () => {
    // An entry on 26 Nov with eleven earlier entries lacking a rate: the rate starts 3 Sep.
    expect(promptRateDate('2026-11-26', ENTRIES, [])).toBe('2026-09-03');
    // The first entry of the currency: the rate starts on its own date.
    expect(promptRateDate('2026-09-03', [], [])).toBe('2026-09-03');
    // An entry dated before every other one.
    expect(promptRateDate('2026-08-01', ENTRIES, [])).toBe('2026-08-01');
  });
});

describe('uncovered entries before a date', () => {
  it('counts the earlier entries a rate typed in quick add will also cover', () => {
    expect(uncoveredBefore(ENTRIES, [], '2026-11-26')).toBe(11);
    expect(uncoveredBefore(ENTRIES, [], '2026-09-03')).toBe(0);
    // A rate from 1 Oct covers the later ones: only September's four lack one.
    expect(uncoveredBefore(ENTRIES, ['2026-10-01'], '2026-09-30')).toBe(4);
    expect(uncoveredBefore(ENTRIES, ['2026-10-01'], '2026-11-26')).toBe(4);
  });
});

describe('converts n entries', () => {
  it('counts every entry from the rate date when it is the only rate', () => {
    expect(entriesConverted(ENTRIES, [], '2026-09-03')).toBe(12);
    expect(entriesConverted(ENTRIES, [], '2026-10-01')).toBe(8);
  });

  it('says 0 for a rate dated after every entry it was meant to cover', () => {
    expect(entriesConverted(ENTRIES, [], TODAY)).toBe(0);
    expect(entriesConverted([], [], '2026-09-03')).toBe(0);
  });

  it('stops at the next later rate', () => {
    expect(entriesConverted(ENTRIES, ['2026-11-01'], '2026-09-03')).toBe(8);
    expect(entriesConverted(ENTRIES, ['2026-08-01', '2026-11-01'], '2026-10-01')).toBe(4);
  });

  it('follows an edited rate whose date moves back and forth (its old date left out)', () => {
    const others = ['2026-11-01'];
    expect(entriesConverted(ENTRIES, others, '2026-10-15')).toBe(2);
    expect(entriesConverted(ENTRIES, others, '2026-09-01')).toBe(8);
    expect(entriesConverted(ENTRIES, others, '2026-11-15')).toBe(2);
    expect(entriesConverted(ENTRIES, others, '2026-09-01')).toBe(8);
  });

  it('counts entries on the rate date itself, and same-day entries once', () => {
    const sameDay = ['2026-09-03', '2026-09-03', '2026-09-04'];
    expect(entriesConverted(sameDay, [], '2026-09-03')).toBe(3);
    expect(entriesConverted(sameDay, ['2026-09-04'], '2026-09-03')).toBe(2);
  });
});

describe('rate values', () => {
  it.each(['1', '56.12', '16250.5', '10000000', '0.0000001', '0.00000010'])('accepts %s', (v) => {
    expect(codeOf(() => checkRateValue(v))).toBe('no error');
  });
  it.each([
    ['0', 'rate/invalid-value'],
    ['0.000', 'rate/invalid-value'],
    ['-5', 'rate/invalid-value'],
    ['abc', 'rate/invalid-value'],
    ['', 'rate/invalid-value'],
    ['10000000.01', 'rate/too-high'],
    ['10000001', 'rate/too-high'],
    ['123456789', 'rate/too-high'],
    ['0.00000009', 'rate/too-low'],
    ['0.00000001', 'rate/too-low'],
  ])('refuses %j with %s', (v, code) => {
    expect(codeOf(() => checkRateValue(v))).toBe(code);
  });
});
