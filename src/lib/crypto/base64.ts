/**
 * Base64 for byte arrays of any size. btoa/atob take "binary strings"; building one with a single
 * String.fromCharCode(...bytes) overflows the call stack past ~100k bytes, hence the slices.
 */

const SLICE = 0x8000;

export function bytesToBase64(bytes: Uint8Array): string {
  const parts: string[] = [];
  for (let i = 0; i < bytes.length; i += SLICE) {
    parts.push(String.fromCharCode(...bytes.subarray(i, i + SLICE)));
  }
  return btoa(parts.join(''));
}

const BASE64 = /^[A-Za-z0-9+/]*={0,2}$/;

/** The bytes, or null when `text` is not canonical base64. */
export function base64ToBytes(text: unknown): Uint8Array<ArrayBuffer> | null {
  if (typeof text !== 'string' || text.length % 4 !== 0 || !BASE64.test(text)) return null;
  let binary: string;
  try {
    binary = atob(text);
  } catch {
    return null;
  }
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}
