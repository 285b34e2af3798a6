// @vitest-environment jsdom
import { cleanup, render, screen } from '@testing-library/svelte';
import { afterEach, describe, expect, it } from 'vitest';
import type { Entry, Rate } from '../../src/lib/domain/model';
import MonthTotal from '../../src/views/entries/MonthTotal.svelte';

afterEach(cleanup);

const plain = (s: string | null) => (s ?? '').replace(/[\u00A0\u202F\s]+/g, ' ').trim();

function entry(over: Partial<Entry>): Entry {
  return {
    id: Math.random().toString(36).slice(2),
    createdAt: '2026-11-01T00:00:00.000Z',
    updatedAt: '2026-11-01T00:00:00.000Z',
    deletedAt: null,
    streamId: 's',
    memberId: 'm',
    date: '2026-11-10',
    amountMinor: 0,
    currency: 'IDR',
    status: 'received',
    paidMinutes: 0,
    unpaidMinutes: 0,
    note: '',
    isSample: false,
    ...over,
  };
}

const usdRate: Rate = {
  id: 'r1',
  createdAt: '2026-11-01T00:00:00.000Z',
  updatedAt: '2026-11-01T00:00:00.000Z',
  deletedAt: null,
  currency: 'USD',
  date: '2026-11-01',
  value: '16000',
  isSample: false,
};

describe('the Entries month total', () => {
  it('gives one total in the base currency, amounts per currency, and what has no rate', () => {
    const entries = [
      entry({ amountMinor: 718_000_000, currency: 'IDR' }), // Rp 7,180,000
      entry({ amountMinor: 1_800, currency: 'USD' }), // US$18 at 16,000 = Rp 288,000
      entry({ amountMinor: 200, currency: 'USD', status: 'pending' }), // US$2 = Rp 32,000
      entry({ amountMinor: 50_000, currency: 'PHP' }), // ₱500: no PHP rate
    ];
    render(MonthTotal, { entries, period: 'November 2026', baseCurrency: 'IDR', rates: [usdRate] });
    const main = plain(screen.getByTestId('month-total').querySelector('.main')!.textContent);
    expect(main).toBe('Received IDR 7,468,000 · Pending IDR 32,000 · 1 entries have no rate');
    expect(plain(screen.getByTestId('month-by-currency').textContent)).toBe(
      'By currency: IDR 7,180,000 · ₱500.00 · $18.00 + Pending $2.00',
    );
  });

  it('counts an entry dated before its currency has a rate as having none', () => {
    const entries = [entry({ amountMinor: 1_800, currency: 'USD', date: '2026-10-31' })];
    render(MonthTotal, { entries, period: 'November 2026', baseCurrency: 'IDR', rates: [usdRate] });
    expect(plain(screen.getByTestId('month-no-rate').textContent)).toBe('· 1 entries have no rate');
    expect(plain(screen.getByTestId('month-total').textContent)).toContain('Received IDR 0');
  });

  it('shows no second line when everything is in the base currency', () => {
    render(MonthTotal, {
      entries: [entry({ amountMinor: 100_000 })],
      period: 'November so far',
      baseCurrency: 'IDR',
      rates: [],
    });
    expect(screen.queryByTestId('month-by-currency')).toBeNull();
    expect(screen.queryByTestId('month-no-rate')).toBeNull();
  });

  it('names the period its total covers, above the total', () => {
    render(MonthTotal, {
      entries: [entry({ amountMinor: 100_000, date: '2026-12-02' })],
      period: 'December so far',
      baseCurrency: 'IDR',
      rates: [],
    });
    const card = screen.getByTestId('month-total');
    expect(plain(screen.getByTestId('month-total-period').textContent)).toBe('December so far');
    expect(plain(card.textContent)).toBe('December so far Received IDR 1,000');
  });
});
