/**
 * The rules of pay per hour (domain/pay.ts), the figure households compare platforms by: hourly
 * pay from totals (pending counts for effective and paid-only, never for received only), which
 * streams and rows a report reads, how platforms and members are grouped and ordered, a group's
 * currency, its months, a period's figures added up from them, and pay before and after a
 * training.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Entry, Rollup, Stream } from '../../src/lib/domain/model';
import { hourlyPay, payOver, payReport, type HourlyPay } from '../../src/lib/domain/pay';
import { rollupsFromEntries } from '../../src/lib/domain/rollup';
import { makeEntry, makeRate, makeStream, makeTraining } from './analytics-fixtures';

const RUNS = { numRuns: 300 };

describe('hourly pay from totals', () => {
  it('counts pending in effective and paid-only pay, and received only over the minutes of received entries', () => {
    // 6,000 received over 90 minutes, 3,000 pending over 30: 9,000 earned over 120 minutes.
    const p = hourlyPay(9_000, 100, 20, 6_000, 3_000, 90);
    expect(p.receivedOnlyPerHour).toBeCloseTo(4_000, 9);
    expect(p).toStrictEqual({
      earnedMinor: 9_000,
      receivedMinor: 6_000,
      pendingMinor: 3_000,
      paidMinutes: 100,
      unpaidMinutes: 20,
      effectivePerHour: 4_500,
      paidOnlyPerHour: 5_400,
      unpaidShare: 20 / 120,
      receivedOnlyPerHour: p.receivedOnlyPerHour,
      receivedMinutes: 90,
    });
  });

  it('without the minutes of received entries, takes all minutes when nothing is pending, else none', () => {
    expect(hourlyPay(6_000, 60, 30, 6_000).receivedOnlyPerHour).toBeCloseTo(4_000, 9);
    expect(hourlyPay(6_000, 60, 30, 6_000).receivedMinutes).toBe(90);
    const pending = hourlyPay(9_000, 60, 30, 6_000, 3_000);
    expect(pending.receivedMinutes).toBe(0);
    expect(pending.receivedOnlyPerHour).toBeNull();
    // Earned all received when not told otherwise.
    expect(hourlyPay(6_000, 60, 0)).toMatchObject({ receivedMinor: 6_000, pendingMinor: 0 });
  });

  it('has no figure without the minutes it divides by, and one as soon as there is a minute', () => {
    expect(hourlyPay(100, 0, 0)).toMatchObject({
      effectivePerHour: null,
      paidOnlyPerHour: null,
      unpaidShare: null,
      receivedOnlyPerHour: null,
    });
    expect(hourlyPay(100, 0, 1)).toMatchObject({
      effectivePerHour: 6_000,
      paidOnlyPerHour: null,
      unpaidShare: 1,
      receivedOnlyPerHour: 6_000,
    });
    expect(hourlyPay(100, 1, 0)).toMatchObject({ paidOnlyPerHour: 6_000, unpaidShare: 0 });
  });
});

const usd = makeStream({
  id: 'u',
  kind: 'microtask',
  platform: 'Upwork',
  memberId: 'a',
  currency: 'USD',
});
const idr = makeStream({ id: 'i', kind: 'microtask', platform: ' Upwork ', memberId: 'b' });
const toloka = makeStream({ id: 't', kind: 'microtask', platform: 'Toloka', memberId: 'b' });
const job = makeStream({ id: 'j', kind: 'formal', platform: 'Factory', memberId: 'a' });
const old = makeStream({
  id: 'o',
  kind: 'microtask',
  platform: 'Gone',
  memberId: 'c',
  deletedAt: '2026-01-01T00:00:00.000Z',
});
const rates = [makeRate('USD', '2026-02-01', '16000')];

function report(
  entries: Entry[],
  streams: Stream[] = [usd, idr, toloka, job, old],
  until = '2026-05',
) {
  return payReport({
    rollups: rollupsFromEntries(entries, rates, 'IDR'),
    streams,
    training: [],
    until,
  });
}

describe('what a pay report reads', () => {
  const entries = [
    makeEntry(usd, '2026-03-05', 1_000, { paidMinutes: 60 }),
    makeEntry(idr, '2026-03-06', 160_000, { paidMinutes: 60, unpaidMinutes: 60 }),
    makeEntry(toloka, '2026-02-06', 50_000, { paidMinutes: 30 }),
    makeEntry(job, '2026-03-01', 9_000_000, { paidMinutes: 9_000 }),
    makeEntry(old, '2026-03-01', 7_000, { paidMinutes: 70 }),
  ];

  it('is the live micro-task streams only, grouped by platform name without its spaces and by member, each in order', () => {
    const r = report(entries);
    expect(r.byPlatform.map((p) => [p.key, p.platform, p.memberId])).toStrictEqual([
      ['platform:Toloka', 'Toloka', null],
      ['platform:Upwork', 'Upwork', null],
    ]);
    expect(r.byMember.map((m) => [m.key, m.platform, m.memberId])).toStrictEqual([
      ['member:a', null, 'a'],
      ['member:b', null, 'b'],
    ]);
    const upwork = r.byPlatform[1]!;
    expect([...upwork.streamIds].sort()).toStrictEqual(['i', 'u']);
    expect(upwork.base.earnedMinor).toBe(16_160_000);
    expect(upwork.base.paidMinutes).toBe(120);
    expect(r.byMember[0]!.base.earnedMinor).toBe(16_000_000);
  });

  it('orders platforms by name and members by id, whatever order the rows are read in', () => {
    const streams = ['m3', 'm1', 'm4', 'm2'].map((member, i) =>
      makeStream({ id: `s${i}`, kind: 'microtask', platform: `P${member}`, memberId: member }),
    );
    const rows = rollupsFromEntries(
      streams.map((st) => makeEntry(st, '2026-03-05', 100, { paidMinutes: 1 })),
      [],
      'IDR',
    );
    fc.assert(
      fc.property(fc.shuffledSubarray(rows, { minLength: rows.length }), (shuffled) => {
        const r = payReport({ rollups: shuffled, streams, training: [], until: '2026-05' });
        expect(r.byPlatform.map((p) => p.platform)).toStrictEqual(['Pm1', 'Pm2', 'Pm3', 'Pm4']);
        expect(r.byMember.map((m) => m.memberId)).toStrictEqual(['m1', 'm2', 'm3', 'm4']);
      }),
      RUNS,
    );
  });

  it('leaves out rows with no entries left in them', () => {
    const rows = rollupsFromEntries([entries[1]!], rates, 'IDR');
    const empty: Rollup = {
      ...rows[0]!,
      key: 'x',
      month: '2026-04',
      count: 0,
      amountMinor: 5,
      paidMinutes: 5,
    };
    const r = payReport({
      rollups: [...rows, empty],
      streams: [idr],
      training: [],
      until: '2026-05',
    });
    expect(r.byPlatform[0]!.base.earnedMinor).toBe(160_000);
    expect(r.byPlatform[0]!.trend.map((t) => t.month)).toStrictEqual(['2026-03']);
  });

  it('gives a group one currency only when all its rows share it, with its own figures month by month', () => {
    const r = report(entries);
    const upwork = r.byPlatform[1]!;
    expect(upwork.currency).toBeNull();
    expect(upwork.inCurrency).toBeNull();
    expect(upwork.trend.every((t) => t.inCurrency === null)).toBe(true);
    const a = r.byMember[0]!;
    expect(a.currency).toBe('USD');
    expect(a.inCurrency!.earnedMinor).toBe(1_000);
    expect(a.trend[0]!.inCurrency!.earnedMinor).toBe(1_000);
    expect(a.trend[0]!.base.earnedMinor).toBe(16_000_000);
  });

  it('keeps a group’s months in order, each with its own figures', () => {
    const r = report([
      makeEntry(toloka, '2026-04-06', 400, { paidMinutes: 4 }),
      makeEntry(toloka, '2026-02-06', 200, { paidMinutes: 2 }),
      makeEntry(toloka, '2026-03-06', 300, { paidMinutes: 3 }),
    ]);
    const t = r.byPlatform[0]!.trend;
    expect(t.map((m) => [m.month, m.base.earnedMinor, m.base.paidMinutes])).toStrictEqual([
      ['2026-02', 200, 2],
      ['2026-03', 300, 3],
      ['2026-04', 400, 4],
    ]);
  });

  it('counts a received row’s minutes for received only and a pending row’s not', () => {
    const r = report([
      makeEntry(toloka, '2026-03-06', 6_000, { paidMinutes: 60, unpaidMinutes: 30 }),
      makeEntry(toloka, '2026-03-07', 3_000, { paidMinutes: 30, status: 'pending' }),
    ]);
    const b = r.byPlatform[0]!.base;
    expect(b).toMatchObject({ receivedMinor: 6_000, pendingMinor: 3_000, receivedMinutes: 90 });
    expect(b.receivedOnlyPerHour).toBeCloseTo(4_000, 9);
    expect(b.effectivePerHour).toBe(4_500);
  });
});

/** Figures compared whole, hourly ones to 9 places (a different order of sums may differ in the last bit). */
function expectSamePay(got: HourlyPay | null, want: HourlyPay | null): void {
  if (want === null) return void expect(got).toBeNull();
  expect(got).not.toBeNull();
  const { effectivePerHour, paidOnlyPerHour, unpaidShare, receivedOnlyPerHour, ...exact } = want;
  expect(got).toMatchObject(exact);
  for (const [k, v] of Object.entries({
    effectivePerHour,
    paidOnlyPerHour,
    unpaidShare,
    receivedOnlyPerHour,
  })) {
    const g = got![k as keyof HourlyPay];
    if (v === null) expect(g).toBeNull();
    else expect(g).toBeCloseTo(v, 9);
  }
}

describe('a period’s figures', () => {
  const drawArb = fc.record({
    stream: fc.constantFrom(usd, idr, toloka),
    month: fc.constantFrom('2026-01', '2026-02', '2026-03', '2026-04'),
    amount: fc.integer({ min: 0, max: 100_000 }),
    paid: fc.integer({ min: 0, max: 120 }),
    unpaid: fc.integer({ min: 0, max: 60 }),
    pending: fc.boolean(),
  });
  type Draw = typeof drawArb extends fc.Arbitrary<infer T> ? T : never;
  const entriesOf = (draws: Draw[]) =>
    draws.map((d) =>
      makeEntry(d.stream, `${d.month}-10`, d.amount, {
        paidMinutes: d.paid,
        unpaidMinutes: d.unpaid,
        status: d.pending ? 'pending' : 'received',
      }),
    );

  it('over every month of a group are the group’s own figures; over some months, those months’ rows only', () => {
    fc.assert(
      fc.property(
        fc.array(drawArb, { maxLength: 12 }),
        fc.subarray(['2026-01', '2026-02', '2026-03', '2026-04']),
        (draws, months) => {
          const entries = entriesOf(draws);
          const r = report(entries);
          for (const g of [...r.byPlatform, ...r.byMember]) {
            const all = payOver(
              g,
              g.trend.map((t) => t.month),
            );
            expectSamePay(all.base, g.base);
            expect(all.base.missingRateCount).toBe(g.base.missingRateCount);
            expectSamePay(all.inCurrency, g.inCurrency);
          }
          // Some months: the same figures as a report of those months' entries alone.
          const only = report(entries.filter((e) => months.includes(e.date.slice(0, 7))));
          for (const g of r.byPlatform) {
            const o = only.byPlatform.find((p) => p.key === g.key);
            const part = payOver(g, months);
            expect(part.base.missingRateCount).toBe(o?.base.missingRateCount ?? 0);
            expect(part.base.earnedMinor).toBe(o?.base.earnedMinor ?? 0);
            expect(part.base.receivedMinutes).toBe(o?.base.receivedMinutes ?? 0);
            expect(part.base.paidMinutes + part.base.unpaidMinutes).toBe(
              (o?.base.paidMinutes ?? 0) + (o?.base.unpaidMinutes ?? 0),
            );
            if (g.currency === null) expect(part.inCurrency).toBeNull();
            else expect(part.inCurrency!.earnedMinor).toBe(o?.inCurrency?.earnedMinor ?? 0);
          }
        },
      ),
      RUNS,
    );
  });
});

describe('pay before and after a training', () => {
  const monthly = ['2025-12', '2026-01', '2026-02', '2026-03', '2026-05', '2026-06'].map((m, i) =>
    makeEntry(toloka, `${m}-05`, 60_000 * (i + 1), { paidMinutes: 60 }),
  );
  const withTraining = (
    training: ReturnType<typeof makeTraining>[],
    until = '2026-06',
    entries = monthly,
  ) =>
    payReport({
      rollups: rollupsFromEntries(entries, rates, 'IDR'),
      streams: [toloka, usd],
      training,
      until,
    }).training;

  it('compares the 3 months before the training’s month with the 3 after it that are complete, up to and with the last', () => {
    const [t] = withTraining([makeTraining('b', '2026-04-30')]);
    expect(t!.month).toBe('2026-04');
    expect(t!.beforeMonths).toStrictEqual(['2026-01', '2026-02', '2026-03']);
    expect(t!.afterMonths).toStrictEqual(['2026-05', '2026-06']);
    // Before: 120,000 + 180,000 + 240,000 over 3 h; after: 300,000 + 360,000 over 2 h.
    expect(t!.before.effectivePerHour).toBe(180_000);
    expect(t!.after.effectivePerHour).toBe(330_000);
    expect(t!.change).toBeCloseTo(330 / 180 - 1, 12);
    expect(
      withTraining([makeTraining('b', '2026-04-30')], '2026-05')[0]!.afterMonths,
    ).toStrictEqual(['2026-05']);
  });

  it('lists live trainings by date, each with its id and member', () => {
    const trainings = [
      makeTraining('b', '2026-04-02', { id: 'late' }),
      makeTraining('b', '2026-02-02', { id: 'gone', deletedAt: '2026-02-03T00:00:00.000Z' }),
      makeTraining('a', '2026-01-20', { id: 'early' }),
      makeTraining('b', '2026-03-02', { id: 'mid' }),
    ];
    const t = withTraining(trainings);
    expect(t.map((x) => [x.trainingId, x.memberId])).toStrictEqual([
      ['early', 'a'],
      ['mid', 'b'],
      ['late', 'b'],
    ]);
  });

  it('adds up every figure of the months on each side, pending and received apart', () => {
    const entries = [
      makeEntry(toloka, '2026-01-05', 6_000, { paidMinutes: 50, unpaidMinutes: 10 }),
      makeEntry(toloka, '2026-02-05', 3_000, { paidMinutes: 30, status: 'pending' }),
      makeEntry(toloka, '2026-03-05', 1_200, { paidMinutes: 20, unpaidMinutes: 10 }),
    ];
    const [t] = withTraining([makeTraining('b', '2026-04-10')], '2026-06', entries);
    expect(t!.before).toMatchObject({
      receivedMinor: 7_200,
      pendingMinor: 3_000,
      earnedMinor: 10_200,
      paidMinutes: 100,
      unpaidMinutes: 20,
      receivedMinutes: 90,
      missingRateCount: 0,
    });
    expect(t!.before.receivedOnlyPerHour).toBeCloseTo(4_800, 9);
  });

  it('counts the entries left out for want of a rate on either side', () => {
    const entries = [
      makeEntry(usd, '2026-01-05', 100, { paidMinutes: 60 }),
      makeEntry(usd, '2026-03-05', 100, { paidMinutes: 60 }),
    ];
    const [t] = withTraining([makeTraining('a', '2026-02-10')], '2026-06', entries);
    expect(t!.before.missingRateCount).toBe(1);
    expect(t!.before.effectivePerHour).toBeNull();
    expect(t!.after.missingRateCount).toBe(0);
    expect(t!.after.effectivePerHour).toBe(1_600_000);
    expect(t!.change).toBeNull();
  });

  it('has no change without pay before it, with nothing earned before, or without pay after it', () => {
    const none = withTraining([makeTraining('z', '2026-04-02')])[0]!;
    expect(none.before.paidMinutes).toBe(0);
    expect(none.after.paidMinutes).toBe(0);
    expect(none.change).toBeNull();
    const zero = [makeEntry(toloka, '2026-01-05', 0, { paidMinutes: 60 }), ...monthly.slice(4)];
    expect(withTraining([makeTraining('b', '2026-04-02')], '2026-06', zero)[0]!.change).toBeNull();
    const nothingAfter = withTraining([makeTraining('b', '2026-06-02')])[0]!;
    expect(nothingAfter.afterMonths).toStrictEqual([]);
    expect(nothingAfter.change).toBeNull();
  });
});
