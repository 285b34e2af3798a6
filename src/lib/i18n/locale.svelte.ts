import {
  getLocale,
  locales,
  overwriteGetLocale,
  setLocale,
  type Locale,
} from '../../paraglide/runtime.js';
import { loadTexts } from './translated';

/**
 * The UI language as rune state. Paraglide resolves the first language from localStorage, then
 * navigator.languages, then English; switching persists through its localStorage strategy.
 * The shell re-renders under {#key} when `current` changes, since message functions read the
 * locale when called and are not reactive by themselves.
 */
class LocaleState {
  current = $state<Locale>(getLocale());

  readonly all: readonly Locale[] = locales;

  /**
   * Shows `locale` now. In the build, messages whose texts in it are not loaded yet read English:
   * a person's choice goes through `switchTo`.
   */
  set(locale: Locale): void {
    void setLocale(locale, { reload: false });
    this.current = locale;
    applyDocumentLanguage(locale);
  }

  /**
   * Switches once the new language's texts are in (in the build each language is its own
   * files: see translated.ts). Rejects, changing nothing, when they cannot be fetched: offline,
   * in a language this phone has not used before.
   */
  async switchTo(locale: Locale): Promise<void> {
    await loadTexts(locale);
    this.set(locale);
  }
}

/** BCP 47 tags used for Intl formatting in each UI language. */
export const INTL_LOCALE: Record<Locale, string> = {
  en: 'en-PH',
  id: 'id-ID',
  fil: 'fil-PH',
  vi: 'vi-VN',
};

/** The Intl tag of the current UI language (money, dates and numbers are formatted in it). */
export function intlLocale(): string {
  return INTL_LOCALE[locale.current];
}

export function applyDocumentLanguage(locale: Locale): void {
  document.documentElement.lang = locale;
}

export const locale = new LocaleState();

// Paraglide's own getLocale() walks its strategies (localStorage first) on every message call;
// the entries view calls several per row. Once resolved above, the rune state is the answer.
overwriteGetLocale(() => locale.current);
