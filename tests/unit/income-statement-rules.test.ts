/**
 * The income statement's rules one at a time (issue 28, sixth round): the thresholds of its words,
 * which streams it reads, which sources it lists and in what order, and where the score's history
 * starts when the rollups give it.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  incomeStatement,
  statementMonths,
  variationWords,
  type StatementInput,
} from '../../src/lib/domain/income-statement';
import type { Entry, Stream } from '../../src/lib/domain/model';
import { makeEntry, makeStream } from './analytics-fixtures';
import { PINNED_TODAY } from '../factories/today';

const base = { rates: [], baseCurrency: 'IDR', today: PINNED_TODAY, memberId: null } as const;

function statement(over: Partial<StatementInput<Entry>> & Pick<StatementInput<Entry>, 'streams'>) {
  return incomeStatement<Entry>({ ...base, entries: [], months: 3, ...over });
}

/** One entry on the 15th of every month of the statement. */
function everyMonth(stream: Stream, months: readonly string[], amount: number): Entry[] {
  return months.map((m) => makeEntry(stream, `${m}-15`, amount));
}

describe('income statement rules', () => {
  it('a CV exactly at the stable threshold is no longer steady; at half the volatile one it varies a lot', () => {
    expect(variationWords(0.15)).toBe('varies');
    expect(variationWords(0.1499)).toBe('steady');
    expect(variationWords(0.3)).toBe('varies-a-lot');
    expect(variationWords(0.2999)).toBe('varies');
  });

  it('a deleted stream’s income is left out', () => {
    const live = makeStream({ id: 'live', kind: 'formal' });
    const gone = makeStream({ id: 'gone', kind: 'formal', deletedAt: '2026-01-01T00:00:00.000Z' });
    const months = statementMonths(PINNED_TODAY, 3);
    const s = statement({
      streams: [live, gone],
      entries: [...everyMonth(live, months, 1_000), ...everyMonth(gone, months, 5_000)],
    });
    expect(s.totalMinor).toBe(3_000);
    expect(s.sources.map((x) => x.streamId)).toEqual(['live']);
  });

  it('a source is listed when it has income or an entry no rate converts, and only then', () => {
    const months = statementMonths(PINNED_TODAY, 3);
    const paid = makeStream({ id: 'paid', kind: 'formal' });
    const unconverted = makeStream({ id: 'eur', kind: 'microtask', currency: 'EUR' });
    const quiet = makeStream({ id: 'quiet', kind: 'microtask' });
    const s = statement({
      streams: [paid, unconverted, quiet],
      entries: [
        ...everyMonth(paid, months, 1_000),
        // One unconvertible entry in one month of three.
        makeEntry(unconverted, `${months[1]}-03`, 500),
        // Only a pending entry and one before the period.
        makeEntry(quiet, `${months[2]}-03`, 700, { status: 'pending' }),
        makeEntry(quiet, '2025-01-10', 700),
      ],
    });
    expect(s.sources.map((x) => x.streamId)).toEqual(['paid', 'eur']);
    expect(s.sources[1]).toMatchObject({ totalMinor: 0, perMonth: [0, 0, 0] });
    expect(s.missingPerMonth).toEqual([0, 1, 0]);
  });

  it('sources are ordered by total, largest first, then by name (property)', () => {
    const months = statementMonths(PINNED_TODAY, 3);
    fc.assert(
      fc.property(
        fc.uniqueArray(fc.string({ minLength: 1, maxLength: 3 }), { minLength: 1, maxLength: 120 }),
        fc.array(fc.integer({ min: 1, max: 4 }), { minLength: 120, maxLength: 120 }),
        (names, totals) => {
          const streams = names.map((name, i) => makeStream({ id: `s${i}`, kind: 'formal', name }));
          const entries = streams.map((x, i) => makeEntry(x, `${months[0]}-10`, totals[i]! * 100));
          const s = statement({ streams, entries });
          const want = streams
            .map((x, i) => ({ name: x.name, total: totals[i]! * 100 }))
            .sort((a, b) => b.total - a.total || (a.name < b.name ? -1 : 1));
          expect(s.sources.map((x) => [x.name, x.totalMinor])).toEqual(
            want.map((x) => [x.name, x.total]),
          );
        },
      ),
      { numRuns: 300 },
    );
  });

  it('two sources with the same total are listed by name, whatever the streams’ order', () => {
    const months = statementMonths(PINNED_TODAY, 3);
    for (const names of [
      ['Ana', 'Budi'],
      ['Budi', 'Ana'],
    ]) {
      const streams = names.map((name) => makeStream({ id: name, kind: 'formal', name }));
      const s = statement({
        streams,
        entries: streams.map((x) => makeEntry(x, `${months[0]}-10`, 900)),
      });
      expect(s.sources.map((x) => x.name)).toEqual(['Ana', 'Budi']);
      expect(s.largest?.name).toBe('Ana');
    }
  });

  describe('the score’s history, read from the rollups', () => {
    const salary = makeStream({ id: 'salary', kind: 'formal' });
    const other = makeStream({ id: 'other', kind: 'formal', memberId: 'member-2' });
    const months = statementMonths(PINNED_TODAY, 6);
    const entries = everyMonth(salary, months, 10_000);
    const run = (history: StatementInput['history'], memberId: string | null = null) =>
      incomeStatement<Entry>({
        ...base,
        memberId,
        streams: [salary, other],
        entries,
        months: 6,
        history,
      }).stability;
    const roll = (streamId: string, month: string, count = 1) => ({ streamId, month, count });

    it('history from the rollups starts at their first month with entries, not at the entries', () => {
      expect(run([roll('salary', months[0]!)])).toEqual({ cv: 0, score: 1, words: 'steady' });
      // The rollups say the stream began in the last month: one month counts, too few to say.
      expect(run([roll('salary', months[5]!)])).toBeNull();
    });

    it('the earliest rollup month wins, whatever their order', () => {
      expect(run([roll('salary', months[5]!), roll('salary', months[0]!)])).not.toBeNull();
      expect(run([roll('salary', months[0]!), roll('salary', months[5]!)])).not.toBeNull();
    });

    it('a rollup month with no entries does not start the history', () => {
      expect(run([roll('salary', months[0]!, 0), roll('salary', months[5]!)])).toBeNull();
    });

    it('another member’s rollups do not start this member’s history', () => {
      expect(run([roll('other', months[0]!), roll('salary', months[5]!)], 'member-1')).toBeNull();
    });

    it('with no rollup of these streams there is no history, so no stability', () => {
      expect(run([])).toBeNull();
      expect(run([roll('other', months[0]!)], 'member-1')).toBeNull();
    });
  });
});
