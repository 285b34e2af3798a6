import { describe, expect, it } from 'vitest';
import {
  CHUNK_BYTES,
  HIGH_WATER,
  SyncExchange,
  type OutgoingFile,
  type SyncChannel,
} from '../../src/lib/sync/transfer';

/**
 * Two ends of an in-memory data channel: what one sends arrives at the other a task later,
 * counted in `bufferedAmount` until then, like RTCDataChannel.
 */
class FakeChannel extends EventTarget implements SyncChannel {
  readyState: RTCDataChannelState = 'open';
  bufferedAmount = 0;
  bufferedAmountLowThreshold = 0;
  binaryType: BinaryType = 'blob';
  other!: FakeChannel;
  sent: (string | ArrayBuffer)[] = [];
  peakBuffered = 0;
  /** Called for each message before it is delivered; may change or drop it. */
  tamper: (data: string | ArrayBuffer) => string | ArrayBuffer | null = (d) => d;

  send(data: string | ArrayBuffer): void {
    if (this.readyState !== 'open') throw new Error('InvalidStateError');
    const size = typeof data === 'string' ? data.length : data.byteLength;
    this.sent.push(data);
    this.bufferedAmount += size;
    this.peakBuffered = Math.max(this.peakBuffered, this.bufferedAmount);
    setTimeout(() => {
      const before = this.bufferedAmount;
      this.bufferedAmount -= size;
      if (
        before > this.bufferedAmountLowThreshold &&
        this.bufferedAmount <= this.bufferedAmountLowThreshold
      ) {
        this.dispatchEvent(new Event('bufferedamountlow'));
      }
      if (this.other.readyState !== 'open') return;
      const delivered = this.tamper(data);
      if (delivered !== null)
        this.other.dispatchEvent(new MessageEvent('message', { data: delivered }));
    }, 0);
  }

  close(): void {
    for (const end of [this, this.other]) {
      if (end.readyState === 'closed') continue;
      end.readyState = 'closed';
      setTimeout(() => end.dispatchEvent(new Event('close')), 0);
    }
  }
}

function pair(): [FakeChannel, FakeChannel] {
  const a = new FakeChannel();
  const b = new FakeChannel();
  a.other = b;
  b.other = a;
  return [a, b];
}

function fileOf(size: number, seed: number): OutgoingFile {
  const bytes = new Uint8Array(size);
  for (let i = 0; i < size; i++) bytes[i] = (i * 31 + seed) & 0xff;
  return { name: `household-${seed}.json.gz`, bytes };
}

async function bytesOf(file: File): Promise<Uint8Array> {
  return new Uint8Array(await file.arrayBuffer());
}

describe('the sync exchange', () => {
  it('each phone gets the file the other made for it, whole, and knows who sent it', async () => {
    const [ca, cb] = pair();
    const asked: string[] = [];
    const fa = fileOf(HIGH_WATER + 3 * CHUNK_BYTES + 12_345, 1);
    const fb = fileOf(10, 2);
    const a = new SyncExchange(ca, {
      device: 'phone-a',
      outgoing: (peer) => (asked.push(`a→${peer}`), Promise.resolve(fa)),
    });
    const b = new SyncExchange(cb, {
      device: 'phone-b',
      outgoing: (peer) => (asked.push(`b→${peer}`), Promise.resolve(fb)),
    });
    const [gotA, gotB] = await Promise.all([a.exchange(), b.exchange()]);
    expect(asked.sort()).toEqual(['a→phone-b', 'b→phone-a']);
    expect(gotA.peer).toBe('phone-b');
    expect(gotB.peer).toBe('phone-a');
    expect(await bytesOf(gotA.file)).toEqual(fb.bytes);
    expect(await bytesOf(gotB.file)).toEqual(fa.bytes);
    // Chunks of at most CHUNK_BYTES, and the sender waited whenever the buffer was full.
    expect(
      ca.sent.filter((d) => typeof d !== 'string').every((d) => d.byteLength <= CHUNK_BYTES),
    ).toBe(true);
    expect(ca.peakBuffered).toBeLessThanOrEqual(HIGH_WATER + CHUNK_BYTES + 1024);
  });

  it("the other phone's hello before this phone called exchange(): answered with this phone's hello first, and both files arrive", async () => {
    // Chromium can dispatch a channel's `open` and the other phone's first message in one task,
    // before the code that awaited `open` calls exchange().
    const [ca, cb] = pair();
    const fa = fileOf(3 * CHUNK_BYTES + 7, 1);
    const fb = fileOf(2 * CHUNK_BYTES + 5, 2);
    const a = new SyncExchange(ca, { device: 'a', outgoing: () => Promise.resolve(fa) });
    const b = new SyncExchange(cb, { device: 'b', outgoing: () => Promise.resolve(fb) });
    const gotA = a.exchange();
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(JSON.parse(cb.sent[0] as string)).toMatchObject({ t: 'hello', device: 'b' });
    const gotB = await b.exchange();
    expect(cb.sent.filter((d) => typeof d === 'string' && d.includes('hello'))).toHaveLength(1);
    expect(await bytesOf((await gotA).file)).toEqual(fb.bytes);
    expect(await bytesOf(gotB.file)).toEqual(fa.bytes);
  }, 10_000);

  it('a damaged message before this phone called exchange() is still reported by exchange()', async () => {
    const [ca, cb] = pair();
    const b = new SyncExchange(cb, { device: 'b', outgoing: () => Promise.resolve(fileOf(1, 2)) });
    ca.send('{"t":"file","name":"x","size":1}');
    await new Promise((resolve) => setTimeout(resolve, 10));
    await expect(b.exchange()).rejects.toMatchObject({ code: 'sync/transfer-damaged' });
  }, 10_000);

  it('an empty file travels too', async () => {
    const [ca, cb] = pair();
    const a = new SyncExchange(ca, { device: 'a', outgoing: () => Promise.resolve(fileOf(0, 1)) });
    const b = new SyncExchange(cb, { device: 'b', outgoing: () => Promise.resolve(fileOf(0, 2)) });
    const [gotA] = await Promise.all([a.exchange(), b.exchange()]);
    expect(gotA.file.size).toBe(0);
  });

  it('a phone that closes mid-transfer leaves the other with sync/closed and no file', async () => {
    const [ca, cb] = pair();
    let chunks = 0;
    ca.tamper = (d) => {
      if (typeof d !== 'string' && ++chunks === 3) ca.close();
      return d;
    };
    const a = new SyncExchange(ca, {
      device: 'a',
      outgoing: () => Promise.resolve(fileOf(200_000, 1)),
    });
    const b = new SyncExchange(cb, {
      device: 'b',
      outgoing: () => Promise.resolve(fileOf(100, 2)),
    });
    const results = await Promise.allSettled([a.exchange(), b.exchange()]);
    for (const r of results) {
      expect(r.status).toBe('rejected');
      expect((r as PromiseRejectedResult).reason).toMatchObject({ code: 'sync/closed' });
    }
  });

  it('a peer leaving while this phone still sends reads as the connection closing, not as "something went wrong"', async () => {
    const [ca, cb] = pair();
    let chunks = 0;
    ca.tamper = (d) => {
      if (typeof d !== 'string' && ++chunks === 1) {
        // B leaves: A's end is closing (a send now throws) before A hears the close event.
        ca.readyState = 'closing';
        cb.readyState = 'closed';
        setTimeout(() => cb.dispatchEvent(new Event('close')), 0);
      }
      return d;
    };
    const a = new SyncExchange(ca, {
      device: 'a',
      outgoing: () => Promise.resolve(fileOf(HIGH_WATER + 4 * CHUNK_BYTES, 1)),
    });
    const b = new SyncExchange(cb, {
      device: 'b',
      outgoing: () => Promise.resolve(fileOf(100, 2)),
    });
    const [ra] = await Promise.allSettled([a.exchange(), b.exchange()]);
    expect(ra.status).toBe('rejected');
    expect((ra as PromiseRejectedResult).reason).toMatchObject({ code: 'sync/closed' });
  });

  it('a file that arrives changed is refused on both phones (SHA-256)', async () => {
    const [ca, cb] = pair();
    ca.tamper = (d) => {
      if (typeof d === 'string') return d;
      const copy = new Uint8Array(d.slice(0));
      copy[0] = copy[0]! ^ 1;
      return copy.buffer;
    };
    const a = new SyncExchange(ca, {
      device: 'a',
      outgoing: () => Promise.resolve(fileOf(50_000, 1)),
    });
    const b = new SyncExchange(cb, {
      device: 'b',
      outgoing: () => Promise.resolve(fileOf(100, 2)),
    });
    const results = await Promise.allSettled([a.exchange(), b.exchange()]);
    for (const r of results) {
      expect((r as PromiseRejectedResult).reason).toMatchObject({ code: 'sync/transfer-damaged' });
    }
  });

  it('a file cut short (end mark before all its bytes) is refused', async () => {
    const [ca, cb] = pair();
    let chunks = 0;
    ca.tamper = (d) => (typeof d !== 'string' && ++chunks === 2 ? null : d);
    const a = new SyncExchange(ca, {
      device: 'a',
      outgoing: () => Promise.resolve(fileOf(50_000, 1)),
    });
    const b = new SyncExchange(cb, {
      device: 'b',
      outgoing: () => Promise.resolve(fileOf(100, 2)),
    });
    const [, rb] = await Promise.allSettled([a.exchange(), b.exchange()]);
    expect((rb as PromiseRejectedResult).reason).toMatchObject({ code: 'sync/transfer-damaged' });
  });

  it('after the exchange, each phone hears whether the other merged', async () => {
    const [ca, cb] = pair();
    const a = new SyncExchange(ca, { device: 'a', outgoing: () => Promise.resolve(fileOf(10, 1)) });
    const b = new SyncExchange(cb, { device: 'b', outgoing: () => Promise.resolve(fileOf(10, 2)) });
    await Promise.all([a.exchange(), b.exchange()]);
    const heard = new Promise((resolve) => a.onPeerStatus(resolve));
    b.tell('merged');
    expect(await heard).toBe('merged');
    expect(a.peerStatus).toBe('merged');
  });
});
