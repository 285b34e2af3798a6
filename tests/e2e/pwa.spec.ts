import { expect, test } from './fixtures';
import { waitForServiceWorker } from './support';

// This spec is about what the service worker does (offline, updates, requests, phones): it
// runs with the worker on (playwright.config.ts blocks it elsewhere).
test.use({ serviceWorkers: 'allow' });

test('the manifest has what an install needs, and its icons load', async ({ page, request }) => {
  await page.goto('/');
  const href = await page.locator('link[rel="manifest"]').getAttribute('href');
  expect(href).toBeTruthy();
  const manifestUrl = new URL(href!, page.url()).href;
  interface Icon {
    src: string;
    sizes: string;
    type: string;
    purpose?: string;
  }
  const manifest = (await (await request.get(manifestUrl)).json()) as { icons: Icon[] };
  expect(manifest).toMatchObject({
    name: 'Anyam',
    short_name: 'Anyam',
    display: 'standalone',
    start_url: expect.any(String),
    theme_color: expect.stringMatching(/^#/),
    background_color: expect.stringMatching(/^#/),
    description: expect.any(String),
  });
  const icons = manifest.icons;
  const has = (sizes: string, purpose?: string) =>
    icons.some(
      (i) => i.sizes === sizes && (purpose ? i.purpose === purpose : i.purpose !== 'maskable'),
    );
  expect(has('192x192')).toBe(true);
  expect(has('512x512')).toBe(true);
  expect(has('512x512', 'maskable')).toBe(true);
  for (const icon of icons) {
    const res = await request.get(new URL(icon.src, manifestUrl).href);
    expect(res.status(), icon.src).toBe(200);
    expect(res.headers()['content-type']).toBe(icon.type);
    expect((await res.body()).length).toBeGreaterThan(100);
  }
});

test('a service worker controls the page after the first load', async ({ page }) => {
  await page.goto('/');
  await waitForServiceWorker(page);
  const precached = await page.evaluate(async () => {
    const names = await caches.keys();
    let count = 0;
    for (const name of names) count += (await (await caches.open(name)).keys()).length;
    return count;
  });
  expect(precached).toBeGreaterThan(10);
});

test('the server sends the strict Content-Security-Policy', async ({ request }) => {
  const res = await request.get('/');
  const csp = res.headers()['content-security-policy'];
  expect(csp).toContain("default-src 'none'");
  expect(csp).toContain("script-src 'self'");
  expect(csp).toContain("frame-ancestors 'none'");
  expect(res.headers()['x-content-type-options']).toBe('nosniff');
});
