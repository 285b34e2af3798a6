import {
  STREAM_KINDS,
  type Stream,
  type StreamCadence,
  type StreamKind,
} from '../../src/lib/domain/model';
import { amountFor, EMPLOYERS, PLATFORMS, stamp, STREAM_NAMES } from './catalog';
import { defineFactory, type Make } from './factory';
import { isoDate } from '../../src/lib/domain/units';

interface KindProfile {
  cadence: StreamCadence;
  /** Expected income per cadence period, in US dollars. */
  expectedUsd: readonly [number, number];
  /** One entry's worth, in US dollars. */
  entryUsd: readonly [number, number];
  paidMinutes: readonly [number, number];
  unpaidMinutes: readonly [number, number];
}

/** How each kind of income behaves; entries of a household follow these too. */
export const KIND_PROFILES: Readonly<Record<StreamKind, KindProfile>> = {
  formal: {
    cadence: 'monthly',
    expectedUsd: [250, 450],
    entryUsd: [250, 450],
    paidMinutes: [0, 0],
    unpaidMinutes: [0, 0],
  },
  informal: {
    cadence: 'daily',
    expectedUsd: [5, 20],
    entryUsd: [3, 25],
    paidMinutes: [60, 480],
    unpaidMinutes: [0, 60],
  },
  microtask: {
    cadence: 'irregular',
    expectedUsd: [30, 150],
    entryUsd: [0.2, 15],
    paidMinutes: [5, 180],
    unpaidMinutes: [0, 90],
  },
  support: {
    cadence: 'monthly',
    expectedUsd: [40, 150],
    entryUsd: [20, 150],
    paidMinutes: [0, 0],
    unpaidMinutes: [0, 0],
  },
};

export const makeStream: Make<Stream> = (rng, index, overrides) => {
  const kind = overrides.kind ?? STREAM_KINDS[index % STREAM_KINDS.length]!;
  const currency = overrides.currency ?? 'IDR';
  const profile = KIND_PROFILES[kind];
  const createdAt = stamp('2025-01-01', 3600 + index * 60);
  return {
    id: rng.uuid(),
    createdAt,
    updatedAt: createdAt,
    deletedAt: null,
    memberId: rng.uuid(),
    name: rng.pick(STREAM_NAMES[kind]),
    kind,
    platform:
      kind === 'microtask' ? rng.pick(PLATFORMS) : kind === 'formal' ? rng.pick(EMPLOYERS) : '',
    currency,
    expected: {
      amountMinor: amountFor(rng, currency, profile.expectedUsd[0], profile.expectedUsd[1]),
      cadence: profile.cadence,
      daysPerWeek: profile.cadence === 'daily' ? 6 : 5,
    },
    startedOn: isoDate('2025-01-01'),
    endedOn: null,
    // From the index, not the rng, so that adding pay days changed no other generated value.
    payDay:
      profile.cadence === 'monthly'
        ? { cadence: 'monthly', day: 1 + ((index * 7 + 24) % 28) }
        : null,
    archived: false,
    isSample: false,
  };
};

export const streamFactory = defineFactory(makeStream);
