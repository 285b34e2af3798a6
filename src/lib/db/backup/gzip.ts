/**
 * The compressed variant of the backup file: the whole file (plain or encrypted) through gzip
 * (RFC 1952) with the browser's own CompressionStream, no library. A household file travels
 * through chat apps that limit attachment sizes; one record per line of JSON shrinks about
 * tenfold.
 */
import { AnyamError, isAnyamError } from '../../domain/model';
import { MAX_INPUT_BYTES } from './read-input';

/** Every gzip member starts with these two bytes (RFC 1952, ID1 ID2). */
export function isGzip(bytes: Uint8Array): boolean {
  return bytes.length >= 2 && bytes[0] === 0x1f && bytes[1] === 0x8b;
}

/** A name or type that says gzip: a file that claims it and is not, is refused as such. */
export function claimsGzip(input: Blob): boolean {
  const name = (input as { name?: unknown }).name;
  return (
    (typeof name === 'string' && /\.gz$/i.test(name)) ||
    input.type === 'application/gzip' ||
    input.type === 'application/x-gzip'
  );
}

/** A stream of one chunk (not Blob.stream(), which jsdom lacks). */
function streamOf(bytes: Uint8Array<ArrayBuffer>): ReadableStream<Uint8Array<ArrayBuffer>> {
  return new ReadableStream({
    start(controller) {
      controller.enqueue(bytes);
      controller.close();
    },
  });
}

async function drain(
  stream: ReadableStream<Uint8Array>,
  limit: number,
): Promise<Uint8Array<ArrayBuffer>> {
  const reader = stream.getReader();
  const parts: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.length;
    // A small file that unpacks to gigabytes (a "zip bomb") stops at the first chunk past the
    // backup size limit. Its real size is unknown (only "more than the limit"), so the error
    // is its own code: backup/too-large would name the size reached as the file's size.
    if (size > limit) {
      await reader.cancel().catch(() => undefined);
      throw new AnyamError('backup/unpacks-too-large', { unpackedAtLeast: size, limit });
    }
    parts.push(value);
  }
  const out = new Uint8Array(size);
  let at = 0;
  for (const part of parts) {
    out.set(part, at);
    at += part.length;
  }
  return out;
}

/** gzip of the UTF-8 text. */
export async function gzipText(text: string): Promise<Uint8Array<ArrayBuffer>> {
  const source = streamOf(new TextEncoder().encode(text)).pipeThrough(
    new CompressionStream('gzip'),
  );
  return drain(source, Number.POSITIVE_INFINITY);
}

/**
 * The bytes inside a gzip file. A file cut short (a download that stopped, a chat app that
 * trimmed it) or damaged fails the decompressor's length and CRC-32 check: backup/gzip-damaged.
 * Unpacked data over the size limit: backup/unpacks-too-large (decompression stops there).
 */
export async function gunzip(
  bytes: Uint8Array<ArrayBuffer>,
  limit = MAX_INPUT_BYTES,
): Promise<Uint8Array<ArrayBuffer>> {
  try {
    const source = streamOf(bytes).pipeThrough(new DecompressionStream('gzip'));
    return await drain(source, limit);
  } catch (error) {
    if (isAnyamError(error)) throw error;
    throw new AnyamError('backup/gzip-damaged', {
      message: error instanceof Error ? error.message : String(error),
    });
  }
}
