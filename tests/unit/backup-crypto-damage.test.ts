import { describe, expect, it } from 'vitest';
import { base64ToBytes, bytesToBase64 } from '../../src/lib/crypto/base64';
import {
  decryptBackupEnvelope,
  encryptBackupText,
  type EncryptedEnvelope,
} from '../../src/lib/db/backup/crypto';
import type { AnyamError } from '../../src/lib/domain/model';

/*
 * Issue 13, defect 3: an encrypted file whose check block, its IV or its salt was damaged was
 * reported as a wrong passphrase, and the person was told to check their typing. Damage is
 * damage: the data's own GCM tag proves a right passphrase, and the header digest catches a
 * changed salt or IV before the slow key derivation.
 */
const PASS = 'kata sandi panjang';
const PLAIN = '{"format":"anyam-backup","note":"Nguyễn"}';

async function envelope(): Promise<EncryptedEnvelope> {
  const text = await encryptBackupText(PLAIN, PASS, {
    iterations: 1_000,
    allowWeakIterationsForTests: true,
  });
  return JSON.parse(text) as EncryptedEnvelope;
}

async function codeOf(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
    return 'resolved';
  } catch (error) {
    return (error as AnyamError).code;
  }
}

/** The base64 field with one bit of its first byte flipped. */
function flipped(base64: string): string {
  const bytes = base64ToBytes(base64)!;
  bytes[0]! ^= 1;
  return bytesToBase64(bytes);
}

type Damage = (e: EncryptedEnvelope) => EncryptedEnvelope;
const damages: Record<string, Damage> = {
  'check block': (e) => ({ ...e, check: { ...e.check, data: flipped(e.check.data) } }),
  'check IV': (e) => ({ ...e, check: { ...e.check, iv: flipped(e.check.iv) } }),
  salt: (e) => ({ ...e, kdf: { ...e.kdf, salt: flipped(e.kdf.salt) } }),
  'data IV': (e) => ({ ...e, cipher: { ...e.cipher, iv: flipped(e.cipher.iv) } }),
};

describe('a damaged encrypted header is never called a wrong passphrase', () => {
  for (const [part, damage] of Object.entries(damages)) {
    it(`says damaged for a changed ${part}`, async () => {
      expect(await codeOf(decryptBackupEnvelope(damage(await envelope()), PASS))).toBe(
        'backup/corrupted',
      );
    });
  }

  it('opens a file written before the digest existed when only its check block is damaged', async () => {
    // The data decrypts and authenticates: the passphrase is right and the content intact.
    const { digest: _none, parameters: _neither, ...old } = await envelope();
    for (const part of ['check block', 'check IV']) {
      expect(await decryptBackupEnvelope(damages[part]!(old), PASS)).toBe(PLAIN);
    }
  });

  it('still says wrong passphrase for a wrong passphrase', async () => {
    const e = await envelope();
    expect(await codeOf(decryptBackupEnvelope(e, 'kata sandi lain'))).toBe(
      'backup/wrong-passphrase',
    );
    const { digest: _none, parameters: _neither, ...old } = e;
    expect(await codeOf(decryptBackupEnvelope(old, 'kata sandi lain'))).toBe(
      'backup/wrong-passphrase',
    );
  });

  it('tells the person the file is damaged, not to check their typing', async () => {
    const { errorText } = await import('../../src/lib/i18n/error-text');
    await import('../../src/components/backup/texts');
    const { AnyamError } = await import('../../src/lib/domain/model');
    const text = errorText(new AnyamError('backup/corrupted', { reason: 'header' }));
    expect(text).toMatch(/damaged/);
    expect(text).not.toMatch(/passphrase is right|Check capital letters/);
  });
});
