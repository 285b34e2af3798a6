/**
 * A returning visit's first score (issue 29): the figures the dashboard's first render needs,
 * from the rows its live queries would give it, computed as the view computes them (its
 * dashboardInputOf and computeDashboard, for the phone's filter and the stress test's
 * default). The worker of db/first-score.ts computes it off the page; the dashboard's
 * confirming read (views/dashboard/keep-score) computes the same from its own read.
 */
import { computeDashboard, type DashboardData } from './dashboard';
import { dashboardInputOf, type DashboardRows } from './dashboard-input';
import { nextStepOf, type NextStep } from './guidance';
import type { IsoDate, Member, Settings, Stream } from './model';
import { dashboardMemberId } from './phone-owner';
import { streamsByIncome } from './streams-by-income';

/** The day, and whose income this phone's dashboard opens on. */
export interface ScoreRequest {
  today: IsoDate;
  ownerId: string | null;
  scope: 'household' | 'mine';
}

/** What the dashboard's first render needs, as it would compute it from its live queries. */
export interface FirstScore {
  /** The filter the figures are of ('' the whole household): the view's own must match. */
  memberId: string;
  today: IsoDate;
  hasIncome: boolean;
  step: NextStep;
  /** The streams with income in the filter, biggest first (the stress test's choices). */
  streamIds: string[];
  /** With the stress test's default: the biggest stream stops. null without income. */
  dash: DashboardData | null;
}

/** The rows, with the household's members and settings (undefined: not set up yet). */
export interface ScoreRows extends Omit<DashboardRows, 'baseCurrency'> {
  settings: Settings | undefined;
  members: Member[];
}

/** The figures the view would compute from these rows; null before the household is set up. */
export function scoreOf(rows: ScoreRows, request: ScoreRequest): FirstScore | null {
  if (rows.settings === undefined) return null;
  const { today } = request;
  const memberId = dashboardMemberId(rows.members, request);
  const streams = streamsByIncome(rows.streams, rows.rollups, memberId);
  const hasIncome = rows.rollups.some((r) => r.count > 0);
  const stress = streams[0] ? { streamId: streams[0].id, fallPercent: 100 } : null;
  // household.baseCurrency's rule.
  const baseCurrency = rows.settings.baseCurrency || 'IDR';
  return {
    memberId,
    today,
    hasIncome,
    step: nextStepOf(rows.streams, rows.rollups, today),
    streamIds: streams.map((s) => s.id),
    dash: hasIncome
      ? computeDashboard({
          ...dashboardInputOf({ ...rows, baseCurrency }, today, memberId),
          stress,
        })
      : null,
  };
}

/**
 * The household's streams with income in the score's filter, in the score's order (biggest
 * first, as streamsByIncome lists them): the stress test's choices and its default, which must
 * be the stream the score's stress test was computed for. None without a score.
 */
export function streamsOfScore(score: FirstScore | null, streams: readonly Stream[]): Stream[] {
  const byId = new Map(streams.map((s) => [s.id, s]));
  return (score?.streamIds ?? []).flatMap((id) => {
    const stream = byId.get(id);
    return stream ? [stream] : [];
  });
}
