/**
 * Issue 24, item 9: no English left in the Indonesian, Filipino and Vietnamese screens. Every
 * message is compared with its English text; the same text is allowed only when it is nothing to
 * translate (placeholders and punctuation alone) or when it is listed below with the reason it is
 * really the word a speaker of that language uses. A listing that no longer matches fails too,
 * so the list never outgrows the messages. And a text that starts with a capital letter in
 * English starts with one in translation (a heading in lower case reads as a cut-off sentence).
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

type Messages = Record<string, string>;
const settings = JSON.parse(readFileSync('project.inlang/settings.json', 'utf8')) as {
  locales: string[];
  'plugin.inlang.messageFormat': { pathPattern: string[] };
};

function load(locale: string): Messages {
  const merged: Messages = {};
  for (const pattern of settings['plugin.inlang.messageFormat'].pathPattern) {
    const messages = JSON.parse(
      readFileSync(pattern.replace('{locale}', locale), 'utf8'),
    ) as Messages;
    for (const [key, text] of Object.entries(messages)) if (key !== '$schema') merged[key] = text;
  }
  return merged;
}

const LANGS = ['id', 'fil', 'vi'] as const;
type Lang = (typeof LANGS)[number];

/** Names that are the same in every language: the app's name, and each language's own name. */
const NAMES: Record<string, string> = {
  app_name: 'the app’s name, a brand',
  lang_en: 'each language is offered under its own name, so a person finds theirs',
  lang_id: 'each language is offered under its own name',
  lang_fil: 'each language is offered under its own name',
  lang_vi: 'each language is offered under its own name',
};

/** The same text as English, each with why a speaker of the language says it so. */
const SAME: Record<Lang, Record<string, string>> = {
  id: {
    ...NAMES,
    bk_csv_file_read: '“file” is the word this translation and Indonesian phones use (not “fail”)',
    bk_summary_file: '“file” is the word this translation and Indonesian phones use',
    bk_field_status: '“status” is standard Indonesian (KBBI)',
    bk_rf_status: '“status” is standard Indonesian (KBBI)',
    qa_status: '“status” is standard Indonesian (KBBI)',
    entries_filter_status: '“status” is standard Indonesian (KBBI)',
    dash_col_total: '“total” is standard Indonesian (KBBI)',
    entries_search_total: '“total” is standard Indonesian (KBBI)',
    hh_lock_pin: 'PIN is what Indonesian banks and phones call it',
    sample_warung: 'the English sample borrows the Indonesian word',
    pay_col_platform: '“platform” is standard Indonesian (KBBI), what gig workers say',
    str_platform: '“platform” is standard Indonesian (KBBI), what gig workers say',
    plan_cat_digital: '“digital” is standard Indonesian (KBBI)',
  },
  fil: {
    ...NAMES,
    hh_lock_pin: 'PIN is what Philippine banks and phones call it',
    pay_col_platform:
      'Taglish: online workers say “platform”, and every Filipino sentence of the pay view does',
    str_platform: 'Taglish: online workers say “platform”, as the pay view does',
    plan_cat_digital: '“digital” is the Filipino word too (dihital is not used)',
  },
  vi: { ...NAMES },
};

/** Nothing to translate: no letter outside the placeholders ("{from}: {changes}."). */
const nothingToTranslate = (text: string) => !/\p{L}/u.test(text.replace(/\{\w+\}/g, ''));

/**
 * Texts that start in lower case although English starts with a capital: a clause that follows
 * a colon, where English capitalises only because it starts with the name Anyam.
 */
const LOWER_START: Record<string, string> = {
  bk_why_unknown: 'a clause after “field:”; English starts with the name Anyam',
};

const en = load('en');
const startsUpper = (text: string) => /^\p{Lu}/u.test(text);
const startsLower = (text: string) => /^\p{Ll}/u.test(text);

describe.each(LANGS)('%s', (lang) => {
  const messages = load(lang);

  it('has no message left as its English text', () => {
    const leaks = Object.keys(en)
      .filter((key) => messages[key] === en[key] && !nothingToTranslate(en[key]!))
      .filter((key) => !(key in SAME[lang]))
      .map((key) => `${key}: "${en[key]}"`);
    expect(leaks).toEqual([]);
  });

  it('lists only texts that are still the same as English, each with a reason', () => {
    const stale = Object.entries(SAME[lang])
      .filter(([key, reason]) => messages[key] !== en[key] || reason.trim().length < 10)
      .map(([key]) => key);
    expect(stale).toEqual([]);
  });

  it('starts with a capital letter wherever English does', () => {
    const lower = Object.keys(en)
      .filter((key) => startsUpper(en[key]!) && startsLower(messages[key] ?? ''))
      .filter((key) => !(key in LOWER_START))
      .map((key) => `${key}: "${messages[key]}"`);
    expect(lower).toEqual([]);
  });
});

describe('the lists', () => {
  it('name languages the app has', () => {
    expect([...LANGS, 'en'].sort()).toEqual([...settings.locales].sort());
  });

  it('the lower-case exceptions are still lower case in some language', () => {
    for (const key of Object.keys(LOWER_START)) {
      expect(LANGS.some((lang) => startsLower(load(lang)[key] ?? ''))).toBe(true);
    }
  });
});
