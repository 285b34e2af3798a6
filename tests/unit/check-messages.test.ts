import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const SCRIPT = resolve('scripts/check-messages.mjs');

function project(messages: Record<string, Record<string, string>>): string {
  const dir = mkdtempSync(join(tmpdir(), 'anyam-messages-'));
  mkdirSync(join(dir, 'project.inlang'));
  mkdirSync(join(dir, 'messages', 'a'), { recursive: true });
  writeFileSync(
    join(dir, 'project.inlang', 'settings.json'),
    JSON.stringify({
      baseLocale: 'en',
      locales: Object.keys(messages),
      'plugin.inlang.messageFormat': { pathPattern: ['./messages/a/{locale}.json'] },
    }),
  );
  for (const [locale, m] of Object.entries(messages)) {
    writeFileSync(join(dir, 'messages', 'a', `${locale}.json`), JSON.stringify(m));
  }
  return dir;
}

const run = (cwd: string) => spawnSync(process.execPath, [SCRIPT], { cwd, encoding: 'utf8' });

describe('the build-time message check', () => {
  it('passes when every language has every key with the same placeholders', () => {
    const result = run(project({ en: { hi: 'Hi {name}' }, vi: { hi: 'Chào {name}' } }));
    expect(result.status).toBe(0);
  });

  it('fails the build when a language misses a key', () => {
    const result = run(project({ en: { hi: 'Hi', bye: 'Bye' }, vi: { hi: 'Chào' } }));
    expect(result.status).toBe(1);
    expect(result.stderr).toContain('vi: missing "bye"');
  });

  it('fails when a translation drops a placeholder', () => {
    const result = run(project({ en: { hi: 'Hi {name}' }, id: { hi: 'Halo' } }));
    expect(result.status).toBe(1);
    expect(result.stderr).toContain('id: "hi" has {}');
  });

  it('passes the real messages of the app', () => {
    expect(run(resolve('.')).status).toBe(0);
  });
});
