import { expect, test, PINNED_TODAY } from './fixtures';
import { computeDashboard } from '../../src/lib/domain/dashboard';
import { addStreamUi, dayMonthsAgo, quickAddUi, readDatabase } from './household';
import { expectChartsDrawn, startHousehold } from './support';

test('a new household: members, streams, 30 entries, a plan and savings give a full score that matches the domain', async ({
  page,
}) => {
  test.setTimeout(240_000);
  await startHousehold(page, { name: 'Keluarga Sari', members: ['Sari', 'Budi'] });

  await addStreamUi(page, {
    member: 'Sari',
    name: 'Garment job',
    kind: 'formal',
    platform: 'PT Maju',
  });
  await addStreamUi(page, { member: 'Budi', name: 'Ojek rides', kind: 'informal' });
  await addStreamUi(page, {
    member: 'Sari',
    name: 'Image tagging',
    kind: 'microtask',
    currency: 'USD',
    platform: 'TagPoint',
  });
  await addStreamUi(page, { member: 'Budi', name: 'From Rina', kind: 'support' });

  await page.goto('/#/settings');
  await page.getByRole('button', { name: 'Add rate' }).click();
  await page.locator('input[name="rateCurrency"]').fill('USD');
  await page.locator('input[name="rateDate"]').fill(dayMonthsAgo(6, 1));
  await page.locator('input[name="rateValue"]').fill('16,000');
  await page.getByRole('dialog').getByRole('button', { name: 'Save' }).click();
  await expect(page.getByTestId('rates-section')).toContainText('1 USD = 16,000 IDR');

  await page.goto('/#/entries');
  let count = 0;
  for (let back = 4; back >= 1; back--) {
    await quickAddUi(page, {
      stream: 'Garment job',
      amount: '4.800.000',
      date: dayMonthsAgo(back, 25),
    });
    for (const day of [7, 14, 21]) {
      await quickAddUi(page, {
        stream: 'Ojek rides',
        amount: String(600_000 + back * 50_000 + day * 1000),
        date: dayMonthsAgo(back, day),
      });
    }
    await quickAddUi(page, {
      stream: 'Image tagging',
      amount: '14.50',
      date: dayMonthsAgo(back, 10),
      paid: '300',
      unpaid: '90',
    });
    await quickAddUi(page, {
      stream: 'Image tagging',
      amount: '9.75',
      date: dayMonthsAgo(back, 20),
      paid: '200',
      unpaid: '70',
    });
    await quickAddUi(page, { stream: 'From Rina', amount: '1000000', date: dayMonthsAgo(back, 5) });
    count += 7;
  }
  await quickAddUi(page, { stream: 'Ojek rides', amount: '250000', date: PINNED_TODAY });
  await quickAddUi(page, { stream: 'Garment job', amount: '100000', date: PINNED_TODAY });
  count += 2;
  expect(count).toBe(30);

  await page.goto('/#/plans');
  await page.getByRole('button', { name: 'Add an expense' }).click();
  const plan = page.getByTestId('plan-form');
  await plan.locator('input[name="name"]').fill('Rent');
  await plan.locator('select[name="category"]').selectOption('essential');
  await plan.locator('input[name="amount"]').fill('2.500.000');
  await plan.locator('input[name="fundedBy"][value="formal"]').check();
  await plan.getByRole('button', { name: 'Save' }).click();
  await expect(plan).toBeHidden();
  await page.getByRole('button', { name: 'Add a place' }).click();
  const place = page.getByTestId('place-form');
  await place.locator('input[name="name"]').fill('Bank BRI');
  await place.locator('select[name="kind"]').selectOption('bank');
  await place.getByRole('button', { name: 'Save' }).click();
  await expect(place).toBeHidden();
  await page.getByRole('button', { name: 'New balance: Bank BRI' }).click();
  const saving = page.getByTestId('saving-form');
  await saving.locator('input[name="amount"]').fill('9.000.000');
  await saving.getByRole('button', { name: 'Save' }).click();
  await expect(saving).toBeHidden();

  await page.goto('/#/dashboard');
  await expect(page.locator('[data-dashboard-ready="true"]')).toBeVisible({ timeout: 30_000 });
  for (const key of ['diversification', 'stability', 'coverage', 'buffer']) {
    await expect(page.locator(`[data-component="${key}"] .value`)).not.toHaveText('Unknown');
  }
  const charts = page.locator('[data-chart]');
  expect(await charts.count()).toBeGreaterThanOrEqual(5);
  await expectChartsDrawn(page);

  // The same records through the domain functions give the numbers on screen.
  const db = await readDatabase(page);
  expect(db.entries).toHaveLength(30);
  const settings = db.settings[0]!;
  const expected = computeDashboard({
    rollups: db.rollups,
    streams: db.streams,
    plans: db.plans,
    savings: db.savings,
    rates: db.rates,
    training: db.training,
    baseCurrency: settings.baseCurrency,
    today: PINNED_TODAY,
  });
  const r = expected.resilience;
  expect(r.score).not.toBeNull();
  for (const key of ['diversification', 'stability', 'coverage', 'buffer'] as const) {
    expect(r.components[key].value, key).not.toBeNull();
    const shown = `${Math.round(r.components[key].value! * 100)}%`;
    await expect(page.locator(`[data-component="${key}"] .value`)).toHaveText(shown);
  }
  await expect(page.getByTestId('dash-score-value')).toHaveText(String(r.score));
});
