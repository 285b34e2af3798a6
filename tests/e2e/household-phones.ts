import { createHash } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, type BrowserContext, type Page } from '@playwright/test';
import { readDatabase } from './household';

/**
 * Stands in for the system share sheet: `navigator.share` keeps the shared file in the page,
 * where the test picks it up as if another phone had received it.
 */
export async function stubShareSheet(context: BrowserContext): Promise<void> {
  await context.addInitScript(() => {
    const shared: { name: string; bytes: number[] }[] = [];
    Object.defineProperty(window, '__shared', { value: shared });
    Object.defineProperty(navigator, 'canShare', {
      configurable: true,
      value: (data: ShareData) => Array.isArray(data.files) && data.files.length > 0,
    });
    Object.defineProperty(navigator, 'share', {
      configurable: true,
      value: async (data: ShareData) => {
        const file = data.files![0]!;
        shared.push({ name: file.name, bytes: [...new Uint8Array(await file.arrayBuffer())] });
      },
    });
  });
}

/** Presses "Send to my household" and returns the path of the file the share sheet got. */
export async function sendFromSettings(
  page: Page,
  dir: string,
  options: { full?: boolean } = {},
): Promise<string> {
  await page.goto('/#/settings');
  const card = page.getByTestId('household-phones');
  const before = await page.evaluate(
    () => (window as unknown as { __shared: unknown[] }).__shared.length,
  );
  if (options.full) await card.getByTestId('send-full').check();
  await card.getByTestId('send-household').click();
  await expect
    .poll(() => page.evaluate(() => (window as unknown as { __shared: unknown[] }).__shared.length))
    .toBe(before + 1);
  const file = await page.evaluate(() =>
    (window as unknown as { __shared: { name: string; bytes: number[] }[] }).__shared.at(-1)!,
  );
  const path = join(dir, file.name);
  writeFileSync(path, Buffer.from(file.bytes));
  return path;
}

/**
 * Delivers a file the way Android's share sheet does: a navigation that POSTs multipart form
 * data to the manifest's share_target action, answered by the service worker. The form lives on
 * a blank page because the app's own CSP forbids form submissions (form-action 'none').
 */
export async function shareToApp(page: Page, origin: string, path: string): Promise<void> {
  await page.goto('about:blank');
  await page.setContent(
    `<form method="post" enctype="multipart/form-data" action="${origin}/share-target">
       <input type="file" name="file"><button>Share</button></form>`,
  );
  await page.locator('input[type="file"]').setInputFiles(path);
  await Promise.all([page.waitForURL(/#\/settings\/household/), page.locator('button').click()]);
}

/** A SHA-256 of every table (rows sorted by key): equal hashes, equal households. */
export async function tableHashes(page: Page): Promise<Record<string, string>> {
  const db = await readDatabase(page);
  const out: Record<string, string> = {};
  for (const [name, rows] of Object.entries(db)) {
    const sorted = [...(rows as { id?: string; key?: string }[])].sort((a, b) =>
      String(a.id ?? a.key) < String(b.id ?? b.key) ? -1 : 1,
    );
    out[name] = createHash('sha256').update(JSON.stringify(sorted)).digest('hex');
  }
  return out;
}
