// `npm run i18n`: compiles the texts (messages/) into src/paraglide with Paraglide, unless
// src/paraglide was already compiled from exactly these inputs. The compile takes about 16 s on
// 2 cores, and `npm ci && npm test` asked for it three times (prepare, test:unit, build) with
// nothing changed in between. `--force` compiles regardless.
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { pathToFileURL } from 'node:url';

const OUTDIR = 'src/paraglide';
const STAMP = join(OUTDIR, '.inputs-sha256');
const ARGS = [
  'compile',
  '--project',
  './project.inlang',
  '--outdir',
  `./${OUTDIR}`,
  '--strategy',
  'localStorage',
  'preferredLanguage',
  'baseLocale',
  '--emit-ts-declarations',
  '--silent',
];

/** Every file under `dir`, sorted, so the hash does not depend on the directory's order. */
function filesUnder(root, dir) {
  return readdirSync(join(root, dir), { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile())
    .map((entry) => relative(root, join(entry.parentPath, entry.name)))
    .sort();
}

/**
 * What the compiled texts depend on: the messages, the project settings, the arguments, and
 * the lock file (the Paraglide compiler and its message-format plugin come from there).
 */
export function inputsHash(root = '.') {
  const hash = createHash('sha256');
  hash.update(ARGS.join(' '));
  const files = [
    'package-lock.json',
    // The project's other files are inlang's own (its README, caches), rewritten as it likes.
    'project.inlang/settings.json',
    ...filesUnder(root, 'messages'),
  ];
  for (const file of files) {
    hash.update(`\0${file}\0`);
    hash.update(readFileSync(join(root, file)));
  }
  return hash.digest('hex');
}

/** Whether `root`'s src/paraglide holds the texts compiled from its inputs as they are now. */
export function isCompiled(root = '.') {
  const stamp = join(root, STAMP);
  return (
    existsSync(join(root, OUTDIR, 'messages.js')) &&
    existsSync(stamp) &&
    readFileSync(stamp, 'utf8').trim() === inputsHash(root)
  );
}

/** Compiles the texts and stamps src/paraglide with the inputs' hash. */
function compile() {
  const hash = inputsHash();
  const run = spawnSync(join('node_modules', '.bin', 'paraglide-js'), ARGS, { stdio: 'inherit' });
  if (run.status !== 0) process.exit(run.status ?? 1);
  writeFileSync(STAMP, `${hash}\n`);
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  if (isCompiled() && !process.argv.includes('--force')) {
    console.log('i18n: src/paraglide is compiled from these texts already');
  } else {
    compile();
  }
}
