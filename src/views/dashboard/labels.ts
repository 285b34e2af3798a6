/** Words and formatters the dashboard's cards and charts share, in the current language. */
import { m } from '../../paraglide/messages.js';
import type { StreamLabel } from '../../lib/charts/types';
import type { ComponentKey } from '../../lib/charts/score';
import type { Member, MonthKey, Stream, StreamKind } from '../../lib/domain/model';
import type { UnknownReason } from '../../lib/domain/resilience';
import type { Band } from '../../lib/domain/guidance';
import { formatMonth } from '../../lib/state/format.svelte';
import { formRequestHref } from '../../lib/ui/form-request';
import { displayName } from '../../lib/i18n/sample-labels';

export function kindLabels(): Record<StreamKind, string> {
  return {
    formal: m.kind_formal(),
    informal: m.kind_informal(),
    microtask: m.kind_microtask(),
    support: m.kind_support(),
  };
}

/**
 * The score card's title, "Resilience score, November 2026": the card's and the last score's
 * (keep-score.svelte.ts), so the cover reads as the card it stands for.
 */
export function scoreTitle(asOf: MonthKey): string {
  return m.dash_score_title({ month: formatMonth(asOf) });
}

/** A band's name and what it means, in the current language. */
export function bandLabels(): Record<Band, { name: string; text: string }> {
  return {
    fragile: { name: m.guide_band_fragile(), text: m.guide_band_fragile_text() },
    building: { name: m.guide_band_building(), text: m.guide_band_building_text() },
    strong: { name: m.guide_band_strong(), text: m.guide_band_strong_text() },
  };
}

export function componentLabels(): Record<ComponentKey, string> {
  return {
    diversification: m.dash_diversification(),
    stability: m.dash_stability(),
    coverage: m.dash_coverage(),
    buffer: m.dash_buffer(),
  };
}

/** The columns of the two contribution charts' tables. */
export function pointLabels(): {
  stream: string;
  month: string;
  points: string;
  unknown: string;
} {
  return {
    stream: m.dash_col_stream(),
    month: m.dash_col_month(),
    points: m.dash_col_points(),
    unknown: m.dashp_cell_unknown(),
  };
}

/**
 * Stream names for charts, as the person reads them (displayName, in the current language); a
 * name two members share gets the member's name after it.
 */
export function streamLabels(streams: Stream[], members: Member[]): StreamLabel[] {
  const live = streams.filter((s) => s.deletedAt === null);
  const shown = new Map(live.map((s) => [s.id, displayName(s.name)]));
  const count = new Map<string, number>();
  for (const name of shown.values()) count.set(name, (count.get(name) ?? 0) + 1);
  return live.map((s) => {
    const name = shown.get(s.id)!;
    const stored = members.find((mem) => mem.id === s.memberId)?.name;
    const member = stored === undefined ? undefined : displayName(stored);
    const shared = (count.get(name) ?? 0) > 1 && member;
    return { id: s.id, name: shared ? `${name} · ${member}` : name };
  });
}

/** What would complete an unknown component: the words and, when there is one, where to go. */
export function unknownAction(reason: UnknownReason): { text: string; href: string | null } {
  switch (reason) {
    case 'needs-essentials':
      return { text: m.dash_needs_essentials(), href: formRequestHref('plans', 'plan') };
    case 'needs-savings':
      return { text: m.dash_needs_savings(), href: formRequestHref('plans', 'saving') };
    case 'needs-history':
      return { text: m.dash_needs_history(), href: null };
    case 'needs-income':
      return { text: m.dash_needs_income(), href: '#/entries' };
    case 'needs-rate':
      // The fix is the missing-rate notice's, at the top of the screen: one notice per cause.
      return { text: m.dashp_needs_rate(), href: null };
  }
}

/** Names joined the way the language joins a list ("A, B and C"). */
export function listOf(items: string[], locale: string): string {
  return new Intl.ListFormat(locale, { style: 'long', type: 'conjunction' }).format(items);
}
