/**
 * Choices that depend on whose phone this is (a per-phone setting, never in the household's
 * data): which stream quick add starts on, and which member the dashboard opens on.
 */
import type { Member, Stream } from './model';

/**
 * The stream quick add starts on: the last one used if it is still offered and belongs to the
 * phone's owner (or the phone has none), else the owner's first stream, else the first stream.
 */
export function defaultStreamId(
  streams: readonly Pick<Stream, 'id' | 'memberId'>[],
  options: { lastId: string | null; ownerId: string | null },
): string {
  const last = streams.find((s) => s.id === options.lastId);
  if (last && (options.ownerId === null || last.memberId === options.ownerId)) return last.id;
  const own =
    options.ownerId === null ? undefined : streams.find((s) => s.memberId === options.ownerId);
  return own?.id ?? last?.id ?? streams[0]?.id ?? '';
}

/**
 * The member the dashboard opens on ('' = the whole household): the owner when the phone says
 * "my income" and the owner is still a live member.
 */
export function dashboardMemberId(
  members: readonly Pick<Member, 'id' | 'deletedAt'>[],
  options: { ownerId: string | null; scope: 'household' | 'mine' },
): string {
  if (options.scope !== 'mine' || options.ownerId === null) return '';
  return members.some((m) => m.id === options.ownerId && m.deletedAt === null)
    ? options.ownerId
    : '';
}

const SEND_REMINDER_DAYS = 7;
const DAY_MS = 86_400_000;

/**
 * Whether to suggest "Send to my household": only on a phone that takes part in a household of
 * several phones (it has sent or merged a household file), once a week has passed since it last
 * sent (or since it first merged one, if it never sent), when it has changes the others lack,
 * and not while snoozed.
 */
export function sendReminderDue(
  state: {
    lastSentAt: string | null;
    firstMergedAt: string | null;
    snoozedUntil: string | null;
    hasChanges: boolean;
  },
  now: Date,
): boolean {
  if (!state.hasChanges) return false;
  if (state.snoozedUntil && Date.parse(state.snoozedUntil) > now.getTime()) return false;
  const from = state.lastSentAt ?? state.firstMergedAt;
  if (from === null) return false;
  return now.getTime() - Date.parse(from) >= SEND_REMINDER_DAYS * DAY_MS;
}
