import type { Rollup, Stream } from './model';

/**
 * The streams with received income in the filter (`memberId`, '' for the whole household),
 * biggest total first (base currency): the stress test's choices and its default.
 */
export function streamsByIncome(
  streams: readonly Stream[],
  rollups: readonly Rollup[],
  memberId: string,
): Stream[] {
  const totals = new Map<string, number>();
  for (const r of rollups) {
    if (r.status !== 'received' || r.count <= 0) continue;
    if (memberId !== '' && r.memberId !== memberId) continue;
    totals.set(r.streamId, (totals.get(r.streamId) ?? 0) + r.baseMinor);
  }
  return streams
    .filter((s) => s.deletedAt === null && totals.has(s.id))
    .sort((a, b) => totals.get(b.id)! - totals.get(a.id)!);
}
