import { addEntry, addMember, addPlan, addStream, saveSettings } from '../../src/lib/db/repo';
import { todayIso } from '../../src/lib/domain/dates';
import { addMonths, inProgressMonth } from '../../src/lib/domain/months';
import type { Stream } from '../../src/lib/domain/model';

/**
 * The dashboard tests' household: Sari's salary, paid on the 5th of each of the last `months`
 * complete months (`amountOf(k)` k months ago), and a monthly rent.
 */
export async function seedSalaryHousehold(
  months: number,
  amountOf: (monthsAgo: number) => number,
): Promise<Stream> {
  await saveSettings({ householdName: 'Test', baseCurrency: 'IDR' });
  const sari = await addMember({ name: 'Sari' });
  const salary = await addStream({
    memberId: sari.id,
    name: 'Salary',
    kind: 'formal',
    currency: 'IDR',
  });
  await addPlan({
    name: 'Rent',
    category: 'essential',
    amountMinor: 100_000_000,
    currency: 'IDR',
    cadence: 'monthly',
    dueOn: '2025-01-01',
  });
  const current = inProgressMonth(todayIso());
  for (let k = months; k >= 1; k--) {
    await addEntry({
      streamId: salary.id,
      date: `${addMonths(current, -k)}-05`,
      amountMinor: amountOf(k),
    });
  }
  return salary;
}
