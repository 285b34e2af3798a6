import 'fake-indexeddb/auto';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import type { AnyamDatabase } from '../../src/lib/db/database';
import {
  addEntry,
  addPayment,
  addPlan,
  addStream,
  deletePayment,
  deletePlan,
  readMonthlyLoop,
  receiveDue,
  skipOccurrence,
  unskipOccurrence,
  updateStream,
} from '../../src/lib/db/repo';
import type { Plan, Stream } from '../../src/lib/domain/model';
import { MAX_MINOR } from '../../src/lib/domain/money';
import { monthlyLoop } from '../../src/lib/domain/monthly-loop';
import { checksumTables } from './checksum';
import { codeOf, dropDatabase, freshDatabase, seedBasics, type Basics } from './helpers';

let db: AnyamDatabase;
let h: Basics;
let salary: Stream;
let rent: Plan;
let data: Plan;
const TODAY = '2026-11-26';

beforeAll(async () => {
  vi.useFakeTimers({ toFake: ['Date'], now: new Date('2026-11-26T03:00:00') });
  db = freshDatabase('monthly-loop');
  h = await seedBasics();
  salary = await addStream({
    memberId: h.member.id,
    name: 'Salary',
    kind: 'formal',
    currency: 'IDR',
    expected: { amountMinor: 4_800_000_00, cadence: 'monthly' },
    payDay: { cadence: 'monthly', day: 25 },
  });
  rent = await addPlan({
    name: 'Rent',
    category: 'essential',
    amountMinor: 1_500_000_00,
    currency: 'IDR',
    cadence: 'monthly',
    dueOn: '2026-01-01',
  });
  data = await addPlan({
    name: 'Data',
    category: 'digital',
    amountMinor: 100_000_00,
    currency: 'IDR',
    cadence: 'monthly',
    dueOn: '2026-01-28',
    fundedBy: ['microtask'],
  });
});
afterAll(async () => {
  vi.useRealTimers();
  await dropDatabase(db);
});

async function loop() {
  return monthlyLoop(await readMonthlyLoop(TODAY), TODAY);
}

describe('stream pay days', () => {
  it('refuses a pay day that does not fit the cadence or the calendar, writing nothing', async () => {
    const before = await checksumTables(db);
    const base = { memberId: h.member.id, name: 'Job', kind: 'formal', currency: 'IDR' } as const;
    expect(
      await codeOf(
        addStream({
          ...base,
          expected: { cadence: 'weekly' },
          payDay: { cadence: 'monthly', day: 25 },
        }),
      ),
    ).toBe('stream/invalid-pay-day');
    expect(
      await codeOf(
        addStream({
          ...base,
          expected: { cadence: 'monthly' },
          payDay: { cadence: 'monthly', day: 32 },
        }),
      ),
    ).toBe('stream/invalid-pay-day');
    expect(
      await codeOf(
        addStream({
          ...base,
          expected: { cadence: 'weekly' },
          payDay: { cadence: 'weekly', weekday: 0 },
        }),
      ),
    ).toBe('stream/invalid-pay-day');
    expect(await checksumTables(db)).toEqual(before);
  });

  it('drops the pay day when the cadence changes without a new one', async () => {
    const s = await addStream({
      memberId: h.member.id,
      name: 'Shop',
      kind: 'informal',
      currency: 'IDR',
      expected: { amountMinor: 1, cadence: 'weekly' },
      payDay: { cadence: 'weekly', weekday: 6 },
    });
    const after = await updateStream(s.id, {
      expected: { amountMinor: 1, cadence: 'irregular', daysPerWeek: 5 },
    });
    expect(after.payDay).toBeNull();
  });
});

describe('receiving a pay day', () => {
  afterEach(async () => {
    for (const e of await db.entries.where('streamId').equals(salary.id).toArray()) {
      await db.entries.delete(e.id);
    }
  });

  it('is due on the 26th, one tap logs the expected amount on the pay day, a second tap adds nothing', async () => {
    expect((await loop()).due.map((d) => [d.streamId, d.dueOn])).toEqual([
      [salary.id, '2026-11-25'],
    ]);
    const entry = await receiveDue(salary.id, '2026-11-25');
    expect(entry).toMatchObject({ date: '2026-11-25', amountMinor: 4_800_000_00 });
    expect(await receiveDue(salary.id, '2026-11-25')).toBeNull();
    expect(await db.entries.where('streamId').equals(salary.id).count()).toBe(1);
    const after = await loop();
    expect(after.due).toEqual([]);
    expect(after.glance.receivedMinor).toBe(4_800_000_00);
  });

  it('is answered by an entry of a different amount a few days off', async () => {
    await addEntry({ streamId: salary.id, date: '2026-11-27', amountMinor: 4_000_000_00 });
    expect((await loop()).due).toEqual([]);
  });

  it('skipping is remembered and idempotent, and Undo brings it back', async () => {
    const first = await skipOccurrence('stream', salary.id, '2026-11-25');
    const second = await skipOccurrence('stream', salary.id, '2026-11-25');
    expect(second.id).toBe(first.id);
    expect(await db.skips.count()).toBe(1);
    expect((await loop()).due).toEqual([]);
    await unskipOccurrence(first.id);
    expect((await loop()).due).toHaveLength(1);
  });
});

describe('paying a bill', () => {
  it('one tap records the plan’s amount; paying twice is one payment; Undo makes it due again', async () => {
    const before = await loop();
    expect(before.glance.bills.map((b) => b.dueOn)).toEqual(['2026-11-01', '2026-11-28']);
    expect(before.glance.leftMinor).toBe(1_600_000_00);
    const p = await addPayment({ planId: data.id, dueOn: '2026-11-28' });
    expect(p).toMatchObject({ date: '2026-11-28', amountMinor: 100_000_00, currency: 'IDR' });
    expect((await addPayment({ planId: data.id, dueOn: '2026-11-28' })).id).toBe(p.id);
    expect(await db.payments.count()).toBe(1);
    const paid = await loop();
    expect(paid.glance.leftMinor).toBe(1_500_000_00);
    expect(paid.glance.paidMinor).toBe(100_000_00);
    await deletePayment(p.id);
    expect((await loop()).glance.leftMinor).toBe(1_600_000_00);
  });

  it('splits Due now (today or late) from Coming up (14 days, into next month), and reads an early payment of next month', async () => {
    const phone = await addPlan({
      name: 'Phone',
      category: 'digital',
      amountMinor: 50_000_00,
      currency: 'IDR',
      cadence: 'monthly',
      dueOn: '2026-01-03',
    });
    const before = await loop();
    const at = (items: typeof before.dueNow) =>
      items.map((i) => [i.kind, i.kind === 'bill' ? i.planId : i.streamId, i.dueOn]);
    // Rent (1 Nov) and the phone (3 Nov) are late; the data plan (28 Nov), December's rent
    // (1 Dec) and phone (3 Dec) are coming up.
    expect(at(before.dueNow)).toEqual([
      ['bill', rent.id, '2026-11-01'],
      ['bill', phone.id, '2026-11-03'],
      ['income', salary.id, '2026-11-25'],
    ]);
    expect(at(before.comingUp)).toEqual([
      ['bill', data.id, '2026-11-28'],
      ['bill', rent.id, '2026-12-01'],
      ['bill', phone.id, '2026-12-03'],
    ]);
    // Paid early, on the 26th: December's payment is read, and the phone leaves the list.
    const p = await addPayment({ planId: phone.id, dueOn: '2026-12-03', date: TODAY });
    expect(at((await loop()).comingUp)).toEqual([
      ['bill', data.id, '2026-11-28'],
      ['bill', rent.id, '2026-12-01'],
    ]);
    await deletePayment(p.id);
    await deletePlan(phone.id);
  });

  it('refuses malformed payments with a code and writes nothing', async () => {
    const gone = await addPlan({
      name: 'Old',
      category: 'other',
      amountMinor: 1,
      currency: 'IDR',
      cadence: 'once',
      dueOn: '2026-11-01',
    });
    await deletePlan(gone.id);
    const before = await checksumTables(db);
    const cases: [Parameters<typeof addPayment>[0], string][] = [
      [{ planId: rent.id, dueOn: '2026-11-01', amountMinor: -1 }, 'payment/invalid-amount'],
      [
        { planId: rent.id, dueOn: '2026-11-01', amountMinor: MAX_MINOR + 1 },
        'payment/invalid-amount',
      ],
      [{ planId: rent.id, dueOn: '2026-11-01', amountMinor: 1.5 }, 'payment/invalid-amount'],
      [{ planId: rent.id, dueOn: '2026-11-01', date: '2027-12-01' }, 'payment/date-too-far'],
      [{ planId: rent.id, dueOn: '2026-11-31' }, 'payment/invalid-date'],
      [{ planId: gone.id, dueOn: '2026-11-01' }, 'payment/unknown-plan'],
      [
        { planId: '00000000-0000-4000-8000-000000000000', dueOn: '2026-11-01' },
        'payment/unknown-plan',
      ],
      [{ planId: rent.id, dueOn: '2026-11-01', currency: 'RUPIAH' }, 'payment/invalid-currency'],
      [{ planId: rent.id, dueOn: '2026-11-01', note: 'x'.repeat(501) }, 'payment/note-too-long'],
    ];
    for (const [input, code] of cases) {
      expect(await codeOf(addPayment(input)), JSON.stringify(input).slice(0, 80)).toBe(code);
    }
    expect(await checksumTables(db)).toEqual(before);
  });

  it('does not change the resilience coverage: E still comes from the plans', async () => {
    const { essentialMonthlyExpenses } = await import('../../src/lib/domain/plans');
    const plans = await db.plans.toArray();
    const e = essentialMonthlyExpenses(plans, '2026-11', 'IDR', []);
    const p = await addPayment({ planId: rent.id, dueOn: '2026-11-01', amountMinor: 1 });
    expect(essentialMonthlyExpenses(await db.plans.toArray(), '2026-11', 'IDR', [])).toEqual(e);
    await deletePayment(p.id);
  });
});
