// A first visit, as a new phone makes it: a fresh profile (empty cache, no service worker), 4×
// CPU, the app's own server. Counts what is downloaded before the onboarding form is usable, on
// the server's side so that service-worker fetches count too.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startServer } from '../scripts/serve.mjs';
import { evaluateWithin, throttle, waitForServiceWorker, withBrowser } from './browser.mjs';
import { installProbe, probeResult } from './probes.js';

/** The onboarding form, ready for a name: the first screen of a first visit. */
export const ONBOARDING_USABLE =
  'main[data-view="onboarding"] [data-testid="onboarding-household"] input[name="household"]';

/**
 * `runs` first visits of the build in `appDir`. Each: { usable (ms from navigation), requests and
 * jsBytes before usable, files, longestTaskBeforeUsable, total requests and bytes once the
 * service worker is active (everything one visit leaves cached) }. `locale`: the browser's
 * language (the app's first language), English if not given.
 */
export async function firstVisits(appDir, { runs, rate, locale }) {
  const log = [];
  const server = await startServer({ root: appDir, port: 0, onRequest: (r) => log.push(r) });
  const out = [];
  try {
    for (let i = 0; i < runs; i++) {
      const dir = mkdtempSync(join(tmpdir(), 'anyam-first-'));
      log.length = 0;
      try {
        const r = await withBrowser(
          dir,
          async (page, context, errors) => {
            await throttle(context, page, rate);
            await page.addInitScript(installProbe, {
              ready: 'selector',
              selector: ONBOARDING_USABLE,
            });
            await page.goto(`${server.url}/`, { waitUntil: 'commit' });
            const probe = await evaluateWithin(page, 60_000, 'onboarding usable', probeResult);
            const origin = await page.evaluate(() => performance.timeOrigin);
            await waitForServiceWorker(page);
            // Then until the server has been quiet for a second: the whole precache is in.
            for (let n = -1, until = Date.now() + 30_000; n !== log.length && Date.now() < until;) {
              n = log.length;
              await page.waitForTimeout(1000);
            }
            if (errors.length > 0) throw new Error(`first visit: page error ${errors[0]}`);
            return { probe, origin };
          },
          locale,
        );
        const usableAt = r.origin + r.probe.usablePainted;
        const before = log.filter((x) => x.at <= usableAt);
        const js = (xs) => xs.filter((x) => /\.m?js(\?|$)/.test(x.path));
        out.push({
          usable: r.probe.usablePainted,
          longestTaskBeforeUsable: r.probe.longestTaskBeforeUsable,
          requests: before.length,
          jsBytes: js(before).reduce((s, x) => s + x.bytes, 0),
          files: before.map((x) => x.path),
          totalRequests: log.length,
          totalBytes: log.reduce((s, x) => s + x.bytes, 0),
        });
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    }
  } finally {
    await server.close();
  }
  return out;
}
