import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { AxeBuilder } from './axe';
import { type Page } from '@playwright/test';
import { expect, newPinnedContext, test } from './fixtures';
import { decodeSyncCode, encodeSyncCode } from '../../src/lib/domain/sync-code';
import { quickAddUi, readDatabase } from './household';
import { sendFromSettings, stubShareSheet, tableHashes } from './household-phones';
import { startHousehold, waitForServiceWorker } from './support';

// This spec is about what the service worker does (offline, updates, requests, phones): it
// runs with the worker on (playwright.config.ts blocks it elsewhere).
test.use({ serviceWorkers: 'allow' });

/** Opens Settings → the household's phones → "Sync with a phone here". */
async function openSync(page: Page): Promise<void> {
  await page.goto('/#/settings');
  await page.getByTestId('sync-open').click();
  await expect(page.getByTestId('sync-flow')).toBeVisible();
}

async function shownCode(page: Page): Promise<string> {
  const code = page.getByTestId('sync-code');
  await expect(code).toHaveValue(/^ANYAM-SYNC1:[A-Z2-7]+$/, { timeout: 20_000 });
  return code.inputValue();
}

async function pasteCode(page: Page, code: string): Promise<void> {
  await page.getByTestId('sync-paste').fill(code);
  await page.getByTestId('sync-use').click();
}

const fieldError = (page: Page) => page.getByTestId('sync-flow').locator('form .field-error');

test('two phones in one room sync through pasted codes over a real data channel and end up the same', async ({
  browser,
}) => {
  test.setTimeout(300_000);
  const dir = mkdtempSync(join(tmpdir(), 'anyam-sync-'));
  const phoneA = await newPinnedContext(browser);
  const phoneB = await newPinnedContext(browser);
  await stubShareSheet(phoneA);
  // Phone B can be told to leave mid-transfer: it has announced its file, and closes its
  // connection instead of sending the file's first chunk. (Closing just after that chunk did not
  // always cut: a closing channel still delivers what was queued, and under load A could finish
  // before the close, once in a faketime run.) What is left of B's loop then sends on a closing
  // channel, which must read as the connection closing (transfer.ts), not as an error.
  await phoneB.addInitScript(() => {
    const proto = RTCDataChannel.prototype;
    const send = Object.getOwnPropertyDescriptor(proto, 'send')!.value as (
      this: RTCDataChannel,
      data: never,
    ) => void;
    const flags = window as unknown as { __cutSync?: boolean };
    RTCDataChannel.prototype.send = function (this: RTCDataChannel, data: never) {
      if (flags.__cutSync && typeof data !== 'string') {
        flags.__cutSync = false;
        this.close();
        return;
      }
      send.call(this, data);
    };
  });
  const a = await phoneA.newPage();
  const b = await phoneB.newPage();
  try {
    // Phone A holds the sample household; phone B starts from A's household file.
    await startHousehold(a, { sample: true });
    const first = await sendFromSettings(a, dir);
    await b.goto('/');
    const restore = b.getByTestId('onboarding-restore');
    await restore.getByRole('button', { name: 'Restore from a backup' }).click();
    await restore.getByLabel('Backup file').setInputFiles(first);
    await restore.getByRole('button', { name: 'Replace', exact: true }).click();
    await b
      .getByTestId('restore-confirm')
      .getByRole('button', { name: 'Replace everything' })
      .click();
    await expect(b.locator('nav.app-nav')).toBeVisible({ timeout: 30_000 });
    await waitForServiceWorker(b);

    // Each phone logs something the other lacks.
    await quickAddUi(a, { amount: '111,000' });
    await quickAddUi(b, { amount: '222,000' });
    const beforeA = await tableHashes(a);
    const beforeB = await tableHashes(b);
    expect(beforeA.entries).not.toEqual(beforeB.entries);

    // A shows its code; B is first handed a truncated copy and another app's text.
    await openSync(a);
    await a.getByTestId('sync-start').click();
    await expect(a.getByTestId('sync-qr')).toBeVisible();
    const offer = await shownCode(a);
    expect(offer.length).toBeLessThan(260);

    await openSync(b);
    await b.getByTestId('sync-join').click();
    await pasteCode(b, offer.slice(0, offer.length - 9));
    await expect(fieldError(b)).toHaveText(
      'This code is incomplete or damaged. Copy or scan the whole code again.',
    );
    await pasteCode(b, 'WIFI:S:Home;T:WPA;P:secret;;');
    await expect(fieldError(b)).toHaveText(
      'This is not an Anyam sync code; it may belong to another app.',
    );
    await expect(b.getByTestId('sync-code')).toHaveCount(0);

    // The whole code: B answers, A reads the answer, the channel opens; B leaves mid-transfer.
    await b.evaluate(() => ((window as unknown as { __cutSync: boolean }).__cutSync = true));
    await pasteCode(b, offer);
    await pasteCode(a, await shownCode(b));
    for (const page of [a, b]) {
      await expect(page.getByTestId('sync-failed')).toHaveText(
        'The connection closed before both household files arrived. Nothing was merged.',
        { timeout: 30_000 },
      );
    }
    expect(await tableHashes(a)).toEqual(beforeA);
    expect(await tableHashes(b)).toEqual(beforeB);

    // "Try again": B cannot reuse the first code (its sync was tried), A shows a new one.
    await b.getByTestId('sync-again').click();
    await b.getByTestId('sync-join').click();
    await pasteCode(b, offer);
    await expect(fieldError(b)).toHaveText(
      'This code was already used in an earlier sync. Ask the other phone for a new code.',
    );
    await a.getByTestId('sync-again').click();
    await a.getByTestId('sync-start').click();
    const offer2 = await shownCode(a);
    expect(offer2).not.toEqual(offer);
    await pasteCode(b, offer2);
    const answer = await shownCode(b);
    await pasteCode(a, answer);

    // Each phone previews what arrived (the whole household: their first sync) and merges it.
    for (const page of [a, b]) {
      await expect(page.getByTestId('sync-review')).toBeVisible({ timeout: 30_000 });
      await expect(page.getByTestId('sync-review')).toHaveAttribute(
        'data-received',
        /\d{4}-\d{2}-\d{2}\.json\.gz$/,
      );
      await expect(page.getByTestId('merge-confirm')).toBeVisible({ timeout: 30_000 });
    }
    await a.getByTestId('merge-confirm').click();
    await b.getByTestId('merge-confirm').click();
    for (const page of [a, b]) {
      await expect(page.getByTestId('sync-done')).toBeVisible({ timeout: 30_000 });
    }

    const afterA = await tableHashes(a);
    const afterB = await tableHashes(b);
    expect(afterA).toEqual(afterB);
    expect(afterA.entries).not.toEqual(beforeA.entries);
    expect(afterB.entries).not.toEqual(beforeB.entries);

    // The code of that sync again: refused, nothing written. And on A, the answer of the
    // earlier try where a new one is due.
    await b.getByTestId('sync-close').click();
    await openSync(b);
    await b.getByTestId('sync-join').click();
    await pasteCode(b, offer2);
    await expect(fieldError(b)).toHaveText(
      'This code was already used in an earlier sync. Ask the other phone for a new code.',
    );
    await expect(b.getByTestId('sync-code')).toHaveCount(0);
    expect(await tableHashes(b)).toEqual(afterB);
    await a.getByTestId('sync-close').click();
    await openSync(a);
    await a.getByTestId('sync-start').click();
    await shownCode(a);
    await pasteCode(a, answer);
    await expect(fieldError(a)).toHaveText(
      'This code was already used in an earlier sync. Ask the other phone for a new code.',
    );
    expect(await tableHashes(a)).toEqual(afterA);

    // A week later: the next sync carries only what changed since this one, both ways.
    await quickAddUi(a, { amount: '333,000' });
    await pasteCode(b, await shownCode(a));
    await pasteCode(a, await shownCode(b));
    for (const page of [a, b]) {
      await expect(page.getByTestId('sync-review')).toHaveAttribute(
        'data-received',
        /-changes\.json\.gz$/,
        { timeout: 30_000 },
      );
      await page.getByTestId('merge-confirm').click();
    }
    for (const page of [a, b]) {
      await expect(page.getByTestId('sync-done')).toBeVisible({ timeout: 30_000 });
    }
    const laterA = await tableHashes(a);
    expect(laterA).toEqual(await tableHashes(b));
    expect(laterA.entries).not.toEqual(afterA.entries);
  } finally {
    await phoneA.close();
    await phoneB.close();
  }
});

test('a code from another household is refused, and phones that never connect offer the file route after 20 s', async ({
  browser,
}) => {
  test.setTimeout(180_000);
  const phoneA = await newPinnedContext(browser);
  const phoneC = await newPinnedContext(browser);
  const a = await phoneA.newPage();
  const c = await phoneC.newPage();
  try {
    await startHousehold(a, { name: 'Keluarga Sari' });
    await startHousehold(c, { name: 'Keluarga Lain' });
    await openSync(a);
    await a.getByTestId('sync-start').click();
    const offer = await shownCode(a);
    await openSync(c);
    await c.getByTestId('sync-join').click();
    await pasteCode(c, offer);
    await expect(fieldError(c)).toContainText('This code comes from another household.');
    await expect(c.getByTestId('sync-code')).toHaveCount(0);

    // A reads a well-formed answer of its own household whose phone never connects (no
    // candidates): 20 s, then it says so and offers the file route.
    const made = decodeSyncCode(offer);
    const answer = encodeSyncCode({
      ...made,
      role: 'answer',
      setup: 'active',
      ufrag: 'gone',
      pwd: 'NobodyAnswersThisPhone24',
      candidates: [],
    });
    await pasteCode(a, answer);

    // Meanwhile C reads a first code of its own household from a phone that never connects:
    // it shows its answer, and after 20 s says it is not connected yet and offers the file route.
    const householdC = (await readDatabase(c)).settings[0]!.id;
    await pasteCode(
      c,
      encodeSyncCode({
        ...made,
        session: 'a1b2c3d4e5f60718',
        household: householdC,
        candidates: [],
      }),
    );
    await shownCode(c);
    await expect(c.getByTestId('sync-slow')).toBeVisible({ timeout: 40_000 });
    await expect(c.getByTestId('sync-waiting')).toBeVisible();

    await expect(a.getByTestId('sync-failed')).toContainText(
      'The phones did not connect within 20 seconds',
      { timeout: 40_000 },
    );
    await a.getByTestId('sync-file-route').click();
    await expect(a.getByTestId('send-household')).toBeFocused();
    await c.getByTestId('sync-slow-file-route').click();
    await expect(c.getByTestId('send-household')).toBeFocused();
  } finally {
    await phoneA.close();
    await phoneC.close();
  }
});

for (const colorScheme of ['light', 'dark'] as const) {
  test(`the QR screen at 360×740 in en and vi (${colorScheme}): screenshots, and axe finds nothing`, async ({
    browser,
  }) => {
    test.setTimeout(180_000);
    const context = await newPinnedContext(browser, {
      viewport: { width: 360, height: 740 },
      colorScheme,
    });
    const page = await context.newPage();
    try {
      await startHousehold(page, { sample: true });
      for (const lang of ['en', 'vi'] as const) {
        await page.goto('/#/settings');
        if (lang === 'vi') {
          await page.getByRole('combobox', { name: 'Language' }).selectOption('vi');
          await expect(page.locator('html')).toHaveAttribute('lang', 'vi');
        }
        await page.getByTestId('sync-open').click();
        await page.getByTestId('sync-start').click();
        await shownCode(page);
        await page
          .getByTestId('sync-section')
          .locator('h4')
          .evaluate((h) => h.scrollIntoView());
        const axe = await new AxeBuilder({ page }).analyze();
        expect(
          axe.violations.map((v) => `${lang} ${v.id} ${v.nodes.map((n) => n.target).join(' ')}`),
        ).toEqual([]);
        const suffix = colorScheme === 'dark' ? '-dark' : '';
        await page.screenshot({ path: `docs/screenshots/sync-qr-${lang}${suffix}.png` });
        await page.getByTestId('sync-close').click();
      }
    } finally {
      await context.close();
    }
  });
}
