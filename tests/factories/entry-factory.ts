import type { Entry, Stream } from '../../src/lib/domain/model';
import { amountFor, NOTES, stamp } from './catalog';
import { defineFactory, type Make } from './factory';
import type { Rng } from './rng';
import { KIND_PROFILES } from './stream-factory';
import { isoDate, minor } from '../../src/lib/domain/units';

/**
 * One entry of `stream` on `date`, shaped by the stream's kind. Used by the household factory for
 * ~100k entries, so it does no validation and as little work as possible.
 */
export function makeEntryFor(
  rng: Rng,
  stream: Pick<Stream, 'id' | 'memberId' | 'kind' | 'currency' | 'expected'>,
  date: string,
  status: Entry['status'] = 'received',
): Entry {
  const profile = KIND_PROFILES[stream.kind];
  const createdAt = stamp(date, rng.int(6 * 3600, 22 * 3600));
  const amountMinor =
    stream.kind === 'formal'
      ? // Salaries stay within a few percent of what is expected.
        Math.round((stream.expected.amountMinor * rng.int(97, 103)) / 100)
      : amountFor(rng, stream.currency, profile.entryUsd[0], profile.entryUsd[1]);
  return {
    id: rng.uuid(),
    createdAt,
    updatedAt: createdAt,
    deletedAt: null,
    streamId: stream.id,
    memberId: stream.memberId,
    date: isoDate(date),
    amountMinor: minor(amountMinor),
    currency: stream.currency,
    status,
    paidMinutes: rng.int(profile.paidMinutes[0], profile.paidMinutes[1]),
    unpaidMinutes: rng.int(profile.unpaidMinutes[0], profile.unpaidMinutes[1]),
    note: rng.bool(0.1) ? rng.pick(NOTES) : '',
    isSample: false,
  };
}

export const makeEntry: Make<Entry> = (rng, index, overrides) => {
  const date = overrides.date ?? `2025-${String((index % 12) + 1).padStart(2, '0')}-15`;
  const stream = {
    id: overrides.streamId ?? rng.uuid(),
    memberId: overrides.memberId ?? rng.uuid(),
    kind: 'microtask' as const,
    currency: overrides.currency ?? 'IDR',
    expected: { amountMinor: 0, cadence: 'irregular' as const, daysPerWeek: 5 },
  };
  return makeEntryFor(rng, stream, date);
};

export const entryFactory = defineFactory(makeEntry);
