// One Content-Security-Policy for the server header and the static-hosting meta tag.
// Nothing here is loosened: the build inlines no script or style (Svelte emits CSS files,
// vite-plugin-pwa registers the worker from a file) except the chunk import map, a JSON
// `<script type="importmap">` that a script file cannot replace, and index.html's first script
// (a returning visit's database asked for before any module arrives: a file would cost a
// request first). Each is allowed by its own sha256 (computed from the built index.html), never
// by 'unsafe-inline'; every test runs under this policy.
import { createHash } from 'node:crypto';

export const CSP_DIRECTIVES = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data: blob:",
  "connect-src 'self'",
  "worker-src 'self'",
  "manifest-src 'self'",
  "font-src 'self'",
  "base-uri 'none'",
  "form-action 'none'",
  "object-src 'none'",
];

const INLINE_SCRIPT = /<script\b([^>]*)>([\s\S]*?)<\/script>/gi;

/**
 * `'sha256-…'` sources of the inline scripts of a page (scripts with a `src` have none). The
 * hash is of the exact text between the tags, as the browser computes it.
 */
export function inlineScriptHashes(html) {
  return [...html.matchAll(INLINE_SCRIPT)]
    .filter(([, attrs]) => !/\bsrc\s*=/.test(attrs))
    .map(([, , body]) => `'sha256-${createHash('sha256').update(body, 'utf8').digest('base64')}'`);
}

/** The directives with the given script hashes added to script-src (and nothing else). */
export function cspDirectives(scriptHashes = []) {
  return CSP_DIRECTIVES.map((d) =>
    d.startsWith('script-src ') && scriptHashes.length > 0 ? `${d} ${scriptHashes.join(' ')}` : d,
  );
}

/** frame-ancestors is ignored in a meta tag, so only the header carries it. */
export const cspHeader = (scriptHashes = []) =>
  [...cspDirectives(scriptHashes), "frame-ancestors 'none'"].join('; ');
export const cspMeta = (scriptHashes = []) => cspDirectives(scriptHashes).join('; ');

export const CSP_HEADER = cspHeader();
export const CSP_META = cspMeta();
