import { describe, expect, it } from 'vitest';
import { membersByName, Resolver } from '../../src/lib/db/backup/csv-resolve';
import type { Member, Stream } from '../../src/lib/domain/model';

/*
 * How a CSV row finds its stream (csv-resolve.ts): by name, under the row's member when the file
 * names one, else anywhere; what it cannot find is collected, once per name, for creation.
 */
const base = { createdAt: '', updatedAt: '', deletedAt: null, isSample: false } as const;
const member = (id: string, name: string, deletedAt: string | null = null) =>
  ({ ...base, id, name, deletedAt }) as unknown as Member;
const stream = (id: string, memberId: string, name: string, deletedAt: string | null = null) =>
  ({ ...base, id, memberId, name, deletedAt }) as unknown as Stream;
const noHints = { kind: null, platform: null, currency: null };

const ani = member('m1', 'Ani');
const budi = member('m2', 'Budi');

describe('members by name', () => {
  it('leave deleted members out, and the first member of a name wins', () => {
    const gone = member('m0', 'Ani', '2026-01-01T00:00:00.000Z');
    const twin = member('m3', ' ani ');
    const byName = membersByName([gone, ani, twin, budi]);
    expect(byName.get('ani')).toBe(ani);
    expect(byName.get('budi')).toBe(budi);
    expect([...byName.keys()].sort()).toEqual(['ani', 'budi']);
  });
});

describe('a row without a member', () => {
  it('finds the one live stream of its name anywhere; two are ambiguous', () => {
    const salary = stream('s1', 'm1', 'Salary');
    const deleted = stream('s0', 'm2', 'Salary', '2026-01-01T00:00:00.000Z');
    const resolver = new Resolver({ members: [ani, budi], streams: [deleted, salary] });
    expect(resolver.resolve(' SALARY ', '', noHints)).toEqual({ stream: salary });
    const both = new Resolver({
      members: [ani, budi],
      streams: [salary, stream('s2', 'm2', 'salary')],
    });
    expect(both.resolve('Salary', '', noHints)).toEqual({ error: 'csv/ambiguous-stream' });
  });

  it('names a stream it does not know by "|" and its name, to create', () => {
    const resolver = new Resolver({ members: [ani], streams: [] });
    expect(resolver.resolve(' Tips ', '', noHints)).toEqual({ newStream: '|tips' });
    expect(resolver.unknownStreams.get('|tips')).toEqual({
      key: '|tips',
      name: 'Tips',
      memberName: null,
      memberId: null,
      rows: 1,
      ...noHints,
    });
    expect(resolver.unknownMembers.size).toBe(0);
  });
});

describe('a row with a member', () => {
  it('finds only that member’s stream of the name; two of them are ambiguous', () => {
    const anis = stream('s1', 'm1', 'Salary');
    const budis = stream('s2', 'm2', 'Salary');
    const resolver = new Resolver({ members: [ani, budi], streams: [anis, budis] });
    expect(resolver.resolve('salary', 'BUDI', noHints)).toEqual({ stream: budis });
    expect(resolver.resolve('salary', 'Ani', noHints)).toEqual({ stream: anis });
    const twice = new Resolver({
      members: [ani, budi],
      streams: [anis, stream('s3', 'm1', 'SALARY'), budis],
    });
    expect(twice.resolve('Salary', 'Ani', noHints)).toEqual({ error: 'csv/ambiguous-stream' });
    expect(twice.resolve('Salary', 'Budi', noHints)).toEqual({ stream: budis });
  });

  it('offers a stream of that name for the member when only another member has one', () => {
    const resolver = new Resolver({
      members: [ani, budi],
      streams: [stream('s1', 'm1', 'Salary')],
    });
    expect(resolver.resolve('Salary', ' Budi ', noHints)).toEqual({ newStream: 'budi|salary' });
    expect(resolver.unknownStreams.get('budi|salary')).toMatchObject({
      name: 'Salary',
      memberName: 'Budi',
      memberId: 'm2',
      rows: 1,
    });
  });

  it('counts a member the household does not have, once per name, with its rows', () => {
    const resolver = new Resolver({ members: [ani], streams: [stream('s1', 'm1', 'Salary')] });
    expect(resolver.resolve('Salary', ' Citra ', noHints)).toEqual({ newStream: 'citra|salary' });
    expect(resolver.resolve('salary', 'CITRA', noHints)).toEqual({ newStream: 'citra|salary' });
    expect(resolver.resolve('Tips', 'citra', noHints)).toEqual({ newStream: 'citra|tips' });
    expect([...resolver.unknownMembers.values()]).toEqual([
      { key: 'citra', name: 'Citra', rows: 3 },
    ]);
    expect(resolver.unknownStreams.get('citra|salary')).toMatchObject({
      memberName: 'Citra',
      memberId: null,
      rows: 2,
    });
  });
});

describe('a stream to create', () => {
  it('counts its rows and takes each hint from the first row that gives one', () => {
    const resolver = new Resolver({ members: [ani], streams: [] });
    resolver.resolve('Tips', 'Ani', { kind: null, platform: 'Grab', currency: null });
    resolver.resolve('tips', 'ani', { kind: 'microtask', platform: 'Gojek', currency: null });
    resolver.resolve('TIPS', 'Ani', { kind: 'formal', platform: null, currency: 'IDR' });
    expect(resolver.unknownStreams.get('ani|tips')).toEqual({
      key: 'ani|tips',
      name: 'Tips',
      memberName: 'Ani',
      memberId: 'm1',
      kind: 'microtask',
      platform: 'Grab',
      currency: 'IDR',
      rows: 3,
    });
  });
});

describe('the member cell', () => {
  it('of only spaces is no member; a member the household has is never counted as unknown', () => {
    const salary = stream('s1', 'm1', 'Salary');
    const resolver = new Resolver({ members: [ani, budi], streams: [salary] });
    expect(resolver.resolve('Salary', '   ', noHints)).toEqual({ stream: salary });
    expect(resolver.resolve('Salary', 'Ani', noHints)).toEqual({ stream: salary });
    expect(resolver.resolve('Bonus', 'Budi', noHints)).toEqual({ newStream: 'budi|bonus' });
    expect(resolver.unknownMembers.size).toBe(0);
  });
});
