import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { base64ToBytes, bytesToBase64 } from '../../src/lib/crypto/base64';
import {
  decryptBackupEnvelope,
  encryptBackupText,
  type EncryptedEnvelope,
  type EncryptOptions,
} from '../../src/lib/db/backup/crypto';
import type { AnyamError } from '../../src/lib/domain/model';

const FAST: EncryptOptions = { iterations: 1_000, allowWeakIterationsForTests: true };
const PLAIN = '{"format":"anyam-backup","note":"Rp 50.000 — Nguyễn"}';

async function codeOf(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
  } catch (error) {
    return (error as AnyamError).code ?? String(error);
  }
  return 'resolved';
}

async function envelope(options: EncryptOptions = FAST, passphrase = 'kata sandi panjang') {
  return JSON.parse(await encryptBackupText(PLAIN, passphrase, options)) as EncryptedEnvelope;
}

describe('encrypted backups', () => {
  it('round-trips, with fresh salt and IV each time and nothing readable in the file', async () => {
    const a = await envelope();
    const b = await envelope();
    expect(await decryptBackupEnvelope(a, 'kata sandi panjang')).toBe(PLAIN);
    expect(a).toMatchObject({
      format: 'anyam-backup-encrypted',
      version: 1,
      kdf: { name: 'PBKDF2', hash: 'SHA-256', iterations: 1000 },
      cipher: { name: 'AES-GCM', length: 256 },
    });
    expect(a.kdf).not.toEqual(b.kdf);
    expect(a.cipher).not.toEqual(b.cipher);
    expect(JSON.stringify(a)).not.toContain('anyam-backup"');
  });

  it('tells a wrong passphrase from a damaged file', async () => {
    const e = await envelope();
    expect(await codeOf(decryptBackupEnvelope(e, 'kata sandi pendek'))).toBe(
      'backup/wrong-passphrase',
    );
    expect(await codeOf(decryptBackupEnvelope(e, ''))).toBe('backup/empty-passphrase');
  });

  it('reports any flipped bit of the ciphertext as corruption', async () => {
    const e = await envelope();
    const data = base64ToBytes(e.data)!;
    await fc.assert(
      fc.asyncProperty(fc.nat(data.length * 8 - 1), async (bit) => {
        const damaged = data.slice();
        damaged[bit >> 3]! ^= 1 << (bit & 7);
        const copy = { ...e, data: bytesToBase64(damaged) };
        expect(await codeOf(decryptBackupEnvelope(copy, 'kata sandi panjang'))).toBe(
          'backup/corrupted',
        );
      }),
      { numRuns: 60 },
    );
  });

  it('refuses a changed IV or salt as a damaged file, never as a wrong passphrase', async () => {
    const e = await envelope();
    const iv = base64ToBytes(e.cipher.iv)!;
    iv[0]! ^= 1;
    const withIv = { ...e, cipher: { ...e.cipher, iv: bytesToBase64(iv) } };
    expect(await codeOf(decryptBackupEnvelope(withIv, 'kata sandi panjang'))).toBe(
      'backup/corrupted',
    );
    const salt = base64ToBytes(e.kdf.salt)!;
    salt[0]! ^= 1;
    const withSalt = { ...e, kdf: { ...e.kdf, salt: bytesToBase64(salt) } };
    expect(await codeOf(decryptBackupEnvelope(withSalt, 'kata sandi panjang'))).toBe(
      'backup/corrupted',
    );
  });

  it('never writes fewer than 600,000 iterations outside tests', async () => {
    expect(await codeOf(encryptBackupText(PLAIN, 'x'.repeat(20), { iterations: 1_000 }))).toBe(
      'backup/weak-parameters',
    );
    expect(await codeOf(encryptBackupText(PLAIN, ''))).toBe('backup/empty-passphrase');
  });

  it('base64 survives any bytes, also beyond the call-stack limit of fromCharCode', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 300 }), (bytes) => {
        expect(base64ToBytes(bytesToBase64(bytes))).toEqual(bytes);
      }),
    );
    const big = new Uint8Array(200_000).map((_, i) => i * 7);
    expect(base64ToBytes(bytesToBase64(big))).toEqual(big);
    expect(base64ToBytes('not base64!')).toBeNull();
  });
});
