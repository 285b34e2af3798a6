import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { inputsHash, isCompiled } from '../../scripts/i18n.mjs';

// `npm run i18n` skips Paraglide's 16 s compile when src/paraglide was compiled from the same
// inputs: a changed text must never be skipped, an unchanged one never recompiled.
const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

function project(): string {
  const dir = mkdtempSync(join(tmpdir(), 'anyam-i18n-'));
  dirs.push(dir);
  mkdirSync(join(dir, 'project.inlang'));
  mkdirSync(join(dir, 'messages', 'shell'), { recursive: true });
  mkdirSync(join(dir, 'src', 'paraglide'), { recursive: true });
  writeFileSync(join(dir, 'package-lock.json'), '{"lockfileVersion":3}');
  writeFileSync(join(dir, 'project.inlang', 'settings.json'), '{"baseLocale":"en"}');
  writeFileSync(join(dir, 'messages', 'shell', 'en.json'), '{"hello":"Hello"}');
  writeFileSync(join(dir, 'messages', 'shell', 'id.json'), '{"hello":"Halo"}');
  return dir;
}

/** As the compile leaves it: the module, and the stamp of the inputs it was compiled from. */
function compiled(dir: string): void {
  writeFileSync(join(dir, 'src', 'paraglide', 'messages.js'), 'export {};');
  writeFileSync(join(dir, 'src', 'paraglide', '.inputs-sha256'), `${inputsHash(dir)}\n`);
}

describe('the texts compile is skipped only for the inputs it was made from', () => {
  it('is needed before any compile, and not after one with nothing changed', () => {
    const dir = project();
    expect(isCompiled(dir)).toBe(false);
    compiled(dir);
    expect(isCompiled(dir)).toBe(true);
    expect(inputsHash(dir)).toBe(inputsHash(dir));
  });

  it.each([
    ['a changed text', 'messages/shell/id.json', '{"hello":"Halo!"}'],
    ['a new group of texts', 'messages/loop/en.json', '{"due":"Due"}'],
    ['changed project settings', 'project.inlang/settings.json', '{"baseLocale":"id"}'],
    ['a changed lock file (another compiler)', 'package-lock.json', '{"lockfileVersion":4}'],
  ])('is needed again after %s', (_what, file, text) => {
    const dir = project();
    compiled(dir);
    mkdirSync(join(dir, file, '..'), { recursive: true });
    writeFileSync(join(dir, file), text);
    expect(isCompiled(dir)).toBe(false);
  });

  it('is needed when the compiled module is gone, whatever the stamp says', () => {
    const dir = project();
    compiled(dir);
    rmSync(join(dir, 'src', 'paraglide', 'messages.js'));
    expect(isCompiled(dir)).toBe(false);
  });

  it('ignores the files inlang writes into the project folder itself', () => {
    const dir = project();
    compiled(dir);
    writeFileSync(join(dir, 'project.inlang', 'README.md'), 'written by inlang');
    expect(isCompiled(dir)).toBe(true);
  });
});
