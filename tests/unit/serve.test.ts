import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { request } from 'node:http';
import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { acceptsGzip, startServer } from '../../scripts/serve.mjs';

let root: string;
let server: { url: string; close: () => Promise<void> };
const importMap =
  '<script type="importmap">{"imports":{"/assets/a-1.js":"/assets/a-2.js"}}</script>';
const script = `export const anyam = ${JSON.stringify('x'.repeat(5000))};\n`;

/** A raw GET (fetch would decode the body and hide what was sent). */
function get(path: string, headers: Record<string, string> = {}) {
  return new Promise<{ status: number; headers: Record<string, unknown>; body: Buffer }>(
    (resolve, reject) => {
      const req = request(`${server.url}${path}`, { headers }, (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () =>
          resolve({
            status: res.statusCode ?? 0,
            headers: res.headers,
            body: Buffer.concat(chunks),
          }),
        );
      });
      req.on('error', reject);
      req.end();
    },
  );
}

beforeAll(async () => {
  root = mkdtempSync(join(tmpdir(), 'anyam-serve-'));
  mkdirSync(join(root, 'assets'));
  writeFileSync(join(root, 'index.html'), `<!doctype html><title>Anyam</title>${importMap}`);
  writeFileSync(join(root, 'assets', 'app-123.js'), script);
  writeFileSync(join(root, 'icon.png'), Buffer.from([137, 80, 78, 71]));
  server = await startServer({ root, port: 0 });
});

afterAll(async () => {
  await server.close();
  rmSync(root, { recursive: true, force: true });
});

describe('scripts/serve.mjs', () => {
  it('gzips scripts for a browser that accepts gzip, with the security headers', async () => {
    const res = await get('/assets/app-123.js', { 'Accept-Encoding': 'gzip, deflate, br' });
    expect(res.status).toBe(200);
    expect(res.headers['content-encoding']).toBe('gzip');
    expect(res.headers['vary']).toBe('Accept-Encoding');
    expect(res.headers['content-security-policy']).toContain("default-src 'none'");
    expect(res.headers['cache-control']).toContain('immutable');
    expect(res.body.length).toBeLessThan(script.length / 10);
    expect(gunzipSync(res.body).toString()).toBe(script);
  });

  it('sends the file as it is to a client that does not accept gzip', async () => {
    const res = await get('/assets/app-123.js');
    expect(res.headers['content-encoding']).toBeUndefined();
    expect(res.body.toString()).toBe(script);
  });

  it('never compresses images, and serves the app for a deep link', async () => {
    const png = await get('/icon.png', { 'Accept-Encoding': 'gzip' });
    expect(png.headers['content-encoding']).toBeUndefined();
    expect(png.headers['cache-control']).toBe('public, max-age=3600');
    expect([...png.body]).toEqual([137, 80, 78, 71]);
    const page = await get('/some/deep/link', { 'Accept-Encoding': 'gzip' });
    expect(page.headers['cache-control']).toBe('no-cache');
    expect(gunzipSync(page.body).toString()).toContain('<title>Anyam</title>');
  });

  it("allows the page's import map by its hash, and no other inline script", async () => {
    const page = await get('/');
    const policy = String(page.headers['content-security-policy']);
    const hash = createHash('sha256')
      .update('{"imports":{"/assets/a-1.js":"/assets/a-2.js"}}')
      .digest('base64');
    expect(policy).toContain(`script-src 'self' 'sha256-${hash}';`);
    expect(policy).not.toContain('unsafe-inline');
    expect(policy).toContain("frame-ancestors 'none'");
    const js = await get('/assets/app-123.js');
    expect(js.headers['content-security-policy']).not.toContain('sha256');
  });

  it('reads Accept-Encoding with its weights', () => {
    expect(acceptsGzip('gzip, deflate, br, zstd')).toBe(true);
    expect(acceptsGzip('br;q=1.0, gzip;q=0.8')).toBe(true);
    expect(acceptsGzip('*')).toBe(true);
    expect(acceptsGzip('gzip;q=0')).toBe(false);
    expect(acceptsGzip('identity')).toBe(false);
    expect(acceptsGzip('x-gzip-ish')).toBe(false);
    expect(acceptsGzip(undefined)).toBe(false);
  });
});
