// index.html's classic inline scripts, minified in the build: the page's own copy and the
// service worker's precached one are both downloaded, so each byte of comment or indentation
// counts twice against the first visit's 350 KB. Only `<script>` without attributes: the import
// map (JSON) and module scripts with a src are left as they are. The CSP hashes are computed
// afterwards, from the HTML as shipped (scripts/csp.mjs).
import { minify } from 'vite';

const CLASSIC_INLINE = /<script>([\s\S]*?)<\/script>/g;

/** The HTML with each classic inline script minified (the same code, without comments). */
export async function minifyInlineScripts(html) {
  const bodies = [...html.matchAll(CLASSIC_INLINE)].map(([, body]) => body);
  const minified = await Promise.all(
    bodies.map(async (body) => {
      const result = await minify('inline.js', body, {});
      if (result.errors.length > 0) {
        throw new Error(`inline script: ${result.errors.map((e) => e.message).join('; ')}`);
      }
      return result.code.trim();
    }),
  );
  let i = 0;
  return html.replace(CLASSIC_INLINE, () => `<script>${minified[i++]}</script>`);
}

/** The Vite plugin: build only (the dev server serves index.html as written). */
export function minifyInlineScriptsPlugin() {
  return {
    name: 'anyam-minify-inline-scripts',
    apply: 'build',
    transformIndexHtml: { order: 'post', handler: (html) => minifyInlineScripts(html) },
  };
}
