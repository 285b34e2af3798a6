import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { AxeBuilder } from './axe';
import { type Page } from '@playwright/test';
import { expect, test, newPinnedContext } from './fixtures';
import { addStreamUi, dayMonthsAgo, quickAddUi } from './household';
import { sendFromSettings, shareToApp, stubShareSheet, tableHashes } from './household-phones';
import { openView, startHousehold, waitForServiceWorker } from './support';

// This spec is about what the service worker does (offline, updates, requests, phones): it
// runs with the worker on (playwright.config.ts blocks it elsewhere).
test.use({ serviceWorkers: 'allow' });

async function editRent(page: Page, amount: string): Promise<void> {
  await page.goto('/#/plans');
  await page.getByRole('button', { name: 'Edit Rent' }).click();
  const form = page.getByTestId('plan-form');
  await form.locator('input[name="amount"]').fill(amount);
  await form.getByRole('button', { name: 'Save' }).click();
  await expect(form).toBeHidden();
}

async function dashboardText(page: Page): Promise<string> {
  await openView(page, 'dashboard');
  await expect(page.locator('[data-dashboard-ready="true"]')).toBeVisible({ timeout: 30_000 });
  return page.locator('main').innerText();
}

test('two phones of one household send each other their changes and end up the same', async ({
  browser,
  baseURL,
}) => {
  test.setTimeout(240_000);
  const dir = mkdtempSync(join(tmpdir(), 'anyam-phones-'));
  const phoneA = await newPinnedContext(browser);
  const phoneB = await newPinnedContext(browser);
  await stubShareSheet(phoneA);
  await stubShareSheet(phoneB);
  const a = await phoneA.newPage();
  const b = await phoneB.newPage();
  try {
    // Sari sets the household up on phone A and sends it whole (the first file of a phone).
    await startHousehold(a, { name: 'Keluarga Sari', members: ['Sari', 'Dewi'] });
    await addStreamUi(a, { member: 'Sari', name: 'Factory', kind: 'formal' });
    await addStreamUi(a, { member: 'Dewi', name: 'Tasks', kind: 'microtask' });
    await a.goto('/#/plans');
    await a.getByRole('button', { name: 'Add an expense' }).click();
    const plan = a.getByTestId('plan-form');
    await plan.locator('input[name="name"]').fill('Rent');
    await plan.locator('select[name="category"]').selectOption('essential');
    await plan.locator('input[name="amount"]').fill('1,500,000');
    await plan.getByRole('button', { name: 'Save' }).click();
    await expect(plan).toBeHidden();
    await quickAddUi(a, { stream: 'Factory', amount: '4,000,000', date: dayMonthsAgo(2, 25) });
    await a.goto('/#/settings');
    await a.getByTestId('whose-phone').selectOption({ label: 'Sari' });
    const first = await sendFromSettings(a, dir);
    expect(first).toMatch(/anyam-keluarga-sari-\d{4}-\d{2}-\d{2}\.json\.gz$/);

    // Dewi's phone B starts from that file.
    await b.goto('/');
    const restore = b.getByTestId('onboarding-restore');
    await restore.getByRole('button', { name: 'Restore from a backup' }).click();
    await restore.getByLabel('Backup file').setInputFiles(first);
    await restore.getByRole('button', { name: 'Replace', exact: true }).click();
    await b
      .getByTestId('restore-confirm')
      .getByRole('button', { name: 'Replace everything' })
      .click();
    await expect(b.getByTestId('household-name')).toHaveText('Keluarga Sari', { timeout: 30_000 });
    await waitForServiceWorker(b);
    await b.goto('/#/settings');
    await b.getByTestId('whose-phone').selectOption({ label: 'Dewi' });

    // A week apart: each phone logs its own income and both change the rent.
    await quickAddUi(a, { stream: 'Factory', amount: '4,100,000', date: dayMonthsAgo(1, 25) });
    await quickAddUi(a, { stream: 'Factory', amount: '300,000', date: dayMonthsAgo(1, 26) });
    await editRent(a, '1,600,000');
    await quickAddUi(b, { stream: 'Tasks', amount: '250,000', date: dayMonthsAgo(1, 10) });
    await editRent(b, '1,700,000');

    // A sends only what changed since its first file; B receives it from the share sheet.
    const changes = await sendFromSettings(a, dir);
    expect(changes).toMatch(/-changes\.json\.gz$/);
    await shareToApp(b, new URL(baseURL!).origin, changes);
    const preview = b.getByTestId('merge-preview');
    await expect(preview).toBeVisible({ timeout: 30_000 });
    // What phones send each other is a household file, not a backup.
    await expect(b.getByTestId('merge-file')).toContainText('Household file of Keluarga Sari');
    await expect(b.getByTestId('merge-summary')).not.toContainText(/backup/i);
    const summary = preview.getByTestId('merge-summary');
    await expect(summary).toContainText('2 new entries');
    await expect(preview.getByTestId('merge-details').locator('h4')).toContainText([
      'Income entries of Sari',
    ]);
    // Both changed the rent; Dewi's later edit is kept, and the screen says so with both amounts.
    // One conflict: B's restore noted its backup time in the settings row, but that is not an
    // edit a person made.
    await expect(preview.getByTestId('merge-conflict-summary')).toContainText(
      '1 record was edited on both phones',
    );
    const rent = preview.getByTestId('merge-conflicts').locator('li', { hasText: 'Rent' });
    await expect(rent).toHaveAttribute('data-kept', 'phone');
    await expect(rent.locator('tbody tr')).toHaveCount(1);
    await expect(rent.locator('tbody tr')).toContainText('1,700,000');
    await expect(rent.locator('tbody tr')).toContainText('1,600,000');
    const axe = await new AxeBuilder({ page: b }).analyze();
    expect(axe.violations.map((v) => `merge preview: ${v.id}`)).toEqual([]);
    const before = await tableHashes(b);
    expect(before).toEqual(await tableHashes(b));
    await b.getByTestId('merge-confirm').click();
    await expect(b.getByTestId('merge-flow')).toBeHidden({ timeout: 30_000 });
    expect((await tableHashes(b)).entries).not.toEqual(before.entries);

    // B sends back (its first file: the whole household); A opens it from the share sheet too.
    await waitForServiceWorker(a);
    const back = await sendFromSettings(b, dir);
    await shareToApp(a, new URL(baseURL!).origin, back);
    await expect(a.getByTestId('merge-preview')).toBeVisible({ timeout: 30_000 });
    await a.getByTestId('merge-confirm').click();
    await expect(a.getByTestId('merge-flow')).toBeHidden({ timeout: 30_000 });

    expect(await tableHashes(a)).toEqual(await tableHashes(b));
    // The dashboards end up the same: a phone that just merged may still be rebuilding what its
    // dashboard reads (its live queries then draw again), so both are read until they agree.
    const textA = await dashboardText(a);
    await expect.poll(() => dashboardText(b), { timeout: 30_000 }).toEqual(textA);
    expect(await dashboardText(a)).toEqual(await dashboardText(b));
    await a.goto('/#/plans');
    await expect(a.getByTestId('plan-item').filter({ hasText: 'Rent' })).toContainText('1,700,000');

    // Receiving the same file again changes nothing.
    const same = await tableHashes(b);
    await shareToApp(b, new URL(baseURL!).origin, changes);
    await expect(b.getByTestId('merge-summary')).toContainText('nothing new', { timeout: 30_000 });
    await expect(b.getByTestId('merge-nothing-new')).toHaveCount(1);
    await b.getByTestId('merge-confirm').click();
    await expect(b.getByTestId('merge-flow')).toBeHidden({ timeout: 30_000 });
    expect(await tableHashes(b)).toEqual(same);
  } finally {
    await phoneA.close();
    await phoneB.close();
  }
});

test('a share without a file, or with several, says what it expected', async ({
  page,
  baseURL,
}) => {
  const dir = mkdtempSync(join(tmpdir(), 'anyam-share-'));
  await startHousehold(page, { name: 'Keluarga Uji' });
  await waitForServiceWorker(page);
  const origin = new URL(baseURL!).origin;
  const { writeFileSync } = await import('node:fs');
  const one = join(dir, 'one.json.gz');
  const two = join(dir, 'two.json.gz');
  writeFileSync(one, 'x');
  writeFileSync(two, 'y');
  await page.goto('about:blank');
  await page.setContent(
    `<form method="post" enctype="multipart/form-data" action="${origin}/share-target">
       <input type="file" name="file" multiple><button>Share</button></form>`,
  );
  await page.locator('input[type="file"]').setInputFiles([one, two]);
  await Promise.all([page.waitForURL(/#\/settings\/household/), page.locator('button').click()]);
  await expect(page.getByTestId('household-phones')).toContainText(
    'Share one household file at a time',
  );

  await page.goto('about:blank');
  await page.setContent(
    `<form method="post" enctype="multipart/form-data" action="${origin}/share-target">
       <input name="text" value="hello"><button>Share</button></form>`,
  );
  await Promise.all([page.waitForURL(/#\/settings\/household/), page.locator('button').click()]);
  await expect(page.getByTestId('household-phones')).toContainText('this share had no file');
});

test("a phone that says whose it is starts quick add on that person's stream and can open the dashboard on their income", async ({
  page,
}) => {
  test.setTimeout(120_000);
  await startHousehold(page, { name: 'Keluarga Sari', members: ['Sari', 'Dewi'] });
  await addStreamUi(page, { member: 'Sari', name: 'Factory', kind: 'formal' });
  await addStreamUi(page, { member: 'Dewi', name: 'Tasks', kind: 'microtask' });
  await page.goto('/#/settings');
  const card = page.getByTestId('household-phones');
  await card.getByTestId('whose-phone').selectOption({ label: 'Dewi' });
  await card.getByTestId('scope-mine').check();

  await page.goto('/#/entries');
  await page.getByTestId('quick-add').click();
  const stream = page.getByTestId('quick-add-dialog').locator('select[name="stream"]');
  await expect(stream.locator('option:checked')).toContainText('Tasks');
  await page.keyboard.press('Escape');
  await quickAddUi(page, { stream: 'Tasks', amount: '250,000', date: dayMonthsAgo(1, 10) });
  await quickAddUi(page, { stream: 'Factory', amount: '4,000,000', date: dayMonthsAgo(1, 25) });

  await openView(page, 'dashboard');
  await expect(page.getByTestId('dash-member').locator('option:checked')).toHaveText('Dewi');
  // Still a choice: the whole household is one tap away.
  await page.getByTestId('dash-member').selectOption({ label: 'Whole household' });
  await expect(page.getByTestId('dash-member').locator('option:checked')).toHaveText(
    'Whole household',
  );
});

test('a week after sending, a phone with new changes is reminded to send them', async ({
  page,
}) => {
  test.setTimeout(120_000);
  const dir = mkdtempSync(join(tmpdir(), 'anyam-remind-'));
  await page.clock.install();
  await stubShareSheet(page.context());
  await startHousehold(page, { name: 'Keluarga Sari', members: ['Sari'] });
  await addStreamUi(page, { member: 'Sari', name: 'Factory', kind: 'formal' });
  await sendFromSettings(page, dir);
  await expect(page.getByTestId('send-reminder')).toHaveCount(0);

  await page.clock.fastForward(86_400_000);
  await quickAddUi(page, { stream: 'Factory', amount: '100,000' });
  await page.clock.fastForward(7 * 86_400_000);
  const reminder = page.getByTestId('send-reminder');
  await expect(reminder).toBeVisible();
  await reminder.getByRole('button', { name: 'Later' }).click();
  await expect(reminder).toHaveCount(0);
});
