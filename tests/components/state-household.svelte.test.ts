// @vitest-environment jsdom
import 'fake-indexeddb/auto';
import { flushSync } from 'svelte';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { AnyamDatabase } from '../../src/lib/db/database';
import { addMember, addStream, saveSettings, updateMember } from '../../src/lib/db/repo';
import * as plans from '../../src/lib/db/repo/plans';
import { AnyamError } from '../../src/lib/domain/model';
import { Household } from '../../src/lib/state/household.svelte';
import { dropDatabase, freshDatabase } from '../db/helpers';

/*
 * Issue 24: the household's small tables as rune state, read inside $effect.root as a view reads
 * them: nothing before the tables answer, then their rows, re-read after a write; its state is
 * read through getters only.
 */
// A table that fails on demand (the others read the database as they are).
vi.mock('../../src/lib/db/repo/plans', async (original) => {
  const real = await original<typeof import('../../src/lib/db/repo/plans')>();
  return { ...real, listPlans: vi.fn(real.listPlans) };
});

let db: AnyamDatabase;
const stops: (() => void)[] = [];

beforeEach(() => {
  db = freshDatabase('household-state');
});
afterEach(async () => {
  for (const stop of stops.splice(0)) stop();
  vi.mocked(plans.listPlans).mockReset();
  await dropDatabase(db);
});

/** What a view of the household reads, each time it renders (an effect re-runs on a change). */
interface Seen {
  loaded: boolean;
  complete: boolean;
  name: string | undefined;
  base: string;
  members: string[];
  active: string[];
  streams: string[];
}

function watch(household: Household): Seen[] {
  const seen: Seen[] = [];
  stops.push(
    $effect.root(() => {
      $effect(() => {
        seen.push({
          loaded: household.loaded,
          complete: household.complete,
          name: household.settings?.householdName,
          base: household.baseCurrency,
          members: household.members.map((m) => m.name),
          active: household.activeMembers.map((m) => m.name),
          streams: household.activeStreams.map((s) => s.name),
        });
      });
    }),
  );
  flushSync();
  return seen;
}

describe('Household', () => {
  it('reads nothing until its tables answer; an empty database is a household not set up', async () => {
    const household = new Household();
    const seen = watch(household);
    expect(seen[0]).toMatchObject({ loaded: false, complete: false, members: [], base: 'IDR' });
    expect(household.settings).toBeUndefined();
    await vi.waitFor(() => expect(seen.at(-1)?.complete).toBe(true));
    expect(household.settings).toBeNull();
    expect(household.loaded).toBe(true);
    expect(household.error).toBeUndefined();
    expect(household.hasSample).toBe(false);
  });

  it('gives the rows as stored, and re-renders its readers after a write', async () => {
    await saveSettings({ householdName: 'Keluarga Dewi', baseCurrency: 'PHP' });
    const sari = await addMember({ name: 'Sari' });
    const budi = await addMember({ name: 'Budi' });
    const warung = await addStream({
      memberId: sari.id,
      name: 'Warung',
      kind: 'informal',
      currency: 'PHP',
    });
    const household = new Household();
    const seen = watch(household);
    await vi.waitFor(() => expect(seen.at(-1)?.members).toHaveLength(2));
    expect(seen.at(-1)).toMatchObject({
      name: 'Keluarga Dewi',
      base: 'PHP',
      active: ['Sari', 'Budi'],
      streams: ['Warung'],
    });
    expect(household.memberName(sari.id)).toBe('Sari');
    expect(household.memberName(null)).toBe('');
    expect(household.memberName('nobody')).toBe('');
    expect(household.stream(warung.id)?.name).toBe('Warung');
    expect(household.stream('none')).toBeUndefined();

    await updateMember(budi.id, { archived: true });
    await vi.waitFor(() => expect(seen.at(-1)?.active).toEqual(['Sari']));
    expect(seen.at(-1)?.members).toEqual(['Sari', 'Budi']);
  });

  it("keeps a sample's names as stored (tokens), and knows a sample is there", async () => {
    const sample = await addMember({ name: 'Ayu', isSample: true });
    await addStream({
      memberId: sample.id,
      name: '{{sample:warung}}',
      kind: 'informal',
      currency: 'IDR',
    });
    const household = new Household();
    const seen = watch(household);
    await vi.waitFor(() => expect(seen.at(-1)?.streams).toHaveLength(1));
    // Stored as the token (a view shows it through displayName), never a translated copy.
    expect(seen.at(-1)?.streams).toEqual(['{{sample:warung}}']);
    expect(household.hasSample).toBe(true);
  });

  it('reports a table that fails, and counts it as answered', async () => {
    const failure = new AnyamError('test/plans-failed');
    vi.mocked(plans.listPlans).mockRejectedValue(failure);
    const household = new Household();
    const seen = watch(household);
    await vi.waitFor(() => expect(seen.at(-1)?.complete).toBe(true));
    expect(household.error).toBe(failure);
    expect(household.plans).toEqual([]);
  });

  it('keeps its state behind getters: nothing of it can be set from outside', () => {
    const household = new Household();
    expect(Object.keys(household)).toEqual([]);
    for (const name of ['settings', 'members', 'streams', 'plans', 'baseCurrency', 'loaded']) {
      const property = Object.getOwnPropertyDescriptor(Household.prototype, name);
      expect(typeof property?.get, name).toBe('function');
      expect(property && property.set !== undefined, name).toBe(false);
    }
  });
});
