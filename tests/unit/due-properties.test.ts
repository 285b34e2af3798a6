import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addDaysIso } from '../../src/lib/domain/dates';
import { dueIncome, dueRange } from '../../src/lib/domain/due';
import type { PayDay, Skip, Stream } from '../../src/lib/domain/model';
import { payDayWindow } from '../../src/lib/domain/occurrences';
import { makeEntry, makeStream } from './analytics-fixtures';

const day = fc.integer({ min: 0, max: 3 * 365 }).map((n) => addDaysIso('2023-12-01', n));

const payDay: fc.Arbitrary<PayDay> = fc.oneof(
  fc.integer({ min: 1, max: 31 }).map((d) => ({ cadence: 'monthly' as const, day: d })),
  fc.integer({ min: 1, max: 7 }).map((w) => ({ cadence: 'weekly' as const, weekday: w })),
  day.map((anchor) => ({ cadence: 'biweekly' as const, anchor })),
);

const stream = fc
  .record({ payDay, created: day, started: fc.option(day, { nil: null }) })
  .map(({ payDay, created, started }) =>
    makeStream({
      id: 'renamed-below',
      kind: 'formal',
      createdAt: `${created}T05:00:00.000Z`,
      expected: { amountMinor: 100, cadence: payDay.cadence, daysPerWeek: 5 },
      payDay,
      startedOn: started,
    }),
  );

const household = fc
  .record({
    streams: fc.array(stream, { minLength: 1, maxLength: 4 }),
    today: day,
    entryOffsets: fc.array(fc.tuple(fc.nat(), fc.integer({ min: -60, max: 30 })), {
      maxLength: 12,
    }),
    skipPicks: fc.array(fc.nat(), { maxLength: 4 }),
  })
  .map(({ streams, today, entryOffsets, skipPicks }) => {
    const unique = streams.map((s, i) => ({ ...s, id: `s${i}` }));
    const entries = entryOffsets.map(([pick, offset]) =>
      makeEntry(unique[pick % unique.length]!, addDaysIso(today, offset), 1),
    );
    return { streams: unique, today, entries, skipPicks };
  });

function skipsFor(streams: Stream[], today: string, picks: number[]): Skip[] {
  const candidates = dueIncome(streams, [], [], today);
  return picks
    .filter(() => candidates.length > 0)
    .map((p, i) => {
      const c = candidates[p % candidates.length]!;
      return {
        id: `skip-${i}`,
        createdAt: '2024-01-01T00:00:00.000Z',
        updatedAt: '2024-01-01T00:00:00.000Z',
        deletedAt: null,
        isSample: false,
        kind: 'stream' as const,
        sourceId: c.streamId,
        dueOn: c.dueOn,
      };
    });
}

describe('the due list', () => {
  it('never shows an occurrence twice, nor one that an entry or a skip answered', () => {
    fc.assert(
      fc.property(household, ({ streams, today, entries, skipPicks }) => {
        const skips = skipsFor(streams, today, skipPicks);
        const due = dueIncome(streams, entries, skips, today);
        const keys = due.map((d) => `${d.streamId}|${d.dueOn}`);
        expect(new Set(keys).size).toBe(keys.length);
        const { from, to } = dueRange(today);
        for (const d of due) {
          expect(d.dueOn >= from && d.dueOn <= to).toBe(true);
          expect(skips.some((s) => s.sourceId === d.streamId && s.dueOn === d.dueOn)).toBe(false);
          const s = streams.find((x) => x.id === d.streamId)!;
          const window = payDayWindow(s.payDay!, d.dueOn);
          expect(
            entries.some(
              (e) => e.streamId === d.streamId && e.date >= window.from && e.date <= window.to,
            ),
          ).toBe(false);
        }
      }),
      { numRuns: 400 },
    );
  });

  it('drops exactly the occurrence that one tap on Received answers, and nothing else', () => {
    fc.assert(
      fc.property(household, fc.nat(), ({ streams, today, entries }, pick) => {
        const before = dueIncome(streams, entries, [], today);
        fc.pre(before.length > 0);
        const chosen = before[pick % before.length]!;
        const received = makeEntry(
          streams.find((s) => s.id === chosen.streamId)!,
          chosen.dueOn,
          100,
        );
        const after = dueIncome(streams, [...entries, received], [], today);
        expect(after).toEqual(before.filter((d) => d !== chosen));
      }),
      { numRuns: 300 },
    );
  });
});
