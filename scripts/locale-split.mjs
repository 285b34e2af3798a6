// Issue 29, the first visit's bytes: paraglide compiles every message into a module holding all
// four languages, so every phone downloaded (and precached) each text four times: 35% of the
// built JavaScript. A household reads one language. In the build (not in dev or the tests),
// this plugin keeps the base language (English) in the message modules, the fallback that is
// always there, and moves the others into one small file per chunk and language,
// `tr-<chunk>-<locale>-<hash>.js`. Each chunk with messages starts by awaiting its file in the
// current language (a top-level await), so its messages are complete before any of its code
// runs; src/lib/i18n/translated.ts loads them and, on a change of language, the new language's
// files of every chunk already loaded. The service worker precaches only the household's
// language (src/sw.ts).
import { createHash } from 'node:crypto';

/** Paraglide's compiled message modules (not the index, which only re-exports them). */
export const MESSAGE_MODULE = /src[\\/]paraglide[\\/]messages[\\/](?!_)([^\\/]+)\.js$/;

/**
 * A texts file's name; its locale is the first group. src/lib/pwa/kept-texts.ts has the same
 * pattern (the worker cannot import this file; tests/unit/kept-texts.test.ts holds them equal).
 */
export const TEXTS_FILE = /(?:^|\/)tr-[\w-]+-([a-z]{2,3})-[\w-]{8}\.js$/;

/** The global a chunk's first line calls; src/lib/i18n/translated.ts sets it. */
export const LOADER_GLOBAL = '__anyamTr';

/** The chunk-level variable a message module reads its texts from (see chunkPrologue). */
const TEXTS = '__anyamTexts';

/**
 * One language's text of a message as code: the template itself when the message takes no
 * input, else a function of its inputs `i`.
 */
function textSource(params, template) {
  return params === '()' ? template : `(i)=>${template}`;
}

/**
 * One compiled message module, rewritten: `code` is the message built by translated.ts's
 * `message` from the chunk's texts (`__anyamTexts`, read by the message's key, which
 * renderChunk turns into its place in the chunk's files) and the base language's text; `texts`
 * maps each other language to its text's source. Throws on any other shape than paraglide's
 * template-literal messages, so that an upgrade that changes its output fails the build.
 * @param {string} code
 * @param {string} key
 * @param {{ baseLocale: string, locales: readonly string[], translatedImport: string }} options
 * @returns {{ code: string, texts: Record<string, string> }}
 */
export function splitMessageModule(code, key, { baseLocale, locales, translatedImport }) {
  /** @type {Record<string, string>} */
  const texts = {};
  let base = '';
  for (const locale of locales) {
    const name = `${locale}_${key}`;
    const definition = new RegExp(
      `const ${name} = /\\*\\*(?:[^*]|\\*(?!/))*\\*/ (\\((?:i)?\\)) => \\{\\n\\treturn /\\*\\* @type \\{LocalizedString\\} \\*/ \\((\`(?:[^\`\\\\]|\\\\.)*\`)\\)\\n\\};\\n`,
    );
    const found = definition.exec(code);
    if (!found) throw new Error(`locale-split: ${key}.js has no ${name} of the expected shape`);
    if (
      !code.includes(`\tif (locale === "${locale}") return ${name}(inputs)\n`) &&
      locale !== baseLocale
    ) {
      throw new Error(`locale-split: ${key}.js does not call ${name}`);
    }
    if (locale === baseLocale) base = textSource(found[1], found[2]);
    else texts[locale] = textSource(found[1], found[2]);
  }
  // Exported as itself, or (a key that is not all lower case) under its original name.
  const renamed = new RegExp(`^export \\{ ${key} as "[\\w]+" \\}$`, 'm').exec(code)?.[0];
  if (!renamed && !code.includes(`export const ${key} = `)) {
    throw new Error(`locale-split: ${key}.js does not export ${key}`);
  }
  const built = `/*@__PURE__*/ message(${TEXTS}, ${JSON.stringify(key)}, ${base})`;
  const out =
    `import { message } from ${JSON.stringify(translatedImport)};\n` +
    (renamed ? `const ${key} = ${built};\n${renamed}\n` : `export const ${key} = ${built};\n`);
  return { code: out, texts };
}

/**
 * A chunk's code with each message's key turned into its place in `keys` (the order of the
 * chunk's texts files), and the prologue before it.
 * @param {string} code
 * @param {readonly string[]} keys
 * @param {Record<string, string>} files locale → file name, next to the chunk
 */
export function withChunkTexts(code, keys, files) {
  let out = code;
  keys.forEach((key, index) => {
    const read = `(${TEXTS}, ${JSON.stringify(key)},`;
    if (!out.includes(read)) throw new Error(`locale-split: the chunk lost ${key}'s texts`);
    out = out.replaceAll(read, `(${TEXTS}, ${index},`);
  });
  return chunkPrologue(files) + out;
}

/**
 * One language's file for a chunk: its messages' functions in the chunk's order.
 * @param {readonly string[]} functions
 */
export function translationSource(functions) {
  return `export default[${functions.join(',')}];\n`;
}

/** A content hash in the shape of the build's own (8 URL-safe characters). */
export function contentHash(source) {
  return createHash('sha256').update(source).digest('base64url').slice(0, 8);
}

/**
 * The first line of a chunk whose messages have texts in `files` (locale → file name, next to
 * the chunk): the chunk's own code runs once its texts in the current language are in, and its
 * messages read them through the function it gets.
 * @param {Record<string, string>} files
 */
export function chunkPrologue(files) {
  return `const ${TEXTS} = await globalThis.${LOADER_GLOBAL}(import.meta.url,${JSON.stringify(files)});\n`;
}

/**
 * A built chunk's texts files (locale → file name next to it), read from its first line; empty
 * for a chunk without messages.
 * @param {string} code the chunk as written (minified)
 * @returns {Record<string, string>}
 */
export function chunkTextsFiles(code) {
  const files = new RegExp(`${LOADER_GLOBAL}\\(import\\.meta\\.url,\\{([^}]*)\\}\\)`).exec(code);
  /** @type {Record<string, string>} */
  const out = {};
  for (const [, locale, file] of (files?.[1] ?? '').matchAll(
    /"?(\w+)"?:[`"']\.\/([^`"']+)[`"']/g,
  )) {
    out[locale] = file;
  }
  return out;
}

/**
 * The Vite plugin (build only).
 * @param {{ baseLocale: string, locales: readonly string[], translatedModule: string }} options
 *   translatedModule: the absolute path of src/lib/i18n/translated.ts
 * @returns {import('vite').Plugin}
 */
export function localeSplit({ baseLocale, locales, translatedModule }) {
  /** @type {Map<string, Record<string, string>>} message key → locale → function source */
  const texts = new Map();
  /** @type {Map<string, string>} file name → source, emitted once the chunks are rendered */
  const files = new Map();
  const others = locales.filter((l) => l !== baseLocale);
  return {
    name: 'anyam-locale-split',
    apply: 'build',
    transform(code, id) {
      const match = MESSAGE_MODULE.exec(id);
      if (!match) return null;
      const key = match[1];
      const split = splitMessageModule(code, key, {
        baseLocale,
        locales,
        translatedImport: translatedModule,
      });
      texts.set(key, split.texts);
      return { code: split.code, map: null };
    },
    renderChunk(code, chunk) {
      const keys = chunk.moduleIds
        .map((id) => MESSAGE_MODULE.exec(id)?.[1])
        .filter((key) => key !== undefined && texts.has(key))
        .sort();
      if (keys.length === 0) return null;
      /** @type {Record<string, string>} */
      const named = {};
      for (const locale of others) {
        const source = translationSource(keys.map((key) => texts.get(key)[locale]));
        const stem = chunk.name.replace(/[^\w-]/g, '_');
        // The worker tells these apart by this shape (TEXTS_FILE, src/lib/pwa/kept-texts.ts).
        const fileName = `tr-${stem}-${locale}-${contentHash(source)}.js`;
        files.set(fileName, source);
        named[locale] = `./${fileName}`;
      }
      return { code: withChunkTexts(code, keys, named), map: null };
    },
    generateBundle(outputOptions, bundle) {
      const dir = Object.values(bundle).find((c) => c.type === 'chunk' && c.isEntry);
      const assets = dir ? dir.fileName.replace(/[^/]*$/, '') : '';
      for (const [fileName, source] of files) {
        this.emitFile({ type: 'asset', fileName: `${assets}${fileName}`, source });
      }
    },
  };
}
