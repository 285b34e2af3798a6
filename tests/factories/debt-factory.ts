/**
 * Debts for a factory household: a mix of kinds, both directions, with and without schedules,
 * each with repayments that never pass its amount (some paid off, one forgiven). Its own seeded
 * generator, so a household's other records stay what its seed gave before debts existed.
 */
import type { Debt, DebtKind, Repayment } from '../../src/lib/domain/debt-model';
import { DEBT_KINDS } from '../../src/lib/domain/debt-model';
import { instalments, scheduleOfCount } from '../../src/lib/domain/debt-schedule';
import { addDaysIso } from '../../src/lib/domain/dates';
import { currencyCode, isoDate } from '../../src/lib/domain/units';
import { createRng } from './rng';

export function makeDebts(
  seed: number,
  count: number,
  currency: string,
  /** The last day of the household's history: debts start in the year before it. */
  lastDay: string,
  common: { createdAt: string; updatedAt: string; deletedAt: null; isSample: boolean },
): { debts: Debt[]; repayments: Repayment[] } {
  const rng = createRng(seed ^ 0x0de_b75);
  const debts: Debt[] = [];
  const repayments: Repayment[] = [];
  for (let i = 0; i < count; i++) {
    const kind: DebtKind = DEBT_KINDS[i % DEBT_KINDS.length]!;
    const date = isoDate(addDaysIso(lastDay, -rng.int(20, 360)));
    const amountMinor = rng.int(10, 500) * 10_000;
    const schedule = rng.bool(0.7)
      ? scheduleOfCount(
          amountMinor,
          rng.int(2, 12),
          rng.bool(0.8) ? 'monthly' : 'weekly',
          addDaysIso(date, 30),
        )
      : null;
    const debt: Debt = {
      id: rng.uuid(),
      ...common,
      counterparty: `Lender ${i + 1}`,
      kind,
      direction: rng.bool(0.8) ? 'we-owe' : 'owed-to-us',
      amountMinor,
      currency: currencyCode(currency),
      date,
      schedule,
      forgivenOn: i === 3 ? isoDate(lastDay) : null,
      note: '',
    };
    debts.push(debt);
    const due = schedule
      ? instalments(amountMinor, schedule).filter((x) => x.dueOn <= lastDay)
      : [{ dueOn: null, amountMinor: Math.floor(amountMinor / 3) }];
    for (const x of due) {
      repayments.push({
        id: rng.uuid(),
        ...common,
        debtId: debt.id,
        dueOn: x.dueOn === null ? null : isoDate(x.dueOn),
        date: isoDate(x.dueOn ?? addDaysIso(date, 10)),
        amountMinor: x.amountMinor,
        currency: currencyCode(currency),
        note: '',
      });
    }
  }
  return { debts, repayments };
}
