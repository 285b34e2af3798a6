import 'fake-indexeddb/auto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AnyamDatabase } from '../../src/lib/db/database';
import {
  addEntries,
  addEntry,
  addMember,
  addPlace,
  addPlan,
  addRate,
  addSaving,
  addStream,
  addTraining,
  saveSettings,
  updateEntry,
  updateMember,
  updateRate,
  updateStream,
  type EntryInput,
} from '../../src/lib/db/repo';
import { MAX_MINOR } from '../../src/lib/domain/money';
import { checksumTables } from './checksum';
import { dropDatabase, freshDatabase, seedBasics, type Basics } from './helpers';

let db: AnyamDatabase;
let h: Basics;
let placeId = '';
const unknownId = '00000000-0000-4000-8000-000000000000';
const longNote = 'x'.repeat(10_000);

beforeAll(async () => {
  db = freshDatabase('validation');
  h = await seedBasics();
  // Rows of every kind, so that a write that wrongly touched an existing row would show.
  await addEntry({ streamId: h.usd.id, date: '2025-08-01', amountMinor: 1_234 });
  await addPlan({
    name: 'Rent',
    category: 'essential',
    amountMinor: 1_500_000_00,
    currency: 'IDR',
    cadence: 'monthly',
    dueOn: '2025-09-01',
  });
  placeId = (await addPlace({ name: 'Bank', kind: 'bank', currency: 'IDR' })).id;
  await addSaving({ placeId, date: '2025-08-31', amountMinor: 3_000_000_00 });
  await addTraining({
    memberId: h.member.id,
    title: 'Sewing',
    date: '2025-05-05',
    currency: 'IDR',
  });
});
afterAll(() => dropDatabase(db));

const entry = (overrides: Partial<EntryInput>): EntryInput => ({
  streamId: h.idr.id,
  date: '2025-08-02',
  amountMinor: 10_000,
  ...overrides,
});

/** [repository, what is wrong, the write, the code it must fail with] */
const cases: [string, string, () => Promise<unknown>, string][] = [
  [
    'settings',
    'unknown base currency',
    () => saveSettings({ baseCurrency: 'RUPIAH' }),
    'settings/invalid-currency',
  ],
  [
    'settings',
    'a household name of 10,000 characters',
    () => saveSettings({ householdName: longNote }),
    'settings/name-too-long',
  ],
  ['members', 'an empty name', () => addMember({ name: '   ' }), 'member/empty-name'],
  [
    'members',
    'a name emptied by an edit',
    () => updateMember(h.member.id, { name: '' }),
    'member/empty-name',
  ],
  [
    'members',
    'a colour that is not #rrggbb',
    () => addMember({ name: 'Ana', color: 'red' }),
    'member/invalid',
  ],
  [
    'streams',
    'an empty name',
    () => addStream({ memberId: h.member.id, name: '', kind: 'formal', currency: 'IDR' }),
    'stream/empty-name',
  ],
  [
    'streams',
    'an unknown member',
    () => addStream({ memberId: unknownId, name: 'Job', kind: 'formal', currency: 'IDR' }),
    'stream/unknown-member',
  ],
  [
    'streams',
    'a move to an unknown member',
    () => updateStream(h.idr.id, { memberId: unknownId }),
    'stream/unknown-member',
  ],
  [
    'streams',
    'an expected amount of NaN',
    () =>
      addStream({
        memberId: h.member.id,
        name: 'Job',
        kind: 'formal',
        currency: 'IDR',
        expected: { amountMinor: NaN },
      }),
    'stream/invalid-amount',
  ],
  [
    'entries',
    'the date 2026-02-30',
    () => addEntry(entry({ date: '2026-02-30' })),
    'entry/invalid-date',
  ],
  [
    'entries',
    'an amount of NaN',
    () => addEntry(entry({ amountMinor: NaN })),
    'entry/invalid-amount',
  ],
  [
    'entries',
    'a negative amount',
    () => addEntry(entry({ amountMinor: -1 })),
    'entry/invalid-amount',
  ],
  [
    'entries',
    'an amount above the limit',
    () => addEntry(entry({ amountMinor: MAX_MINOR + 1 })),
    'entry/invalid-amount',
  ],
  [
    'entries',
    'a fractional minor amount',
    () => addEntry(entry({ amountMinor: 10.5 })),
    'entry/invalid-amount',
  ],
  [
    'entries',
    'a 10,000-character note',
    () => addEntry(entry({ note: longNote })),
    'entry/note-too-long',
  ],
  [
    'entries',
    'an unknown stream',
    () => addEntry(entry({ streamId: unknownId })),
    'entry/unknown-stream',
  ],
  [
    'entries',
    'a date two years ahead',
    () => addEntry(entry({ date: '2999-01-01' })),
    'entry/date-too-far',
  ],
  [
    'entries',
    'an edit to NaN',
    async () => updateEntry((await db.entries.toCollection().first())!.id, { amountMinor: NaN }),
    'entry/invalid-amount',
  ],
  [
    'entries',
    'one bad row in a bulk add',
    () => addEntries([entry({}), entry({}), entry({ date: '2026-02-30' }), entry({})]),
    'entry/invalid-date',
  ],
  [
    'plans',
    'an empty name',
    () =>
      addPlan({
        name: '',
        category: 'other',
        amountMinor: 1,
        currency: 'IDR',
        cadence: 'once',
        dueOn: '2025-01-01',
      }),
    'plan/empty-name',
  ],
  [
    'plans',
    'an unknown member',
    () =>
      addPlan({
        name: 'Data',
        category: 'digital',
        amountMinor: 1,
        currency: 'IDR',
        cadence: 'monthly',
        dueOn: '2025-01-01',
        memberId: unknownId,
      }),
    'plan/unknown-member',
  ],
  [
    'plans',
    'the date 2026-02-30',
    () =>
      addPlan({
        name: 'Data',
        category: 'digital',
        amountMinor: 1,
        currency: 'IDR',
        cadence: 'monthly',
        dueOn: '2026-02-30',
      }),
    'plan/invalid-date',
  ],
  [
    'plans',
    'an amount above the limit',
    () =>
      addPlan({
        name: 'Data',
        category: 'digital',
        amountMinor: MAX_MINOR + 1,
        currency: 'IDR',
        cadence: 'monthly',
        dueOn: '2025-01-01',
      }),
    'plan/invalid-amount',
  ],
  [
    'savings',
    'the date 2026-02-30',
    () => addSaving({ placeId, date: '2026-02-30', amountMinor: 1 }),
    'saving/invalid-date',
  ],
  [
    'savings',
    'a negative balance in a bank account (only a place of kind other holds a debt)',
    () => addSaving({ placeId, date: '2025-01-01', amountMinor: -5 }),
    'saving/negative-balance',
  ],
  [
    'savings',
    'a balance of a place that does not exist',
    () => addSaving({ placeId: unknownId, date: '2025-01-01', amountMinor: 5 }),
    'saving/unknown-place',
  ],
  [
    'places',
    'an empty name',
    () => addPlace({ name: '  ', kind: 'cash', currency: 'IDR' }),
    'place/empty-name',
  ],
  [
    'savings',
    'a 10,000-character note',
    () => addSaving({ placeId, date: '2025-01-01', amountMinor: 5, note: longNote }),
    'saving/note-too-long',
  ],
  [
    'rates',
    'the date 2026-02-30',
    () => addRate({ currency: 'USD', date: '2026-02-30', value: '16000' }),
    'rate/invalid-date',
  ],
  [
    'rates',
    'a value that is not a number',
    () => addRate({ currency: 'USD', date: '2025-02-01', value: 'NaN' }),
    'rate/invalid-value',
  ],
  [
    'rates',
    'a zero rate',
    () => addRate({ currency: 'USD', date: '2025-02-01', value: '0' }),
    'rate/invalid-value',
  ],
  [
    'rates',
    'an edit to a negative rate',
    async () => updateRate((await db.rates.toCollection().first())!.id, { value: '-3' }),
    'rate/invalid-value',
  ],
  [
    'training',
    'an unknown member',
    () => addTraining({ memberId: unknownId, title: 'Excel', date: '2025-01-01', currency: 'IDR' }),
    'training/unknown-member',
  ],
  [
    'training',
    'an empty title',
    () => addTraining({ memberId: h.member.id, title: '', date: '2025-01-01', currency: 'IDR' }),
    'training/empty-title',
  ],
  [
    'training',
    'a cost of NaN',
    () =>
      addTraining({
        memberId: h.member.id,
        title: 'Excel',
        date: '2025-01-01',
        currency: 'IDR',
        costMinor: NaN,
      }),
    'training/invalid-amount',
  ],
  [
    'training',
    'a 10,000-character note',
    () =>
      addTraining({
        memberId: h.member.id,
        title: 'Excel',
        date: '2025-01-01',
        currency: 'IDR',
        note: longNote,
      }),
    'training/note-too-long',
  ],
];

describe('repositories reject invalid records and leave the database unchanged', () => {
  it.each(cases)('%s: %s', async (_repo, _what, write, code) => {
    const before = await checksumTables(db);
    await expect(write()).rejects.toMatchObject({ name: 'AnyamError', code });
    expect(await checksumTables(db)).toEqual(before);
  });

  it('covers every repository', () => {
    expect(new Set(cases.map(([repo]) => repo))).toEqual(
      new Set([
        'settings',
        'members',
        'streams',
        'entries',
        'plans',
        'places',
        'savings',
        'rates',
        'training',
      ]),
    );
  });
});
