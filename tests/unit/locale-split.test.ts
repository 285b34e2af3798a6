import { readFileSync, readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  chunkPrologue,
  chunkTextsFiles,
  splitMessageModule,
  translationSource,
  withChunkTexts,
} from '../../scripts/locale-split.mjs';

// The build's per-language split of paraglide's messages (issue 29, the first visit's bytes).

const OPTIONS = {
  baseLocale: 'en',
  locales: ['en', 'id', 'fil', 'vi'],
  translatedImport: '/src/lib/i18n/translated.ts',
};
const compiled = (key: string) => readFileSync(`src/paraglide/messages/${key}.js`, 'utf8');
const texts = (locale: string) => {
  const all: Record<string, string> = {};
  for (const group of readdirSync('messages')) {
    Object.assign(all, JSON.parse(readFileSync(`messages/${group}/${locale}.json`, 'utf8')));
  }
  return all;
};

/** Runs a rewritten message module with the chunk's texts given, as the build's chunk would. */
async function run(code: string, chunkTexts: Record<string, unknown[]>) {
  const { message } = await import('../../src/lib/i18n/translated');
  Object.assign(globalThis, {
    __testMessage: message,
    __testTexts: (locale: string) => chunkTexts[locale],
  });
  const source =
    'const message = globalThis.__testMessage, __anyamTexts = globalThis.__testTexts;\n' +
    code
      .replace(/^export const (\w+) = /m, 'export default ')
      .replace(/^const (\w+) = (.*);\nexport .*\n/m, 'export default $2;');
  const mod = (await import(
    /* @vite-ignore */ `data:text/javascript,${encodeURIComponent(source)}`
  )) as {
    default: (inputs?: Record<string, unknown>, options?: { locale?: string }) => string;
  };
  return mod.default;
}

describe('splitMessageModule', () => {
  it('keeps English in the module and moves each other language out, the text unchanged', () => {
    const { code, texts: out } = splitMessageModule(
      compiled('settings_title'),
      'settings_title',
      OPTIONS,
    );
    expect(code).toContain(`\`${texts('en').settings_title}\``);
    for (const locale of ['id', 'fil', 'vi']) {
      expect(code).not.toContain(texts(locale).settings_title);
      expect(out[locale]).toBe(`\`${texts(locale).settings_title}\``);
    }
    expect(Object.keys(out).sort()).toEqual(['fil', 'id', 'vi']);
  });

  it('a message with inputs becomes a function of them in every language', async () => {
    const key = 'dash_score_title';
    const { code, texts: out } = splitMessageModule(compiled(key), key, OPTIONS);
    const vi = (0, eval)(out.vi!) as (i: { month: string }) => string;
    expect(vi({ month: 'T6' })).toBe(texts('vi')[key]!.replace('{month}', 'T6'));
    // As in its chunk: numbered, the prologue (a top-level await) left out.
    const numbered = withChunkTexts(code.replace(/^import .*\n/, ''), [key], {});
    const msg = await run(numbered.slice(numbered.indexOf('\n') + 1), { vi: [vi] });
    expect(msg({ month: 'T6' }, { locale: 'vi' })).toBe(vi({ month: 'T6' }));
    expect(msg({ month: 'June' }, { locale: 'en' })).toBe('Resilience score, June');
    // Indonesian's file is not in: English rather than nothing.
    expect(msg({ month: 'June' }, { locale: 'id' })).toBe('Resilience score, June');
  });

  it('a key with capitals keeps its exported name', () => {
    const { code } = splitMessageModule(compiled('bk_rf_fundedby1'), 'bk_rf_fundedby1', OPTIONS);
    expect(code).toContain('export { bk_rf_fundedby1 as "bk_rf_fundedBy" }');
    expect(code).not.toContain('export const');
  });

  it('refuses a module of any other shape, so a paraglide upgrade cannot ship English only', () => {
    const changed = compiled('settings_title').replace('return /** @type', 'return /** @kind');
    expect(() => splitMessageModule(changed, 'settings_title', OPTIONS)).toThrow(/expected shape/);
    const noBranch = compiled('settings_title').replace(/\tif \(locale === "vi"\).*\n/, '');
    expect(() => splitMessageModule(noBranch, 'settings_title', OPTIONS)).toThrow(/does not call/);
  });
});

describe('a chunk and its texts files', () => {
  it('numbers its messages in the order of its files and starts by awaiting them', () => {
    const a = splitMessageModule(compiled('settings_title'), 'settings_title', OPTIONS).code;
    const b = splitMessageModule(compiled('nav_dashboard'), 'nav_dashboard', OPTIONS).code;
    const chunk = `${a}\n${b}`.replace(/^import .*\n/gm, '');
    const files = { id: './tr-x-id-AAAAAAAA.js' };
    const out = withChunkTexts(chunk, ['nav_dashboard', 'settings_title'], files);
    expect(out.startsWith(chunkPrologue(files))).toBe(true);
    expect(out).toContain('(__anyamTexts, 0, `Dashboard`)');
    expect(out).toContain('(__anyamTexts, 1, `Settings`)');
    expect(out).not.toMatch(/__anyamTexts, "/);
  });

  it('refuses a chunk whose message lookups the bundler changed', () => {
    expect(() => withChunkTexts('const x = 1;', ['settings_title'], {})).toThrow(/lost/);
  });

  it("a language's file lists the texts in that order", async () => {
    const source = translationSource(['`Cài đặt`', '(i)=>`Tháng ${i?.month}`']);
    const url = `data:text/javascript,${encodeURIComponent(source)}`;
    const mod = (await import(/* @vite-ignore */ url)) as { default: unknown[] };
    expect(mod.default[0]).toBe('Cài đặt');
    expect((mod.default[1] as (i: object) => string)({ month: '6' })).toBe('Tháng 6');
  });
});

describe('chunkTextsFiles', () => {
  it("reads a built chunk's texts files from its first line, minified or not", () => {
    const files = { id: './tr-a-id-AAAAAAAA.js', vi: './tr-a-vi-BBBBBBBB.js' };
    const want = { id: 'tr-a-id-AAAAAAAA.js', vi: 'tr-a-vi-BBBBBBBB.js' };
    expect(chunkTextsFiles(`${chunkPrologue(files)}import{a}from"./x.js";`)).toEqual(want);
    const minified =
      'const e=await globalThis.__anyamTr(import.meta.url,{id:`./tr-a-id-AAAAAAAA.js`,vi:`./tr-a-vi-BBBBBBBB.js`});import{n as t}from"./i18n-runtime-B.js";';
    expect(chunkTextsFiles(minified)).toEqual(want);
    expect(chunkTextsFiles('import{n as t}from"./i18n-runtime-B.js";')).toEqual({});
  });
});
