/**
 * The encrypted backup: the plain backup's text, encrypted with AES-256-GCM under a key derived
 * from the passphrase with PBKDF2-SHA256 (WebCrypto only; no library). Every parameter is in a
 * clear JSON header, so a later version can raise the iteration count and still open old files.
 *
 * A second, tiny ciphertext (`check`) under the same key tells a wrong passphrase from a damaged
 * file: GCM alone fails the same way for both. It reveals nothing an attacker could not already
 * test against the main ciphertext's tag.
 */
import { AnyamError } from '../../domain/model';
import { base64ToBytes, bytesToBase64 } from '../../crypto/base64';
import { PBKDF2_ITERATIONS, pbkdf2AesGcmKey } from '../../crypto/pbkdf2';

export const ENCRYPTED_FORMAT = 'anyam-backup-encrypted';
export const ENCRYPTED_VERSION = 1;
/** A header asking for more would make the phone hash for minutes: surely not our file. */
export const MAX_ITERATIONS = 10_000_000;
const SALT_BYTES = 16;
const IV_BYTES = 12;
const CHECK_TEXT = 'anyam-key-check';

export interface EncryptedEnvelope {
  format: typeof ENCRYPTED_FORMAT;
  version: number;
  kdf: { name: 'PBKDF2'; hash: 'SHA-256'; iterations: number; salt: string };
  cipher: { name: 'AES-GCM'; length: 256; iv: string };
  check: { iv: string; data: string };
  /**
   * Base64 of SHA-256 over salt ‖ cipher.iv ‖ check.iv ‖ check.data: tells a damaged header from
   * a wrong passphrase (a changed salt gives a wrong key, which fails exactly like a wrong
   * passphrase). Unkeyed: it catches damage, not an attacker (GCM's tags do that). Files written
   * before it existed have none.
   */
  digest?: string;
  /**
   * Base64 of SHA-256 over salt ‖ cipher.iv ‖ check.iv ‖ check.data ‖ the iteration count (4
   * bytes, big-endian): the same as `digest` plus the iteration count, so a changed count is
   * called a changed file, not a wrong passphrase (a wrong count gives a wrong key, which fails
   * exactly like a wrong passphrase). A separate field so that versions which only know
   * `digest` still open the file. Files written before it existed have none.
   */
  parameters?: string;
  /** Base64 of the ciphertext with its 16-byte GCM tag. */
  data: string;
}

export interface EncryptOptions {
  /**
   * Tests only: fewer iterations than PBKDF2_ITERATIONS are refused unless
   * `allowWeakIterationsForTests` is also set, so no UI path can weaken real files by mistake.
   */
  iterations?: number;
  allowWeakIterationsForTests?: boolean;
}

function subtle(): SubtleCrypto {
  const s = globalThis.crypto?.subtle;
  // WebCrypto exists only in secure contexts (https or localhost), which a PWA always is.
  if (!s) throw new AnyamError('backup/no-crypto');
  return s;
}

function randomBytes(n: number): Uint8Array<ArrayBuffer> {
  return crypto.getRandomValues(new Uint8Array(n));
}

/**
 * NFC first: Vietnamese keyboards on two phones may type "ễ" as one code point or as e plus
 * two marks; both must open the same file.
 */
function passphraseBytes(passphrase: string): Uint8Array<ArrayBuffer> {
  if (typeof passphrase !== 'string' || passphrase.length === 0) {
    throw new AnyamError('backup/empty-passphrase');
  }
  return new TextEncoder().encode(passphrase.normalize('NFC'));
}

async function deriveKey(
  passphrase: string,
  salt: Uint8Array<ArrayBuffer>,
  iterations: number,
): Promise<CryptoKey> {
  return pbkdf2AesGcmKey(subtle(), passphraseBytes(passphrase), salt, iterations);
}

async function seal(key: CryptoKey, iv: Uint8Array<ArrayBuffer>, plain: Uint8Array<ArrayBuffer>) {
  return new Uint8Array(await subtle().encrypt({ name: 'AES-GCM', iv }, key, plain));
}

/** The envelope's JSON text for `plaintext` (the plain backup file's text). */
export async function encryptBackupText(
  plaintext: string,
  passphrase: string,
  options: EncryptOptions = {},
): Promise<string> {
  const iterations = options.iterations ?? PBKDF2_ITERATIONS;
  if (
    !Number.isSafeInteger(iterations) ||
    iterations < 1 ||
    iterations > MAX_ITERATIONS ||
    (iterations < PBKDF2_ITERATIONS && !options.allowWeakIterationsForTests)
  ) {
    throw new AnyamError('backup/weak-parameters', { iterations });
  }
  const salt = randomBytes(SALT_BYTES);
  const iv = randomBytes(IV_BYTES);
  const checkIv = randomBytes(IV_BYTES);
  const key = await deriveKey(passphrase, salt, iterations);
  const data = await seal(key, iv, new TextEncoder().encode(plaintext));
  const check = await seal(key, checkIv, new TextEncoder().encode(CHECK_TEXT));
  const envelope: EncryptedEnvelope = {
    format: ENCRYPTED_FORMAT,
    version: ENCRYPTED_VERSION,
    kdf: { name: 'PBKDF2', hash: 'SHA-256', iterations, salt: bytesToBase64(salt) },
    cipher: { name: 'AES-GCM', length: 256, iv: bytesToBase64(iv) },
    check: { iv: bytesToBase64(checkIv), data: bytesToBase64(check) },
    digest: bytesToBase64(await headerDigest(salt, iv, checkIv, check)),
    parameters: bytesToBase64(await headerDigest(salt, iv, checkIv, check, uint32(iterations))),
    data: bytesToBase64(data),
  };
  return JSON.stringify(envelope);
}

/** `n` as 4 bytes, big-endian (iteration counts are at most MAX_ITERATIONS). */
function uint32(n: number): Uint8Array<ArrayBuffer> {
  const out = new Uint8Array(4);
  new DataView(out.buffer).setUint32(0, n);
  return out;
}

async function headerDigest(...parts: Uint8Array[]): Promise<Uint8Array<ArrayBuffer>> {
  const joined = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const part of parts) {
    joined.set(part, at);
    at += part.length;
  }
  return new Uint8Array(await subtle().digest('SHA-256', joined));
}

/** True when a parsed file is (or claims to be) an encrypted backup. */
export function isEncryptedEnvelope(value: unknown): boolean {
  return (
    value !== null &&
    // Stryker disable next-line ConditionalExpression: a string, number or boolean has no `format` of its own, so the test after this one is false for it anyway
    typeof value === 'object' &&
    (value as { format?: unknown }).format === ENCRYPTED_FORMAT
  );
}

function header(reason: string): AnyamError {
  return new AnyamError('backup/wrong-format', { reason, encrypted: true });
}

interface Parameters {
  iterations: number;
  salt: Uint8Array<ArrayBuffer>;
  iv: Uint8Array<ArrayBuffer>;
  checkIv: Uint8Array<ArrayBuffer>;
  check: Uint8Array<ArrayBuffer>;
  data: Uint8Array<ArrayBuffer>;
  /** null for files written before the digest existed. */
  digest: Uint8Array<ArrayBuffer> | null;
  /** The digest with the iteration count (EncryptedEnvelope.parameters), or null. */
  parameters: Uint8Array<ArrayBuffer> | null;
}

function obj(value: unknown): Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value)
    ? (value as Record<string, unknown>)
    : {};
}

function readParameters(value: unknown): Parameters {
  const e = obj(value);
  if (e.format !== ENCRYPTED_FORMAT) throw header('format');
  if (typeof e.version !== 'number' || !Number.isSafeInteger(e.version) || e.version < 1) {
    throw header('version');
  }
  if (e.version > ENCRYPTED_VERSION) {
    throw new AnyamError('backup/future-version', {
      version: e.version,
      supported: ENCRYPTED_VERSION,
      encrypted: true,
    });
  }
  const kdf = obj(e.kdf);
  const cipher = obj(e.cipher);
  const check = obj(e.check);
  if (kdf.name !== 'PBKDF2' || kdf.hash !== 'SHA-256') throw header('kdf');
  const iterations = kdf.iterations;
  if (
    typeof iterations !== 'number' ||
    !Number.isSafeInteger(iterations) ||
    iterations < 1 ||
    iterations > MAX_ITERATIONS
  ) {
    throw header('iterations');
  }
  if (cipher.name !== 'AES-GCM' || cipher.length !== 256) throw header('cipher');
  const salt = base64ToBytes(kdf.salt);
  const iv = base64ToBytes(cipher.iv);
  const checkIv = base64ToBytes(check.iv);
  const checkData = base64ToBytes(check.data);
  if (!salt || salt.length < SALT_BYTES) throw header('salt');
  if (!iv || iv.length !== IV_BYTES || !checkIv || checkIv.length !== IV_BYTES) throw header('iv');
  if (!checkData) throw header('check');
  const digest = e.digest === undefined ? null : base64ToBytes(e.digest);
  if (digest === null && e.digest !== undefined) throw header('digest');
  const parameters = e.parameters === undefined ? null : base64ToBytes(e.parameters);
  if (parameters === null && e.parameters !== undefined) throw header('parameters');
  const data = base64ToBytes(e.data);
  // Damage inside the ciphertext (a truncated download, a changed character) is corruption.
  if (!data) throw new AnyamError('backup/corrupted', { reason: 'base64' });
  return { iterations, salt, iv, checkIv, check: checkData, data, digest, parameters };
}

/** The plaintext, or null when GCM's tag does not verify (wrong key or changed bytes). */
async function open(
  key: CryptoKey,
  iv: Uint8Array<ArrayBuffer>,
  data: Uint8Array<ArrayBuffer>,
): Promise<ArrayBuffer | null> {
  try {
    return await subtle().decrypt({ name: 'AES-GCM', iv }, key, data);
  } catch {
    return null;
  }
}

function sameBytes(a: Uint8Array, b: Uint8Array): boolean {
  return a.length === b.length && a.every((byte, i) => byte === b[i]);
}

/** The iteration count a file's header asks for (the UI may warn that opening takes a while). */
export function envelopeIterations(value: unknown): number | null {
  const iterations = obj(obj(value).kdf).iterations;
  return typeof iterations === 'number' ? iterations : null;
}

/**
 * The plain backup text inside `envelope` (already parsed JSON). Errors:
 * backup/wrong-passphrase, backup/corrupted (ciphertext or tag damaged), backup/kdf-changed (the
 * iteration count is not the one the file was written with), backup/wrong-format
 * (header unusable), backup/future-version, backup/empty-passphrase.
 */
export async function decryptBackupEnvelope(
  envelope: unknown,
  passphrase: string,
): Promise<string> {
  const p = readParameters(envelope);
  // Checked before the slow key derivation: a damaged salt or IV is said at once, and never
  // called a wrong passphrase.
  const headerIntact =
    p.digest === null || sameBytes(await headerDigest(p.salt, p.iv, p.checkIv, p.check), p.digest);
  if (!headerIntact) throw new AnyamError('backup/corrupted', { reason: 'header' });
  if (p.parameters !== null) {
    const actual = await headerDigest(p.salt, p.iv, p.checkIv, p.check, uint32(p.iterations));
    if (!sameBytes(actual, p.parameters)) {
      // Salt, IVs and check block are as written (the digest without the count agrees), so
      // the count is what changed: no passphrase can open the file.
      throw p.digest !== null
        ? new AnyamError('backup/kdf-changed', { iterations: p.iterations })
        : new AnyamError('backup/corrupted', { reason: 'header' });
    }
  }
  const key = await deriveKey(passphrase, p.salt, p.iterations);
  const plain = await open(key, p.iv, p.data);
  const checked = await open(key, p.checkIv, p.check);
  const checkOpens = checked !== null && new TextDecoder().decode(checked) === CHECK_TEXT;
  // The data's own GCM tag proves the key right, whatever happened to the check block.
  if (plain === null) {
    throw checkOpens
      ? new AnyamError('backup/corrupted', { reason: 'authentication' })
      : new AnyamError('backup/wrong-passphrase');
  }
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(plain);
  } catch {
    throw new AnyamError('backup/corrupted', { reason: 'utf-8' });
  }
}
