/**
 * Small builders for the analytics tests (domain only). They fill the common fields so a test
 * states just what its household story needs.
 */
import type { Entry, Plan, Rate, Saving, Stream, Training } from '../../src/lib/domain/model';

const common = {
  createdAt: '2024-01-01T00:00:00.000Z',
  updatedAt: '2024-01-01T00:00:00.000Z',
  deletedAt: null,
  isSample: false,
};

let seq = 0;
const nextId = (prefix: string): string => `${prefix}-${++seq}`;

export function makeStream(over: Partial<Stream> & Pick<Stream, 'id' | 'kind'>): Stream {
  return {
    ...common,
    memberId: 'member-1',
    name: over.id,
    platform: '',
    currency: 'IDR',
    expected: { amountMinor: 0, cadence: 'irregular', daysPerWeek: 5 },
    startedOn: null,
    endedOn: null,
    payDay: null,
    archived: false,
    ...over,
  };
}

/** A received entry of `stream` (its member and currency unless told otherwise). */
export function makeEntry(
  stream: Stream,
  date: string,
  amountMinor: number,
  over: Partial<Entry> = {},
): Entry {
  return {
    ...common,
    id: nextId('entry'),
    streamId: stream.id,
    memberId: stream.memberId,
    date,
    amountMinor,
    currency: stream.currency,
    status: 'received',
    paidMinutes: 0,
    unpaidMinutes: 0,
    note: '',
    ...over,
  };
}

export function makePlan(over: Partial<Plan> & Pick<Plan, 'amountMinor'>): Plan {
  return {
    ...common,
    id: nextId('plan'),
    name: 'plan',
    category: 'essential',
    currency: 'IDR',
    cadence: 'monthly',
    dueOn: '2024-01-01',
    memberId: null,
    fundedBy: [],
    ...over,
  };
}

export function makeSaving(date: string, amountMinor: number, over: Partial<Saving> = {}): Saving {
  return {
    ...common,
    id: nextId('saving'),
    placeId: 'place-savings',
    date,
    amountMinor,
    currency: 'IDR',
    note: '',
    ...over,
  };
}

export function makeRate(
  currency: string,
  date: string,
  value: string,
  over: Partial<Rate> = {},
): Rate {
  return { ...common, id: nextId('rate'), currency, date, value, ...over };
}

export function makeTraining(
  memberId: string,
  date: string,
  over: Partial<Training> = {},
): Training {
  return {
    ...common,
    id: nextId('training'),
    memberId,
    title: 'course',
    date,
    hours: 10,
    costMinor: 0,
    currency: 'IDR',
    note: '',
    ...over,
  };
}

/** Amounts per month ('YYYY-MM' → minor units), one entry on the 15th of each. */
export function monthlyEntries(stream: Stream, amounts: Record<string, number>): Entry[] {
  return Object.entries(amounts)
    .filter(([, amount]) => amount > 0)
    .map(([month, amount]) => makeEntry(stream, `${month}-15`, amount));
}
