// npm ci refuses a lock file that lacks an entry for any optional dependency, even one for another
// platform. The registry reachable here does not carry every platform build of some packages
// (@lix-js/sdk-darwin-arm64 0.17.0, a dependency of paraglide's SDK), so `npm install` cannot write
// their entries and `npm ci` then fails on every machine. This adds the missing entries, with the
// os/cpu read from the package name, so npm skips them without fetching. Run it after `npm install`;
// tests/unit/lockfile.test.ts fails when it is needed.
import { readFileSync, writeFileSync } from 'node:fs';

const PLATFORM = /-(darwin|linux|win32|freebsd|android)-(x64|arm64|ia32|arm)(?:-(gnu|musl|msvc))?$/;

export function missingOptionalEntries(lock) {
  const packages = lock.packages ?? {};
  const missing = [];
  for (const [path, pkg] of Object.entries(packages)) {
    for (const [name, range] of Object.entries(pkg.optionalDependencies ?? {})) {
      const candidates = [`${path}/node_modules/${name}`, `node_modules/${name}`];
      if (!candidates.some((c) => c in packages))
        missing.push({ name, range, path: `node_modules/${name}` });
    }
  }
  return missing;
}

function patch(file = 'package-lock.json') {
  const lock = JSON.parse(readFileSync(file, 'utf8'));
  const missing = missingOptionalEntries(lock);
  for (const { name, range, path } of missing) {
    const platform = PLATFORM.exec(name);
    lock.packages[path] = {
      version: range.replace(/^[\^~=]/, ''),
      ...(platform ? { cpu: [platform[2]] } : {}),
      optional: true,
      ...(platform ? { os: [platform[1]] } : {}),
    };
  }
  const [root, ...rest] = Object.entries(lock.packages);
  lock.packages = Object.fromEntries([root, ...rest.sort(([a], [b]) => (a < b ? -1 : 1))]);
  writeFileSync(file, JSON.stringify(lock, null, 2) + '\n');
  console.log(
    `patch-lock: added ${missing.length} optional entr${missing.length === 1 ? 'y' : 'ies'}`,
  );
}

if (process.argv[1]?.endsWith('patch-lock.mjs')) patch();
