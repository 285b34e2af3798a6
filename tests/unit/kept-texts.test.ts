import { describe, expect, it } from 'vitest';
import { TEXTS_FILE as WRITTEN } from '../../scripts/locale-split.mjs';
import { TEXTS_FILE, keepLocales, splitManifest } from '../../src/lib/pwa/kept-texts';

// What the worker precaches and what it keeps per language (src/lib/pwa/kept-texts.ts).

const MANIFEST = [
  { url: 'index.html', revision: 'a' },
  { url: 'assets/index-AbCd1234.js', revision: null },
  { url: 'assets/tr-index-id-Zz_-9876.js', revision: null },
  { url: 'assets/tr-index-vi-Qq12ab34.js', revision: null },
  { url: 'assets/tr-dashboard-core-vi-Ww12ab34.js', revision: null },
  { url: 'assets/tr-index-fil-Pp12ab34.js', revision: null },
  // A chunk named like a language is not a texts file without its tr- prefix.
  { url: 'assets/first-screen-id-AbCd1234.js', revision: null },
];

it('the worker reads texts files by the shape the build writes them in', () => {
  expect(TEXTS_FILE.source).toBe(WRITTEN.source);
});

describe('splitManifest', () => {
  it('precaches everything but the texts files, which it groups by language', () => {
    const { precache, texts } = splitManifest(MANIFEST);
    expect(precache.map((e) => e.url)).toEqual([
      'index.html',
      'assets/index-AbCd1234.js',
      'assets/first-screen-id-AbCd1234.js',
    ]);
    expect(Object.fromEntries(texts)).toEqual({
      id: ['assets/tr-index-id-Zz_-9876.js'],
      vi: ['assets/tr-index-vi-Qq12ab34.js', 'assets/tr-dashboard-core-vi-Ww12ab34.js'],
      fil: ['assets/tr-index-fil-Pp12ab34.js'],
    });
  });
});

describe('keepLocales', () => {
  it("fetches the used languages' files that the cache lacks, and no other language's", async () => {
    const stored = new Set(['https://app.test/assets/tr-index-vi-Qq12ab34.js']);
    const added: string[][] = [];
    const cache = {
      match: (url: string) => Promise.resolve(stored.has(url) ? new Response('') : undefined),
      addAll: (urls: string[]) => {
        added.push(urls);
        return Promise.resolve();
      },
    } as unknown as Cache;
    const { texts } = splitManifest(MANIFEST);
    await keepLocales(cache, ['vi', 'en'], texts, 'https://app.test/');
    expect(added).toEqual([['https://app.test/assets/tr-dashboard-core-vi-Ww12ab34.js']]);
  });
});
