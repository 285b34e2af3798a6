import { describe, expect, it, vi } from 'vitest';
import { base64ToBytes, bytesToBase64 } from '../../src/lib/crypto/base64';
import { pbkdf2AesGcmKey } from '../../src/lib/crypto/pbkdf2';
import {
  decryptBackupEnvelope,
  ENCRYPTED_FORMAT,
  ENCRYPTED_VERSION,
  encryptBackupText,
  envelopeIterations,
  isEncryptedEnvelope,
  MAX_ITERATIONS,
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

describe('an encrypted header that is not one this version can use', () => {
  type Header = Record<string, unknown> & {
    kdf: Record<string, unknown>;
    cipher: Record<string, unknown>;
    check: Record<string, unknown>;
  };
  const changed = async (edit: (h: Header) => void) => {
    const h = structuredClone(await envelope()) as unknown as Header;
    edit(h);
    return h;
  };
  const refusal = async (value: unknown) => {
    try {
      await decryptBackupEnvelope(value, PASS);
      return 'resolved';
    } catch (error) {
      const e = error as AnyamError;
      return `${e.code} ${JSON.stringify(e.details)}`;
    }
  };
  const wrong = (reason: string) =>
    `backup/wrong-format ${JSON.stringify({ reason, encrypted: true })}`;

  it('is refused naming the part, before any key is derived', async () => {
    const cases: [string, (h: Header) => void][] = [
      ['format', (h) => (h.format = 'anyam-backup')],
      ['version', (h) => (h.version = '1')],
      ['version', (h) => (h.version = 1.5)],
      ['version', (h) => (h.version = 0)],
      ['kdf', (h) => (h.kdf.name = 'scrypt')],
      ['kdf', (h) => (h.kdf.hash = 'SHA-1')],
      ['kdf', (h) => Object.assign(h, { kdf: [] })],
      ['iterations', (h) => (h.kdf.iterations = '1000')],
      ['iterations', (h) => (h.kdf.iterations = 1000.5)],
      ['iterations', (h) => (h.kdf.iterations = 0)],
      ['iterations', (h) => (h.kdf.iterations = MAX_ITERATIONS + 1)],
      ['cipher', (h) => (h.cipher.name = 'AES-CBC')],
      ['cipher', (h) => (h.cipher.length = 128)],
      ['salt', (h) => (h.kdf.salt = '***')],
      ['salt', (h) => (h.kdf.salt = bytesToBase64(new Uint8Array(15)))],
      ['iv', (h) => (h.cipher.iv = '***')],
      ['iv', (h) => (h.cipher.iv = bytesToBase64(new Uint8Array(13)))],
      ['iv', (h) => (h.check.iv = '***')],
      ['iv', (h) => (h.check.iv = bytesToBase64(new Uint8Array(11)))],
      ['check', (h) => (h.check.data = '***')],
      ['digest', (h) => (h.digest = 7)],
      ['parameters', (h) => (h.parameters = '***')],
    ];
    for (const [reason, edit] of cases) {
      expect(await refusal(await changed(edit)), reason).toBe(wrong(reason));
    }
    expect(await refusal(null)).toBe(wrong('format'));
    expect(await refusal([])).toBe(wrong('format'));
    // A salt longer than 16 bytes and the largest count are still headers this version reads.
    const long = await changed((h) => (h.kdf.salt = bytesToBase64(new Uint8Array(32))));
    expect(await refusal(long)).toMatch(/^backup\/corrupted/);
    expect(await refusal(await changed((h) => (h.data = '***')))).toBe(
      `backup/corrupted ${JSON.stringify({ reason: 'base64' })}`,
    );
  });

  it('reads and writes the bounds of the iteration count: one (tests only) and the maximum', async () => {
    const one = await encryptBackupText(PLAIN, PASS, {
      iterations: 1,
      allowWeakIterationsForTests: true,
    });
    expect(await decryptBackupEnvelope(JSON.parse(one), PASS)).toBe(PLAIN);
    // The maximum is a count this version reads: a changed count is then a changed file (said
    // before any key is derived), not an unusable header.
    const e = await envelope();
    expect(await refusal({ ...e, kdf: { ...e.kdf, iterations: MAX_ITERATIONS } })).toBe(
      `backup/kdf-changed ${JSON.stringify({ iterations: MAX_ITERATIONS })}`,
    );
  });

  it('says a later version, with both versions, for a version above this one', async () => {
    const later = await changed((h) => (h.version = ENCRYPTED_VERSION + 1));
    expect(await refusal(later)).toBe(
      `backup/future-version ${JSON.stringify({ version: 2, supported: 1, encrypted: true })}`,
    );
  });

  it('calls a changed iteration count a changed file, or damage when the older digest is missing', async () => {
    const e = await envelope();
    const count = { ...e, kdf: { ...e.kdf, iterations: 1_001 } };
    expect(await refusal(count)).toBe(
      `backup/kdf-changed ${JSON.stringify({ iterations: 1_001 })}`,
    );
    const { digest: _digest, ...noDigest } = count;
    expect(await refusal(noDigest)).toBe(
      `backup/corrupted ${JSON.stringify({ reason: 'header' })}`,
    );
    // Neither digest (a file from before both): the count is simply used, so the key is wrong.
    const { digest: _d, parameters: _p, ...old } = count;
    expect(await refusal(old)).toBe('backup/wrong-passphrase {}');
  });

  it('says damaged when the text inside is not UTF-8, and refuses an empty passphrase', async () => {
    const e = await envelope();
    const key = await pbkdf2AesGcmKey(
      crypto.subtle,
      new TextEncoder().encode(PASS),
      base64ToBytes(e.kdf.salt)!,
      e.kdf.iterations,
    );
    const sealed = await crypto.subtle.encrypt(
      { name: 'AES-GCM', iv: base64ToBytes(e.cipher.iv)! },
      key,
      new Uint8Array([0x7b, 0xff, 0x7d]),
    );
    const notText = { ...e, data: bytesToBase64(new Uint8Array(sealed)) };
    expect(await refusal(notText)).toBe(`backup/corrupted ${JSON.stringify({ reason: 'utf-8' })}`);
    expect(await codeOf(decryptBackupEnvelope(e, ''))).toBe('backup/empty-passphrase');
    expect(await codeOf(encryptBackupText(PLAIN, ''))).toBe('backup/empty-passphrase');
  });

  it('takes a check block that opens but says something else as a wrong passphrase', async () => {
    // A file from before the digests (so a changed check block is not header damage), its check
    // block sealed under the right key with other text, and its data damaged.
    const { digest: _d, parameters: _p, ...e } = await envelope();
    const key = await pbkdf2AesGcmKey(
      crypto.subtle,
      new TextEncoder().encode(PASS),
      base64ToBytes(e.kdf.salt)!,
      e.kdf.iterations,
    );
    const other = await crypto.subtle.encrypt(
      { name: 'AES-GCM', iv: base64ToBytes(e.check.iv)! },
      key,
      new TextEncoder().encode('not the check text'),
    );
    const crafted = { ...e, check: { ...e.check, data: bytesToBase64(new Uint8Array(other)) } };
    expect(await refusal({ ...crafted, data: flipped(e.data) })).toBe('backup/wrong-passphrase {}');
  });

  it('names what it found damaged: the header, or the data under a right passphrase', async () => {
    const e = await envelope();
    const header = `backup/corrupted ${JSON.stringify({ reason: 'header' })}`;
    expect(await refusal({ ...e, kdf: { ...e.kdf, salt: flipped(e.kdf.salt) } })).toBe(header);
    // A digest with a byte more is not the digest, though its first 32 bytes agree.
    const longer = bytesToBase64(new Uint8Array([...base64ToBytes(e.digest)!, 0]));
    expect(await refusal({ ...e, digest: longer })).toBe(header);
    // Nor is one that differs in a single byte, though the other 31 agree.
    expect(await refusal({ ...e, digest: flipped(e.digest!) })).toBe(header);
    expect(await refusal({ ...e, parameters: flipped(e.parameters!) })).toBe(
      `backup/kdf-changed ${JSON.stringify({ iterations: e.kdf.iterations })}`,
    );
    expect(await refusal({ ...e, data: flipped(e.data) })).toBe(
      `backup/corrupted ${JSON.stringify({ reason: 'authentication' })}`,
    );
  });

  it('refuses without WebCrypto (never outside a secure context) instead of failing oddly', async () => {
    const e = await envelope();
    vi.stubGlobal('crypto', undefined);
    try {
      expect(await codeOf(decryptBackupEnvelope(e, PASS))).toBe('backup/no-crypto');
    } finally {
      vi.unstubAllGlobals();
    }
  });

  it('opens with the passphrase typed in either Unicode form', async () => {
    const composed = 'mật khẩu dài ễ';
    const text = await encryptBackupText(PLAIN, composed.normalize('NFD'), {
      iterations: 1_000,
      allowWeakIterationsForTests: true,
    });
    expect(await decryptBackupEnvelope(JSON.parse(text), composed.normalize('NFC'))).toBe(PLAIN);
  });

  it('is told apart from other files, and its iteration count read for the warning', async () => {
    const e = await envelope();
    expect(isEncryptedEnvelope(e)).toBe(true);
    expect(isEncryptedEnvelope({ format: 'anyam-backup' })).toBe(false);
    expect(isEncryptedEnvelope(null)).toBe(false);
    expect(isEncryptedEnvelope(ENCRYPTED_FORMAT)).toBe(false);
    expect(envelopeIterations(e)).toBe(1_000);
    expect(envelopeIterations({ kdf: { iterations: '1000' } })).toBeNull();
    expect(envelopeIterations(null)).toBeNull();
    expect(envelopeIterations({ kdf: null })).toBeNull();
  });

  it('is written with the maximum count itself (derived here with one round, not ten million)', async () => {
    const derive = crypto.subtle.deriveKey.bind(crypto.subtle);
    const spy = vi
      .spyOn(crypto.subtle, 'deriveKey')
      .mockImplementation((params, ...rest) =>
        derive({ ...(params as Pbkdf2Params), iterations: 1 }, ...rest),
      );
    try {
      const text = await encryptBackupText(PLAIN, PASS, { iterations: MAX_ITERATIONS });
      expect((JSON.parse(text) as EncryptedEnvelope).kdf.iterations).toBe(MAX_ITERATIONS);
    } finally {
      spy.mockRestore();
    }
  });

  it('refuses a passphrase that is no text at all (a form that gave none) as empty', async () => {
    const none = undefined as unknown as string;
    expect(await codeOf(encryptBackupText(PLAIN, none))).toBe('backup/empty-passphrase');
    expect(await codeOf(decryptBackupEnvelope(await envelope(), none))).toBe(
      'backup/empty-passphrase',
    );
  });

  it('is never written with a count this version would refuse to read', async () => {
    for (const iterations of [0, 1.5, MAX_ITERATIONS + 1, Number.NaN]) {
      const error = (await encryptBackupText(PLAIN, PASS, {
        iterations,
        allowWeakIterationsForTests: true,
      }).catch((e: unknown) => e)) as AnyamError;
      expect(error.code, String(iterations)).toBe('backup/weak-parameters');
      expect(error.details).toEqual({ iterations });
    }
    const e = await envelope();
    expect(e).toMatchObject({
      format: ENCRYPTED_FORMAT,
      version: ENCRYPTED_VERSION,
      kdf: { name: 'PBKDF2', hash: 'SHA-256', iterations: 1_000 },
      cipher: { name: 'AES-GCM', length: 256 },
    });
    expect(base64ToBytes(e.kdf.salt)).toHaveLength(16);
    expect(base64ToBytes(e.cipher.iv)).toHaveLength(12);
    expect(base64ToBytes(e.check.iv)).toHaveLength(12);
  });
});
