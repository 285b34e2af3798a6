// `npm run bench -- --lighthouse`: Lighthouse 12 (default config = mobile preset: Moto G Power
// screen, simulated slow 4G and 4× CPU) against the built app, driven through chrome-launcher with
// the system Chromium. Each run is a fresh temporary profile, i.e. a first visit.
import { launch } from 'chrome-launcher';
import lighthouse from 'lighthouse';
import { CHROMIUM_ARGS, chromiumPath } from '../scripts/chromium-path.mjs';

const CATEGORIES = ['performance', 'accessibility', 'best-practices'];

/** `runs` Lighthouse runs of `url`: scores 0–100 per category and the audits that failed. */
export async function runLighthouse(url, runs = 3) {
  const chromePath = process.env.CHROME_PATH || chromiumPath();
  const out = { url, version: null, runs: [], failing: {}, metrics: [] };
  let failures = 0;
  for (let i = 0; i < runs; i++) {
    const chrome = await launch({
      chromePath,
      chromeFlags: [...CHROMIUM_ARGS, '--headless=new'],
      logLevel: 'silent',
    });
    try {
      const result = await lighthouse(url, {
        port: chrome.port,
        output: 'json',
        logLevel: 'error',
        onlyCategories: CATEGORIES,
      });
      const lhr = result.lhr;
      out.version = lhr.lighthouseVersion;
      if (lhr.runtimeError) {
        // Lighthouse's own flakes (NO_NAVSTART, NO_FCP under load): retry the run, twice at most.
        if (++failures <= 2) {
          out.retried = [...(out.retried ?? []), lhr.runtimeError.code];
          i--;
          continue;
        }
        throw new Error(`Lighthouse: ${lhr.runtimeError.message}`);
      }
      const scores = {};
      for (const id of CATEGORIES) {
        const category = lhr.categories[id];
        scores[id] = category.score === null ? null : Math.round(category.score * 100);
        const failing = category.auditRefs
          .filter((ref) => ref.weight > 0 && (lhr.audits[ref.id]?.score ?? 1) < 1)
          .map((ref) => ref.id);
        out.failing[id] = [...new Set([...(out.failing[id] ?? []), ...failing])];
      }
      out.runs.push(scores);
      out.metrics.push(
        Object.fromEntries(
          [
            'first-contentful-paint',
            'largest-contentful-paint',
            'total-blocking-time',
            'cumulative-layout-shift',
            'speed-index',
          ].map((id) => [id, lhr.audits[id]?.numericValue ?? null]),
        ),
      );
    } finally {
      await chrome.kill();
    }
  }
  return out;
}
