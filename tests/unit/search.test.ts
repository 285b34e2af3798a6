import { describe, expect, it } from 'vitest';
import type { Entry } from '../../src/lib/domain/model';
import {
  addToTotal,
  checkSearch,
  compileSearch,
  EMPTY_SEARCH,
  EMPTY_TOTAL,
  foldText,
  isSearching,
  matchesWords,
  searchWords,
  type EntrySearch,
} from '../../src/lib/domain/search';
import { entryFactory, memberFactory, streamFactory } from '../factories';

const search = (patch: Partial<EntrySearch>): EntrySearch => ({ ...EMPTY_SEARCH, ...patch });
const finds = (query: string, ...fields: string[]) =>
  matchesWords(searchWords(query), fields.map(foldText));

describe('text matching, whatever the accents and the case', () => {
  it('finds Vietnamese names and words typed without their marks', () => {
    expect(finds('nguyen', 'Nguyễn Văn Minh')).toBe(true);
    expect(finds('NGUYỄN', 'nguyen van minh')).toBe(true);
    expect(finds('tien cong', 'Tiền công tháng 3')).toBe(true);
    // Đ is its own letter (NFD keeps it); plain keyboards type d.
    expect(finds('dong', 'Đồng hồ')).toBe(true);
    expect(finds('đà nẵng', 'Da Nang office')).toBe(true);
    expect(finds('hui', 'Góp hụi')).toBe(true);
  });

  it('finds Indonesian words in any case, and accented loanwords without accents', () => {
    expect(finds('gopay', 'Pencairan GoPay')).toBe(true);
    expect(finds('ARISAN', 'Arisan RT 05')).toBe(true);
    expect(finds('kafe', 'Kafé Sari')).toBe(true);
  });

  it('finds Filipino words with ñ typed as n', () => {
    expect(finds('penafrancia', 'Peñafrancia payout')).toBe(true);
    expect(finds('Niño', 'Santo Nino')).toBe(true);
    expect(finds('gcash', 'GCash padala')).toBe(true);
  });

  it('needs every word, each in any field, and nothing else', () => {
    expect(finds('gcash march', 'GCash', 'payout March')).toBe(true);
    expect(finds('gcash april', 'GCash', 'payout March')).toBe(false);
    expect(finds('nguyen', 'Ng uyen')).toBe(false);
    expect(searchWords('   ')).toEqual([]);
  });
});

describe('ranges', () => {
  it('refuses an inverted amount range or date range instead of showing everything', () => {
    expect(() => checkSearch(search({ amountMin: 500, amountMax: 100, currency: 'IDR' }))).toThrow(
      expect.objectContaining({ code: 'search/inverted-amounts' }),
    );
    expect(() => checkSearch(search({ from: '2026-03-01', to: '2026-02-28' }))).toThrow(
      expect.objectContaining({ code: 'search/inverted-dates' }),
    );
    expect(() => checkSearch(search({ amountMin: 1 }))).toThrow(
      expect.objectContaining({ code: 'search/amount-currency' }),
    );
    expect(() =>
      checkSearch(
        search({
          amountMin: 100,
          amountMax: 100,
          currency: 'IDR',
          from: '2026-01-01',
          to: '2026-01-01',
        }),
      ),
    ).not.toThrow();
  });

  it('counts a search as searching only when it asks for text or a range', () => {
    expect(isSearching(EMPTY_SEARCH)).toBe(false);
    expect(isSearching(search({ streamId: 'x' }))).toBe(false);
    expect(isSearching(search({ text: ' gcash ' }))).toBe(true);
    expect(isSearching(search({ to: '2026-01-01' }))).toBe(true);
    expect(isSearching(search({ amountMax: 5, currency: 'USD' }))).toBe(true);
  });

  it('one bound alone is a search too: a lowest amount, or a first day', () => {
    expect(isSearching(search({ amountMin: 5, currency: 'USD' }))).toBe(true);
    expect(isSearching(search({ from: '2026-01-01' }))).toBe(true);
  });

  it('each refusal names the field to correct, which the form marks', () => {
    const fieldOf = (s: Partial<EntrySearch>) => {
      try {
        checkSearch(search(s));
      } catch (error) {
        return (error as { details: unknown }).details;
      }
      return null;
    };
    expect(fieldOf({ amountMin: 500, amountMax: 100, currency: 'IDR' })).toEqual({
      field: 'amountMax',
    });
    expect(fieldOf({ from: '2026-03-01', to: '2026-02-28' })).toEqual({ field: 'to' });
    expect(fieldOf({ amountMin: 1 })).toEqual({ field: 'currency' });
    // A highest amount alone needs its currency as much as a lowest one.
    expect(fieldOf({ amountMax: 1 })).toEqual({ field: 'currency' });
  });
});

describe('one entry against a search', () => {
  const ana = memberFactory.build({ name: 'Ana Peñaflor' });
  const minh = memberFactory.build({ name: 'Nguyễn Minh' });
  const gcash = streamFactory.build({
    memberId: ana.id,
    name: 'Paluwagan',
    platform: 'GCash',
    kind: 'support',
    currency: 'PHP',
  });
  const grab = streamFactory.build({
    memberId: minh.id,
    name: 'Xe ôm',
    platform: 'Grab',
    kind: 'informal',
    currency: 'VND',
  });
  const streams = [gcash, grab];
  const members = [ana, minh];
  const entry = (patch: Partial<Entry>): Entry =>
    entryFactory.build({
      streamId: gcash.id,
      memberId: ana.id,
      currency: 'PHP',
      date: '2026-03-14',
      amountMinor: 150_000,
      status: 'received',
      note: '',
      deletedAt: null,
      ...patch,
    });
  const run = (s: Partial<EntrySearch>, e: Partial<Entry>) =>
    compileSearch(search(s), streams, members)(entry(e));

  it('matches text in the stream, the platform, the member and the note', () => {
    expect(run({ text: 'paluwagan' }, {})).toBe(true);
    expect(run({ text: 'gcash' }, {})).toBe(true);
    expect(run({ text: 'penaflor' }, {})).toBe(true);
    expect(run({ text: 'nguyen' }, { streamId: grab.id, memberId: minh.id })).toBe(true);
    expect(run({ text: 'tien thuong' }, { streamId: grab.id, note: 'Tiền thưởng Tết' })).toBe(true);
    expect(run({ text: 'grab' }, {})).toBe(false);
  });

  it('keeps an amount range to its currency, ends included', () => {
    const r = { amountMin: 100_000, amountMax: 150_000, currency: 'PHP' };
    expect(run(r, {})).toBe(true);
    expect(run(r, { amountMinor: 100_000 })).toBe(true);
    expect(run(r, { amountMinor: 150_001 })).toBe(false);
    expect(run(r, { amountMinor: 99_999 })).toBe(false);
    expect(run({ ...r, currency: 'VND' }, {})).toBe(false);
    expect(run({ amountMin: 1_000_000_00, currency: 'PHP' }, { amountMinor: 1_000_000_00 })).toBe(
      true,
    );
  });

  it('keeps a date range of any span, ends included', () => {
    const r = { from: '2024-01-01', to: '2026-03-14' };
    expect(run(r, {})).toBe(true);
    expect(run(r, { date: '2024-01-01' })).toBe(true);
    expect(run(r, { date: '2026-03-15' })).toBe(false);
    expect(run(r, { date: '2023-12-31' })).toBe(false);
  });

  it('applies the browse filters and never finds a deleted entry', () => {
    expect(run({ kind: 'support' }, {})).toBe(true);
    expect(run({ kind: 'formal' }, {})).toBe(false);
    expect(run({ status: 'pending' }, {})).toBe(false);
    expect(run({ memberId: minh.id }, {})).toBe(false);
    expect(run({ streamId: gcash.id }, {})).toBe(true);
    expect(run({}, { deletedAt: '2026-03-15T00:00:00.000Z' })).toBe(false);
  });

  it('a filter keeps what it names and leaves out the rest', () => {
    expect(run({ streamId: grab.id }, {})).toBe(false);
    expect(run({ memberId: ana.id }, {})).toBe(true);
    expect(run({ status: 'received' }, {})).toBe(true);
    expect(run({ status: 'received' }, { status: 'pending' })).toBe(false);
  });

  it('a highest amount alone keeps to its currency and leaves out larger amounts', () => {
    const r = { amountMax: 100_000, currency: 'PHP' };
    expect(run(r, { amountMinor: 100_000 })).toBe(true);
    expect(run(r, { amountMinor: 100_001 })).toBe(false);
    expect(run(r, { amountMinor: 5, currency: 'VND' })).toBe(false);
  });

  it('a word is found within one field, never across the end of one and the start of the next', () => {
    // "Paluwagan" then "GCash": "gangcash" runs across the name's end and the platform's start.
    expect(run({ text: 'gangcash' }, {})).toBe(false);
    expect(run({ text: 'gan gcash' }, {})).toBe(true);
  });

  it('a note that does not hold the words finds nothing; a stream or member not known adds no words', () => {
    expect(run({ text: 'bonus' }, { note: 'Tiền thưởng' })).toBe(false);
    expect(run({ text: 'here' }, { streamId: 'gone', memberId: 'gone' })).toBe(false);
    expect(run({ text: 'here' }, { streamId: 'gone', memberId: 'gone', note: 'here' })).toBe(true);
  });

  it('totals what it found in the base currency, and counts entries with no rate apart', () => {
    const rates = [{ currency: 'PHP', date: '2026-01-01', value: '280' }];
    // 1,500.00 PHP × 280 = 420,000.00 IDR = 42,000,000 sen; 7.00 PHP before any rate: missing.
    const total = addToTotal(
      EMPTY_TOTAL,
      [
        entry({}),
        entry({ date: '2025-12-31', amountMinor: 700 }),
        entry({ currency: 'IDR', amountMinor: 5_00 }),
      ],
      'IDR',
      rates,
    );
    expect(total).toEqual({ baseMinor: 42_000_000 + 500, missingRate: 1, count: 3 });
  });
});
