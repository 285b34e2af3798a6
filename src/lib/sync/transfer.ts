/**
 * What two phones say over the sync data channel once it is open: each sends its household
 * file (a header with its length and SHA-256, the bytes in chunks, an end mark), checks the one
 * it receives, acknowledges it, and later says whether the person merged it or cancelled.
 * docs/sync.md describes the messages.
 */
import { AnyamError } from '../domain/model';

/** The parts of an RTCDataChannel the exchange uses (a test gives a fake pair). */
export interface SyncChannel {
  readonly readyState: RTCDataChannelState;
  readonly bufferedAmount: number;
  bufferedAmountLowThreshold: number;
  binaryType: BinaryType;
  send(data: string | ArrayBuffer): void;
  close(): void;
  addEventListener(type: string, listener: (event: Event) => void): void;
  removeEventListener(type: string, listener: (event: Event) => void): void;
}

export const CHUNK_BYTES = 16 * 1024;
/** Sending pauses while more than this waits in the channel's buffer. */
export const HIGH_WATER = 1024 * 1024;
export const LOW_WATER = 256 * 1024;
/** A household file larger than this is refused before any byte is kept. */
export const MAX_FILE_BYTES = 256 * 1024 * 1024;

export interface OutgoingFile {
  name: string;
  bytes: Uint8Array<ArrayBuffer>;
}

export interface ReceivedFile {
  /** The other phone's sync id. */
  peer: string;
  file: File;
}

export type PeerStatus = 'merged' | 'cancelled';

export interface TransferProgress {
  sent: number;
  sendTotal: number;
  received: number;
  receiveTotal: number | null;
}

type Hello = { t: 'hello'; v: 1; device: string };
type Header = { t: 'file'; name: string; size: number; sha256: string };
type Control = Hello | Header | { t: 'end' } | { t: 'got' } | { t: 'bad' } | { t: PeerStatus };

export async function sha256Hex(bytes: Uint8Array<ArrayBuffer>): Promise<string> {
  const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', bytes));
  return [...digest].map((b) => b.toString(16).padStart(2, '0')).join('');
}

function parseControl(data: string): Control | null {
  try {
    const value: unknown = JSON.parse(data);
    if (value === null || typeof value !== 'object' || !('t' in value)) return null;
    const msg = value as Control;
    if (msg.t === 'hello') {
      const ok =
        msg.v === 1 && typeof msg.device === 'string' && /^[0-9a-zA-Z-]{1,64}$/.test(msg.device);
      return ok ? msg : null;
    }
    if (msg.t !== 'file') {
      return ['end', 'got', 'bad', 'merged', 'cancelled'].includes(msg.t) ? msg : null;
    }
    const ok =
      typeof msg.name === 'string' &&
      Number.isSafeInteger(msg.size) &&
      msg.size >= 0 &&
      typeof msg.sha256 === 'string' &&
      /^[0-9a-f]{64}$/.test(msg.sha256);
    return ok ? { ...msg, name: msg.name.slice(0, 120) } : null;
  } catch {
    return null;
  }
}

/**
 * One side of the exchange. Each phone first says who it is (`hello`), so the other can make
 * the file of its changes since their last sync. `exchange()` sends that file and resolves with the other phone's
 * file once both arrived whole; it rejects with sync/closed when the channel closes first,
 * sync/transfer-damaged when a file's length or SHA-256 does not match (on both phones), and
 * sync/too-large.
 */
export class SyncExchange {
  readonly #channel: SyncChannel;
  readonly #device: string;
  readonly #make: (peer: string) => Promise<OutgoingFile>;
  #outgoing: OutgoingFile | null = null;
  #peer: string | null = null;
  readonly #onProgress: (p: TransferProgress) => void;
  #header: Header | null = null;
  #chunks: Uint8Array[] = [];
  #received = 0;
  #sent = 0;
  #acknowledged = false;
  #file: ReceivedFile | null = null;
  #done = false;
  #settle: { resolve: (f: ReceivedFile) => void; reject: (e: unknown) => void } | null = null;
  #status: PeerStatus | null = null;
  #statusListeners: ((s: PeerStatus) => void)[] = [];
  #closeListeners: (() => void)[] = [];
  #closed = false;
  #saidHello = false;
  /** Why the exchange failed, for an `exchange()` called after it ended. */
  #failure: unknown = null;

  constructor(
    channel: SyncChannel,
    options: {
      device: string;
      /** Makes this phone's file for the phone that said hello. */
      outgoing: (peer: string) => Promise<OutgoingFile>;
      onProgress?: (p: TransferProgress) => void;
    },
  ) {
    this.#channel = channel;
    this.#device = options.device;
    this.#make = options.outgoing;
    this.#onProgress = options.onProgress ?? (() => {});
    channel.binaryType = 'arraybuffer';
    channel.bufferedAmountLowThreshold = LOW_WATER;
    channel.addEventListener(
      'message',
      (event) => void this.#message((event as MessageEvent).data),
    );
    channel.addEventListener('close', () => this.#close());
  }

  /** What the other phone did with this phone's file, once it says. */
  get peerStatus(): PeerStatus | null {
    return this.#status;
  }

  onPeerStatus(listener: (s: PeerStatus) => void): void {
    this.#statusListeners.push(listener);
  }

  /** The channel closed (after the exchange: the other phone left). */
  onClose(listener: () => void): void {
    this.#closeListeners.push(listener);
  }

  get closed(): boolean {
    return this.#closed;
  }

  exchange(): Promise<ReceivedFile> {
    const result = new Promise<ReceivedFile>((resolve, reject) => {
      this.#settle = { resolve, reject };
    });
    if (this.#done) {
      // It ended before this call: both files crossed, or it failed.
      if (this.#file) this.#settle?.resolve(this.#file);
      else this.#settle?.reject(this.#failure);
    } else if (this.#channel.readyState === 'open') {
      this.#hello();
    } else {
      this.#fail(new AnyamError('sync/closed'));
    }
    return result;
  }

  /**
   * Says who this phone is, once. The other phone's hello can arrive before `exchange()` is
   * called (Chromium dispatched a channel's `open` and its first message in one task, before the
   * code awaiting `open` ran), and it is answered with this hello first: a file that arrives
   * before its sender's hello is refused as damaged.
   */
  #hello(): void {
    if (this.#saidHello) return;
    this.#saidHello = true;
    this.#channel.send(JSON.stringify({ t: 'hello', v: 1, device: this.#device }));
  }

  /** Tells the other phone whether its file was merged here. */
  tell(status: PeerStatus): void {
    if (this.#channel.readyState === 'open') this.#channel.send(JSON.stringify({ t: status }));
  }

  close(): void {
    this.#channel.close();
  }

  #progress(): void {
    this.#onProgress({
      sent: this.#sent,
      sendTotal: this.#outgoing?.bytes.length ?? 0,
      received: this.#received,
      receiveTotal: this.#header?.size ?? null,
    });
  }

  async #send(peer: string): Promise<void> {
    this.#hello();
    this.#outgoing = await this.#make(peer);
    const { bytes, name } = this.#outgoing;
    if (this.#closed || this.#done) return;
    const header: Header = {
      t: 'file',
      name,
      size: bytes.length,
      sha256: await sha256Hex(bytes),
    };
    this.#channel.send(JSON.stringify(header));
    for (let at = 0; at < bytes.length; at += CHUNK_BYTES) {
      if (this.#channel.bufferedAmount > HIGH_WATER) await this.#drained();
      if (this.#closed || this.#done) return;
      const chunk = bytes.slice(at, at + CHUNK_BYTES);
      this.#channel.send(chunk.buffer);
      this.#sent = Math.min(bytes.length, at + CHUNK_BYTES);
      this.#progress();
    }
    this.#channel.send(JSON.stringify({ t: 'end' }));
  }

  #drained(): Promise<void> {
    return new Promise((resolve) => {
      const done = () => {
        this.#channel.removeEventListener('bufferedamountlow', done);
        this.#channel.removeEventListener('close', done);
        resolve();
      };
      this.#channel.addEventListener('bufferedamountlow', done);
      this.#channel.addEventListener('close', done);
    });
  }

  async #message(data: unknown): Promise<void> {
    if (this.#done && this.#file === null) return;
    if (typeof data !== 'string') {
      const chunk = new Uint8Array(data as ArrayBuffer);
      if (!this.#header || this.#received + chunk.length > this.#header.size) {
        this.#fail(new AnyamError('sync/transfer-damaged'), true);
        return;
      }
      this.#chunks.push(chunk);
      this.#received += chunk.length;
      this.#progress();
      return;
    }
    const msg = parseControl(data);
    if (msg === null) {
      this.#fail(new AnyamError('sync/transfer-damaged'), true);
      return;
    }
    switch (msg.t) {
      case 'hello':
        if (this.#peer !== null) return this.#fail(new AnyamError('sync/transfer-damaged'), true);
        this.#peer = msg.device;
        // A send on a channel the peer is closing throws (InvalidStateError) before the close
        // event arrives: that is the peer leaving, and says so, not "something went wrong".
        void this.#send(msg.device).catch((e: unknown) =>
          this.#fail(this.#channel.readyState === 'open' ? e : new AnyamError('sync/closed'), true),
        );
        return;
      case 'file':
        if (this.#peer === null || this.#header)
          return this.#fail(new AnyamError('sync/transfer-damaged'), true);
        if (msg.size > MAX_FILE_BYTES) return this.#fail(new AnyamError('sync/too-large'), true);
        this.#header = msg;
        this.#progress();
        return;
      case 'end':
        return this.#finish();
      case 'got':
        this.#acknowledged = true;
        return this.#maybeDone();
      case 'bad':
        return this.#fail(new AnyamError('sync/transfer-damaged'));
      default:
        this.#status = msg.t;
        for (const listener of this.#statusListeners) listener(msg.t);
    }
  }

  async #finish(): Promise<void> {
    const header = this.#header;
    if (!header || this.#received !== header.size) {
      return this.#fail(new AnyamError('sync/transfer-damaged'), true);
    }
    const bytes = new Uint8Array(header.size);
    let at = 0;
    for (const chunk of this.#chunks) {
      bytes.set(chunk, at);
      at += chunk.length;
    }
    this.#chunks = [];
    if ((await sha256Hex(bytes)) !== header.sha256) {
      return this.#fail(new AnyamError('sync/transfer-damaged'), true);
    }
    const name = header.name.replace(/[^\p{L}\p{N}._-]+/gu, '-') || 'household.json.gz';
    this.#file = {
      peer: this.#peer!,
      file: new File([bytes], name, { type: 'application/gzip' }),
    };
    if (this.#channel.readyState === 'open') this.#channel.send(JSON.stringify({ t: 'got' }));
    this.#maybeDone();
  }

  #maybeDone(): void {
    if (this.#done || !this.#file || !this.#acknowledged) return;
    this.#done = true;
    this.#settle?.resolve(this.#file);
  }

  #fail(error: unknown, tellPeer = false): void {
    if (this.#done) return;
    this.#done = true;
    this.#failure = error;
    this.#file = null;
    if (tellPeer && this.#channel.readyState === 'open') {
      this.#channel.send(JSON.stringify({ t: 'bad' }));
    }
    this.#settle?.reject(error);
  }

  #close(): void {
    this.#closed = true;
    this.#fail(new AnyamError('sync/closed'));
    for (const listener of this.#closeListeners) listener();
  }
}
