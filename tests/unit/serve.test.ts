import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { request } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { acceptsGzip, startServer } from '../../scripts/serve.mjs';

let root: string;
let server: { url: string; close: () => Promise<void> };
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
  writeFileSync(join(root, 'index.html'), '<!doctype html><title>Anyam</title>');
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
    expect([...png.body]).toEqual([137, 80, 78, 71]);
    const page = await get('/some/deep/link', { 'Accept-Encoding': 'gzip' });
    expect(gunzipSync(page.body).toString()).toContain('<title>Anyam</title>');
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
