import { addDaysIso } from '../../src/lib/domain/dates';
import type { Entry, Fund, IsoDate, SetAside } from '../../src/lib/domain/model';
import type { Rng } from './rng';

interface Common {
  createdAt: string;
  updatedAt: string;
  deletedAt: null;
  isSample: boolean;
}

/**
 * A fund for a big date two months after the household's last day, with a tenth of its two
 * latest received entries (in the fund's currency) set aside — as money put aside without naming
 * the entry, so that the tests that edit entries at random never meet the rule that an entry
 * keeps what was set aside from it (tested in tests/db/funds*.test.ts).
 */
export function factoryFunds(
  rng: Rng,
  common: Common,
  entries: readonly Entry[],
  lastDay: IsoDate,
): { funds: Fund[]; setAsides: SetAside[] } {
  const received = entries.filter((e) => e.status === 'received' && e.amountMinor >= 10);
  const latest = received.at(-1);
  if (!latest) return { funds: [], setAsides: [] };
  const fund: Fund = {
    id: rng.uuid(),
    ...common,
    name: 'Big date',
    targetMinor: latest.amountMinor * 3,
    currency: latest.currency,
    dueOn: addDaysIso(lastDay, 60),
    note: '',
  };
  const from = received.filter((e) => e.currency === fund.currency).slice(-2);
  const setAsides: SetAside[] = from.map((entry) => ({
    id: rng.uuid(),
    ...common,
    fundId: fund.id,
    entryId: null,
    date: entry.date,
    amountMinor: Math.max(1, Math.floor(entry.amountMinor / 10)),
    currency: entry.currency,
  }));
  return { funds: [fund], setAsides };
}
