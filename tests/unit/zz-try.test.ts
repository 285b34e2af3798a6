import { it } from 'vitest';
import { buildSampleHousehold } from '../../src/lib/domain/sample-household';
import { projectionOf } from '../../src/lib/domain/projection-flows';
import { rollupsFromEntries } from '../../src/lib/domain/rollup';
it('try', () => {
  for (const [cur, c] of [['VND', 'VN'], ['IDR', 'ID']] as const) {
    const t = buildSampleHousehold('2026-11-26', '2026-11-26T02:00:00.000Z', cur, c);
    const rollups = rollupsFromEntries(t.entries, t.rates, cur);
    const u = cur === 'VND' ? 1 : 100;
    const savings = [...t.savings, { ...t.savings[0]!, id: 'x1', placeId: t.places[0]!.id, date: '2026-11-26', amountMinor: 1_000_000 * u, currency: cur }, { ...t.savings[0]!, id: 'x2', placeId: t.places[1]!.id, date: '2026-11-26', amountMinor: 2_000_000 * u, currency: cur }];
    const r = projectionOf({ today: '2026-11-26', baseCurrency: cur, rates: t.rates, streams: t.streams, plans: t.plans, payments: t.payments, skips: t.skips, entries: t.entries, rollups, places: t.places, savings });
    const p = r.projection!;
    console.log(cur, r.onHand, p.lowest.date, p.lowest.balanceMinor, p.lowest.outflows.map(f => f.name + f.baseMinor), p.lowest.nextIncome?.name, p.lowest.nextIncome?.date, p.firstBelowZero);
    console.log(r.flows.filter(f => f.date <= '2026-12-01').map(f => `${f.date} ${f.direction} ${f.kind} ${f.name} ${f.baseMinor}`).join('\n'));
  }
});
