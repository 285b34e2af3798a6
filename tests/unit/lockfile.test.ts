import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { missingOptionalEntries } from '../../scripts/patch-lock.mjs';

describe('package-lock.json', () => {
  it('has an entry for every optional dependency, so `npm ci` accepts it on a fresh machine', () => {
    const lock = JSON.parse(readFileSync('package-lock.json', 'utf8')) as object;
    // When this fails after `npm install`, run `node scripts/patch-lock.mjs`.
    expect(missingOptionalEntries(lock)).toEqual([]);
  });
});
