import { AnyamError } from '../../domain/model';

/**
 * Reading what the user picked: a File (a Blob) from an <input type="file">, or text pasted or
 * made in a test. Size is checked before anything is read, so a 2 GB video chosen by mistake is
 * refused at once instead of freezing the phone.
 */

export type FileInput = Blob | string;

/** 50 MiB: about 150,000 entries in a plain backup; far beyond any household's records. */
export const MAX_INPUT_BYTES = 50 * 1024 * 1024;

/** Bytes of `input` (UTF-8 for text), without encoding more than needed to decide the limit. */
export function inputByteLength(input: FileInput): number {
  if (typeof input !== 'string') return input.size;
  // One UTF-16 unit never takes more than 3 UTF-8 bytes: skip the encoding when far under.
  if (input.length * 3 <= MAX_INPUT_BYTES) return input.length;
  return new TextEncoder().encode(input).length;
}

/** Throws `${prefix}/too-large` when `input` is over `limit` bytes. */
export function assertSize(input: FileInput, prefix: 'backup' | 'csv', limit = MAX_INPUT_BYTES) {
  const bytes = typeof input === 'string' ? inputByteLength(input) : input.size;
  if (bytes > limit) throw new AnyamError(`${prefix}/too-large`, { bytes, limit });
}

/** The raw bytes of a Blob, or null for text (already decoded). */
export async function readBytes(input: FileInput): Promise<Uint8Array | null> {
  if (typeof input === 'string') return null;
  return new Uint8Array(await input.arrayBuffer());
}

/**
 * The byte offset of the first byte that is not valid UTF-8, or -1. Only called after the
 * decoder has already refused the bytes, to tell the user where (a line number) the damage is.
 */
export function firstInvalidUtf8(bytes: Uint8Array): number {
  let i = 0;
  while (i < bytes.length) {
    const b = bytes[i]!;
    let need: number;
    let min: number;
    if (b < 0x80) {
      i += 1;
      continue;
    } else if (b >= 0xc2 && b <= 0xdf) {
      need = 1;
      min = 0x80;
    } else if (b >= 0xe0 && b <= 0xef) {
      need = 2;
      min = 0x800;
    } else if (b >= 0xf0 && b <= 0xf4) {
      need = 3;
      min = 0x10000;
    } else {
      return i;
    }
    let cp = b & (0x3f >> need);
    for (let k = 1; k <= need; k++) {
      const c = bytes[i + k];
      if (c === undefined || (c & 0xc0) !== 0x80) return i;
      cp = (cp << 6) | (c & 0x3f);
    }
    // Overlong forms, UTF-16 surrogates and code points past U+10FFFF are not UTF-8.
    if (cp < min || (cp >= 0xd800 && cp <= 0xdfff) || cp > 0x10ffff) return i;
    i += need + 1;
  }
  return -1;
}

/** 1-based line of byte `offset` (counting '\n' bytes before it). */
export function lineOfByte(bytes: Uint8Array, offset: number): number {
  let line = 1;
  for (let i = 0; i < offset && i < bytes.length; i++) if (bytes[i] === 0x0a) line++;
  return line;
}

/** Kinds of binary file people pick by mistake, told apart by their first bytes. */
export type BinaryKind = 'zip' | 'pdf' | 'image';

const SIGNATURES: readonly { kind: BinaryKind; bytes: readonly number[] }[] = [
  // A ZIP archive's local file header, its empty-archive end record, and a spanned archive.
  // An Excel .xlsx or a Word .docx is a ZIP archive too.
  { kind: 'zip', bytes: [0x50, 0x4b, 0x03, 0x04] },
  { kind: 'zip', bytes: [0x50, 0x4b, 0x05, 0x06] },
  { kind: 'zip', bytes: [0x50, 0x4b, 0x07, 0x08] },
  { kind: 'pdf', bytes: [0x25, 0x50, 0x44, 0x46, 0x2d] },
  { kind: 'image', bytes: [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a] },
  { kind: 'image', bytes: [0xff, 0xd8, 0xff] },
  { kind: 'image', bytes: [0x47, 0x49, 0x46, 0x38] },
];

/** The kind of binary file `bytes` start like, or null. */
export function binaryKind(bytes: Uint8Array): BinaryKind | null {
  for (const { kind, bytes: sig } of SIGNATURES) {
    if (bytes.length >= sig.length && sig.every((b, i) => bytes[i] === b)) return kind;
  }
  // WebP: "RIFF" size "WEBP"; HEIC/AVIF (phone photos): "ftyp" at byte 4.
  const ascii = (from: number, to: number) => String.fromCharCode(...bytes.subarray(from, to));
  if (bytes.length >= 12 && ascii(0, 4) === 'RIFF' && ascii(8, 12) === 'WEBP') return 'image';
  if (bytes.length >= 12 && ascii(4, 8) === 'ftyp' && /^(hei|hev|avi|mif)/.test(ascii(8, 12)))
    return 'image';
  return null;
}

/**
 * UTF-16 files announce themselves with a byte-order mark, or betray themselves by NUL bytes on
 * one side of every pair: ASCII text in UTF-16 has a NUL in every other byte, always the odd ones
 * (little-endian) or always the even ones (big-endian). NULs scattered over both are a binary
 * file, not text; UTF-8 text never contains NUL.
 */
export function looksLikeUtf16(bytes: Uint8Array): boolean {
  if (bytes.length >= 2) {
    const [a, b] = [bytes[0], bytes[1]];
    if ((a === 0xff && b === 0xfe) || (a === 0xfe && b === 0xff)) return true;
  }
  const length = Math.min(bytes.length, 4096);
  const sample = bytes.subarray(0, length - (length % 2));
  if (sample.length < 2) return false;
  const nul = [0, 0];
  for (let i = 0; i < sample.length; i++) if (sample[i] === 0) nul[i % 2]!++;
  const pairs = sample.length / 2;
  const [many, few] = nul[0]! >= nul[1]! ? [nul[0]!, nul[1]!] : [nul[1]!, nul[0]!];
  return many / pairs > 0.4 && few / pairs < 0.05;
}

export type DecodeFailure =
  | { reason: 'binary'; kind: BinaryKind }
  | { reason: 'utf-16' }
  | { reason: 'invalid-utf-8'; offset: number; line: number };

/**
 * Strict UTF-8 decoding (a leading BOM is dropped). Returns the text, or why it is not UTF-8: a
 * lenient decoder would turn every broken byte into U+FFFD and import "Nguy�n" silently. A
 * ZIP archive, a PDF or a photo is named as such (its NUL bytes once had it called UTF-16).
 */
export function decodeUtf8(bytes: Uint8Array): string | DecodeFailure {
  const kind = binaryKind(bytes);
  if (kind !== null) return { reason: 'binary', kind };
  if (looksLikeUtf16(bytes)) return { reason: 'utf-16' };
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    const offset = firstInvalidUtf8(bytes);
    return { reason: 'invalid-utf-8', offset, line: lineOfByte(bytes, offset) };
  }
}

/**
 * The error for bytes that are not UTF-8 text: `${prefix}/binary-file` (details: kind) for a
 * ZIP archive, PDF or picture, else `${prefix}/${otherCode}` with the decode failure.
 */
export function notTextError(
  prefix: 'backup' | 'csv',
  failure: DecodeFailure,
  otherCode: string,
): AnyamError {
  if (failure.reason === 'binary') {
    return new AnyamError(`${prefix}/binary-file`, { kind: failure.kind, file: prefix });
  }
  return new AnyamError(`${prefix}/${otherCode}`, { ...failure });
}
