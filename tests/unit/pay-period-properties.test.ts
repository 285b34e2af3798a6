/**
 * Pay's headline and its cards read one period on any day (issue 22, item 3 and the pay half of
 * item 10): over random platforms, entries, minutes and a random today (`todayArb`, favouring
 * the 1st, a month's last day, 29 February and 31 December),
 * - every card and the best-platform line read `completeMonths(today)`;
 * - the platform named best is the ranked card with the highest effective hourly figure, or
 *   none when no card is ranked;
 * - a platform with under `MIN_RANK_MINUTES` in the period is never ranked;
 * - received only never includes pending: it is Σ received / Σ minutes of received entries of
 *   the period, whatever is pending, and adding a pending payout never changes it.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Entry, IsoDate } from '../../src/lib/domain/model';
import { addMonths, daysInMonth, monthOf } from '../../src/lib/domain/months';
import { payReport } from '../../src/lib/domain/pay';
import { bestPlatform } from '../../src/lib/domain/pay-compare';
import { MIN_RANK_MINUTES, platformCards } from '../../src/lib/domain/pay-figures';
import { completeMonths, inPeriod } from '../../src/lib/domain/periods';
import { rollupsFromEntries } from '../../src/lib/domain/rollup';
import { todayArb } from '../factories/today';
import { makeEntry, makeStream } from './analytics-fixtures';

const PLATFORMS = ['Alpha', 'Beta', 'Gamma', 'Delta'];
const streams = PLATFORMS.map((platform) =>
  makeStream({ id: `s-${platform}`, kind: 'microtask', platform, memberId: 'm', currency: 'IDR' }),
);

interface Draw {
  stream: number;
  /** Months from today's month: −5 (five months ago) to 0 (this month). */
  monthOffset: number;
  day: number;
  amount: number;
  paid: number;
  unpaid: number;
  pending: boolean;
}

const drawArb: fc.Arbitrary<Draw> = fc.record({
  stream: fc.integer({ min: 0, max: PLATFORMS.length - 1 }),
  monthOffset: fc.integer({ min: -5, max: 0 }),
  day: fc.integer({ min: 1, max: 31 }),
  amount: fc.integer({ min: 0, max: 500_000 }),
  // Small minutes often, so platforms fall either side of the threshold.
  paid: fc.oneof(fc.integer({ min: 0, max: 40 }), fc.integer({ min: 0, max: 400 })),
  unpaid: fc.oneof(fc.constant(0), fc.integer({ min: 0, max: 120 })),
  pending: fc.boolean(),
});

/** The draws as entries on or before `today` (a day past the month's end is its last day). */
function entriesOf(draws: Draw[], today: IsoDate): Entry[] {
  const out: Entry[] = [];
  for (const d of draws) {
    const month = addMonths(monthOf(today), d.monthOffset);
    const day = Math.min(d.day, daysInMonth(month));
    const date = `${month}-${String(day).padStart(2, '0')}`;
    if (date > today) continue;
    out.push(
      makeEntry(streams[d.stream]!, date, d.amount, {
        paidMinutes: d.paid,
        unpaidMinutes: d.unpaid,
        status: d.pending ? 'pending' : 'received',
      }),
    );
  }
  return out;
}

function pay(entries: Entry[], today: IsoDate) {
  const groups = payReport({
    rollups: rollupsFromEntries(entries, [], 'IDR'),
    streams,
    training: [],
    until: addMonths(monthOf(today), -1),
  }).byPlatform;
  const cards = platformCards(groups, today, 'IDR');
  const best = bestPlatform({ cards, groups, training: [], today, baseCurrency: 'IDR' });
  return { groups, cards, best };
}

const runs = { numRuns: 300 };

describe('Pay reads one period on any day', () => {
  it('names as best the highest per-hour ranked card of the same period, or none', () => {
    fc.assert(
      fc.property(todayArb, fc.array(drawArb, { maxLength: 30 }), (today, draws) => {
        const { cards, best } = pay(entriesOf(draws, today), today);
        const period = completeMonths(today);
        for (const c of cards) expect(c.main.period).toEqual(period);
        if (cards.length === 0) {
          expect(best).toBeNull();
          return;
        }
        expect(best!.period).toEqual(period);
        const ranked = cards.filter((c) => c.unranked === null);
        expect(best!.ranked.map((r) => r.platform).sort()).toEqual(
          ranked.map((c) => c.platform).sort(),
        );
        if (ranked.length === 0) {
          expect(best!.ranked).toEqual([]);
          return;
        }
        const top = best!.ranked[0]!;
        const card = cards.find((c) => c.platform === top.platform)!;
        // The headline's figure is the card's own figure, and no ranked card shows more.
        expect(top.effectivePerHour).toBe(card.main.figures.effectivePerHour);
        for (const c of ranked) {
          expect(c.main.figures.effectivePerHour!).toBeLessThanOrEqual(top.effectivePerHour);
        }
      }),
      runs,
    );
  });

  it('never ranks a platform with under the threshold of time in the period', () => {
    fc.assert(
      fc.property(todayArb, fc.array(drawArb, { maxLength: 30 }), (today, draws) => {
        const entries = entriesOf(draws, today);
        const { cards, best } = pay(entries, today);
        const period = completeMonths(today);
        for (const c of cards) {
          // Minutes counted from the entries themselves, not from the domain.
          const minutes = entries
            .filter((e) => e.streamId === `s-${c.platform}` && inPeriod(period, e.date))
            .reduce((sum, e) => sum + e.paidMinutes + e.unpaidMinutes, 0);
          expect(c.main.minutes).toBe(minutes);
          if (minutes < MIN_RANK_MINUTES) {
            expect(c.unranked).toBe('not-enough-time');
            expect(best!.ranked.some((r) => r.platform === c.platform)).toBe(false);
            expect(best!.notEnough).toContain(c.platform);
          }
        }
      }),
      runs,
    );
  });

  it('counts only received payouts, and their time, in received only', () => {
    fc.assert(
      fc.property(
        todayArb,
        fc.array(drawArb, { maxLength: 30 }),
        drawArb,
        (today, draws, extra) => {
          const entries = entriesOf(draws, today);
          const period = completeMonths(today);
          const { cards } = pay(entries, today);
          for (const c of cards) {
            const received = entries.filter(
              (e) =>
                e.streamId === `s-${c.platform}` &&
                e.status === 'received' &&
                inPeriod(period, e.date),
            );
            const amount = received.reduce((sum, e) => sum + e.amountMinor, 0);
            const minutes = received.reduce((sum, e) => sum + e.paidMinutes + e.unpaidMinutes, 0);
            const f = c.main.figures;
            expect(f.receivedMinor).toBe(amount);
            if (minutes === 0) expect(f.receivedOnlyPerHour).toBeNull();
            else expect(f.receivedOnlyPerHour!).toBeCloseTo((amount / minutes) * 60, 6);
          }
          // One more pending payout, in the period, changes no card's received only.
          const month = period.months[0]!;
          const pending = makeEntry(streams[extra.stream]!, `${month}-10`, extra.amount + 1, {
            paidMinutes: extra.paid + 1,
            unpaidMinutes: extra.unpaid,
            status: 'pending',
          });
          const after = pay([...entries, pending], today).cards;
          for (const c of after) {
            const before = cards.find((b) => b.platform === c.platform);
            expect(c.main.figures.receivedOnlyPerHour).toBe(
              before?.main.figures.receivedOnlyPerHour ?? null,
            );
          }
        },
      ),
      runs,
    );
  });
});
