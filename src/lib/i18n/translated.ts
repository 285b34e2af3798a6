import { getLocale, type Locale } from '../../paraglide/runtime.js';

/**
 * The texts of the languages other than English, loaded per chunk (scripts/locale-split.mjs).
 * In the build, every chunk that holds messages starts by awaiting its texts in the current
 * language through the global set below, and its messages read them through the function that
 * await returns. In dev and the tests the message modules keep all four languages and nothing
 * here is called. This module shares a chunk with paraglide's runtime (vite.config.ts), which
 * every chunk with messages imports: the global is set before any of them runs.
 */

type Inputs = Record<string, unknown>;
/** A text: the string itself, or a function of the message's inputs. */
type Text = string | ((inputs: Inputs) => string);
type Files = Partial<Record<Locale, string>>;
/** How a chunk's messages read its texts in a language, in the order of its files. */
type ChunkTexts = (locale: Locale) => readonly Text[] | undefined;

/** A chunk's texts in one language, in its messages' order; by the file's URL. */
const texts = new Map<string, Text[]>();
const loads = new Map<string, Promise<void>>();
/** Each loaded chunk's files (locale → URL), so that a change of language loads them all. */
const chunks: Files[] = [];

/** How many times each file has failed to load. */
const failures = new Map<string, number>();

function load(url: string): Promise<void> {
  let done = loads.get(url);
  if (!done) {
    // A failed load (offline, in a language never cached) may be tried again later. Chromium
    // keeps a module that failed to fetch as failed under its address until the page reloads,
    // so a retry asks under a new fragment: a module of its own, while the request (which drops
    // the fragment) is the same file, answered by the worker's cache or the network.
    const tries = failures.get(url) ?? 0;
    const asked = tries === 0 ? url : `${url}#retry-${tries}`;
    done = import(/* @vite-ignore */ asked).then((mod: { default: Text[] }) => {
      texts.set(url, mod.default);
    });
    done.catch(() => {
      loads.delete(url);
      failures.set(url, tries + 1);
    });
    loads.set(url, done);
  }
  return done;
}

/**
 * A chunk's first line: `files` are its texts per language, relative to the chunk (`base`).
 * Resolves, once the current language's file is in, to how the chunk's messages read their
 * texts. A file that cannot be fetched leaves the chunk's messages in English rather than
 * stopping the app.
 */
export async function chunkTexts(base: string, files: Files): Promise<ChunkTexts> {
  const urls: Files = {};
  for (const [locale, file] of Object.entries(files) as [Locale, string][]) {
    urls[locale] = new URL(file, base).href;
  }
  chunks.push(urls);
  const url = urls[getLocale()];
  if (url) await load(url).catch(() => undefined);
  return (locale) => {
    const of = urls[locale];
    return of === undefined ? undefined : texts.get(of);
  };
}

/**
 * A message as the build writes it: its text in the language shown (or the one asked for),
 * from its chunk's texts at `index`, English when that language's file is not in.
 */
export function message(texts: ChunkTexts, index: number, english: Text) {
  return (inputs: Inputs = {}, options: { locale?: Locale } = {}): string => {
    const locale = options.locale ?? getLocale();
    const text = (locale !== 'en' && texts(locale)?.[index]) || english;
    return typeof text === 'string' ? text : text(inputs);
  };
}

/**
 * Loads the texts in `locale` of every chunk loaded so far (chunks loaded later load their own).
 * Rejects when one cannot be fetched: offline, in a language this phone has never used.
 */
export async function loadTexts(locale: Locale): Promise<void> {
  await Promise.all(chunks.flatMap((urls) => (urls[locale] ? [load(urls[locale])] : [])));
}

(globalThis as { __anyamTr?: typeof chunkTexts }).__anyamTr = chunkTexts;
