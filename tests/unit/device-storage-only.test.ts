/**
 * Issue 24, "one device store": no module but lib/state/device.svelte.ts touches localStorage
 * (Paraglide's generated runtime keeps its own language key, src/paraglide). Before, four places
 * read and wrote keys of their own, one of them unguarded after a save. One other key has an
 * owner of its own since issue 29: the last score (lib/db/score-snapshot.ts), which every write
 * of the data layer drops, and which the data layer cannot reach through the device store (a
 * layer above it). It reaches localStorage in one guarded function, `storage()`.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

const SRC = join(import.meta.dirname, '../../src');
const OWNER = 'lib/state/device.svelte.ts';
const SNAPSHOT_OWNER = 'lib/db/score-snapshot.ts';

function files(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === 'paraglide' ? [] : files(path);
    return /\.(ts|svelte)$/.test(entry.name) ? [path] : [];
  });
}

/** Code lines that use localStorage (comments, which may name it, left out). */
function uses(path: string): string[] {
  return readFileSync(path, 'utf8')
    .split('\n')
    .filter((line) => !/^\s*(\*|\/\/|\/\*)/.test(line) && /\blocalStorage\b/.test(line));
}

describe('localStorage', () => {
  it('is read and written by the device store only', () => {
    const found = files(SRC)
      .filter((path) => ![OWNER, SNAPSHOT_OWNER].includes(relative(SRC, path)))
      .flatMap((path) => uses(path).map((line) => `${relative(SRC, path)}: ${line.trim()}`));
    expect(found).toEqual([]);
    expect(uses(join(SRC, OWNER)).length).toBeGreaterThan(0);
  });

  it("is reached by the last score's module in its guarded storage() only", () => {
    expect(uses(join(SRC, SNAPSHOT_OWNER))).toEqual([
      '    return globalThis.localStorage ?? null;',
    ]);
  });
});
