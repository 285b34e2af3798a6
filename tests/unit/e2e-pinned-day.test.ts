import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

/*
 * The end-to-end suite failed on a fresh clone on 4 December and passed on 30 November (issue
 * 22): specs read the machine's day. Every spec now takes `test` from tests/e2e/fixtures.ts,
 * whose context starts on the pinned day, opens other contexts through newPinnedContext, and
 * builds node-side dates from the pinned day. This refuses a spec that slips past any of it.
 */
const E2E = join(__dirname, '..', 'e2e');

const files = readdirSync(E2E).filter((f) => f.endsWith('.ts') && f !== 'fixtures.ts');

export function dayLeaks(source: string): string[] {
  const found: string[] = [];
  if (/import\s*\{[^}]*\btest\b[^}]*\}\s*from\s*'@playwright\/test'/.test(source)) {
    found.push("takes test from '@playwright/test' instead of './fixtures'");
  }
  if (/\bbrowser\.new(?:Context|Page)\(/.test(source)) {
    found.push('opens a context whose clock is not pinned (use newPinnedContext)');
  }
  for (const line of source.split('\n')) {
    // Inside page.evaluate the browser's clock is pinned; elsewhere it is the machine's.
    if (/new Date\(\)|Date\.now\(\)/.test(line) && !/\/\/ machine clock: /.test(line)) {
      found.push(`reads the machine's day: ${line.trim()}`);
    }
  }
  return found;
}

describe('every e2e spec runs on the pinned day', () => {
  it('finds the ways a spec can read the machine’s day', () => {
    expect(dayLeaks("import { expect, test } from '@playwright/test';")).toHaveLength(1);
    expect(dayLeaks("import { type Page } from '@playwright/test';")).toEqual([]);
    expect(dayLeaks('  const context = await browser.newContext();')).toHaveLength(1);
    expect(dayLeaks('  const iso = new Date().toISOString();')).toHaveLength(1);
    expect(dayLeaks("import { expect, test, PINNED_NOW } from './fixtures';")).toEqual([]);
  });

  it.each(files)('%s', (file) => {
    expect(dayLeaks(readFileSync(join(E2E, file), 'utf8'))).toEqual([]);
  });
});
