/**
 * Issue 23, acceptance 2 and 5: a sample phone sends one new entry to a second sample phone, in
 * Vietnamese at 360×740. The preview reads in ten seconds: no "{{" token, one changed record,
 * the entry named by its stream, date and amount, and the Merge button on the first screen.
 * Then both phones edit the same plan, and the preview shows the two amounts and the one kept.
 * Screenshots (vi and en, light and dark) go to docs/screenshots/merge-*.png; axe finds nothing.
 * Last, a share to a phone with no household yet: refused with a message, the cache emptied.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { AxeBuilder } from './axe';
import type { Page } from '@playwright/test';
import { expect, newPinnedContext, test } from './fixtures';
import { sendFromSettings, shareToApp, stubShareSheet } from './household-phones';
import { waitForServiceWorker } from './support';

// This spec is about what the service worker does (offline, updates, requests, phones): it
// runs with the worker on (playwright.config.ts blocks it elsewhere).
test.use({ serviceWorkers: 'allow' });

const PHONE = { width: 360, height: 740 };

/** Logs one entry through quick add, whatever the language (the stream by its shown name). */
async function quickAdd(page: Page, stream: string, amount: string): Promise<void> {
  await page.getByTestId('quick-add').click();
  const dialog = page.getByTestId('quick-add-dialog');
  const option = dialog.locator('select[name="stream"] option', { hasText: stream });
  await dialog.locator('select[name="stream"]').selectOption(await option.getAttribute('value'));
  await dialog.locator('input[name="amount"]').fill(amount);
  await dialog.locator('button[type="submit"]').click();
  await expect(dialog.locator('input[name="amount"]')).toBeHidden();
}

/** Sets a plan's amount through the Plans view (the plan found by its shown name). */
async function editPlan(page: Page, name: string, amount: string): Promise<void> {
  await page.goto('/#/plans');
  // The edit button is named "Sửa <plan>" (Vietnamese phones).
  await page.getByRole('button', { name: `Sửa ${name}`, exact: true }).click({ timeout: 30_000 });
  const form = page.getByTestId('plan-form');
  await form.locator('input[name="amount"]').fill(amount);
  await form.locator('button[type="submit"]').click();
  await expect(form).toBeHidden();
}

async function axeClean(page: Page, what: string): Promise<void> {
  const result = await new AxeBuilder({ page }).analyze();
  expect(
    result.violations.map((v) => `${what}: ${v.id} ${JSON.stringify(v.nodes[0]?.target)}`),
  ).toEqual([]);
}

/** Light and dark pictures of the screen as it is. */
async function shoot(page: Page, name: string): Promise<void> {
  await page.emulateMedia({ colorScheme: 'light' });
  await axeClean(page, `${name} light`);
  await page.screenshot({ path: `docs/screenshots/${name}.png` });
  await page.emulateMedia({ colorScheme: 'dark' });
  await axeClean(page, `${name} dark`);
  await page.screenshot({ path: `docs/screenshots/${name}-dark.png` });
  await page.emulateMedia({ colorScheme: 'light' });
}

test('one new entry from another sample phone reads in ten seconds, at 360×740 in Vietnamese', async ({
  browser,
  baseURL,
}) => {
  test.setTimeout(480_000);
  const origin = new URL(baseURL!).origin;
  const dir = mkdtempSync(join(tmpdir(), 'anyam-preview-'));
  const phoneA = await newPinnedContext(browser, { locale: 'vi-VN', viewport: PHONE });
  const phoneB = await newPinnedContext(browser, { locale: 'vi-VN', viewport: PHONE });
  await stubShareSheet(phoneA);
  const a = await phoneA.newPage();
  const b = await phoneB.newPage();
  try {
    // Phone A tries the sample household (its name a sample token) and sends it whole.
    await a.goto('/');
    await a.getByTestId('onboarding-sample').getByRole('button').click();
    await expect(a.locator('nav.app-nav')).toBeVisible({ timeout: 30_000 });
    const whole = await sendFromSettings(a, dir);

    // Phone B starts from that file; the restore preview shows the name, not the token.
    await b.goto('/');
    const restore = b.getByTestId('onboarding-restore');
    await restore.locator('button.open-restore').click();
    await restore.getByTestId('restore-file').setInputFiles(whole);
    const summary = restore.getByTestId('restore-summary');
    await expect(summary).toContainText('Hộ gia đình mẫu', { timeout: 30_000 });
    await expect(summary).not.toContainText('{{');
    await restore.getByTestId('restore-replace').click();
    await b.getByTestId('restore-replace-confirm').click();
    await expect(b.locator('nav.app-nav')).toBeVisible({ timeout: 30_000 });
    await waitForServiceWorker(b);

    // A logs one salary and sends what changed; B receives it from the share sheet.
    await a.goto('/#/entries');
    await quickAdd(a, 'Lương nhà máy', '8.500.000');
    const changes = await sendFromSettings(a, dir);
    expect(changes).toMatch(/-changes\.json\.gz$/);
    await shareToApp(b, origin, changes);

    const sheet = b.getByTestId('merge-dialog');
    const preview = sheet.getByTestId('merge-preview');
    await expect(preview).toBeVisible({ timeout: 30_000 });
    await expect(sheet).not.toContainText('{{');
    await expect(preview).toHaveAttribute('data-changes', '1');
    const sentence = preview.getByTestId('merge-summary');
    await expect(sentence).toContainText('1 khoản thu mới');
    await expect(sentence).toContainText('Lương nhà máy');
    await expect(sentence).toContainText(/24 thg 11, 2026/);
    await expect(sentence).toContainText(/8\.500\.000\s₫/);
    // Merge is on the first screen, without scrolling.
    const merge = sheet.getByTestId('merge-confirm');
    await expect(merge).toBeInViewport();
    const box = (await merge.boundingBox())!;
    expect(box.y).toBeGreaterThanOrEqual(0);
    expect(box.y + box.height).toBeLessThanOrEqual(PHONE.height);
    await expect(sheet.getByTestId('merge-bar')).toHaveAttribute('role', 'group');
    await shoot(b, 'merge-preview-vi');

    // The same file in English (Cancel writes nothing; the share is opened again).
    await sheet.getByTestId('merge-cancel').click();
    await expect(sheet).toBeHidden();
    await b.evaluate(() => localStorage.setItem('PARAGLIDE_LOCALE', 'en'));
    await shareToApp(b, origin, changes);
    await expect(preview).toBeVisible({ timeout: 30_000 });
    await expect(preview.getByTestId('merge-summary')).toContainText(
      /1 new entry \(Factory salary, Nov 24, 2026, ₫8,500,000\); nothing else changed\./,
    );
    await shoot(b, 'merge-preview-en');
    await merge.click();
    await expect(sheet).toBeHidden({ timeout: 30_000 });
    await expect(b.locator('.toast-item').first()).toContainText('Household file merged');

    // Both phones change the rent; B's edit is the later one. A sends its changes.
    await b.evaluate(() => localStorage.setItem('PARAGLIDE_LOCALE', 'vi'));
    await b.reload();
    await expect(b.locator('html')).toHaveAttribute('lang', 'vi');
    await editPlan(a, 'Tiền nhà', '4.200.000');
    await editPlan(b, 'Tiền nhà', '4.500.000');
    const rent = await sendFromSettings(a, dir);
    await shareToApp(b, origin, rent);
    await expect(preview).toBeVisible({ timeout: 30_000 });
    await expect(sheet).not.toContainText('{{');
    await expect(preview.getByTestId('merge-conflict-summary')).toContainText(
      '1 mục đã được sửa trên cả hai điện thoại',
    );
    await preview.getByTestId('merge-conflicts-details').locator('summary').click();
    const conflict = preview.getByTestId('merge-conflicts').locator('li[data-table="plans"]');
    await expect(conflict).toHaveAttribute('data-kept', 'phone');
    await expect(conflict.locator('tbody tr')).toHaveCount(1);
    await expect(conflict.locator('tbody tr')).toContainText(/4\.500\.000\s₫/);
    await expect(conflict.locator('tbody tr')).toContainText(/4\.200\.000\s₫/);
    await expect(conflict.getByTestId('merge-kept')).toContainText(
      'Được giữ: bản trên điện thoại này',
    );
    await conflict.scrollIntoViewIfNeeded();
    await expect(sheet.getByTestId('merge-confirm')).toBeInViewport();
    await shoot(b, 'merge-conflict-vi');
  } finally {
    await phoneA.close();
    await phoneB.close();
  }
});

test('a household file shared before the phone has a household is refused and leaves the cache', async ({
  browser,
  baseURL,
}) => {
  test.setTimeout(120_000);
  const dir = mkdtempSync(join(tmpdir(), 'anyam-early-share-'));
  const path = join(dir, 'anyam-keluarga-2026-11-24-changes.json.gz');
  writeFileSync(path, 'not opened');
  const context = await newPinnedContext(browser, { viewport: PHONE });
  const page = await context.newPage();
  try {
    await page.goto('/');
    await expect(page.getByTestId('onboarding-household')).toBeVisible();
    await waitForServiceWorker(page);
    await shareToApp(page, new URL(baseURL!).origin, path);
    const notice = page.getByTestId('onboarding-share-refused');
    await expect(notice).toContainText('this phone has no household yet');
    await expect(notice).toContainText('Restore from a backup');
    const waiting = await page.evaluate(async () => {
      const cache = await caches.open('anyam-share');
      return (await cache.keys()).length;
    });
    expect(waiting).toBe(0);
    await axeClean(page, 'onboarding with a refused share');
    await page.screenshot({ path: 'docs/screenshots/merge-share-refused-en.png' });
    // A reload does not say it again.
    await page.reload();
    await expect(page.getByTestId('onboarding-household')).toBeVisible();
    await expect(page.getByTestId('onboarding-share-refused')).toHaveCount(0);
  } finally {
    await context.close();
  }
});
