import { expect, type Page } from '@playwright/test';
import { PINNED_NOW } from './fixtures';
import type { HouseholdTables, Rollup } from '../../src/lib/domain/model';

/** Adds a stream through the Streams view, as a person would. */
export async function addStreamUi(
  page: Page,
  s: { member: string; name: string; kind: string; currency?: string; platform?: string },
): Promise<void> {
  await page.goto('/#/streams');
  await page.getByRole('button', { name: 'Add a stream', exact: true }).click();
  const form = page.getByTestId('stream-form');
  await form.locator('select[name="member"]').selectOption({ label: s.member });
  await form.locator('input[name="name"]').fill(s.name);
  await form.locator('select[name="kind"]').selectOption(s.kind);
  if (s.platform) await form.locator('input[name="platform"]').fill(s.platform);
  if (s.currency) await form.locator('select[name="currency"]').selectOption(s.currency);
  await form.getByRole('button', { name: 'Save' }).click();
  await expect(form).toBeHidden();
}

/** Logs one entry through the floating quick-add button. */
export async function quickAddUi(
  page: Page,
  e: { stream?: string; amount: string; date?: string; paid?: string; unpaid?: string },
): Promise<void> {
  await page.getByTestId('quick-add').click();
  const dialog = page.getByTestId('quick-add-dialog');
  await dialog.locator('input[name="amount"]').fill(e.amount);
  if (e.stream) {
    const option = dialog.locator('select[name="stream"] option', { hasText: e.stream });
    await dialog.locator('select[name="stream"]').selectOption(await option.getAttribute('value'));
  }
  if (e.date) await dialog.locator('input[name="date"]').fill(e.date);
  if (e.paid) await dialog.locator('input[name="paidMinutes"]').fill(e.paid);
  if (e.unpaid) await dialog.locator('input[name="unpaidMinutes"]').fill(e.unpaid);
  await dialog.getByRole('button', { name: 'Save' }).click();
  // An amount far from the stream's usual one is asked about once (tests/e2e/quick-add.spec.ts);
  // the helper logs what it is told to, as a person sure of the amount would.
  const question = dialog.getByTestId('outlier-question');
  const amount = dialog.locator('input[name="amount"]');
  await expect
    .poll(async () => (await question.isVisible()) || !(await amount.isVisible()))
    .toBe(true);
  if (await question.isVisible())
    await question.getByRole('button', { name: 'Save anyway' }).click();
  await expect(amount).toBeHidden();
}

/** Every table of the app's database, read straight from IndexedDB in the page. */
export async function readDatabase(page: Page): Promise<HouseholdTables & { rollups: Rollup[] }> {
  return page.evaluate(async () => {
    const db = await new Promise<IDBDatabase>((ok, fail) => {
      const req = indexedDB.open('anyam');
      req.onsuccess = () => ok(req.result);
      req.onerror = () => fail(req.error ?? new Error('could not open the database'));
    });
    const names = [...db.objectStoreNames];
    const tx = db.transaction(names, 'readonly');
    const out: Record<string, unknown[]> = {};
    await Promise.all(
      names.map(
        (name) =>
          new Promise<void>((ok) => {
            const req = tx.objectStore(name).getAll();
            req.onsuccess = () => {
              out[name] = req.result as unknown[];
              ok();
            };
          }),
      ),
    );
    db.close();
    return out as unknown as HouseholdTables & { rollups: Rollup[] };
  });
}

/** 'YYYY-MM-DD' of a day `monthsBack` months before today's month. */
export function dayMonthsAgo(monthsBack: number, day: number, today = PINNED_NOW): string {
  const d = new Date(Date.UTC(today.getFullYear(), today.getMonth() - monthsBack, day));
  return d.toISOString().slice(0, 10);
}
