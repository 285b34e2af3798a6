// @vitest-environment jsdom
import 'fake-indexeddb/auto';
import { flushSync } from 'svelte';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { stopWatching, watch } from '../watch.svelte';
import type { AnyamDatabase } from '../../src/lib/db/database';
import { addEntries, addMember, addStream, saveSettings } from '../../src/lib/db/repo';
import { AnyamError, isAnyamError } from '../../src/lib/domain/model';
import { EMPTY_SEARCH, type EntrySearch } from '../../src/lib/domain/search';
import { SearchRun } from '../../src/lib/state/entry-search.svelte';
import { household } from '../../src/lib/state/household.svelte';
import { LiveQuery } from '../../src/lib/state/live-query.svelte';
import { dropDatabase, freshDatabase } from '../db/helpers';

/*
 * Issue 24: a search run and a live query as a view uses them, inside $effect.root: results as
 * they arrive, one run at a time, and a query that follows its arguments and stops with its
 * readers.
 */
let db: AnyamDatabase;

const search = (patch: Partial<EntrySearch>): EntrySearch => ({ ...EMPTY_SEARCH, ...patch });

beforeEach(async () => {
  db = freshDatabase('state-queries');
  await saveSettings({ householdName: 'Keluarga', baseCurrency: 'IDR' });
  const sari = await addMember({ name: 'Sari' });
  const stream = await addStream({
    memberId: sari.id,
    name: 'Warung',
    kind: 'informal',
    currency: 'IDR',
  });
  await addEntries(
    ['2025-01', '2025-02', '2025-03', '2025-04'].map((month, i) => ({
      streamId: stream.id,
      date: `${month}-10`,
      amountMinor: (i + 1) * 1_000_00,
      note: i % 2 === 0 ? 'bonus' : '',
    })),
  );
  // The household as the entries view has it on screen before a search starts.
  watch(() => household.streams.length);
  await vi.waitFor(() => expect(household.streams).toHaveLength(1));
});
afterEach(async () => {
  stopWatching();
  await dropDatabase(db);
});

describe('SearchRun', () => {
  it('shows months of results as they arrive, newest first, with their total', async () => {
    const run = new SearchRun();
    const seen = watch(() => ({ running: run.running, months: run.groups.map((g) => g.month) }));
    await run.start(search({ text: 'bonus' }));
    flushSync();
    expect(run.groups.map((g) => g.month)).toEqual(['2025-03', '2025-01']);
    expect(run.total).toMatchObject({ count: 2, baseMinor: 4_000_00, missingRate: 0 });
    expect(run.running).toBe(false);
    expect(run.error).toBeNull();
    expect(run.generation).toBe(1);
    expect(run.query?.text).toBe('bonus');
    expect(run.progress?.monthsDone).toBe(run.progress?.months);
    // Its readers saw it running, then done.
    expect(seen.some((s) => s.running)).toBe(true);
    expect(seen.at(-1)).toEqual({ running: false, months: ['2025-03', '2025-01'] });
  });

  it('a new search stops the one before it: no result of the first is kept', async () => {
    const run = new SearchRun();
    const first = run.start(search({ text: 'bonus' }));
    const second = run.start(search({ amountMin: 4_000_00, currency: 'IDR' }));
    await Promise.all([first, second]);
    expect(run.generation).toBe(2);
    expect(run.groups.map((g) => g.month)).toEqual(['2025-04']);
    expect(run.total.count).toBe(1);
  });

  it('clear() goes back to browsing, and a search still reading adds nothing after it', async () => {
    const run = new SearchRun();
    const reading = run.start(search({ text: 'bonus' }));
    run.clear();
    await reading;
    expect(run.query).toBeNull();
    expect(run.groups).toEqual([]);
    expect(run.total.count).toBe(0);
    expect(run.running).toBe(false);
  });

  it('keeps the refusal of a search that cannot run', async () => {
    const run = new SearchRun();
    await run.start(search({ amountMin: 5_00, amountMax: 1_00, currency: 'IDR' }));
    expect(isAnyamError(run.error) && run.error.code).toBe('search/inverted-amounts');
    expect(run.running).toBe(false);
  });

  it('is read-only from outside', () => {
    const run = new SearchRun();
    expect(Object.keys(run)).toEqual([]);
    for (const name of ['query', 'groups', 'total', 'progress', 'running', 'error', 'generation']) {
      const property = Object.getOwnPropertyDescriptor(SearchRun.prototype, name);
      expect(property && property.set !== undefined, name).toBe(false);
    }
  });
});

describe('LiveQuery', () => {
  it('is loading until it answers, then follows its arguments without a flash of nothing', async () => {
    let month = $state('2025-01');
    const calls: string[] = [];
    const query = new LiveQuery(
      () => month,
      async (m) => {
        calls.push(m);
        return (await db.entries.toArray()).filter((e) => e.date.startsWith(m)).length;
      },
    );
    const seen = watch(() => ({ value: query.current, loading: query.loading }));
    expect(seen[0]).toEqual({ value: undefined, loading: true });
    await vi.waitFor(() => expect(seen.at(-1)).toEqual({ value: 1, loading: false }));

    month = '2025-09';
    flushSync();
    // The previous answer stays on screen while the new one is read.
    expect(seen.at(-1)).toEqual({ value: 1, loading: true });
    await vi.waitFor(() => expect(seen.at(-1)).toEqual({ value: 0, loading: false }));
    expect(calls).toContain('2025-09');
  });

  it('keeps an error until the next answer, and stops querying once no one reads it', async () => {
    let fail = $state(true);
    let calls = 0;
    const query = new LiveQuery(
      () => fail,
      async (failing) => {
        calls += 1;
        if (failing) throw new AnyamError('test/broken');
        return db.members.count();
      },
    );
    const seen = watch(() => ({ error: query.error, value: query.current }));
    await vi.waitFor(() => expect(isAnyamError(seen.at(-1)?.error)).toBe(true));
    fail = false;
    flushSync();
    await vi.waitFor(() => expect(seen.at(-1)).toEqual({ error: undefined, value: 1 }));

    stopWatching();
    await new Promise((resolve) => setTimeout(resolve, 10));
    const before = calls;
    await addMember({ name: 'Budi' });
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(calls).toBe(before);
  });
});
