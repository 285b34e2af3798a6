/**
 * What the sample household must be on any day, for any of its three countries (issue 28,
 * seventh round): the same household for the same day; 18 months of history before the month in
 * progress; a salary on the 25th with a raise after a year, a remittance on the 5th that skipped
 * months 7 and 8 (answered "not this time"), weekly informal pay on the 7th, 14th, 21st and
 * 28th, micro-task work in USD pending only in the last week before today; local amounts rounded
 * as a household there counts them (by the thousand, pesos by ten); every bill paid on its day
 * except this month's data plan; savings snapshots each quarter that add up to the quarter's
 * total. Each sample is built inside its test, so a mutation run counts the builder's code.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { IsoDate } from '../../src/lib/domain/model';
import { MAX_MINOR } from '../../src/lib/domain/money';
import { addMonths, firstDayOf, inProgressMonth, monthRange } from '../../src/lib/domain/months';
import { planOccurrences } from '../../src/lib/domain/occurrences';
import { buildSampleHousehold } from '../../src/lib/domain/sample-household';
import type { SampleCountry } from '../../src/lib/domain/sample-country';
import { PROFILES } from '../../src/lib/domain/sample-profiles';
import { parseName } from '../../src/lib/domain/sample-names';
import { todayArb } from '../factories/today';

const NOW = '2026-11-29T08:00:00.000Z';
const countryArb = fc.constantFrom<SampleCountry>('ID', 'PH', 'VN');
/**
 * Each run builds a whole 18-month household (about 20 ms, several times that in a mutation
 * run), so these properties draw 50 days each rather than 300; `todayArb` makes one draw in two
 * a day where periods turn over (the 1st, a month's last day, 29 February, 31 December).
 */
const RUNS = { numRuns: 50 };

function build(today: IsoDate, country: SampleCountry) {
  return buildSampleHousehold(today, NOW, PROFILES[country].currency, country);
}

/** The history's months, oldest first: 18 complete months and the month in progress. */
function historyOf(today: IsoDate) {
  const current = inProgressMonth(today);
  return monthRange(addMonths(current, -18), current);
}

function keyOf(name: string): string | null {
  const parsed = parseName(name);
  return parsed.kind === 'label' ? parsed.key : null;
}

describe('the sample household, on any day and in any of its countries', () => {
  it('is the same household for the same day, and its rows do not depend on the time of day', () => {
    fc.assert(
      fc.property(todayArb, countryArb, (today, country) => {
        const currency = PROFILES[country].currency;
        const a = buildSampleHousehold(today, NOW, currency, country);
        expect(buildSampleHousehold(today, NOW, currency, country)).toEqual(a);
        const later = buildSampleHousehold(today, '2026-11-29T20:00:00.000Z', currency, country);
        expect(later.entries.map((e) => e.id)).toEqual(a.entries.map((e) => e.id));
        expect(later.entries[0]!.updatedAt).toBe('2026-11-29T20:00:00.000Z');
      }),
      { numRuns: 25 },
    );
  });

  it('has whole minor units within the money bounds, every one of them positive', () => {
    fc.assert(
      fc.property(todayArb, countryArb, (today, country) => {
        const s = build(today, country);
        const amounts = [
          ...s.entries.map((e) => e.amountMinor),
          ...s.plans.map((p) => p.amountMinor),
          ...s.payments.map((p) => p.amountMinor),
          ...s.savings.map((x) => x.amountMinor),
          ...s.training.map((t) => t.costMinor),
        ];
        for (const amount of amounts) {
          expect(Number.isSafeInteger(amount)).toBe(true);
          expect(amount).toBeGreaterThan(0);
          expect(amount).toBeLessThanOrEqual(MAX_MINOR);
        }
      }),
      RUNS,
    );
  });

  it('gives every stream a member of the household, three people of its country', () => {
    fc.assert(
      fc.property(todayArb, countryArb, (today, country) => {
        const s = build(today, country);
        const p = PROFILES[country];
        const ids = s.members.map((m) => m.id);
        expect(new Set(ids).size).toBe(3);
        expect(s.members.map((m) => parseName(m.name))).toEqual(
          p.people.map((name) => ({ kind: 'person', name })),
        );
        expect(s.members.map((m) => m.role)).toEqual(['adult', 'adult', 'youth']);
        for (const m of s.members) expect(m.archived).toBe(false);
        for (const stream of s.streams) expect(ids).toContain(stream.memberId);
        const byKind = new Map(s.streams.map((x) => [x.kind, x]));
        // The salary and the remittance go to the salary earner; the warung or the rides to the
        // other adult; the micro-task work to the youngest.
        expect(byKind.get('formal')!.memberId).toBe(ids[p.salaryEarner]);
        expect(byKind.get('support')!.memberId).toBe(ids[p.salaryEarner]);
        expect(byKind.get('informal')!.memberId).toBe(ids[1 - p.salaryEarner]);
        for (const x of s.streams.filter((y) => y.kind === 'microtask')) {
          expect(x.memberId).toBe(ids[2]);
        }
      }),
      RUNS,
    );
  });

  it('has five live streams that all start on the first day of the history', () => {
    fc.assert(
      fc.property(todayArb, countryArb, (today, country) => {
        const s = build(today, country);
        const p = PROFILES[country];
        const first = firstDayOf(historyOf(today)[0]!);
        expect(s.streams).toHaveLength(5);
        for (const x of s.streams) {
          expect(x).toMatchObject({ startedOn: first, endedOn: null, archived: false });
        }
        expect(s.streams.map((x) => [x.kind, x.currency, keyOf(x.name), x.platform])).toEqual([
          ['formal', p.currency, p.salaryKey, p.employer],
          ['informal', p.currency, p.informal.key, p.informal.platform],
          ['microtask', 'USD', 'imageTagging', p.platforms[0]],
          ['microtask', 'USD', 'dataAnnotation', p.platforms[1]],
          ['support', p.currency, p.remittanceKey, ''],
        ]);
        const [salary, informal, , , remittance] = s.streams;
        expect(salary!.payDay).toEqual({ cadence: 'monthly', day: 25 });
        expect(remittance!.payDay).toEqual({ cadence: 'monthly', day: 5 });
        expect(informal!.payDay).toBeNull();
        expect(salary!.expected).toEqual({
          amountMinor: p.salary * p.unit,
          cadence: 'monthly',
          daysPerWeek: 6,
        });
        const [low, high] = p.remittance;
        expect(remittance!.expected.amountMinor).toBe(Math.round((low + high) / 2) * p.unit);
        expect(informal!.expected).toEqual({
          amountMinor: 0,
          cadence: 'irregular',
          daysPerWeek: 6,
        });
      }),
      RUNS,
    );
  });
});

describe('its income, month by month', () => {
  it('pays the salary on the 25th of each month that reached it, with a 6 % raise after a year', () => {
    fc.assert(
      fc.property(todayArb, countryArb, (today, country) => {
        const s = build(today, country);
        const p = PROFILES[country];
        const step = p.currency === 'PHP' ? 10 : 1000;
        const rounded = (whole: number) => Math.round(whole / step) * step * p.unit;
        const salary = s.streams[0]!;
        const paid = s.entries.filter((e) => e.streamId === salary.id);
        const expected = historyOf(today)
          .map((month, index) => ({ date: `${month}-25`, index }))
          .filter(({ date }) => date <= today)
          .map(({ date, index }) => ({
            date,
            amountMinor: rounded(p.salary + (index >= 12 ? Math.round(p.salary * 0.06) : 0)),
          }));
        expect(paid.map((e) => ({ date: e.date, amountMinor: e.amountMinor }))).toEqual(expected);
        for (const e of paid) expect(e).toMatchObject({ paidMinutes: 0, unpaidMinutes: 0 });
      }),
      RUNS,
    );
  });

  it('brings the remittance on the 5th, within its range, except the 7th and 8th months, which are skipped', () => {
    fc.assert(
      fc.property(todayArb, countryArb, (today, country) => {
        const s = build(today, country);
        const p = PROFILES[country];
        const step = p.currency === 'PHP' ? 10 : 1000;
        const remittance = s.streams[4]!;
        const months = historyOf(today);
        const came = s.entries.filter((e) => e.streamId === remittance.id);
        expect(came.map((e) => e.date)).toEqual(
          months
            .filter((_, i) => i !== 6 && i !== 7)
            .map((m) => `${m}-05`)
            .filter((d) => d <= today),
        );
        for (const e of came) {
          const whole = e.amountMinor / p.unit;
          expect(whole % step).toBe(0);
          expect(whole).toBeGreaterThanOrEqual(Math.round(p.remittance[0] / step) * step);
          expect(whole).toBeLessThanOrEqual(Math.round(p.remittance[1] / step) * step);
        }
        expect(s.skips.map((k) => [k.kind, k.sourceId, k.dueOn])).toEqual([
          ['stream', remittance.id, `${months[6]}-05`],
          ['stream', remittance.id, `${months[7]}-05`],
        ]);
      }),
      RUNS,
    );
  });

  it('has informal pay each week on the 7th, 14th, 21st and 28th, within its weekly range', () => {
    fc.assert(
      fc.property(todayArb, countryArb, (today, country) => {
        const s = build(today, country);
        const p = PROFILES[country];
        const step = p.currency === 'PHP' ? 10 : 1000;
        const informal = s.streams[1]!;
        const got = s.entries.filter((e) => e.streamId === informal.id);
        expect(got.map((e) => e.date)).toEqual(
          historyOf(today)
            .flatMap((m) => ['07', '14', '21', '28'].map((d) => `${m}-${d}`))
            .filter((d) => d <= today),
        );
        for (const e of got) {
          const whole = e.amountMinor / p.unit;
          expect(whole % step).toBe(0);
          expect(whole).toBeGreaterThanOrEqual(Math.round(p.informal.weekly[0] / step) * step);
          expect(whole).toBeLessThanOrEqual(Math.round(p.informal.weekly[1] / step) * step);
        }
      }),
      RUNS,
    );
  });

  it('has micro-task work in USD from the 2nd, every 2 to 4 days, pending only in the last week before today', () => {
    fc.assert(
      fc.property(todayArb, countryArb, (today, country) => {
        const s = build(today, country);
        const [, , tagging, annotation] = s.streams;
        const current = inProgressMonth(today);
        const work = s.entries.filter(
          (e) => e.streamId === tagging!.id || e.streamId === annotation!.id,
        );
        for (const month of historyOf(today)) {
          const days = work
            .filter((e) => e.date.startsWith(month))
            .map((e) => Number(e.date.slice(8, 10)));
          if (days.length === 0) continue;
          expect(days[0]).toBe(2);
          for (let i = 1; i < days.length; i++) {
            expect(days[i]! - days[i - 1]!).toBeGreaterThanOrEqual(2);
            expect(days[i]! - days[i - 1]!).toBeLessThanOrEqual(4);
          }
        }
        const lastDay = Number(today.slice(8, 10));
        // One check per entry, the entries that break it listed (thousands of entries per run).
        const wrong = work.filter((e) => {
          const [low, high] = e.streamId === tagging!.id ? [180, 260] : [250, 380];
          const lastWeek = e.date.startsWith(current) && Number(e.date.slice(8, 10)) > lastDay - 7;
          return !(
            e.currency === 'USD' &&
            e.paidMinutes >= 30 &&
            e.paidMinutes <= 110 &&
            e.unpaidMinutes >= Math.round(e.paidMinutes * 0.15) &&
            e.unpaidMinutes <= Math.round(e.paidMinutes * 0.45) &&
            e.amountMinor >= Math.round((low * e.paidMinutes) / 60) &&
            e.amountMinor <= Math.round((high * e.paidMinutes) / 60) &&
            e.status === (lastWeek ? 'pending' : 'received')
          );
        });
        expect(wrong).toEqual([]);
      }),
      RUNS,
    );
  });
});

describe('its bills, savings, rates and training', () => {
  it('pays every bill on its day up to today, except this month’s data plan', () => {
    fc.assert(
      fc.property(todayArb, countryArb, (today, country) => {
        const s = build(today, country);
        const months = historyOf(today);
        const current = months.at(-1)!;
        expect(s.plans.map((p) => keyOf(p.name))).toEqual([
          'rent',
          'food',
          'utilities',
          'schoolFees',
          'dataPlan',
          'streaming',
        ]);
        for (const plan of s.plans) {
          const dueDays = planOccurrences(plan, firstDayOf(months[0]!), today);
          const unpaid = (d: string) => keyOf(plan.name) === 'dataPlan' && d >= firstDayOf(current);
          const paid = s.payments.filter((x) => x.planId === plan.id);
          expect(paid.map((x) => x.dueOn)).toEqual(dueDays.filter((d) => !unpaid(d)));
          for (const x of paid) {
            expect(x).toMatchObject({
              date: x.dueOn,
              amountMinor: plan.amountMinor,
              currency: plan.currency,
            });
          }
        }
      }),
      RUNS,
    );
  });

  it('keeps savings in three places, a snapshot each quarter on the 28th adding up to its total', () => {
    fc.assert(
      fc.property(todayArb, countryArb, (today, country) => {
        const s = build(today, country);
        const p = PROFILES[country];
        expect(s.places.map((x) => [keyOf(x.name), x.kind, x.currency])).toEqual([
          ['cashAtHome', 'cash', p.currency],
          ['bankAccount', 'bank', p.currency],
          ['savingsGroup', 'group', p.currency],
        ]);
        const quarters = historyOf(today).filter((_, i) => i % 3 === 2);
        quarters.forEach((month, i) => {
          const rows = s.savings.filter((x) => x.date === `${month}-28`);
          expect(rows.map((x) => x.placeId)).toEqual(s.places.map((x) => x.id));
          const total = rows.reduce((sum, x) => sum + x.amountMinor, 0);
          expect(total).toBe((p.savingsStart + i * p.savingsStep) * p.unit);
          // Cash grows by a fifth of the start each quarter, the group's share by a third.
          const start = p.savingsStart;
          expect(rows[0]!.amountMinor).toBe(Math.round(start / 12 + (i * start) / 60) * p.unit);
          expect(rows[2]!.amountMinor).toBe(Math.round(start / 6 + (i * start) / 20) * p.unit);
        });
        expect(s.savings).toHaveLength(quarters.length * 3);
      }),
      RUNS,
    );
  });

  it('carries USD rates from the history’s first day, its 7th month and its 14th', () => {
    fc.assert(
      fc.property(todayArb, countryArb, (today, country) => {
        const s = build(today, country);
        const months = historyOf(today);
        expect(s.rates.map((r) => [r.currency, r.date])).toEqual([
          ['USD', `${months[0]}-01`],
          ['USD', `${months[6]}-01`],
          ['USD', `${months[13]}-01`],
        ]);
      }),
      RUNS,
    );
  });

  it('has one six-hour course, taken by the youngest on the 10th of the 10th month', () => {
    fc.assert(
      fc.property(todayArb, countryArb, (today, country) => {
        const s = build(today, country);
        const p = PROFILES[country];
        expect(s.training).toHaveLength(1);
        expect(s.training[0]).toMatchObject({
          memberId: s.members[2]!.id,
          date: `${historyOf(today)[9]}-10`,
          hours: 6,
          costMinor: p.course * p.unit,
          currency: p.currency,
          note: '',
        });
        expect(keyOf(s.training[0]!.title)).toBe('course');
      }),
      RUNS,
    );
  });
});

describe('on the very day money is due', () => {
  it('on the 25th the salary has come, on the 5th the remittance, on the 1st the rent is paid', () => {
    for (const country of ['ID', 'PH', 'VN'] as const) {
      const on25 = build('2026-11-25', country);
      expect(
        on25.entries.some((e) => e.streamId === on25.streams[0]!.id && e.date === '2026-11-25'),
      ).toBe(true);
      const on24 = build('2026-11-24', country);
      expect(on24.entries.some((e) => e.date === '2026-11-25')).toBe(false);
      const on5 = build('2026-11-05', country);
      expect(
        on5.entries.some((e) => e.streamId === on5.streams[4]!.id && e.date === '2026-11-05'),
      ).toBe(true);
      const on4 = build('2026-11-04', country);
      expect(on4.entries.some((e) => e.date === '2026-11-05')).toBe(false);
      const on1 = build('2026-11-01', country);
      const rent = on1.plans[0]!;
      expect(on1.payments.some((p) => p.planId === rent.id && p.dueOn === '2026-11-01')).toBe(true);
    }
  });
});

describe('without a base currency or a country', () => {
  it('is Indonesia’s sample, with its USD rates in rupiah', () => {
    const s = buildSampleHousehold('2026-11-15', NOW);
    expect(s.streams[0]!.currency).toBe('IDR');
    expect(s.rates.map((r) => [r.currency, r.value])).toEqual([
      ['USD', '15850'],
      ['USD', '16240'],
      ['USD', '16410'],
    ]);
    // A base currency alone chooses its country.
    expect(buildSampleHousehold('2026-11-15', NOW, 'VND').streams[0]!.currency).toBe('VND');
  });
});
