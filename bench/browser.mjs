// Driving the system Chromium for the benchmark: one persistent profile per dataset, a fresh
// browser process per cold load, CPU throttling set on the page's CDP session before navigation.
import { chromium } from '@playwright/test';
import { CHROMIUM_ARGS, chromiumPath } from '../scripts/chromium-path.mjs';
import { installProbe, probeResult } from './probes.js';

/** A phone-sized window (as the e2e suite uses). */
export const VIEWPORT = { width: 390, height: 844 };

export function executable() {
  const path = chromiumPath();
  if (!path) throw new Error('no Chromium: install Debian’s chromium or set CHROME_PATH');
  return path;
}

/**
 * A browser process on `profileDir` (kept between launches: IndexedDB, service worker, cache),
 * in `locale` (the app takes its first language from it): the bench's `--locale`, or English.
 */
export async function launch(profileDir, locale = process.env.ANYAM_BENCH_LOCALE ?? 'en-US') {
  const context = await chromium.launchPersistentContext(profileDir, {
    executablePath: executable(),
    args: CHROMIUM_ARGS,
    headless: true,
    viewport: VIEWPORT,
    locale,
    serviceWorkers: 'allow',
  });
  context.setDefaultTimeout(60_000);
  const page = context.pages()[0] ?? (await context.newPage());
  return { context, page };
}

/** Runs `scope` with a browser on `profileDir`, always closing it. */
export async function withBrowser(profileDir, scope, locale) {
  const { context, page } = await launch(profileDir, locale);
  const errors = [];
  page.on('pageerror', (e) => errors.push(firstFrames(e)));
  try {
    return await scope(page, context, errors);
  } finally {
    await context.close().catch(() => {});
  }
}

function firstFrames(error) {
  const stack = String(error.stack ?? error).split('\n');
  return [stack[0], ...stack.slice(1, 4).map((l) => l.trim())].join(' | ');
}

/** page.evaluate that gives up after `ms` (a page that never gets ready must not hang the run). */
export async function evaluateWithin(page, ms, what, fn, arg) {
  let timer;
  const timeout = new Promise((_, reject) => {
    timer = setTimeout(
      () => reject(new Error(`${what}: no answer within ${Math.round(ms / 1000)} s`)),
      ms,
    );
  });
  try {
    return await Promise.race([page.evaluate(fn, arg), timeout]);
  } finally {
    clearTimeout(timer);
  }
}

export async function throttle(context, page, rate) {
  const cdp = await context.newCDPSession(page);
  await cdp.send('Emulation.setCPUThrottlingRate', { rate });
  return cdp;
}

/**
 * One cold load: a fresh browser process on the profile, CPU slowed `rate`× on the page's CDP
 * session before navigation, then `url`. Resolves with the probe's timings (ms from navigation
 * start) and, with `heap`, the JS heap after a full GC. `after(page, context)` may measure more
 * in the same session before the browser closes.
 */
export async function coldLoad(profileDir, url, { rate = 1, probe, heap = false, after } = {}) {
  return withBrowser(profileDir, async (page, context, errors) => {
    const cdp = await throttle(context, page, rate);
    await page.addInitScript(installProbe, probe);
    await page.goto(url, { waitUntil: 'commit' });
    const result = await evaluateWithin(page, 90_000, `${url} ready`, probeResult).catch(
      async (error) => {
        // A load that never got ready: say what the page showed and threw, not only that.
        const state = await stateOf(page);
        throw new Error(`${error.message}; page errors: ${errors.join(' ¶ ') || 'none'}; ${state}`);
      },
    );
    if (errors.length > 0) result.pageErrors = errors;
    result.controlled = await page.evaluate(() => navigator.serviceWorker?.controller !== null);
    if (heap) {
      await cdp.send('HeapProfiler.enable');
      const before = await cdp.send('Runtime.getHeapUsage');
      await cdp.send('HeapProfiler.collectGarbage');
      const afterGc = await cdp.send('Runtime.getHeapUsage');
      result.heap = {
        usedBeforeGc: before.usedSize,
        used: afterGc.usedSize,
        total: afterGc.totalSize,
      };
    }
    if (after) result.after = await after(page, context, cdp);
    return result;
  });
}

async function stateOf(page) {
  const text = await Promise.race([
    page
      .evaluate(
        () =>
          `${location.href} (${navigator.serviceWorker?.controller ? '' : 'not '}controlled): ` +
          (document.body?.innerText ?? '').replace(/\s+/g, ' ').slice(0, 200),
      )
      .catch((e) => `no state: ${e.message}`),
    new Promise((resolve) => setTimeout(() => resolve('no state within 5 s'), 5_000)),
  ]);
  return text;
}

/** Waits until a service worker is activated AND controls the page (STACK.md trap 6). */
export async function waitForServiceWorker(page, timeout = 60_000) {
  await page.waitForFunction(
    async () => {
      const reg = await navigator.serviceWorker.getRegistration();
      return reg?.active?.state === 'activated' && navigator.serviceWorker.controller !== null;
    },
    null,
    { timeout, polling: 250 },
  );
}
