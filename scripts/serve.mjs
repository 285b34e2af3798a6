// Serves a built Anyam (dist/ by default) on loopback with the security headers.
// Used by `npm start`, the e2e suite and the benchmark.
import { createServer } from 'node:http';
import { createReadStream, existsSync, readFileSync, statSync } from 'node:fs';
import { extname, join, normalize, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { CSP_HEADER, cspHeader, inlineScriptHashes } from './csp.mjs';

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.webmanifest': 'application/manifest+json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.txt': 'text/plain; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
};

/** Text types are sent gzipped to a browser that accepts it, as any real host would. */
const COMPRESSIBLE = new Set([
  '.html',
  '.js',
  '.mjs',
  '.css',
  '.json',
  '.webmanifest',
  '.svg',
  '.txt',
  '.map',
]);

/**
 * Unhashed files that must be fresh on every load (the page, the worker, the manifest). Icons and
 * the logo may be an hour old: with no-cache, Chromium asked for /logo.svg three times while a
 * first visit drew it three times (boot header, onboarding). The service worker's precache fetches
 * them by revision anyway.
 */
const REVALIDATED = new Set(['.html', '.js', '.mjs', '.json', '.webmanifest']);

/** One gzip per file version: a build's files never change while served, a rebuild's do. */
const gzipCache = new Map();

function gzipped(file) {
  const { mtimeMs, size } = statSync(file);
  const key = `${file}|${mtimeMs}|${size}`;
  let body = gzipCache.get(key);
  if (!body) {
    body = gzipSync(readFileSync(file), { level: 9 });
    gzipCache.set(key, body);
  }
  return body;
}

/** `gzip` (or `*`) listed in Accept-Encoding without `q=0`. */
export function acceptsGzip(header = '') {
  return header.split(',').some((part) => {
    const [coding, ...params] = part.trim().toLowerCase().split(';');
    const q = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
    return (coding === 'gzip' || coding === '*') && (q === undefined || Number(q.slice(2)) > 0);
  });
}

/**
 * The policy for a page: the base policy plus the hashes of the page's inline scripts (the
 * build's chunk import map), read from the file being served, once per file version.
 */
const htmlPolicies = new Map();
function policyFor(file) {
  if (extname(file) !== '.html') return CSP_HEADER;
  const { mtimeMs, size } = statSync(file);
  const key = `${file}|${mtimeMs}|${size}`;
  let policy = htmlPolicies.get(key);
  if (!policy) {
    policy = cspHeader(inlineScriptHashes(readFileSync(file, 'utf8')));
    htmlPolicies.set(key, policy);
  }
  return policy;
}

const SECURITY_HEADERS = {
  'Content-Security-Policy': CSP_HEADER,
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Permissions-Policy': 'camera=(), microphone=(), geolocation=()',
};

/**
 * Starts the server and resolves with `{ url, close(), setRoot(dir) }`. setRoot lets the update
 * test serve a second build at the same origin, as a redeploy would.
 * `mounts` (optional) serves other directories under URL prefixes at the same origin, e.g.
 * `{ '/__bench/': 'dist-bench-harness' }` (the benchmark's harness must share the app's origin
 * to reach its IndexedDB); paths outside every prefix are served from `root` as before.
 * `onRequest` (optional) is told of every response once sent: `{ path, status, bytes, at }`
 * (bytes as sent, gzip when gzipped; `at`: when the request arrived, epoch ms), so the benchmark can count what a first
 * visit downloads, service-worker fetches included.
 */
export function startServer({
  root = 'dist',
  host = '127.0.0.1',
  port = 4173,
  mounts = {},
  onRequest = null,
} = {}) {
  let rootDir = resolve(root);
  const mounted = Object.entries(mounts).map(([prefix, dir]) => [
    prefix.endsWith('/') ? prefix : `${prefix}/`,
    resolve(dir),
  ]);
  const server = createServer((req, res) => {
    if (onRequest) {
      const url = req.url ?? '/';
      const at = Date.now();
      let bytes = 0;
      const write = res.write.bind(res);
      const end = res.end.bind(res);
      res.write = (chunk, ...rest) => {
        if (chunk) bytes += Buffer.byteLength(chunk);
        return write(chunk, ...rest);
      };
      res.end = (chunk, ...rest) => {
        if (chunk && typeof chunk !== 'function') bytes += Buffer.byteLength(chunk);
        return end(chunk, ...rest);
      };
      res.on('finish', () => onRequest({ path: url, status: res.statusCode, bytes, at }));
    }
    let path = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
    let base = rootDir;
    for (const [prefix, dir] of mounted) {
      if (path === prefix.slice(0, -1) || path.startsWith(prefix)) {
        base = dir;
        path = path.slice(prefix.length - 1) || '/';
        break;
      }
    }
    let file = normalize(join(base, path));
    if (!file.startsWith(base)) {
      res.writeHead(403).end();
      return;
    }
    if (!existsSync(file) || statSync(file).isDirectory()) {
      // Hash routing needs no fallback, but a deep link to a path still gets the app.
      file = extname(path) ? '' : join(base, 'index.html');
    }
    if (!file || !existsSync(file)) {
      res.writeHead(404, { ...SECURITY_HEADERS, 'Content-Type': 'text/plain' }).end('Not found');
      return;
    }
    const hashed = path.startsWith('/assets/');
    const headers = {
      ...SECURITY_HEADERS,
      'Content-Security-Policy': policyFor(file),
      'Content-Type': TYPES[extname(file)] ?? 'application/octet-stream',
      'Cache-Control': hashed
        ? 'public, max-age=31536000, immutable'
        : REVALIDATED.has(extname(file))
          ? 'no-cache'
          : 'public, max-age=3600',
    };
    if (COMPRESSIBLE.has(extname(file))) {
      headers.Vary = 'Accept-Encoding';
      if (acceptsGzip(req.headers['accept-encoding'])) {
        const body = gzipped(file);
        res.writeHead(200, {
          ...headers,
          'Content-Encoding': 'gzip',
          'Content-Length': body.length,
        });
        res.end(req.method === 'HEAD' ? undefined : body);
        return;
      }
    }
    res.writeHead(200, headers);
    if (req.method === 'HEAD') res.end();
    else createReadStream(file).pipe(res);
  });
  const sockets = new Set();
  server.on('connection', (s) => {
    sockets.add(s);
    s.on('close', () => sockets.delete(s));
  });
  return new Promise((ok, fail) => {
    server.once('error', fail);
    server.listen(port, host, () => {
      const { port: actual } = server.address();
      ok({
        url: `http://${host}:${actual}`,
        setRoot: (dir) => {
          rootDir = resolve(dir);
        },
        close: () =>
          new Promise((done) => {
            for (const s of sockets) s.destroy();
            server.close(() => done());
          }),
      });
    });
  });
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const root = process.argv[2] ?? 'dist';
  const port = Number(process.env.PORT ?? 4173);
  const { url } = await startServer({ root, port });
  console.log(`Anyam is served at ${url}/ (Ctrl+C stops it)`);
}
