// Issue 28 (mutation round): savings places (places.ts): the one place the upgrade makes of the
// snapshots from before places, the balance rule's details, and a balance as typed.
import { describe, expect, it } from 'vitest';
import { AnyamError } from '../../src/lib/domain/model';
import {
  MIGRATED_PLACE_ID,
  checkBalance,
  migratedPlace,
  parseBalance,
} from '../../src/lib/domain/places';

const snapshot = (date: string, currency: string, createdAt: string, isSample?: boolean) => ({
  date,
  currency,
  createdAt,
  updatedAt: '2026-06-01T00:00:00.000Z',
  ...(isSample === undefined ? {} : { isSample }),
});

describe('the place the upgrade makes of the snapshots before places', () => {
  it('is none without a snapshot', () => {
    expect(migratedPlace([], 'PHP')).toBeNull();
  });

  it('is "Savings", of kind other, in the currency of the latest snapshot by date, dated like the oldest record', () => {
    const rows = [
      snapshot('2026-03-01', 'USD', '2026-03-02T00:00:00.000Z'),
      snapshot('2026-05-01', 'VND', '2026-01-05T00:00:00.000Z'),
      snapshot('2026-01-01', 'IDR', '2026-04-01T00:00:00.000Z'),
    ];
    expect(migratedPlace(rows, 'PHP')).toEqual({
      id: MIGRATED_PLACE_ID,
      createdAt: '2026-01-05T00:00:00.000Z',
      updatedAt: '2026-01-05T00:00:00.000Z',
      deletedAt: null,
      name: 'Savings',
      kind: 'other',
      currency: 'VND',
      isSample: false,
    });
    // Whatever order the snapshots come in.
    expect(migratedPlace([...rows].reverse(), 'PHP')).toEqual(migratedPlace(rows, 'PHP'));
    expect(migratedPlace([rows[1]!, rows[0]!, rows[2]!], 'PHP')!.currency).toBe('VND');
  });

  it('is a sample place only when every snapshot is a sample', () => {
    const at = '2026-01-01T00:00:00.000Z';
    expect(migratedPlace([snapshot('2026-01-01', 'PHP', at, true)], 'PHP')!.isSample).toBe(true);
    expect(
      migratedPlace(
        [snapshot('2026-01-01', 'PHP', at, true), snapshot('2026-01-02', 'PHP', at)],
        'PHP',
      )!.isSample,
    ).toBe(false);
    expect(migratedPlace([snapshot('2026-01-01', 'PHP', at)], 'PHP')!.isSample).toBe(false);
  });
});

describe('a balance', () => {
  it('below zero is refused for a place that is not "other", naming the field and the kind', () => {
    try {
      checkBalance('bank', -1);
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(AnyamError);
      expect((e as AnyamError).details).toEqual({ field: 'amount', kind: 'bank' });
    }
  });

  it('as typed: a minus or a minus sign makes it a debt, and "-0" is 0', () => {
    expect(parseBalance('  -1.25 ', 'USD', 'en-US')).toBe(-125);
    expect(parseBalance('\u22121.25', 'USD', 'en-US')).toBe(-125);
    expect(Object.is(parseBalance('-0', 'USD', 'en-US'), 0)).toBe(true);
    expect(parseBalance('1.25', 'USD', 'en-US')).toBe(125);
  });

  it('is a debt only with the minus first: after the symbol it is a negative amount, refused', () => {
    const code = (input: string) => {
      try {
        return parseBalance(input, 'IDR', 'id-ID');
      } catch (e) {
        return e instanceof AnyamError ? e.code : String(e);
      }
    };
    expect(code('-5.000')).toBe(-500_000);
    expect(code('Rp -5.000')).toBe('money/negative');
  });
});
