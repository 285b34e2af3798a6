/**
 * The PIN is never stored: only PBKDF2-SHA256 of it with a random salt, at the iteration count
 * the backups use. A six-digit PIN has only a million values, so this stops a casual look at the
 * storage, not someone who copies it and tries them all (docs/design-notes.md says so).
 */
import { base64ToBytes, bytesToBase64 } from '../crypto/base64';
import { PBKDF2_ITERATIONS, pbkdf2Bits } from '../crypto/pbkdf2';
import type { PinLock } from '../domain/lock';

function derive(pin: string, salt: Uint8Array<ArrayBuffer>, iterations: number) {
  return pbkdf2Bits(crypto.subtle, new TextEncoder().encode(pin), salt, iterations);
}

export async function hashPin(pin: string, iterations = PBKDF2_ITERATIONS): Promise<PinLock> {
  const salt = crypto.getRandomValues(new Uint8Array(16));
  const hash = await derive(pin, salt, iterations);
  return { hash: bytesToBase64(hash), salt: bytesToBase64(salt), iterations };
}

export async function pinMatches(pin: string, stored: PinLock): Promise<boolean> {
  const salt = base64ToBytes(stored.salt);
  const expected = base64ToBytes(stored.hash);
  if (!salt || !expected) return false;
  const actual = await derive(pin, salt, stored.iterations);
  // Compared in full whatever differs first.
  let diff = actual.length ^ expected.length;
  for (let i = 0; i < Math.min(actual.length, expected.length); i++) {
    diff |= actual[i]! ^ expected[i]!;
  }
  return diff === 0;
}
