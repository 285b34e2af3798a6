/**
 * PBKDF2-SHA256 over WebCrypto (no library), the one key derivation Anyam uses: the encrypted
 * backup derives its AES-256-GCM key with it (db/backup/crypto.ts) and the app lock stores the
 * PIN only as its output (lock/pin.ts). Both use the same iteration count.
 */

/** OWASP 2023 for PBKDF2-HMAC-SHA256. */
export const PBKDF2_ITERATIONS = 600_000;

function params(salt: Uint8Array<ArrayBuffer>, iterations: number): Pbkdf2Params {
  return { name: 'PBKDF2', hash: 'SHA-256', salt, iterations };
}

/** `bits` bits derived from `secret` (the PIN's hash). */
export async function pbkdf2Bits(
  subtle: SubtleCrypto,
  secret: Uint8Array<ArrayBuffer>,
  salt: Uint8Array<ArrayBuffer>,
  iterations: number,
  bits = 256,
): Promise<Uint8Array<ArrayBuffer>> {
  const material = await subtle.importKey('raw', secret, 'PBKDF2', false, ['deriveBits']);
  return new Uint8Array(await subtle.deriveBits(params(salt, iterations), material, bits));
}

/** An AES-256-GCM key derived from `secret` (the backup's passphrase), for encrypt and decrypt. */
export async function pbkdf2AesGcmKey(
  subtle: SubtleCrypto,
  secret: Uint8Array<ArrayBuffer>,
  salt: Uint8Array<ArrayBuffer>,
  iterations: number,
): Promise<CryptoKey> {
  const material = await subtle.importKey('raw', secret, 'PBKDF2', false, ['deriveKey']);
  return subtle.deriveKey(
    params(salt, iterations),
    material,
    { name: 'AES-GCM', length: 256 },
    false,
    ['encrypt', 'decrypt'],
  );
}
