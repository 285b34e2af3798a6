import { type Page } from '@playwright/test';
import { expect, test, newPinnedContext } from './fixtures';
import { dayMonthsAgo } from './household';

/**
 * Issue 11: a micro-task worker paid in USD, in a household whose base currency is PHP, logs
 * twelve payouts over three past months before any exchange rate exists. Everything is in
 * Filipino, on a 360×740 phone.
 */
test.use({ locale: 'fil-PH', viewport: { width: 360, height: 740 } });

const DAYS = [3, 10, 17, 24];
/** Four payouts a month over the last three complete months, oldest first. */
const ENTRIES = [3, 2, 1].flatMap((back, i) =>
  DAYS.map((day, j) => ({
    date: dayMonthsAgo(back, day),
    amount: `${4 + i + j}.50`,
    paid: String(90 + 10 * j),
    unpaid: String(20 + 5 * i),
  })),
);

async function newHousehold(page: Page): Promise<void> {
  await page.goto('/');
  await expect(page.locator('html')).toHaveAttribute('lang', 'fil');
  await page.locator('input[name="household"]').fill('Pamilya Reyes');
  await page.locator('select[name="currency"]').selectOption('PHP');
  await page.locator('[data-testid="onboarding-household"] button[type="submit"]').click();
  await page.locator('input[name="memberName"]').fill('Rina');
  await page.locator('input[name="memberName"]').press('Enter');
  await page.locator('.finish > button.primary').click();
  await expect(page.locator('nav.app-nav')).toBeVisible({ timeout: 30_000 });

  await page.goto('/#/streams');
  await page.getByRole('button', { name: 'Magdagdag ng pinagkakakitaan', exact: true }).click();
  const form = page.getByTestId('stream-form');
  await form.locator('select[name="member"]').selectOption({ label: 'Rina' });
  await form.locator('input[name="name"]').fill('Remotasks');
  await form.locator('select[name="kind"]').selectOption('microtask');
  await form.locator('input[name="platform"]').fill('Remotasks');
  await form.locator('select[name="currency"]').selectOption('USD');
  await form.getByRole('button', { name: 'I-save' }).click();
  await expect(form).toBeHidden();
  await expect(page.getByTestId('stream-item')).toContainText('Binabayaran sa USD');

  await page.goto('/#/plans');
  await page.getByRole('button', { name: 'Magdagdag ng gastos' }).click();
  const plan = page.getByTestId('plan-form');
  await plan.locator('input[name="name"]').fill('Data plan');
  await plan.locator('select[name="category"]').selectOption('digital');
  await plan.locator('input[name="amount"]').fill('300');
  await plan.locator('select[name="cadence"]').selectOption('monthly');
  await plan.locator('input[name="fundedBy"][value="microtask"]').check();
  await plan.getByRole('button', { name: 'I-save' }).click();
  await expect(plan).toBeHidden();
  await page.goto('/#/dashboard');
}

/** One payout through quick add; `rate` answers the rate prompt, else "Not now". */
async function quickAdd(page: Page, e: (typeof ENTRIES)[number], rate?: string): Promise<void> {
  await page.getByTestId('quick-add').click();
  const dialog = page.getByTestId('quick-add-dialog');
  await dialog.locator('input[name="amount"]').fill(e.amount);
  await dialog.locator('input[name="date"]').fill(e.date);
  await dialog.locator('input[name="paidMinutes"]').fill(e.paid);
  await dialog.locator('input[name="unpaidMinutes"]').fill(e.unpaid);
  const prompt = dialog.getByTestId('rate-prompt');
  await expect(prompt).toBeVisible();
  await expect(prompt).toContainText('1 USD =');
  if (rate === undefined) {
    await prompt.getByRole('button', { name: 'Mamaya na' }).click();
    await expect(prompt).toBeHidden();
    // "Not now" keeps what was typed.
    await expect(dialog.locator('input[name="amount"]')).toHaveValue(e.amount);
  } else {
    await prompt.getByRole('textbox', { name: 'PHP para sa 1 USD' }).fill(rate);
    await expect(prompt).toContainText(`${ENTRIES.length - 1} naunang tala ng USD`);
  }
  await dialog.getByRole('button', { name: 'I-save' }).click();
  await expect(dialog.locator('input[name="amount"]')).toBeHidden();
}

interface Figures {
  effective: string;
  paidOnly: string;
  unpaid: string;
  score: string;
  earmarked: string;
}

async function figures(page: Page): Promise<Figures> {
  await page.goto('/#/pay');
  const card = page.getByTestId('pay-platforms').locator('li').first();
  await expect(card.getByTestId('pay-effective')).toContainText('₱');
  const effective = (await card.getByTestId('pay-effective').textContent()) ?? '';
  const paidOnly = (await card.getByTestId('pay-paid-only').textContent()) ?? '';
  const unpaid = (await card.getByTestId('pay-unpaid-share').textContent()) ?? '';
  expect(effective).toMatch(/₱[\d,.]+\/oras/);
  expect(paidOnly).toMatch(/₱[\d,.]+\/oras/);
  expect(unpaid).toMatch(/\d+%/);
  await expect(page.getByTestId('missing-rate-notice')).toHaveCount(0);

  await page.goto('/#/dashboard');
  const score = page.getByTestId('dash-score-value');
  await expect(score).toHaveText(/^\d+$/);
  await expect(page.getByTestId('missing-rate-notice')).toHaveCount(0);
  const earmarked = page.getByTestId('dash-earmarked');
  // Coverage in plain words (issue 12): what was earned against what was planned.
  await expect(earmarked).toContainText(/₱[\d,]+\.\d{2} kinita/);
  await expect(earmarked).toContainText('Data plan');
  return {
    effective,
    paidOnly,
    unpaid,
    score: (await score.textContent()) ?? '',
    earmarked: (await earmarked.locator('.line').first().textContent()) ?? '',
  };
}

test('USD payouts logged before any rate get one from quick add, and every figure answers', async ({
  browser,
}) => {
  test.setTimeout(240_000);

  // Rate typed in quick add, on the twelfth payout.
  const quick = await (await newPinnedContext(browser)).newPage();
  await newHousehold(quick);
  for (const e of ENTRIES.slice(0, -1)) await quickAdd(quick, e);
  await expect(quick.getByTestId('missing-rate-notice')).toContainText(
    '11 tala ng USD ang walang palitan.',
  );
  await quickAdd(quick, ENTRIES.at(-1)!, '56');
  // Asked once: a later payout finds the rate in force.
  await quick.getByTestId('quick-add').click();
  const dialog = quick.getByTestId('quick-add-dialog');
  await dialog.locator('input[name="amount"]').fill('3.00');
  await expect(dialog.locator('input[name="paidMinutes"]')).toBeVisible();
  await expect(dialog.getByTestId('rate-prompt')).toHaveCount(0);
  await dialog.getByRole('button', { name: 'Isara' }).click();
  const viaQuickAdd = await figures(quick);

  // The same payouts, the rate entered from Settings with the form's default date.
  const settings = await (await newPinnedContext(browser)).newPage();
  await newHousehold(settings);
  for (const e of ENTRIES) await quickAdd(settings, e);
  const notice = settings.getByTestId('missing-rate-notice');
  await expect(notice).toContainText('12 tala ng USD ang walang palitan.');
  await notice.getByRole('link', { name: 'Magdagdag ng palitan' }).click();
  const form = settings.locator('form.rate-form');
  await expect(form).toBeVisible();
  await expect(form.locator('input[name="rateCurrency"]')).toHaveValue('USD');
  await expect(form.locator('input[name="rateDate"]')).toHaveValue(ENTRIES[0]!.date);
  await expect(form.getByTestId('rate-converts')).toContainText('Iko-convert ang 12 tala');
  await form.locator('input[name="rateValue"]').fill('56');
  await form.getByRole('button', { name: 'I-save' }).click();
  await expect(form).toBeHidden();
  const viaSettings = await figures(settings);

  expect(viaSettings).toEqual(viaQuickAdd);
});
