/**
 * Money as integer minor units of an ISO 4217 currency, as text: parsing what people type,
 * formatting with Intl, plain decimal strings for files, and exchange-rate values. Sums, scaling
 * and conversion between currencies are exact integer arithmetic in money-math.ts. Floats never
 * touch an amount: a float product such as 0.1 * 3 would drift by a sen and break rollup totals.
 */
import { AnyamError, type CurrencyCode, type MinorUnits } from './model';

/** One amount above 10^15 minor units (Rp 10 trillion, US$10 trillion) is rejected. */
export const MAX_MINOR = 1e15;
/**
 * No total the app adds up may pass 10^15 minor units either: all live entries of one currency,
 * their sum in the base currency, all live plans of one currency (totals.ts; every write and
 * restore checks it). Any sum of entries the views compute (a month, a stream, a window) is part
 * of one of these totals, so it stays at most 10^15, nine times below 2^53 (about 9.007 × 10^15):
 * even a plan's weekly cost made monthly (× 52 / 12) plus a month of income stays an exact integer.
 */
export const MAX_TOTAL_MINOR = 1e15;
const MAX_MINOR_BIG = BigInt(MAX_MINOR);

const CODE = /^[A-Z]{3}$/;

/**
 * Exponents pinned for the app's own currencies. Intl (CLDR) reports 0 digits for IDR in Node 20
 * (ICU 78) and Chromium 156 because the sen is no longer used in cash, but ISO 4217 says 2 and the
 * design stores IDR with 2, so bank statements with ",00" and backups stay ISO-compatible. Pinning
 * all four also keeps stored amounts meaning the same thing if a future ICU changes its data.
 */
const EXPONENT_OVERRIDES: Readonly<Record<string, number>> = { IDR: 2, PHP: 2, VND: 0, USD: 2 };

/** Shown without decimals: nobody prices anything in sen or xu. */
const NO_DECIMAL_DISPLAY = new Set(['IDR', 'VND']);

/** The decimals an amount of `currency` is shown and typed with (IDR and VND none). */
export function displayDecimals(currency: string): number {
  return NO_DECIMAL_DISPLAY.has(currency) ? 0 : currencyExponent(currency);
}

/** Ways people write these currencies that Intl does not produce as a symbol. */
const CURRENCY_ALIASES: Readonly<Record<string, readonly string[]>> = {
  IDR: ['Rp.', 'Rp'],
  PHP: ['₱', 'PhP'],
  VND: ['₫', 'đ', 'VNĐ'],
  USD: ['US$', '$'],
};

const exponentCache = new Map<string, number>();

function unknownCurrency(currency: unknown): AnyamError {
  return new AnyamError('money/unknown-currency', { currency });
}

function invalid(input: unknown): AnyamError {
  return new AnyamError('money/invalid', { input });
}

/** Three uppercase letters that Intl accepts (Intl accepts any well-formed code, e.g. 'XTS'). */
export function isCurrencyCode(code: unknown): code is CurrencyCode {
  if (typeof code !== 'string') return false;
  try {
    currencyExponent(code);
    return true;
  } catch {
    return false;
  }
}

/** A whole number of minor units that adds up exactly (units.ts `minor()` builds one). */
export function isMinorUnits(n: unknown): n is MinorUnits {
  return Number.isSafeInteger(n);
}

/** `n`, known by construction to be whole and safe, as minor units (money/invalid if not). */
function asMinor(n: number, input: unknown): MinorUnits {
  if (!isMinorUnits(n)) throw invalid(input);
  return n;
}

export function currencyExponent(currency: string): number {
  const cached = exponentCache.get(currency);
  // Stryker disable next-line ConditionalExpression: skipping the cache computes the same exponent again
  if (cached !== undefined) return cached;
  if (typeof currency !== 'string' || !CODE.test(currency)) throw unknownCurrency(currency);
  let exponent = EXPONENT_OVERRIDES[currency];
  if (exponent === undefined) {
    try {
      exponent =
        new Intl.NumberFormat('en', { style: 'currency', currency }).resolvedOptions()
          .maximumFractionDigits ?? 2;
    } catch /* Stryker disable next-line BlockStatement: Intl formats every code CODE lets through (three capitals), so this is never entered */ {
      throw unknownCurrency(currency);
    }
  }
  exponentCache.set(currency, exponent);
  return exponent;
}

function assertMinor(amountMinor: number): void {
  if (!Number.isSafeInteger(amountMinor)) throw invalid(amountMinor);
}

/**
 * The locale Anyam formats and parses with: `locale` when Intl supports it, else English. Never
 * the runtime's default: a tag Intl cannot use must read the same on every phone, not in the
 * phone's own language.
 */
export function safeLocale(locale: string): string {
  try {
    return Intl.NumberFormat.supportedLocalesOf(locale).length > 0 ? locale : 'en';
  } catch {
    return 'en';
  }
}

// ---------------------------------------------------------------------------------------------
// Parsing

interface Separators {
  /** Always '.' or ','; `aliases` maps a locale's other characters (de-CH's ’) onto them. */
  group: string;
  decimal: string;
  aliases: ReadonlyMap<string, string>;
}

const separatorCache = new Map<string, Separators>();

function localeSeparators(locale: string): Separators {
  let seps = separatorCache.get(locale);
  if (!seps) {
    const parts = new Intl.NumberFormat(safeLocale(locale)).formatToParts(1234567.8);
    // Stryker disable next-line StringLiteral,OptionalChaining: every locale Intl knows groups 1234567.8 and marks its decimal, so the part is always found and the fallback never read
    const rawGroup = parts.find((p) => p.type === 'group')?.value ?? ',';
    // Stryker disable next-line StringLiteral,OptionalChaining: every locale Intl knows groups 1234567.8 and marks its decimal, so the part is always found and the fallback never read
    const rawDecimal = parts.find((p) => p.type === 'decimal')?.value ?? '.';
    const decimal = rawDecimal === ',' || (rawDecimal !== '.' && rawGroup === '.') ? ',' : '.';
    const group = decimal === ',' ? '.' : ',';
    const aliases = new Map<string, string>();
    if (rawGroup !== group && !/[.,]/.test(rawGroup)) aliases.set(rawGroup, group);
    if (rawDecimal !== decimal && !/[.,]/.test(rawDecimal)) aliases.set(rawDecimal, decimal);
    seps = { group, decimal, aliases };
    separatorCache.set(locale, seps);
  }
  return seps;
}

// Spaces (incl. NBSP, narrow NBSP as in fr/vi currency output), zero-width and bidi marks that
// come along when people paste a formatted amount.
const IGNORABLE = /[\s\u200B-\u200F\u2060\uFEFF]/g;

const tokenCache = new Map<string, string[]>();

/** Symbols and codes of `currency` a person may type around the number, longest first. */
function currencyTokens(currency: string, locale: string): string[] {
  const key = `${currency}|${locale}`;
  let tokens = tokenCache.get(key);
  if (!tokens) {
    const found = new Set<string>([currency, ...(CURRENCY_ALIASES[currency] ?? [])]);
    for (const loc of [safeLocale(locale), 'en', 'id', 'vi', 'fil']) {
      for (const currencyDisplay of ['symbol', 'narrowSymbol'] as const) {
        const part = new Intl.NumberFormat(loc, { style: 'currency', currency, currencyDisplay })
          .formatToParts(1)
          .find((p) => p.type === 'currency');
        if (part) found.add(part.value.replace(IGNORABLE, ''));
      }
    }
    tokens = [...found].filter((t) => t !== '').sort((a, b) => b.length - a.length);
    tokenCache.set(key, tokens);
  }
  return tokens;
}

function stripPrefix(s: string, tokens: readonly string[]): string {
  const lower = s.toLowerCase();
  const hit = tokens.find((t) => lower.startsWith(t.toLowerCase()));
  return hit ? s.slice(hit.length) : s;
}

function stripSuffix(s: string, tokens: readonly string[]): string {
  const lower = s.toLowerCase();
  const hit = tokens.find((t) => lower.endsWith(t.toLowerCase()));
  return hit ? s.slice(0, s.length - hit.length) : s;
}

/** True when `parts` (digit runs split at a grouping character) are well-formed thousands. */
function isValidGrouping(parts: readonly string[]): boolean {
  const [head, ...rest] = parts;
  // Stryker disable next-line ConditionalExpression: split() always returns at least one part, so head is never undefined
  return head !== undefined && /^\d{1,3}$/.test(head) && rest.every((p) => /^\d{3}$/.test(p));
}

/**
 * Splits the digits-and-separators body into integer and fraction digits. Rules, in order:
 *  - no separator: an integer ('1234567' works in every locale);
 *  - two different separators: the last one is the decimal point and occurs once, the other one
 *    groups thousands ('1.234.567,5' in id-ID; '1,234.50' typed en-style is read the same way);
 *  - one separator repeated: thousands grouping ('1.234.567'); a decimal point cannot repeat;
 *  - one separator once: grouping when followed by exactly 3 digits and it is the locale's group
 *    character or the locale writes decimals with ',' ('50.000' and '50,000' in id-ID: three
 *    decimals of a rupiah or dong make no sense); else the decimal point if it is the locale's or
 *    '.', which is often the only separator a phone keypad offers ('12.5' in id-ID);
 *  - anything else (malformed grouping such as '12,5' or '1,23,456' in en-PH) is money/invalid.
 */
function splitNumber(body: string, seps: Separators, input: string): [string, string] {
  const sepChars: string[] = body.match(/\D/g) ?? [];
  if (sepChars.length === 0) return [body, ''];
  const kinds = [...new Set(sepChars)];
  if (kinds.length > 2) throw invalid(input);

  if (kinds.length === 2) {
    const decimal = sepChars[sepChars.length - 1]!;
    // Stryker disable next-line ConditionalExpression: kinds[0] is the decimal only when it also occurs earlier, which the next line refuses
    const group = kinds.find((k) => k !== decimal)!;
    // Stryker disable next-line ConditionalExpression: an earlier decimal point would sit inside a thousands group, which isValidGrouping refuses two lines below
    if (sepChars.indexOf(decimal) !== sepChars.length - 1) throw invalid(input);
    const at = body.lastIndexOf(decimal);
    const intParts = body.slice(0, at).split(group);
    if (!isValidGrouping(intParts)) throw invalid(input);
    return [intParts.join(''), body.slice(at + 1)];
  }

  const sep = kinds[0]!;
  const parts = body.split(sep);
  if (parts.length > 2) {
    if (!isValidGrouping(parts)) throw invalid(input);
    return [parts.join(''), ''];
  }
  // Stryker disable next-line StringLiteral: one separator occurring once splits the body into exactly two parts
  const [before = '', after = ''] = parts;
  const groupLike = sep === seps.group || seps.decimal === ',';
  // Stryker disable next-line ConditionalExpression: isValidGrouping of two parts already requires the second to have 3 digits
  if (groupLike && after.length === 3 && isValidGrouping(parts)) return [before + after, ''];
  if (sep === seps.decimal || sep === '.') return [before, after];
  throw invalid(input);
}

/**
 * What a person types -> integer minor units. `options.decimals` caps the decimals below the
 * currency's exponent (IDR is typed without sen) and turns too many into money/too-many-decimals. Tolerates spaces, a leading '+', and the currency's
 * own symbols or code before or after the number ('Rp 50.000', '50.000 ₫', 'USD 12.50'); a
 * symbol of another currency is money/invalid rather than silently read as this one.
 *
 * Decimals: at most the currency's exponent. For a currency without minor unit (VND) one or two
 * zero decimals are accepted ('50.000,00' as copied from a bank statement) but '50.000,5' and
 * three zeros ('1.000' could mean a thousand) are money/invalid.
 */
export function parseMoney(
  input: string,
  currency: string,
  locale: string,
  options: { decimals?: number } = {},
): MinorUnits {
  const exponent = currencyExponent(currency);
  const allowed = Math.min(options.decimals ?? exponent, exponent);
  if (typeof input !== 'string') throw invalid(input);
  const tokens = currencyTokens(currency, locale);

  let s = input.replace(IGNORABLE, '').replace(/\u2212/g, '-');
  let sign = '';
  const takeSign = (): void => {
    if (sign === '' && (s.startsWith('+') || s.startsWith('-'))) {
      sign = s[0]!;
      s = s.slice(1);
    }
  };
  takeSign();
  s = stripPrefix(s, tokens);
  takeSign(); // 'Rp -5.000'
  s = stripSuffix(s, tokens);

  const seps = localeSeparators(locale);
  const body = [...s].map((c) => seps.aliases.get(c) ?? c).join('');
  if (!/^[\d.,]*\d[\d.,]*$/.test(body)) throw invalid(input);

  const [intDigits, fracDigits] = splitNumber(body, seps, input);
  if (fracDigits.length > allowed) {
    // Stryker disable next-line MethodExpression: extra is only read when allowed is 0, where slice(0) is fracDigits itself
    const extra = fracDigits.slice(allowed);
    if (allowed > 0 || fracDigits.length > 2 || /[^0]/.test(extra)) {
      // Asked for a number of decimals (forms): say so, so the person knows what to fix.
      if (options.decimals !== undefined) {
        throw new AnyamError('money/too-many-decimals', { input, currency, decimals: allowed });
      }
      throw invalid(input);
    }
  }
  const minor = BigInt((intDigits || '0') + fracDigits.slice(0, exponent).padEnd(exponent, '0'));
  // "-0" too: a minus sign asks for a negative amount, which Anyam never stores (issue 24).
  if (sign === '-') throw new AnyamError('money/negative', { input });
  if (minor > MAX_MINOR_BIG) throw new AnyamError('money/too-large', { input });
  return asMinor(Number(minor), input);
}

// ---------------------------------------------------------------------------------------------
// Formatting

const formatterCache = new Map<string, Intl.NumberFormat>();

export function formatMoney(
  amountMinor: number,
  currency: string,
  locale: string,
  options: { compact?: boolean; signDisplay?: 'auto' | 'always' | 'exceptZero' } = {},
): string {
  const decimal = minorToDecimalString(amountMinor, currency);
  const compact = options.compact ?? false;
  const signDisplay = options.signDisplay ?? 'auto';
  const key = `${locale}|${currency}|${compact}|${signDisplay}`;
  let formatter = formatterCache.get(key);
  if (!formatter) {
    const opts: Intl.NumberFormatOptions = { style: 'currency', currency, signDisplay };
    if (compact) {
      opts.notation = 'compact';
    } else {
      const digits = displayDecimals(currency);
      opts.minimumFractionDigits = digits;
      opts.maximumFractionDigits = digits;
    }
    formatter = new Intl.NumberFormat(safeLocale(locale), opts);
    formatterCache.set(key, formatter);
  }
  // A decimal string keeps every digit; Number(amount) / 100 could round large amounts.
  return formatter.format(decimal as `${number}`);
}

// ---------------------------------------------------------------------------------------------
// Plain decimal strings (CSV, backup)

/** '1234.50' for USD, '50000' for VND: no grouping, '.' decimal, '-' sign. */
export function minorToDecimalString(amountMinor: number, currency: string): string {
  const exponent = currencyExponent(currency);
  assertMinor(amountMinor);
  const sign = amountMinor < 0 ? '-' : '';
  const digits = String(Math.abs(amountMinor));
  if (exponent === 0) return sign + digits;
  const padded = digits.padStart(exponent + 1, '0');
  return `${sign}${padded.slice(0, -exponent)}.${padded.slice(-exponent)}`;
}

/** Strict inverse of minorToDecimalString; fewer decimals than the exponent are fine. */
export function decimalStringToMinor(text: string, currency: string): MinorUnits {
  const exponent = currencyExponent(currency);
  const m = typeof text === 'string' ? /^(-?)(\d+)(?:\.(\d+))?$/.exec(text) : null;
  if (!m) throw invalid(text);
  const [, sign, intDigits = '', fracDigits = ''] = m;
  if (fracDigits.length > exponent) throw invalid(text);
  const minor = BigInt(intDigits + fracDigits.padEnd(exponent, '0'));
  if (minor > MAX_MINOR_BIG) throw new AnyamError('money/too-large', { input: text });
  return asMinor(sign === '-' && minor !== 0n ? -Number(minor) : Number(minor), text);
}

// ---------------------------------------------------------------------------------------------
// Rates and conversion

const RATE_VALUE = /^\d{1,15}(?:\.\d{1,12})?$/;

export function isValidRateValue(value: string): boolean {
  return typeof value === 'string' && RATE_VALUE.test(value) && /[1-9]/.test(value);
}

/**
 * A rate a person may store: a positive decimal string between 10^-7 and 10^7 base units per
 * unit. Anything outside is a typo (a missing or extra zero group), not a currency: the weakest
 * currencies trade at some 10^5 per US dollar. Compared as digits, never as floats.
 */
export function checkRateValue(value: string): void {
  if (!isValidRateValue(value)) throw new AnyamError('rate/invalid-value', { value });
  const [intPart = '', fracPart = ''] = value.split('.');
  const int = intPart.replace(/^0+/, '');
  if (int.length > 8 || (int.length === 8 && (int !== '10000000' || /[1-9]/.test(fracPart)))) {
    throw new AnyamError('rate/too-high', { value });
  }
  if (int === '' && !/[1-9]/.test(fracPart.slice(0, 7))) {
    throw new AnyamError('rate/too-low', { value });
  }
}

/**
 * A positive decimal as a person types it in their locale ('16.250,5' in id-ID, '16,250.5' in
 * en-PH) -> a plain decimal string ('16250.5'), read with the same separator rules as
 * parseMoney. Used for exchange rates, which are stored as exact decimal strings.
 */
export function parseDecimal(input: string, locale: string): string {
  const body = input.replace(IGNORABLE, '');
  const seps = localeSeparators(locale);
  const normalized = [...body].map((c) => seps.aliases.get(c) ?? c).join('');
  if (!/^[\d.,]*\d[\d.,]*$/.test(normalized)) throw invalid(input);
  const [intDigits, fracDigits] = splitNumber(normalized, seps, input);
  const int = (intDigits || '0').replace(/^0+(?=\d)/, '');
  const frac = fracDigits.replace(/0+$/, '');
  return frac ? `${int}.${frac}` : int;
}

// Stryker disable all: a reset for mutation runs (tests/setup/mutation-fast-check.ts); it moves which test fills a cache, never a result
export function clearMoneyCaches(): void {
  for (const cache of [exponentCache, separatorCache, tokenCache, formatterCache]) cache.clear();
}
