import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { precacheManifest } from '../../bench/update-cost.mjs';

// The update-cost bench line reads the precache list out of the minified sw.js; the minifier has
// written it in two shapes, and a bench that silently finds no files would report a false "0 KB".
const dirs: string[] = [];
function distWith(sw: string): string {
  const dir = mkdtempSync(join(tmpdir(), 'anyam-sw-'));
  dirs.push(dir);
  writeFileSync(join(dir, 'sw.js'), sw);
  return dir;
}
afterEach(() => dirs.splice(0).forEach((d) => rmSync(d, { recursive: true, force: true })));

describe('precacheManifest', () => {
  it('reads the JSON shape with revision first', () => {
    const dir = distWith(
      'x({url:e.href});K([{"revision":"abc","url":"index.html"},{"revision":null,"url":"assets/a-1.js"}])',
    );
    expect(precacheManifest(dir)).toEqual([
      { url: 'index.html', revision: 'abc' },
      { url: 'assets/a-1.js', revision: null },
    ]);
  });

  it('reads the unquoted shape with url first', () => {
    const dir = distWith('K([{url:"index.html",revision:"abc"},{url:"b.js",revision:null}])');
    expect(precacheManifest(dir)).toEqual([
      { url: 'index.html', revision: 'abc' },
      { url: 'b.js', revision: null },
    ]);
  });

  it('refuses a worker without a manifest instead of reporting nothing to download', () => {
    expect(() => precacheManifest(distWith('self.addEventListener("fetch",()=>{})'))).toThrow(
      /no precache manifest/,
    );
  });
});
