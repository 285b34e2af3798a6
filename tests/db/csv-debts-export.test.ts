import 'fake-indexeddb/auto';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { exportDebtsCsv } from '../../src/lib/db/backup/csv-debts-export';
import type { AnyamDatabase } from '../../src/lib/db/database';
import { saveSettings } from '../../src/lib/db/repo';
import { addDebt, forgiveDebt, repayDebt } from '../../src/lib/db/repo/debts';
import { scheduleOfCount } from '../../src/lib/domain/debt-schedule';
import { dropDatabase, freshDatabase } from './helpers';

let db: AnyamDatabase;
beforeAll(() => {
  db = freshDatabase('csv-debts');
});
afterAll(() => dropDatabase(db));

it('exports each debt with what is left and each repayment; no rate leaves the base amount empty', async () => {
  await saveSettings({ householdName: 'Reyes', baseCurrency: 'PHP' });
  const plan = await addDebt({
    counterparty: '=GGives',
    kind: 'paylater',
    direction: 'we-owe',
    amountMinor: 1_200_000,
    currency: 'PHP',
    date: '2026-10-24',
    schedule: scheduleOfCount(1_200_000, 6, 'monthly', '2026-11-24'),
  });
  await repayDebt({ debtId: plan.id, dueOn: '2026-11-24' });
  const usd = await addDebt({
    counterparty: 'Cousin abroad',
    kind: 'person',
    direction: 'owed-to-us',
    amountMinor: 10_000,
    currency: 'USD',
    date: '2026-09-01',
    schedule: null,
  });
  await forgiveDebt(usd.id, '2026-11-01');
  const csv = await exportDebtsCsv(new Date('2026-11-24T02:00:00Z'));
  const lines = csv.text.replace('\ufeff', '').trim().split('\r\n');
  expect(lines[0]).toBe(
    'row,counterparty,kind,direction,date,amount,currency,left,state,instalments,each,cadence,first_due,due_on,base_amount,base_currency,note',
  );
  expect(csv.rows).toBe(3);
  expect(lines[1]).toBe(
    'debt,Cousin abroad,person,owed-to-us,2026-09-01,100.00,USD,0.00,forgiven,,,whenever,,,,,',
  );
  // A formula-like name is quoted as text (csv-format.ts).
  expect(lines[2]).toContain("'=GGives");
  expect(lines[2]).toContain(
    ',12000.00,PHP,10000.00,open,6,2000.00,monthly,2026-11-24,,12000.00,PHP,',
  );
  expect(lines[3]).toContain('repayment,');
  expect(lines[3]).toContain('2026-11-24,2000.00,PHP,,,,,,,2026-11-24,2000.00,PHP,');
  expect(csv.filename).toBe('anyam-reyes-debts-2026-11-24.csv');
});
