import { runInNewContext } from 'node:vm';
import { describe, expect, it } from 'vitest';
import { minifyInlineScripts } from '../../scripts/minify-inline-scripts.mjs';

/**
 * index.html's first script is downloaded twice on a first visit (the page and the service
 * worker's precache): the build ships it without its comments and indentation, and leaves every
 * other script as written (the import map is JSON; a module script has a src).
 */
describe('minifyInlineScripts', () => {
  it('minifies a classic inline script and keeps what it does', async () => {
    const html = `<head><script>
      // Why this runs first.
      (() => {
        const answer = 40 + 2;
        self.answer = answer;
      })();
    </script></head>`;
    const out = await minifyInlineScripts(html);
    const [, body] = /<script>([\s\S]*?)<\/script>/.exec(out) ?? [];
    expect(body).not.toContain('Why');
    expect(body!.length).toBeLessThan(60);
    const self: { answer?: number } = {};
    runInNewContext(body!, { self });
    expect(self.answer).toBe(42);
  });

  it('leaves the import map and module scripts as they are', async () => {
    const html =
      '<script type="importmap">{"imports":{"/a.js":"/b.js"}}</script>' +
      '<script type="module" src="/assets/index.js"></script>';
    expect(await minifyInlineScripts(html)).toBe(html);
  });

  it('refuses a script that does not parse, instead of shipping it broken', async () => {
    await expect(minifyInlineScripts('<script>(() => {</script>')).rejects.toThrow(/inline script/);
  });
});
