/**
 * The what-if inputs guidance scores its actions with: the same household's inputs with one
 * change (a savings balance from today, a new regular source, earlier months logged).
 */
import type { DashboardInput } from './dashboard';
import type { MonthKey, Rollup, Saving, Stream } from './model';

const STAMP = '1970-01-01T00:00:00.000Z';
const WHAT_IF = 'what-if';

function baseRecord(id: string) {
  return { id, createdAt: STAMP, updatedAt: STAMP, deletedAt: null };
}

function receivedRow(
  streamId: string,
  memberId: string,
  month: MonthKey,
  currency: string,
  minor: number,
): Rollup {
  return {
    key: `${streamId}|${month}|${currency}|received`,
    streamId,
    memberId,
    month,
    currency,
    status: 'received',
    amountMinor: minor,
    baseMinor: minor,
    missingRateCount: 0,
    paidMinutes: 0,
    unpaidMinutes: 0,
    count: 1,
  };
}

/**
 * The input with the household's savings at `amountMinor` (base currency) from today: every
 * place's balance set to zero today and one more place holding `amountMinor`.
 */
export function withSavings(input: DashboardInput, amountMinor: number): DashboardInput {
  const placeIds = [...new Set(input.savings.map((s) => s.placeId))];
  const balance = (id: string, placeId: string, minor: number): Saving => ({
    ...baseRecord(id),
    // Recorded after every real balance, so it wins over one already dated today.
    updatedAt: '9999-12-31T23:59:59.999Z',
    placeId,
    date: input.today,
    amountMinor: minor,
    currency: input.baseCurrency,
    note: '',
    isSample: false,
  });
  const zeroes = placeIds.map((placeId, i) => balance(`${WHAT_IF}-zero-${i}`, placeId, 0));
  const saving = balance(`${WHAT_IF}-saving`, `${WHAT_IF}-place`, amountMinor);
  return { ...input, savings: [...input.savings, ...zeroes, saving] };
}

/** The input with a new regular stream paying `monthlyMinor` in each of `months`. */
export function withSource(
  input: DashboardInput,
  monthlyMinor: number,
  months: readonly MonthKey[],
  memberId: string,
): DashboardInput {
  // Stryker disable next-line StringLiteral: the id only ties the new stream to its rollup rows; any id no real stream has gives the same scores
  const id = `${WHAT_IF}-source`;
  const stream: Stream = {
    ...baseRecord(id),
    memberId,
    // Stryker disable next-line StringLiteral: no score reads a stream's name
    name: '',
    kind: 'informal',
    // Stryker disable next-line StringLiteral: no score reads a stream's platform
    platform: '',
    currency: input.baseCurrency,
    expected: { amountMinor: monthlyMinor, cadence: 'monthly', daysPerWeek: 5 },
    payDay: null,
    startedOn: null,
    endedOn: null,
    archived: false,
    // Stryker disable next-line BooleanLiteral: no score reads whether a stream is a sample
    isSample: false,
  };
  const rows = months.map((mo) => receivedRow(id, memberId, mo, input.baseCurrency, monthlyMinor));
  return { ...input, streams: [...input.streams, stream], rollups: [...input.rollups, ...rows] };
}

/** The input with `byStream` logged as received income in each of `months`. */
export function withLoggedMonths(
  input: DashboardInput,
  months: readonly MonthKey[],
  byStream: readonly { streamId: string; amountMinor: number }[],
): DashboardInput {
  const rows: Rollup[] = [];
  for (const mo of months) {
    for (const { streamId, amountMinor } of byStream) {
      const stream = input.streams.find((s) => s.id === streamId)!;
      rows.push(receivedRow(streamId, stream.memberId, mo, input.baseCurrency, amountMinor));
    }
  }
  return { ...input, rollups: [...input.rollups, ...rows] };
}
