/**
 * Unlocking with the phone's own fingerprint, face or screen lock, through WebAuthn with a
 * platform authenticator and user verification required. All local: the "relying party" is this
 * origin and no server ever sees the assertion. Anyam checks that the authenticator answered for
 * its credential, to this challenge and origin, with the user verified; it does not check the
 * signature, since a person able to run code in the page could skip the lock anyway.
 */
import { base64ToBytes, bytesToBase64 } from '../crypto/base64';

function toBase64Url(bytes: ArrayBuffer): string {
  return bytesToBase64(new Uint8Array(bytes))
    .replace(/\+/g, '-')
    .replace(/\//g, '_')
    .replace(/=+$/, '');
}

function fromBase64Url(text: string): Uint8Array<ArrayBuffer> | null {
  const plain = text.replace(/-/g, '+').replace(/_/g, '/');
  return base64ToBytes(plain + '='.repeat((4 - (plain.length % 4)) % 4));
}

export async function platformUnlockAvailable(): Promise<boolean> {
  if (typeof PublicKeyCredential === 'undefined') return false;
  try {
    return await PublicKeyCredential.isUserVerifyingPlatformAuthenticatorAvailable();
  } catch {
    return false;
  }
}

/** Registers this phone's authenticator; returns the credential id (base64url). */
export async function registerPlatformCredential(label: string): Promise<string> {
  const credential = (await navigator.credentials.create({
    publicKey: {
      challenge: crypto.getRandomValues(new Uint8Array(32)),
      rp: { name: 'Anyam' },
      user: {
        id: crypto.getRandomValues(new Uint8Array(16)),
        name: label,
        displayName: label,
      },
      pubKeyCredParams: [
        { type: 'public-key', alg: -7 },
        { type: 'public-key', alg: -257 },
      ],
      authenticatorSelection: {
        authenticatorAttachment: 'platform',
        userVerification: 'required',
        residentKey: 'discouraged',
      },
      attestation: 'none',
      timeout: 60_000,
    },
  })) as PublicKeyCredential | null;
  if (!credential) throw new Error('no credential');
  return toBase64Url(credential.rawId);
}

/** Bit 2 of the authenticator data's flags byte: the user was verified (WebAuthn §6.1). */
function userVerified(authenticatorData: ArrayBuffer): boolean {
  const flags = new Uint8Array(authenticatorData)[32] ?? 0;
  return (flags & 0x04) !== 0;
}

/** True when the phone's authenticator verified its user for `credentialId`. */
export async function verifyPlatformCredential(credentialId: string): Promise<boolean> {
  const id = fromBase64Url(credentialId);
  if (!id) return false;
  const challenge = crypto.getRandomValues(new Uint8Array(32));
  const assertion = (await navigator.credentials.get({
    publicKey: {
      challenge,
      allowCredentials: [{ type: 'public-key', id, transports: ['internal'] }],
      userVerification: 'required',
      timeout: 60_000,
    },
  })) as PublicKeyCredential | null;
  if (!assertion || toBase64Url(assertion.rawId) !== credentialId) return false;
  const response = assertion.response as AuthenticatorAssertionResponse;
  const client = JSON.parse(new TextDecoder().decode(response.clientDataJSON)) as {
    type?: string;
    challenge?: string;
    origin?: string;
  };
  return (
    client.type === 'webauthn.get' &&
    client.challenge === toBase64Url(challenge.buffer) &&
    client.origin === location.origin &&
    userVerified(response.authenticatorData)
  );
}
