/**
 * A strength hint for the passphrase field. It is a nudge, not a guarantee: it estimates how
 * many guesses a passphrase would take from its length and character variety, and marks
 * passphrases that are common or made of one repeated pattern as weak whatever their length.
 * The file is protected by 600,000 PBKDF2 iterations, so "strong" here means out of reach of an
 * offline attacker with a few GPUs for years (about 2^75 estimated guesses and up; the estimate
 * is generous to short mixed passwords, so the bar is set high).
 */

/** Shorter than this is weak whatever it contains: typed on a phone, length is the cheap part. */
const MIN_LENGTH = 10;

export type PassphraseStrength = 'weak' | 'fair' | 'strong';

const COMMON = new Set([
  'password',
  'passw0rd',
  'password1',
  'qwerty',
  'qwertyuiop',
  '123456',
  '12345678',
  '123456789',
  '1234567890',
  'iloveyou',
  'sayang',
  'rahasia',
  'bismillah',
  'indonesia',
  'pilipinas',
  'philippines',
  'matkhau',
  'vietnam',
  'anyam',
  'anyambackup',
  'admin',
  'letmein',
]);

function charsetSize(p: string): number {
  let size = 0;
  if (/[a-z]/.test(p)) size += 26;
  if (/[A-Z]/.test(p)) size += 26;
  if (/[0-9]/.test(p)) size += 10;
  if (/[ -/:-@[-`{-~]/.test(p)) size += 33;
  // Vietnamese letters, emoji …: a large alphabet, counted modestly.
  if (/[\u0080-\u{10ffff}]/u.test(p)) size += 40;
  return Math.max(size, 1);
}

/** Length after collapsing runs ("aaaa") and simple sequences ("1234", "abcd") to one char. */
function effectiveLength(p: string): number {
  const chars = [...p];
  let length = chars.length > 0 ? 1 : 0;
  for (let i = 1; i < chars.length; i++) {
    const step = chars[i]!.codePointAt(0)! - chars[i - 1]!.codePointAt(0)!;
    const prevStep = i >= 2 ? chars[i - 1]!.codePointAt(0)! - chars[i - 2]!.codePointAt(0)! : NaN;
    if (step === 0 || (Math.abs(step) === 1 && step === prevStep)) continue;
    length++;
  }
  return length;
}

/** Estimated bits of guessing work. */
export function passphraseBits(p: string): number {
  const normalized = p.normalize('NFC');
  // "sayangsayangsayang" is "sayang" typed three times: barely stronger than the word.
  const repeated = /^(.+?)\1+$/su.exec(normalized);
  if (repeated) return Math.min(passphraseBits(repeated[1]!) + 2, 20);
  const bare = normalized.toLowerCase().replace(/[^a-z0-9]/g, '');
  if (normalized.trim() === '' || COMMON.has(bare)) return 0;
  const bits = effectiveLength(normalized) * Math.log2(charsetSize(normalized));
  return new Set(normalized).size <= 3 ? Math.min(bits, 20) : bits;
}

export function passphraseStrength(p: string): PassphraseStrength {
  const bits = passphraseBits(p);
  if ([...p].length < MIN_LENGTH || bits < 50) return 'weak';
  if (bits < 75) return 'fair';
  return 'strong';
}
