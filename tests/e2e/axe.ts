import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { AxeResults, default as Axe } from 'axe-core';
import type { Page } from '@playwright/test';

/** axe-core's minified build (the package's `source` is its 1.3 MB unminified one). */
const SOURCE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

/**
 * axe on the page as it is now, with axe's default rules (what `@axe-core/playwright`'s
 * `AxeBuilder` runs), at a fraction of its cost. `AxeBuilder.analyze()` evaluates axe's 1.3 MB
 * source in the page on every call, then opens a new blank page, evaluates the source there
 * too, finishes the run in it and closes it: that machinery exists for cross-origin iframes,
 * which Anyam has none of. Here the source is evaluated once per document (a hash route keeps
 * the document, so every view and dialog of a test reuses it; a reload evaluates it again) and
 * `axe.run` runs in the page itself. `tests/e2e/axe-helper.spec.ts` shows it finds what axe
 * finds.
 */
export class AxeBuilder {
  readonly #page: Page;
  readonly #include: string[] = [];

  constructor({ page }: { page: Page }) {
    this.#page = page;
  }

  /** Audit only what matches `selector` (may be called more than once). */
  include(selector: string): this {
    this.#include.push(selector);
    return this;
  }

  async analyze(): Promise<AxeResults> {
    const page = this.#page;
    if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(SOURCE);
    return page.evaluate((include) => {
      const run = (window as unknown as { axe: typeof Axe }).axe;
      return run.run(include.length > 0 ? { include, exclude: [] } : document);
    }, this.#include);
  }
}
