import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

/**
 * The JS and CSS a first visit must download before the shell paints: the entry script and
 * stylesheet in index.html and every module they import statically (followed through imports,
 * never through dynamic import(), which is what keeps views and Chart.js out of the shell).
 */
export function initialAssetSizes(distDir) {
  const html = readFileSync(join(distDir, 'index.html'), 'utf8');
  const entries = [...html.matchAll(/(?:src|href)="\/?(assets\/[^"]+\.(?:js|css))"/g)].map((m) => m[1]);
  const seen = new Set();
  const queue = [...entries];
  while (queue.length > 0) {
    const file = queue.shift();
    if (seen.has(file)) continue;
    seen.add(file);
    if (!file.endsWith('.js')) continue;
    const code = readFileSync(join(distDir, file), 'utf8');
    // Static imports only: `import ... from "./x.js"` and `import "./x.js"`, not `import("./x.js")`.
    for (const m of code.matchAll(/(?:^|[;}\s])import\s*(?:[^"'()]*?from\s*)?["']\.\/([^"']+\.js)["']/g)) {
      queue.push(`assets/${m[1]}`);
    }
  }
  const files = [...seen].map((name) => {
    const bytes = readFileSync(join(distDir, name));
    return { name, bytes: bytes.length, gzip: gzipSync(bytes, { level: 9 }).length };
  });
  const sum = (ext) => files.filter((f) => f.name.endsWith(ext)).reduce((s, f) => s + f.gzip, 0);
  return { files, jsGzip: sum('.js'), cssGzip: sum('.css') };
}
