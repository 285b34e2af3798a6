import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  assertSize,
  binaryKind,
  decodeUtf8,
  firstInvalidUtf8,
  inputByteLength,
  lineOfByte,
  looksLikeUtf16,
  MAX_INPUT_BYTES,
  notTextError,
  readBytes,
} from '../../src/lib/db/backup/read-input';
import { claimsGzip, gunzip, gzipText, isGzip } from '../../src/lib/db/backup/gzip';
import type { AnyamError } from '../../src/lib/domain/model';

/*
 * The rules of reading what a person picked (read-input.ts): the size limit, strict UTF-8 with
 * the place of the first broken byte, and the binary files and UTF-16 text told apart from a
 * damaged CSV or backup; and of unpacking a gzip file (gzip.ts).
 */
const utf8 = (text: string) => new TextEncoder().encode(text);
/** Any code point (a lone surrogate is encoded as U+FFFD, still UTF-8). */
const codePoint = fc.integer({ min: 0, max: 0x10ffff }).map((c) => String.fromCodePoint(c));
const bytesOf = (...parts: (Uint8Array | number[])[]) =>
  new Uint8Array(parts.flatMap((p) => [...p]));

function thrown(f: () => unknown): AnyamError {
  try {
    f();
  } catch (error) {
    return error as AnyamError;
  }
  throw new Error('did not throw');
}

describe('the size limit', () => {
  it('counts a file by its size and text by its UTF-8 bytes as far as the limit needs', () => {
    expect(inputByteLength(new Blob(['abc', 'é']))).toBe(5);
    expect(inputByteLength('abc')).toBe(3);
  });

  it('accepts exactly the limit and refuses one byte more, naming both', () => {
    expect(() => assertSize('abcd', 'csv', 4)).not.toThrow();
    expect(() => assertSize(new Blob(['abcd']), 'backup', 4)).not.toThrow();
    const text = thrown(() => assertSize('abcde', 'csv', 4));
    expect(text.code).toBe('csv/too-large');
    expect(text.details).toEqual({ bytes: 5, limit: 4 });
    const file = thrown(() => assertSize(new Blob(['ab', 'é']), 'backup', 3));
    expect(file.code).toBe('backup/too-large');
    expect(file.details).toEqual({ bytes: 4, limit: 3 });
  });

  it('refuses text whose UTF-8 bytes pass the default limit though its length does not', () => {
    // One unit of U+0800 is three bytes: one byte over the limit, with a third of its length.
    const text = '\u0800'.repeat(Math.floor(MAX_INPUT_BYTES / 3) + 1);
    expect(inputByteLength(text)).toBe(MAX_INPUT_BYTES + 1);
    expect(thrown(() => assertSize(text, 'csv')).details).toEqual({
      bytes: MAX_INPUT_BYTES + 1,
      limit: MAX_INPUT_BYTES,
    });
  });

  it('reads a file as its bytes and leaves text as it is', async () => {
    expect(await readBytes('text')).toBeNull();
    expect([...(await readBytes(new Blob([new Uint8Array([1, 2, 250])])))!]).toEqual([1, 2, 250]);
  });
});

/** Byte sequences that are not UTF-8, each broken at its first byte. */
const BROKEN: readonly number[][] = [
  [0x80], // a continuation byte with no lead
  [0xbf],
  [0xc0, 0x80], // overlong forms
  [0xc1, 0xbf],
  [0xe0, 0x9f, 0xbf],
  [0xf0, 0x8f, 0xbf, 0xbf],
  [0xed, 0xa0, 0x80], // UTF-16 surrogates
  [0xed, 0xbf, 0xbf],
  [0xf4, 0x90, 0x80, 0x80], // past U+10FFFF
  [0xf5, 0x80, 0x80, 0x80],
  [0xf8],
  [0xff],
  [0xc2, 0x41], // a lead byte followed by a byte that does not continue it
  [0xe2, 0x82, 0x41],
  [0xf0, 0x9f, 0x98, 0x41],
];

describe('the first byte that is not UTF-8', () => {
  it('is -1 for any text, including the first and last code point of every length', () => {
    for (const edge of ['\u007f', '\u0080', '\u07ff', '\u0800', '\ud7ff', '\ue000', '\uffff']) {
      expect(firstInvalidUtf8(utf8(edge))).toBe(-1);
    }
    expect(firstInvalidUtf8(utf8('\u{10000}\u{10ffff}'))).toBe(-1);
    fc.assert(
      fc.property(fc.string({ unit: codePoint, maxLength: 40 }), (text) => {
        expect(firstInvalidUtf8(utf8(text))).toBe(-1);
      }),
      { numRuns: 100 },
    );
  });

  it('is where the broken bytes start, whatever text comes before and after, on its line', () => {
    fc.assert(
      fc.property(
        fc.string({ unit: codePoint, maxLength: 30 }),
        fc.constantFrom(...BROKEN),
        fc.string({ unit: codePoint, maxLength: 10 }),
        (before, broken, after) => {
          const head = utf8(before);
          const bytes = bytesOf(head, broken, utf8(after));
          expect(firstInvalidUtf8(bytes)).toBe(head.length);
          expect(lineOfByte(bytes, head.length)).toBe(before.split('\n').length);
          // Bytes that happen to start like a binary signature or UTF-16 text are named so.
          if (binaryKind(bytes) === null && !looksLikeUtf16(bytes)) {
            expect(decodeUtf8(bytes)).toEqual({
              reason: 'invalid-utf-8',
              offset: head.length,
              line: before.split('\n').length,
            });
          }
        },
      ),
      { numRuns: 100 },
    );
  });

  it('is a lead byte cut off by the end of the file', () => {
    expect(firstInvalidUtf8(bytesOf(utf8('ab'), [0xe2, 0x82]))).toBe(2);
    expect(firstInvalidUtf8(bytesOf(utf8('ab'), [0xf0]))).toBe(2);
  });

  it('counts lines up to the offset and never past the end', () => {
    const bytes = utf8('a\nb\nc');
    expect(lineOfByte(bytes, 0)).toBe(1);
    expect(lineOfByte(bytes, 1)).toBe(1);
    expect(lineOfByte(bytes, 2)).toBe(2);
    expect(lineOfByte(bytes, 99)).toBe(3);
    expect(lineOfByte(bytes, -1)).toBe(1);
  });
});

describe('binary files picked by mistake', () => {
  const pad = (head: number[]) => bytesOf(head, utf8('rest of the file'));
  it.each([
    ['zip', [0x50, 0x4b, 0x03, 0x04]],
    ['zip', [0x50, 0x4b, 0x05, 0x06]],
    ['zip', [0x50, 0x4b, 0x07, 0x08]],
    ['pdf', [...utf8('%PDF-')]],
    ['image', [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]],
    ['image', [0xff, 0xd8, 0xff]],
    ['image', [...utf8('GIF8')]],
    ['image', [...utf8('RIFF'), 1, 2, 3, 4, ...utf8('WEBP')]],
    ['image', [0, 0, 0, 0x18, ...utf8('ftypheic')]],
    ['image', [0, 0, 0, 0x18, ...utf8('ftyphevc')]],
    ['image', [0, 0, 0, 0x18, ...utf8('ftypavif')]],
    ['image', [0, 0, 0, 0x18, ...utf8('ftypmif1')]],
  ])('are named %s from their first bytes', (kind, head) => {
    expect(binaryKind(pad(head))).toBe(kind);
    expect(decodeUtf8(pad(head))).toEqual({ reason: 'binary', kind });
  });

  it('are not named from a signature cut short, or one not at the start', () => {
    expect(binaryKind(new Uint8Array([0x50, 0x4b, 0x03]))).toBeNull();
    expect(binaryKind(bytesOf([0x20], [0x50, 0x4b, 0x03, 0x04]))).toBeNull();
    expect(binaryKind(utf8('RIFF1234WEBX'))).toBeNull();
    expect(binaryKind(utf8('RIFF1234WEB'))).toBeNull();
    expect(binaryKind(bytesOf([0, 0, 0, 0x18], utf8('ftypisom')))).toBeNull();
    expect(binaryKind(bytesOf([0, 0, 0, 0x18], utf8('ftyphei')))).toBeNull();
    expect(binaryKind(utf8('date,amount\n'))).toBeNull();
    expect(binaryKind(new Uint8Array())).toBeNull();
  });

  it('give the file kind in their error, other failures their own code and details', () => {
    const binary = notTextError('csv', { reason: 'binary', kind: 'pdf' }, 'bad-encoding');
    expect([binary.code, binary.details]).toEqual([
      'csv/binary-file',
      { kind: 'pdf', file: 'csv' },
    ]);
    const utf16 = notTextError('backup', { reason: 'utf-16' }, 'bad-encoding');
    expect([utf16.code, utf16.details]).toEqual(['backup/bad-encoding', { reason: 'utf-16' }]);
    const broken = { reason: 'invalid-utf-8' as const, offset: 3, line: 2 };
    const error = notTextError('csv', broken, 'not-text');
    expect([error.code, error.details]).toEqual(['csv/not-text', broken]);
  });
});

describe('UTF-16 text', () => {
  const le = (text: string) => bytesOf(...[...text].map((c) => [c.charCodeAt(0), 0]));
  const be = (text: string) => bytesOf(...[...text].map((c) => [0, c.charCodeAt(0)]));

  it('is known by its byte-order mark in either order', () => {
    expect(looksLikeUtf16(new Uint8Array([0xff, 0xfe]))).toBe(true);
    expect(looksLikeUtf16(new Uint8Array([0xfe, 0xff, 0x41]))).toBe(true);
    expect(looksLikeUtf16(new Uint8Array([0xff, 0xff]))).toBe(false);
    expect(looksLikeUtf16(new Uint8Array([0xfe, 0xfe]))).toBe(false);
    expect(decodeUtf8(new Uint8Array([0xff, 0xfe, 0x41, 0]))).toEqual({ reason: 'utf-16' });
  });

  it('is known without a mark by its NUL bytes on one side, in either byte order', () => {
    fc.assert(
      fc.property(
        fc.string({ unit: fc.constantFrom(...'abc,;.0123 \n'), minLength: 1, maxLength: 60 }),
        (text) => {
          expect(looksLikeUtf16(le(text))).toBe(true);
          expect(looksLikeUtf16(be(text))).toBe(true);
          expect(looksLikeUtf16(utf8(text))).toBe(false);
        },
      ),
      { numRuns: 100 },
    );
    // An odd last byte is left out of the count.
    expect(looksLikeUtf16(bytesOf(le('ab'), [0x41]))).toBe(true);
  });

  it('needs NULs in more than 40% of the pairs and on the other side in under 5%', () => {
    // 10 pairs: 4 with a NUL is not enough, 5 is.
    const pairs = (nuls: number, others: number, total: number) =>
      bytesOf(
        ...Array.from({ length: total }, (_, i) =>
          i < nuls ? [0x41, 0] : i < nuls + others ? [0, 0x41] : [0x41, 0x42],
        ),
      );
    expect(looksLikeUtf16(pairs(4, 0, 10))).toBe(false);
    expect(looksLikeUtf16(pairs(5, 0, 10))).toBe(true);
    // 20 pairs, 19 NULs on one side: one on the other (5%) is binary, none is text.
    expect(looksLikeUtf16(pairs(19, 1, 20))).toBe(false);
    expect(looksLikeUtf16(pairs(19, 0, 20))).toBe(true);
    expect(looksLikeUtf16(pairs(0, 19, 20))).toBe(true);
    // NULs spread evenly over both sides: a binary file.
    expect(looksLikeUtf16(pairs(10, 10, 20))).toBe(false);
  });

  it('is only looked for in the first 4,096 bytes, and never in under two', () => {
    expect(looksLikeUtf16(new Uint8Array([0]))).toBe(false);
    expect(looksLikeUtf16(new Uint8Array())).toBe(false);
    expect(looksLikeUtf16(bytesOf(le('a'.repeat(2048)), utf8('x'.repeat(10_000))))).toBe(true);
    expect(looksLikeUtf16(bytesOf(utf8('x'.repeat(4096)), le('a'.repeat(10_000))))).toBe(false);
  });
});

describe('decoding', () => {
  it('drops a leading byte-order mark and keeps the text exactly', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 30 }), (text) => {
        // Text starting like a signature is left out: it is named as the binary file it resembles.
        fc.pre(binaryKind(utf8(text)) === null && !looksLikeUtf16(utf8(text)));
        expect(decodeUtf8(utf8(text))).toBe(text);
        expect(decodeUtf8(bytesOf([0xef, 0xbb, 0xbf], utf8(text)))).toBe(text);
      }),
      { numRuns: 100 },
    );
  });
});

describe('a gzip file', () => {
  it('is known by its first two bytes, or claimed by its name or type', () => {
    expect(isGzip(new Uint8Array([0x1f, 0x8b]))).toBe(true);
    expect(isGzip(new Uint8Array([0x1f]))).toBe(false);
    expect(isGzip(new Uint8Array([0x1f, 0x8c]))).toBe(false);
    expect(isGzip(new Uint8Array([0x1e, 0x8b]))).toBe(false);
    expect(isGzip(utf8('{"format"'))).toBe(false);
    const named = (name: string, type = '') => new File(['x'], name, { type });
    expect(claimsGzip(named('anyam.json.gz'))).toBe(true);
    expect(claimsGzip(named('ANYAM.GZ'))).toBe(true);
    expect(claimsGzip(named('anyam.gz.json'))).toBe(false);
    expect(claimsGzip(named('anyamgz'))).toBe(false);
    expect(claimsGzip(named('a', 'application/gzip'))).toBe(true);
    expect(claimsGzip(named('a', 'application/x-gzip'))).toBe(true);
    expect(claimsGzip(named('a', 'application/json'))).toBe(false);
    expect(claimsGzip(new Blob(['x']))).toBe(false);
  });

  it('unpacks to the text packed, across many chunks', async () => {
    const lines = Array.from({ length: 4000 }, (_, i) => `{"id":${i},"note":"Nguyễn ${i * 7919}"}`);
    const text = lines.join('\n');
    const packed = await gzipText(text);
    expect(isGzip(packed)).toBe(true);
    expect(packed.length).toBeLessThan(text.length);
    expect(new TextDecoder().decode(await gunzip(packed))).toBe(text);
    expect(new TextDecoder().decode(await gunzip(await gzipText('')))).toBe('');
  });

  it('may unpack to exactly the limit, and stops past it naming the size reached', async () => {
    const packed = await gzipText('0123456789');
    expect((await gunzip(packed, 10)).length).toBe(10);
    const error = await gunzip(packed, 9).catch((e: unknown) => e as AnyamError);
    expect(error).toMatchObject({
      code: 'backup/unpacks-too-large',
      details: { unpackedAtLeast: 10, limit: 9 },
    });
  });

  it('is refused as damaged when cut short or changed, with the reason', async () => {
    const packed = await gzipText('a household file '.repeat(50));
    const cut = packed.slice(0, packed.length - 6);
    const changed = packed.slice();
    changed[changed.length - 5]! ^= 0xff; // the length and CRC-32 at the end
    for (const bytes of [cut, changed]) {
      const error = (await gunzip(bytes).catch((e: unknown) => e)) as AnyamError;
      expect(error.code).toBe('backup/gzip-damaged');
      expect(typeof error.details.message).toBe('string');
      expect(error.details.message).not.toBe('');
    }
  });
});

describe('edges the examples above leave open', () => {
  it('a byte that cannot start a character is broken, whatever continuation bytes follow it', () => {
    for (const bytes of [
      [0x9f, 0xbf],
      [0x8f, 0xbf, 0xbf],
      [0x80, 0x90, 0x80, 0x80],
      [0xf8, 0x90, 0x80, 0x80],
      [0xfc, 0x90, 0x80, 0x80],
    ]) {
      expect(firstInvalidUtf8(bytesOf(utf8('ok'), bytes)), bytes.join(' ')).toBe(2);
    }
  });

  it('a binary file as short as its signature is still named', () => {
    expect(binaryKind(new Uint8Array([0xff, 0xd8, 0xff]))).toBe('image');
    expect(binaryKind(utf8('%PDF-'))).toBe('pdf');
    expect(binaryKind(utf8('RIFF1234WEBP'))).toBe('image');
    expect(binaryKind(bytesOf([0, 0, 0, 0x18], utf8('ftypheic')))).toBe('image');
  });

  it('WebP needs both RIFF and WEBP, HEIC/AVIF both ftyp and a brand that starts so', () => {
    expect(binaryKind(utf8('RIFX1234WEBP and more'))).toBeNull();
    expect(binaryKind(bytesOf([0, 0, 0, 0x18], utf8('ftip'), utf8('heic and more')))).toBeNull();
    expect(binaryKind(bytesOf([0, 0, 0, 0x18], utf8('ftyp'), utf8('xhei and more')))).toBeNull();
  });

  it('UTF-16 needs its NULs on the other side in under 5% of the pairs, counted over whole pairs', () => {
    const pairs = (nuls: number, others: number, total: number) =>
      bytesOf(
        ...Array.from({ length: total }, (_, i) =>
          i < nuls ? [0x41, 0] : i < nuls + others ? [0, 0x41] : [0x41, 0x42],
        ),
      );
    // One NUL on the other side of 40 pairs is 2.5%: text.
    expect(looksLikeUtf16(pairs(39, 1, 40))).toBe(true);
    // An odd last NUL is not a pair: it does not count against ten clean pairs.
    expect(looksLikeUtf16(bytesOf(pairs(10, 0, 10), [0]))).toBe(true);
  });
});
