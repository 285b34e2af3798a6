import { readFileSync, readdirSync, rmSync } from 'node:fs';
import type { Page } from '@playwright/test';
import { expect, newPinnedContext, test } from './fixtures';
import { startServer } from '../../scripts/serve.mjs';
import { precacheManifest } from '../../bench/update-cost.mjs';
import { VIEWS, startHousehold, tapNav, waitForServiceWorker } from './support';

// This spec is about what the service worker does (offline, updates, requests, phones): it
// runs with the worker on (playwright.config.ts blocks it elsewhere).
test.use({ serviceWorkers: 'allow' });

// Each language other than English is its own files in the build (scripts/locale-split.mjs);
// the worker keeps only the languages a phone uses (src/lib/pwa/kept-texts.ts).

/** A message's text in a language, from messages/<group>/<locale>.json. */
function text(locale: string, key: string): string {
  for (const group of readdirSync('messages')) {
    const texts = JSON.parse(readFileSync(`messages/${group}/${locale}.json`, 'utf8')) as Record<
      string,
      string
    >;
    if (key in texts) return texts[key]!;
  }
  throw new Error(`no message ${key}`);
}

/** Every message text in a language that is not the same in English. */
function ownTexts(locale: string): Set<string> {
  const own = new Set<string>();
  for (const group of readdirSync('messages')) {
    const read = (l: string) =>
      JSON.parse(readFileSync(`messages/${group}/${l}.json`, 'utf8')) as Record<string, string>;
    const en = read('en');
    for (const [key, value] of Object.entries(read(locale))) if (value !== en[key]) own.add(value);
  }
  return own;
}

/**
 * The build's texts files in `locale` that the worker keeps: those of the precached chunks (a
 * chunk fetched on first use, like the same-room sync, brings its texts with it).
 */
function textsFiles(locale: string): string[] {
  const precached = new Set(
    precacheManifest('dist').map((entry: { url: string }) => entry.url.split('/').pop()),
  );
  return readdirSync('dist/assets').filter(
    (f) => new RegExp(`^tr-.+-${locale}-[\\w-]{8}\\.js$`).test(f) && precached.has(f),
  );
}

/** The texts files (by name) the worker's caches hold. */
function cachedTexts(page: Page): Promise<string[]> {
  return page.evaluate(async () => {
    const names: string[] = [];
    for (const cache of await caches.keys()) {
      for (const request of await (await caches.open(cache)).keys()) {
        const file = new URL(request.url).pathname.split('/').pop() ?? '';
        if (file.startsWith('tr-')) names.push(file);
      }
    }
    return names.sort();
  });
}

test('a household that reads Vietnamese opens every view offline in Vietnamese, and a language never used needs the network once', async ({
  browser,
}) => {
  test.setTimeout(120_000);
  const server = await startServer({ root: 'dist', port: 0 });
  const port = Number(new URL(server.url).port);
  let again: Awaited<ReturnType<typeof startServer>> | null = null;
  const context = await newPinnedContext(browser, {
    locale: 'vi-VN',
    viewport: { width: 360, height: 740 },
  });
  const page = await context.newPage();
  try {
    await startHousehold(page, { base: server.url });
    await expect(page.locator('nav a[data-route="dashboard"]')).toHaveText(
      text('vi', 'nav_dashboard'),
    );
    await waitForServiceWorker(page);

    await test.step('the worker keeps every Vietnamese texts file and no other language', async () => {
      const vi = textsFiles('vi');
      expect(vi.length).toBeGreaterThan(10);
      await expect.poll(() => cachedTexts(page), { timeout: 30_000 }).toEqual(vi.sort());
    });

    await test.step('offline, each view (most never opened) is in Vietnamese', async () => {
      await server.close();
      await context.setOffline(true);
      await page.reload();
      await expect(page.locator('nav a[data-route="dashboard"]')).toHaveText(
        text('vi', 'nav_dashboard'),
      );
      const vietnamese = ownTexts('vi');
      for (const view of VIEWS.filter((v) => v !== 'dashboard')) {
        await tapNav(page, view);
        // The view's heading (its title, or its empty state's) is a Vietnamese text.
        const heading = page.locator(`main[data-view="${view}"] h2`).first();
        await expect(heading).not.toBeEmpty();
        expect(vietnamese.has((await heading.textContent())!.trim()), view).toBe(true);
      }
    });

    await test.step('offline, Bahasa Indonesia is refused with a reason and nothing changes', async () => {
      await page.locator('select:has(option[value="id"])').selectOption('id');
      await expect(
        page.getByText(
          text('vi', 'lang_err_unavailable').replace('{language}', 'Bahasa Indonesia'),
        ),
      ).toBeVisible();
      await expect(page.locator('html')).toHaveAttribute('lang', 'vi');
      await expect(page.locator('select:has(option[value="id"])')).toHaveValue('vi');
      await expect(page.locator('main h2.view-title')).toHaveText(text('vi', 'settings_title'));
      await page.locator('select:has(option[value="id"])').scrollIntoViewIfNeeded();
      await page.screenshot({ path: 'docs/screenshots/language-offline-vi.png' });
    });

    await test.step('offline, English needs no download; Filipino is refused in English', async () => {
      await page.locator('select:has(option[value="en"])').selectOption('en');
      await expect(page.locator('html')).toHaveAttribute('lang', 'en');
      await expect(page.locator('main h2.view-title')).toHaveText(text('en', 'settings_title'));
      await page.locator('select:has(option[value="fil"])').selectOption('fil');
      await expect(
        page.getByText(text('en', 'lang_err_unavailable').replace('{language}', 'Filipino')),
      ).toBeVisible();
      await expect(page.locator('html')).toHaveAttribute('lang', 'en');
      await page.locator('select:has(option[value="fil"])').scrollIntoViewIfNeeded();
      await page.screenshot({ path: 'docs/screenshots/language-offline-en.png' });
    });

    await test.step('online again, it switches and the worker keeps Indonesian too', async () => {
      again = await startServer({ root: 'dist', port });
      await context.setOffline(false);
      await page.locator('select:has(option[value="id"])').selectOption('id');
      await expect(page.locator('html')).toHaveAttribute('lang', 'id');
      await expect(page.locator('main h2.view-title')).toHaveText(text('id', 'settings_title'));
      await expect(page.getByText(/Filipino is not on this phone/)).toHaveCount(0);
      await expect
        .poll(() => cachedTexts(page), { timeout: 30_000 })
        .toEqual([...textsFiles('vi'), ...textsFiles('id')].sort());
    });
  } finally {
    await context.close();
    await server.close().catch(() => {});
    await (again as { close(): Promise<void> } | null)?.close().catch(() => {});
  }
});

/**
 * The next release: the same code, one Vietnamese text changed, the title of a view not opened
 * between the update and going offline (Settings): its new texts file is only there offline if
 * the update's install fetched it.
 */
const NEXT_DIR = 'dist-e2e-next-vi';
const NEXT_TITLE = `${text('vi', 'settings_title')} ·2`;

async function buildNextRelease(): Promise<void> {
  const { build } = await import('vite');
  const from = `(\`${text('vi', 'settings_title')}\`)`;
  await build({
    configFile: 'vite.config.ts',
    logLevel: 'error',
    build: { outDir: NEXT_DIR, emptyOutDir: true },
    plugins: [
      {
        name: 'e2e-next-vi-text',
        enforce: 'pre',
        transform(code: string, id: string) {
          if (!id.endsWith('/settings_title.js')) return null;
          if (!code.includes(from)) throw new Error('settings_title.js changed: update this test');
          return { code: code.replace(from, `(\`${NEXT_TITLE}\`)`), map: null };
        },
      },
    ],
  });
}

test('an update installs with the new texts of the language the phone uses: after Reload it opens offline in it', async ({
  browser,
}) => {
  test.setTimeout(180_000);
  await buildNextRelease();
  const server = await startServer({ root: 'dist', port: 0 });
  const context = await newPinnedContext(browser, { locale: 'vi-VN' });
  const page = await context.newPage();
  try {
    await startHousehold(page, { base: server.url });
    await waitForServiceWorker(page);
    await expect
      .poll(() => cachedTexts(page), { timeout: 30_000 })
      .toEqual(textsFiles('vi').sort());

    server.setRoot(NEXT_DIR);
    await page.evaluate(async () => {
      await (await navigator.serviceWorker.getRegistration())?.update();
    });
    const toast = page.getByTestId('update-toast');
    await expect(toast).toBeVisible({ timeout: 30_000 });
    await toast.getByRole('button').first().click();
    await expect(page.getByTestId('update-toast')).toHaveCount(0, { timeout: 30_000 });
    await expect(page.locator('nav a[data-route="dashboard"]')).toHaveText(
      text('vi', 'nav_dashboard'),
    );

    await server.close();
    await context.setOffline(true);
    await page.reload();
    await tapNav(page, 'settings');
    await expect(page.locator('main h2.view-title')).toHaveText(NEXT_TITLE);
    const vietnamese = ownTexts('vi');
    for (const view of VIEWS.filter((v) => v !== 'dashboard' && v !== 'settings')) {
      await tapNav(page, view);
      const heading = page.locator(`main[data-view="${view}"] h2`).first();
      await expect(heading).not.toBeEmpty();
      expect(vietnamese.has((await heading.textContent())!.trim()), view).toBe(true);
    }
  } finally {
    await context.close();
    await server.close().catch(() => {});
    rmSync(NEXT_DIR, { recursive: true, force: true });
  }
});
