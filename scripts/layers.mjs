/**
 * The layers of src/, lowest first (docs/design-notes.md, "Layers"). A module may import from its
 * own folder's layer or from a lower rank; folders that share a rank (the features lock and pwa,
 * charts and sync) do not import each other. Read by the ESLint rule below (eslint.config.js,
 * so `npm run check` refuses an upward import) and by tests/unit/layers.test.ts, which walks the
 * whole import graph.
 */
import { relative, resolve, dirname, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');

const UI_PACKAGES = ['svelte', 'chart.js'];

/**
 * `paths`, from the repository root: a folder ending in / (all below it), a folder ending in /*
 * (only the files directly in it) or a file. `packages`: npm packages the layer may not use.
 * A module in no layer is refused by tests/unit/layers.test.ts: a new folder must be placed.
 */
export const LAYERS = [
  {
    name: 'domain',
    rank: 0,
    paths: ['src/lib/domain/', 'src/lib/build-info.ts'],
    packages: [...UI_PACKAGES, 'dexie'],
  },
  { name: 'crypto', rank: 1, paths: ['src/lib/crypto/'], packages: [...UI_PACKAGES, 'dexie'] },
  { name: 'db', rank: 2, paths: ['src/lib/db/'], packages: UI_PACKAGES },
  { name: 'i18n', rank: 3, paths: ['src/lib/i18n/', 'src/paraglide/'], packages: [] },
  { name: 'lock', rank: 4, paths: ['src/lib/lock/'], packages: [] },
  { name: 'pwa', rank: 4, paths: ['src/lib/pwa/'], packages: [] },
  { name: 'state', rank: 5, paths: ['src/lib/state/'], packages: [] },
  { name: 'charts', rank: 6, paths: ['src/lib/charts/'], packages: ['dexie'] },
  { name: 'sync', rank: 6, paths: ['src/lib/sync/'], packages: [] },
  { name: 'ui', rank: 7, paths: ['src/lib/ui/'], packages: [] },
  { name: 'components', rank: 8, paths: ['src/components/'], packages: [] },
  { name: 'views', rank: 9, paths: ['src/views/'], packages: [] },
  { name: 'app', rank: 10, paths: ['src/*'], packages: [] },
];

/** The order as one line, for messages. */
export const LAYER_ORDER = [...new Set(LAYERS.map((l) => l.rank))]
  .map((rank) =>
    LAYERS.filter((l) => l.rank === rank)
      .map((l) => l.name)
      .join(' | '),
  )
  .join(' ← ');

/** An import names a module without its extension ('../build-info', './format.svelte'). */
function withoutExtension(path) {
  return path.replace(/\.(ts|js)$/, '');
}

/** The layer of a file (absolute path), or null outside src/. The longest matching path wins. */
export function layerOf(file) {
  const path = relative(ROOT, file).split(sep).join('/');
  let best = null;
  let bestLength = -1;
  for (const layer of LAYERS) {
    for (const p of layer.paths) {
      const hit = p.endsWith('/*')
        ? dirname(path) === p.slice(0, -2)
        : p.endsWith('/')
          ? path.startsWith(p)
          : path === p || withoutExtension(path) === withoutExtension(p);
      if (hit && p.length > bestLength) {
        best = layer;
        bestLength = p.length;
      }
    }
  }
  return best;
}

/** Why `from` may not import `to` (both layers), or null when it may. */
export function refusal(from, to) {
  if (from === to) return null;
  if (to.rank > from.rank) return `${from.name} sits below ${to.name}`;
  if (to.rank === from.rank) return `${from.name} and ${to.name} are features side by side`;
  return null;
}

/** Why a file in `from` may not use the package `specifier`, or null. */
export function packageRefusal(from, specifier) {
  const used = from.packages.find((p) => specifier === p || specifier.startsWith(`${p}/`));
  return used ? `${from.name} does not use ${used}` : null;
}

/** The ESLint rule: every import, re-export and dynamic import() of a file is checked. */
const rule = {
  meta: {
    type: 'problem',
    docs: { description: 'Imports point down the layers of scripts/layers.mjs.' },
    schema: [],
    messages: {
      upward: "'{{specifier}}' is in {{to}}: {{why}} ({{order}}).",
      package: "'{{specifier}}': {{why}}.",
    },
  },
  create(context) {
    const file = context.physicalFilename ?? context.filename;
    const from = layerOf(file);
    if (!from) return {};
    function check(source) {
      if (source?.type !== 'Literal' || typeof source.value !== 'string') return;
      const specifier = source.value;
      if (specifier.startsWith('.')) {
        const to = layerOf(resolve(dirname(file), specifier));
        const why = to && refusal(from, to);
        if (why) {
          const data = { specifier, to: to.name, why, order: LAYER_ORDER };
          context.report({ node: source, messageId: 'upward', data });
        }
        return;
      }
      const why = packageRefusal(from, specifier);
      if (why) context.report({ node: source, messageId: 'package', data: { specifier, why } });
    }
    return {
      ImportDeclaration: (node) => check(node.source),
      ExportNamedDeclaration: (node) => check(node.source),
      ExportAllDeclaration: (node) => check(node.source),
      ImportExpression: (node) => check(node.source),
    };
  },
};

export const layersPlugin = { meta: { name: 'anyam-layers' }, rules: { imports: rule } };
