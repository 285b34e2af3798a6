import { type Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { readDatabase } from './household';
import { startHousehold } from './support';

// Keluarga Sari in Surabaya: a cheap phone, Bahasa Indonesia, Jakarta time (UTC+7).
test.use({ viewport: { width: 360, height: 740 }, locale: 'id-ID', timezoneId: 'Asia/Jakarta' });

async function addStream(
  page: Page,
  s: {
    member: string;
    name: string;
    kind: string;
    amount: string;
    cadence: string;
    payDay: string;
  },
) {
  await page.goto('/#/streams');
  await page.getByRole('button', { name: 'Tambah sumber', exact: true }).click();
  const form = page.getByTestId('stream-form');
  await form.locator('select[name="member"]').selectOption({ label: s.member });
  await form.locator('input[name="name"]').fill(s.name);
  await form.locator('select[name="kind"]').selectOption(s.kind);
  await form.locator('input[name="amount"]').fill(s.amount);
  await form.locator('select[name="cadence"]').selectOption(s.cadence);
  await form.locator('select[name="payDay"]').selectOption(s.payDay);
  await form.getByRole('button', { name: 'Simpan' }).click();
  await expect(form).toBeHidden();
}

async function addPlan(
  page: Page,
  p: { name: string; category: string; amount: string; dueOn: string; fundedBy?: string },
) {
  await page.goto('/#/plans');
  await page.getByRole('button', { name: 'Tambah pengeluaran' }).first().click();
  const form = page.getByTestId('plan-form');
  await form.locator('input[name="name"]').fill(p.name);
  await form.locator('select[name="category"]').selectOption(p.category);
  await form.locator('input[name="amount"]').fill(p.amount);
  await form.locator('select[name="cadence"]').selectOption('monthly');
  await form.locator('input[name="dueOn"]').fill(p.dueOn);
  if (p.fundedBy) await form.locator(`input[name="fundedBy"][value="${p.fundedBy}"]`).check();
  await form.getByRole('button', { name: 'Simpan' }).click();
  await expect(form).toBeHidden();
}

test('on the 26th the salary is due and the data plan too: one tap each, Undo, and the month card follows without a reload; the shop’s Saturday is only coming up', async ({
  page,
}) => {
  test.setTimeout(180_000);
  await page.clock.install({ time: new Date('2026-11-26T09:00:00+07:00') });
  await startHousehold(page, { name: 'Keluarga Sari', members: ['Sari', 'Budi'] });

  await addStream(page, {
    member: 'Sari',
    name: 'Gaji pabrik',
    kind: 'formal',
    amount: '4.800.000',
    cadence: 'monthly',
    payDay: '25',
  });
  await addStream(page, {
    member: 'Budi',
    name: 'Warung',
    kind: 'informal',
    amount: '700.000',
    cadence: 'weekly',
    payDay: '6',
  });
  await addPlan(page, {
    name: 'Sewa',
    category: 'essential',
    amount: '1.500.000',
    dueOn: '2026-11-01',
  });
  await addPlan(page, {
    name: 'Paket data',
    category: 'digital',
    amount: '100.000',
    dueOn: '2026-02-26',
    fundedBy: 'microtask',
  });

  await page.goto('/#/dashboard');
  // A flag that a reload would wipe: every update below must come without one.
  await page.evaluate(() => ((window as unknown as { stayed: boolean }).stayed = true));
  const due = page.getByTestId('due-list');
  const card = page.getByTestId('month-card');
  await expect(due.getByTestId('due-income')).toHaveCount(1);
  await expect(due.getByTestId('due-income').first()).toContainText('Gaji pabrik');
  await expect(due.getByTestId('due-income').first()).toContainText('4.800.000');
  await expect(due.getByTestId('due-income').first()).toContainText('25 Nov');
  // The shop's Saturdays (28 Nov, 5 Dec) are coming up, not due: no one-tap Received.
  await expect(due.getByTestId('soon-income')).toHaveCount(2);
  await expect(due.getByTestId('soon-income').first()).toContainText('Warung');
  await expect(due.getByTestId('soon-income').first()).toContainText('28 Nov');
  await expect(
    due.getByTestId('coming-up').getByRole('button', { name: 'Diterima', exact: true }),
  ).toHaveCount(0);
  // Rent (1 Nov) is late; the data plan is due today.
  await expect(due.getByTestId('due-bill')).toHaveCount(2);
  await expect(card.getByTestId('month-left')).toContainText(/1\.600\.000 dari Rp\s1\.600\.000/);
  await expect(card.getByTestId('month-income')).toContainText(/Rp\s0 diterima/);
  const verdict = await card.getByTestId('month-covers').innerText();

  // Received: one tap logs the salary on its pay day.
  const salary = due.getByRole('group', { name: /Gaji pabrik/ });
  await salary.getByRole('button', { name: 'Diterima' }).click();
  await expect(due.getByTestId('due-income')).toHaveCount(0);
  await expect(card.getByTestId('month-income')).toContainText(/4\.800\.000 diterima/);
  // Undo brings it back, and a second tap receives it again.
  await page.getByRole('button', { name: 'Urungkan' }).last().click();
  await expect(due.getByTestId('due-income')).toHaveCount(1);
  await expect(card.getByTestId('month-income')).toContainText(/Rp\s0 diterima/);
  await due
    .getByRole('group', { name: /Gaji pabrik/ })
    .getByRole('button', { name: 'Diterima' })
    .click();
  await expect(due.getByTestId('due-income')).toHaveCount(0);
  // Received at its amount: the month card's verdict has not moved.
  await expect(card.getByTestId('month-covers')).toHaveText(verdict);

  // Paid: one tap records the data plan; "left to pay" drops by its amount.
  const data = due.getByRole('group', { name: /Paket data/ });
  await data.getByRole('button', { name: 'Sudah bayar' }).click();
  await expect(due.getByTestId('due-bill')).toHaveCount(1);
  await expect(card.getByTestId('month-left')).toContainText(/1\.500\.000 dari Rp\s1\.600\.000/);
  await expect(card.getByTestId('month-bill').filter({ hasText: 'Paket data' })).toHaveAttribute(
    'data-paid',
    'true',
  );
  await page.getByRole('button', { name: 'Urungkan' }).last().click();
  await expect(card.getByTestId('month-left')).toContainText(/1\.600\.000 dari Rp\s1\.600\.000/);
  await due
    .getByRole('group', { name: /Paket data/ })
    .getByRole('button', { name: 'Sudah bayar' })
    .click();
  await expect(card.getByTestId('month-left')).toContainText(/1\.500\.000 dari Rp\s1\.600\.000/);
  // Paid at its amount: the verdict has not moved either.
  await expect(card.getByTestId('month-covers')).toHaveText(verdict);

  const stored = await readDatabase(page);
  const live = <T extends { deletedAt: string | null }>(rows: T[]) =>
    rows.filter((r) => r.deletedAt === null);
  expect(live(stored.entries).map((e) => [e.date, e.amountMinor])).toEqual([
    ['2026-11-25', 4_800_000_00],
  ]);
  expect(live(stored.payments).map((p) => [p.dueOn, p.amountMinor])).toEqual([
    ['2026-11-26', 100_000_00],
  ]);
  expect(await page.evaluate(() => (window as unknown as { stayed?: boolean }).stayed)).toBe(true);
});
