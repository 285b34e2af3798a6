// The records the arrival tests build (arrival.test.ts, arrival-rules.test.ts,
// arrival-rules-mutation.test.ts): one micro-task stream paid in USD, a payout of 100.00 USD on
// 2025-07-05, and its arrival in the GCash place on 2025-07-12. One definition, so that the three
// files state their rules about the same payout.
import type { Arrival, Entry, Stream } from '../../src/lib/domain/model';

const at = '2025-01-01T00:00:00.000Z';

export const microtaskStream = (
  id: string,
  platform: string,
  name = `${platform} tasks`,
): Stream => ({
  id,
  createdAt: at,
  updatedAt: at,
  deletedAt: null,
  memberId: 'm',
  name,
  kind: 'microtask',
  platform,
  currency: 'USD',
  expected: { amountMinor: 0, cadence: 'irregular', daysPerWeek: 5 },
  startedOn: null,
  endedOn: null,
  payDay: null,
  archived: false,
  isSample: false,
});

export const arrival = (a: Partial<Arrival> = {}): Arrival => ({
  on: '2025-07-12',
  placeId: 'gcash',
  landedMinor: null,
  landedCurrency: null,
  feeMinor: null,
  via: '',
  ...a,
});

export const payout = (e: Partial<Entry> = {}): Entry => ({
  id: 'e',
  createdAt: at,
  updatedAt: at,
  deletedAt: null,
  streamId: 's1',
  memberId: 'm',
  date: '2025-07-05',
  amountMinor: 10_000,
  currency: 'USD',
  status: 'received',
  paidMinutes: 600,
  unpaidMinutes: 0,
  note: '',
  isSample: false,
  ...e,
});
