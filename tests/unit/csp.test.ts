import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { CSP_META, cspHeader, cspMeta, inlineScriptHashes } from '../../scripts/csp.mjs';

const sha = (text: string) => `'sha256-${createHash('sha256').update(text).digest('base64')}'`;

describe('scripts/csp.mjs', () => {
  it('hashes inline scripts only, byte for byte as written', () => {
    const map = '{"imports":{"/assets/x-AAAA.js":"/assets/x-BBBB.js"}}';
    const html = `<head><script type="importmap">${map}</script>
      <script type="module" crossorigin src="/assets/index-1.js"></script></head>`;
    expect(inlineScriptHashes(html)).toEqual([sha(map)]);
    expect(inlineScriptHashes('<script src="/a.js"></script>')).toEqual([]);
  });

  it('adds the hashes to script-src and loosens nothing else', () => {
    const policy = cspMeta(["'sha256-abc='"]);
    expect(policy).toContain("script-src 'self' 'sha256-abc='");
    expect(policy.replace(" 'sha256-abc='", '')).toBe(CSP_META);
    expect(policy).not.toMatch(/unsafe|\*/);
    expect(cspHeader()).toContain("frame-ancestors 'none'");
    expect(CSP_META).not.toContain('frame-ancestors');
  });
});
