import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { ESLint } from 'eslint';
import tseslint from 'typescript-eslint';
import { describe, expect, it } from 'vitest';
import { LAYERS, layerOf, refusal, ROOT } from '../../scripts/layers.mjs';

/*
 * The layers of src/ point down (issue 24; scripts/layers.mjs, docs/design-notes.md "Layers"):
 * (a) `npm run check`'s ESLint refuses an upward import, shown on fixture texts linted through
 * ESLint's API with the project's own config as if they were files in src/; (b) the whole import
 * graph of src/, read with a regex, has no upward import and no cycle.
 */

describe('the lint fixture: ESLint refuses an upward import', () => {
  // eslint.config.js as `npm run check` runs it, less the type-aware rules: a fixture is no file
  // of the TypeScript project, and the layer rule reads only the import's path.
  const eslint = new ESLint({ cwd: ROOT, overrideConfig: tseslint.configs.disableTypeChecked });

  async function layerErrors(file: string, code: string): Promise<string[]> {
    const [result] = await eslint.lintText(code, { filePath: join(ROOT, file) });
    const fatal = result?.messages.find((message) => message.fatal);
    if (fatal) throw new Error(fatal.message);
    return (result?.messages ?? [])
      .filter((message) => message.ruleId === 'anyam/imports')
      .map((message) => message.message);
  }

  it.each([
    // The upward imports main had before issue 24, each as it was written.
    ['src/lib/i18n/fixture.ts', "import { intlLocale } from '../state/format.svelte';", 'state'],
    ['src/lib/state/fixture.ts', "import { displayName } from '../ui/sample-labels';", 'ui'],
    ['src/lib/lock/fixture.ts', "import type { PinLock } from '../state/device.svelte';", 'state'],
    ['src/lib/charts/fixture.ts', "import { displayName } from '../ui/sample-labels';", 'ui'],
    // Re-exports and dynamic imports count too; so does a feature reaching into its neighbour.
    ['src/lib/db/fixture.ts', "export { locale } from '../i18n/locale.svelte';", 'i18n'],
    [
      'src/lib/ui/fixture.ts',
      "export const v = () => import('../../views/pay/PayView.svelte');",
      'views',
    ],
    ['src/lib/sync/fixture.ts', "import { chartTheme } from '../charts/theme.svelte';", 'charts'],
    [
      'src/components/Fixture.svelte',
      '<script lang="ts">import X from \'../views/pay/PayView.svelte\';</script><X />',
      'views',
    ],
  ])('%s: %s', async (file, code, target) => {
    const errors = await layerErrors(file, `${code}\n`);
    expect(errors).toHaveLength(1);
    expect(errors[0]).toContain(`is in ${target}:`);
  });

  it('refuses UI and database packages in the domain', async () => {
    const errors = await layerErrors(
      'src/lib/domain/fixture.ts',
      "import Dexie from 'dexie';\nimport { tick } from 'svelte';\nexport const x = [Dexie, tick];\n",
    );
    expect(errors).toHaveLength(2);
  });

  it('lets an import point down or stay in its layer', async () => {
    const code = [
      "import { money } from './format.svelte';",
      "import { displayName } from '../i18n/sample-labels';",
      "import type { LockSettings } from '../domain/lock';",
      "import { bytesToBase64 } from '../crypto/base64';",
      'export const x = [money, displayName, bytesToBase64];',
      'export type Y = LockSettings;',
      '',
    ].join('\n');
    expect(await layerErrors('src/lib/state/fixture.ts', code)).toEqual([]);
  });
});

/** Every module of src/ (the generated src/paraglide is a target only) and what it imports. */
function importGraph(): Map<string, string[]> {
  const files: string[] = [];
  const walk = (dir: string) => {
    for (const name of readdirSync(dir)) {
      const path = join(dir, name);
      if (statSync(path).isDirectory()) {
        if (path !== join(ROOT, 'src', 'paraglide')) walk(path);
      } else if (/\.(ts|js|svelte)$/.test(name) && !name.endsWith('.d.ts')) files.push(path);
    }
  };
  walk(join(ROOT, 'src'));
  // import … from '…', import type … from '…', export … from '…', import '…', import('…').
  const statement =
    /(?:^|[\s;{}])(?:import|export)\s+(?:type\s+)?(?:[\w*{][^'";]*?\s*from\s*)?['"]([^'"]+)['"]|\bimport\(\s*['"]([^'"]+)['"]\s*\)/g;
  const graph = new Map<string, string[]>();
  for (const file of files) {
    const targets: string[] = [];
    for (const match of readFileSync(file, 'utf8').matchAll(statement)) {
      const specifier = match[1] ?? match[2]!;
      if (!specifier.startsWith('.')) continue;
      const base = resolve(dirname(file), specifier);
      const target = [base, `${base}.ts`, `${base}.js`, join(base, 'index.ts')].find(
        (path) => existsSync(path) && statSync(path).isFile(),
      );
      // A generated paraglide file may not be compiled yet; any other miss is a regex bug.
      if (!target && !base.includes(`${join('src', 'paraglide')}`)) {
        throw new Error(`${relative(ROOT, file)}: cannot resolve '${specifier}'`);
      }
      targets.push(target ?? base);
    }
    graph.set(file, targets);
  }
  return graph;
}

/** Strongly connected components with more than one module, or a module importing itself. */
function cycles(graph: Map<string, string[]>): string[][] {
  let next = 0;
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const found: string[][] = [];
  const visit = (v: string) => {
    index.set(v, next);
    low.set(v, next++);
    stack.push(v);
    onStack.add(v);
    for (const w of graph.get(v) ?? []) {
      if (!graph.has(w)) continue;
      if (!index.has(w)) {
        visit(w);
        low.set(v, Math.min(low.get(v)!, low.get(w)!));
      } else if (onStack.has(w)) {
        low.set(v, Math.min(low.get(v)!, index.get(w)!));
      }
    }
    if (low.get(v) === index.get(v)) {
      const component: string[] = [];
      let w: string;
      do {
        w = stack.pop()!;
        onStack.delete(w);
        component.push(relative(ROOT, w));
      } while (w !== v);
      if (component.length > 1 || graph.get(v)!.includes(v)) found.push(component.sort());
    }
  };
  for (const v of graph.keys()) if (!index.has(v)) visit(v);
  return found;
}

describe('the import graph of src/', () => {
  const graph = importGraph();

  it('is read whole (the regex finds the imports it must)', () => {
    const at = (path: string) => (graph.get(join(ROOT, path)) ?? []).map((t) => relative(ROOT, t));
    expect(graph.size).toBeGreaterThan(250);
    // As many edges as a plain search finds relative specifiers after `from` or `import`.
    const plain = [...graph.keys()]
      .map(
        (file) => readFileSync(file, 'utf8').match(/\b(?:from|import\(?)\s*['"]\./g)?.length ?? 0,
      )
      .reduce((a, b) => a + b, 0);
    expect(plain).toBeGreaterThan(1000);
    expect([...graph.values()].flat().length).toBe(plain);
    // A multi-line import, a type-only import and a dynamic import().
    expect(at('src/lib/state/lock.svelte.ts')).toEqual(
      expect.arrayContaining([
        'src/lib/domain/lock.ts',
        'src/lib/lock/pin.ts',
        'src/lib/lock/webauthn.ts',
        'src/lib/state/device.svelte.ts',
      ]),
    );
    expect(at('src/lib/lock/pin.ts')).toContain('src/lib/domain/lock.ts');
    expect(at('src/App.svelte').some((t) => t.startsWith('src/views/'))).toBe(true);
  });

  it('places every module in a layer', () => {
    const unplaced = [...graph.keys()].filter((file) => !layerOf(file));
    expect(unplaced).toEqual([]);
    expect(LAYERS.map((l) => l.name)).toEqual(
      expect.arrayContaining(['domain', 'db', 'i18n', 'state', 'ui', 'components', 'views']),
    );
  });

  it('has no upward import', () => {
    const upward: string[] = [];
    for (const [file, targets] of graph) {
      const from = layerOf(file)!;
      for (const target of targets) {
        const to = layerOf(target);
        const why = to && refusal(from, to);
        if (why) upward.push(`${relative(ROOT, file)} -> ${relative(ROOT, target)}: ${why}`);
      }
    }
    expect(upward).toEqual([]);
  });

  it('has no import cycle', () => {
    expect(cycles(graph)).toEqual([]);
  });

  it('the cycle finder finds one', () => {
    const a = join(ROOT, 'a.ts');
    const b = join(ROOT, 'b.ts');
    const c = join(ROOT, 'c.ts');
    expect(
      cycles(
        new Map([
          [a, [b]],
          [b, [c]],
          [c, [a]],
        ]),
      ),
    ).toEqual([['a.ts', 'b.ts', 'c.ts']]);
  });
});
