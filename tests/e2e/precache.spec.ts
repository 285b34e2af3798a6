import { readdirSync } from 'node:fs';
import { expect, test } from './fixtures';
import { precacheManifest } from '../../bench/update-cost.mjs';

/**
 * What a first visit downloads for offline use (vite.config.ts, globIgnores): every chunk but
 * those fetched on first use, and a chunk's texts (tr-<chunk>-<language>, scripts/locale-split.mjs)
 * only with the chunk itself: texts for code the phone does not hold are bytes a prepaid plan
 * pays for nothing (issue 29: the first visit under 350 KB). Read from the build (`npm run
 * build` runs before the end-to-end tests).
 */
const HASHED = /-[\w-]{8}\.js$/;
const chunkOf = (file: string) => file.replace(HASHED, '').replace(/\./g, '_');

test("the precache leaves out the first-use chunks, and holds a chunk's texts only with it", () => {
  const urls = new Set(precacheManifest('dist').map((entry: { url: string }) => entry.url));
  const code = readdirSync('dist/assets').filter((f) => f.endsWith('.js') && !f.startsWith('tr-'));
  const precached = new Set(code.filter((f) => urls.has(`assets/${f}`)).map(chunkOf));
  const firstUse = code.filter((f) => !urls.has(`assets/${f}`)).map(chunkOf);
  expect(firstUse.sort()).toEqual(
    ['CsvImportFlow', 'SyncFlow', 'chartjs', 'decode', 'score-worker'].sort(),
  );
  const texts = [...urls].filter((url) => url.startsWith('assets/tr-'));
  expect(texts.length).toBeGreaterThan(30);
  for (const url of texts) {
    const chunk = url.replace(/^assets\/tr-/, '').replace(/-(id|fil|vi)-[\w-]{8}\.js$/, '');
    expect(precached.has(chunk), url).toBe(true);
  }
});
