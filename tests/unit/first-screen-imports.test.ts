import { existsSync, readFileSync } from 'node:fs';
import { dirname, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

/*
 * A first visit's onboarding must be usable within 45 KB of JavaScript (docs/performance.md,
 * `npm run bench -- --only firstvisit`). What the entry chunk and the first onboarding screen
 * import statically is what loads before it; this reads that graph from the sources (a regex,
 * like tests/unit/layers.test.ts) and names what must stay out of it: the schemas (valibot), the
 * lock beyond "is there one", and onboarding's second step.
 */

const ROOT = resolve(__dirname, '../..');
const STATIC_IMPORT = /^\s*(?:import|export)\s+(?!type\s)(?:[^'";]*?\sfrom\s+)?['"]([^'"]+)['"]/gm;

function resolveFile(from: string, specifier: string): string | null {
  const base = resolve(dirname(from), specifier);
  for (const file of [base, `${base}.ts`, base.replace(/\.js$/, '.ts'), `${base}/index.ts`]) {
    if (existsSync(file) && /\.(ts|js|svelte)$/.test(file)) return file;
  }
  return null;
}

/** Every file and package `entries` reach through static imports (src/paraglide not entered). */
function staticGraph(...entries: string[]): Set<string> {
  const seen = new Set<string>();
  const queue = entries.map((e) => resolve(ROOT, e));
  while (queue.length > 0) {
    const file = queue.pop()!;
    const name = relative(ROOT, file);
    if (seen.has(name)) continue;
    seen.add(name);
    if (name.startsWith('src/paraglide/')) continue;
    const text = readFileSync(file, 'utf8');
    for (const [, specifier] of text.matchAll(STATIC_IMPORT)) {
      if (!specifier) continue;
      if (!specifier.startsWith('.')) {
        seen.add(`package:${specifier.split('/')[0]}`);
        continue;
      }
      const target = resolveFile(file, specifier);
      if (target) queue.push(target);
    }
  }
  return seen;
}

describe("a first visit's onboarding loads only what its first screen needs", () => {
  const graph = staticGraph('src/main.ts', 'src/views/onboarding/OnboardingView.svelte');

  it('reads the graph (the first screen and the shell are in it)', () => {
    expect(graph).toContain('src/App.svelte');
    expect(graph).toContain('src/views/onboarding/HouseholdStep.svelte');
    expect(graph).toContain('src/components/NameField.svelte');
    expect(graph).toContain('src/lib/state/lock-gate.svelte.ts');
  });

  it('has no schemas (valibot): the fields read their limits from domain/text-limits.ts', () => {
    expect(graph).not.toContain('package:valibot');
    expect([...graph].filter((f) => /src\/lib\/domain\/schema/.test(f))).toEqual([]);
    expect(graph).toContain('src/lib/domain/text-limits.ts');
  });

  it('has no lock beyond the gate (idle timer, PIN, fingerprint load where a lock is set)', () => {
    expect(graph).not.toContain('src/lib/state/lock.svelte.ts');
    expect(graph).not.toContain('src/lib/domain/lock.ts');
  });

  it('has no second step (members, the finish): it loads once the first screen is up', () => {
    expect(graph).not.toContain('src/views/onboarding/MembersStep.svelte');
  });
});
