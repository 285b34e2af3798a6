/**
 * The code two phones in one room exchange to open a WebRTC data channel with no server
 * (docs/sync.md). A code carries only what the other phone needs to rebuild the session
 * description: the ICE user fragment and password, the DTLS certificate's SHA-256 fingerprint,
 * the host candidates, a session id and the household id. Raw SDP would make a QR code too dense
 * for a phone camera; this one is about 200 characters in the QR alphanumeric set.
 *
 * Layout (bytes, then RFC 4648 base32 after the tag `ANYAM-SYNC1:`):
 *   length u16 (of everything before the checksum) · role u8 · setup u8 · session 8 ·
 *   household (kind u8: 0 = UUID in 16 bytes, 1 = u8 length + UTF-8) ·
 *   ufrag (u8 length + ASCII) · pwd (u8 length + ASCII) · fingerprint 32 ·
 *   candidates (u8 count; each kind u8: 4 = IPv4, 6 = IPv6, 1 = mDNS `<uuid>.local`,
 *   address, port u16) · CRC-32 of all that (u32).
 * The length up front refuses any truncation; the CRC refuses a garbled character.
 */
import { AnyamError } from './model';

export const SYNC_TAG = 'ANYAM-SYNC1:';
const TAG_FAMILY = 'ANYAM-SYNC';

export type SyncRole = 'offer' | 'answer';
export type DtlsSetup = 'actpass' | 'active' | 'passive';

export interface SyncCandidate {
  /** IPv4, IPv6 or an mDNS name `<uuid>.local`. */
  address: string;
  port: number;
}

export interface SyncCode {
  role: SyncRole;
  setup: DtlsSetup;
  /** 16 lowercase hex digits: one sync, used once. */
  session: string;
  /** The household's settings row id. */
  household: string;
  ufrag: string;
  pwd: string;
  /** SHA-256 of the DTLS certificate, 32 uppercase hex pairs joined by ':'. */
  fingerprint: string;
  candidates: SyncCandidate[];
}

/** At most this many host candidates travel (a phone has one or two). */
export const MAX_CANDIDATES = 6;

const ROLES: SyncRole[] = ['offer', 'answer'];
const SETUPS: DtlsSetup[] = ['actpass', 'active', 'passive'];
const ICE_CHARS = /^[A-Za-z0-9+/]+$/;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const HEX_SESSION = /^[0-9a-f]{16}$/;
const FINGERPRINT = /^[0-9A-F]{2}(:[0-9A-F]{2}){31}$/;
const MDNS = /^([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})\.local$/;
const IPV4 = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/;

/* ---------- small byte helpers ---------- */

const CRC_TABLE = (() => {
  const table = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    table[n] = c >>> 0;
  }
  return table;
})();

export function crc32(bytes: Uint8Array): number {
  let c = 0xffffffff;
  for (const b of bytes) c = CRC_TABLE[(c ^ b) & 0xff]! ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

const B32 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';

export function base32Encode(bytes: Uint8Array): string {
  let out = '';
  let bits = 0;
  let value = 0;
  for (const b of bytes) {
    value = (value << 8) | b;
    bits += 8;
    while (bits >= 5) {
      out += B32[(value >>> (bits - 5)) & 31];
      bits -= 5;
    }
    value &= (1 << bits) - 1;
  }
  if (bits > 0) out += B32[(value << (5 - bits)) & 31];
  return out;
}

/** Null on a character outside the alphabet or a length no encoding gives. */
export function base32Decode(text: string): Uint8Array | null {
  if ([1, 3, 6].includes(text.length % 8)) return null;
  const out = new Uint8Array(Math.floor((text.length * 5) / 8));
  let bits = 0;
  let value = 0;
  let i = 0;
  for (const ch of text) {
    const v = B32.indexOf(ch);
    if (v < 0) return null;
    value = ((value << 5) | v) & 0xffff;
    bits += 5;
    if (bits >= 8) {
      out[i++] = (value >>> (bits - 8)) & 0xff;
      bits -= 8;
    }
  }
  // The last character's spare bits are zero in the one spelling an encoder gives.
  if ((value & ((1 << bits) - 1)) !== 0) return null;
  return out;
}

class Writer {
  bytes: number[] = [];
  u8(n: number) {
    this.bytes.push(n & 0xff);
  }
  u16(n: number) {
    this.u8(n >>> 8);
    this.u8(n);
  }
  u32(n: number) {
    this.u16(n >>> 16);
    this.u16(n & 0xffff);
  }
  raw(b: ArrayLike<number>) {
    for (let i = 0; i < b.length; i++) this.u8(b[i]!);
  }
  short(text: string) {
    const b = new TextEncoder().encode(text);
    if (b.length > 255) throw new AnyamError('sync/field-too-long');
    this.u8(b.length);
    this.raw(b);
  }
}

class Reader {
  pos = 0;
  constructor(private readonly b: Uint8Array) {}
  take(n: number): Uint8Array {
    if (this.pos + n > this.b.length) throw damaged();
    const out = this.b.subarray(this.pos, this.pos + n);
    this.pos += n;
    return out;
  }
  u8(): number {
    return this.take(1)[0]!;
  }
  u16(): number {
    const b = this.take(2);
    return (b[0]! << 8) | b[1]!;
  }
  short(): string {
    const bytes = this.take(this.u8());
    try {
      return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    } catch {
      throw damaged();
    }
  }
}

function damaged(): AnyamError {
  return new AnyamError('sync/damaged');
}

const hex = (b: Uint8Array) => [...b].map((x) => x.toString(16).padStart(2, '0')).join('');
function unhex(text: string): Uint8Array {
  const out = new Uint8Array(text.length / 2);
  for (let i = 0; i < out.length; i++) out[i] = parseInt(text.slice(i * 2, i * 2 + 2), 16);
  return out;
}

function ipv6Bytes(address: string): Uint8Array | null {
  if (!/^[0-9a-fA-F:]+$/.test(address) || address.split('::').length > 2) return null;
  const [head, tail] = address.includes('::') ? address.split('::') : [address, null];
  const parts = (s: string | null | undefined) => (s ? s.split(':') : []);
  const h = parts(head);
  const t = parts(tail);
  const fill = tail === null ? 0 : 8 - h.length - t.length;
  if (fill < 0 || (tail === null && h.length !== 8)) return null;
  const groups = [...h, ...Array<string>(fill).fill('0'), ...t];
  if (groups.length !== 8 || groups.some((g) => g.length === 0 || g.length > 4)) return null;
  const out = new Uint8Array(16);
  groups.forEach((g, i) => {
    const v = parseInt(g, 16);
    out[i * 2] = v >>> 8;
    out[i * 2 + 1] = v & 0xff;
  });
  return out;
}

function ipv6Text(b: Uint8Array): string {
  const groups: string[] = [];
  for (let i = 0; i < 16; i += 2) groups.push(((b[i]! << 8) | b[i + 1]!).toString(16));
  return groups.join(':');
}

/** The canonical spelling a decoded candidate has (IPv6 in full groups, lowercase). */
export function canonicalAddress(address: string): string | null {
  const v4 = IPV4.exec(address);
  if (v4)
    return v4.slice(1).every((n) => Number(n) <= 255) ? v4.slice(1).map(Number).join('.') : null;
  if (MDNS.test(address.toLowerCase())) return address.toLowerCase();
  const v6 = ipv6Bytes(address);
  return v6 ? ipv6Text(v6) : null;
}

/* ---------- the code ---------- */

function check(code: SyncCode): void {
  const ok =
    ROLES.includes(code.role) &&
    SETUPS.includes(code.setup) &&
    HEX_SESSION.test(code.session) &&
    code.household.length > 0 &&
    ICE_CHARS.test(code.ufrag) &&
    code.ufrag.length <= 255 &&
    ICE_CHARS.test(code.pwd) &&
    code.pwd.length <= 255 &&
    FINGERPRINT.test(code.fingerprint) &&
    code.candidates.length <= MAX_CANDIDATES &&
    code.candidates.every(
      (c) =>
        Number.isInteger(c.port) &&
        c.port > 0 &&
        c.port < 65536 &&
        canonicalAddress(c.address) !== null,
    );
  if (!ok) throw new AnyamError('sync/invalid-code');
}

export function encodeSyncCode(code: SyncCode): string {
  check(code);
  const w = new Writer();
  w.u16(0); // length, filled in below
  w.u8(ROLES.indexOf(code.role));
  w.u8(SETUPS.indexOf(code.setup));
  w.raw(unhex(code.session));
  if (UUID.test(code.household)) {
    w.u8(0);
    w.raw(unhex(code.household.replaceAll('-', '')));
  } else {
    w.u8(1);
    w.short(code.household);
  }
  w.short(code.ufrag);
  w.short(code.pwd);
  w.raw(unhex(code.fingerprint.replaceAll(':', '')));
  w.u8(code.candidates.length);
  for (const c of code.candidates) {
    const address = canonicalAddress(c.address)!;
    const mdns = MDNS.exec(address);
    if (mdns) {
      w.u8(1);
      w.raw(unhex(mdns[1]!.replaceAll('-', '')));
    } else if (IPV4.test(address)) {
      w.u8(4);
      w.raw(address.split('.').map(Number));
    } else {
      w.u8(6);
      w.raw(ipv6Bytes(address)!);
    }
    w.u16(c.port);
  }
  const length = w.bytes.length;
  w.bytes[0] = length >>> 8;
  w.bytes[1] = length & 0xff;
  w.u32(crc32(Uint8Array.from(w.bytes)));
  return SYNC_TAG + base32Encode(Uint8Array.from(w.bytes));
}

function uuidText(b: Uint8Array): string {
  const h = hex(b);
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}

/**
 * Reads a scanned or pasted code. Spaces and line breaks a chat app adds are ignored. Errors:
 * sync/empty, sync/not-a-code (another app's text or QR), sync/newer-version, sync/damaged
 * (truncated or garbled).
 */
export function decodeSyncCode(input: string): SyncCode {
  const text = input.replace(/\s+/g, '').toUpperCase();
  if (text === '') throw new AnyamError('sync/empty');
  if (!text.startsWith(SYNC_TAG)) {
    // A code cut short before its tag ends is still ours.
    if (SYNC_TAG.startsWith(text)) throw damaged();
    if (text.startsWith(TAG_FAMILY)) throw new AnyamError('sync/newer-version');
    throw new AnyamError('sync/not-a-code');
  }
  const bytes = base32Decode(text.slice(SYNC_TAG.length));
  if (bytes === null || bytes.length < 6) throw damaged();
  const length = (bytes[0]! << 8) | bytes[1]!;
  if (bytes.length !== length + 4) throw damaged();
  const body = bytes.subarray(0, length);
  const sum = bytes.subarray(length);
  const crc = ((sum[0]! << 24) | (sum[1]! << 16) | (sum[2]! << 8) | sum[3]!) >>> 0;
  if (crc32(body) !== crc) throw damaged();
  const r = new Reader(body);
  r.u16();
  const role = ROLES[r.u8()];
  const setup = SETUPS[r.u8()];
  if (!role || !setup) throw damaged();
  const session = hex(r.take(8));
  const kind = r.u8();
  let household: string;
  if (kind === 0) household = uuidText(r.take(16));
  else if (kind === 1) household = r.short();
  else throw damaged();
  const ufrag = r.short();
  const pwd = r.short();
  const fingerprint = hex(r.take(32)).toUpperCase().match(/../g)!.join(':');
  const count = r.u8();
  if (count > MAX_CANDIDATES) throw damaged();
  const candidates: SyncCandidate[] = [];
  for (let i = 0; i < count; i++) {
    const type = r.u8();
    let address: string;
    if (type === 4) address = [...r.take(4)].join('.');
    else if (type === 6) address = ipv6Text(r.take(16));
    else if (type === 1) address = `${uuidText(r.take(16))}.local`;
    else throw damaged();
    const port = r.u16();
    if (port === 0) throw damaged();
    candidates.push({ address, port });
  }
  if (r.pos !== body.length) throw damaged();
  const code = { role, setup, session, household, ufrag, pwd, fingerprint, candidates };
  try {
    check(code);
  } catch {
    throw damaged();
  }
  return code;
}

/* ---------- SDP: what the code takes from it, and what the other side rebuilds ---------- */

/** The fields of this phone's code, read from its gathered local description. */
export function codeFieldsFromSdp(
  sdp: string,
): Pick<SyncCode, 'setup' | 'ufrag' | 'pwd' | 'fingerprint' | 'candidates'> {
  const lines = sdp.split(/\r?\n/);
  const value = (prefix: string) =>
    lines
      .find((l) => l.startsWith(prefix))
      ?.slice(prefix.length)
      .trim() ?? null;
  const ufrag = value('a=ice-ufrag:');
  const pwd = value('a=ice-pwd:');
  const setup = value('a=setup:') as DtlsSetup | null;
  const fp = value('a=fingerprint:');
  if (!ufrag || !pwd || !setup || !SETUPS.includes(setup) || !fp) {
    throw new AnyamError('sync/unsupported');
  }
  const [algorithm, print] = fp.split(/\s+/);
  if (algorithm?.toLowerCase() !== 'sha-256' || !print) throw new AnyamError('sync/unsupported');
  const candidates: SyncCandidate[] = [];
  for (const line of lines) {
    if (!line.startsWith('a=candidate:')) continue;
    // foundation component transport priority address port "typ" type …
    const f = line.slice('a=candidate:'.length).trim().split(/\s+/);
    if (f[1] !== '1' || f[2]?.toLowerCase() !== 'udp' || f[6] !== 'typ' || f[7] !== 'host') {
      continue;
    }
    const address = canonicalAddress(f[4] ?? '');
    const port = Number(f[5]);
    if (address === null || !Number.isInteger(port) || port <= 0 || port >= 65536) continue;
    if (candidates.some((c) => c.address === address && c.port === port)) continue;
    if (candidates.length < MAX_CANDIDATES) candidates.push({ address, port });
  }
  return { setup, ufrag, pwd, fingerprint: print.toUpperCase(), candidates };
}

/**
 * The other phone's session description, rebuilt from its code: one data channel
 * (SCTP over DTLS over ICE), its credentials, fingerprint and host candidates.
 */
export function sdpFromCode(code: SyncCode): string {
  const lines = [
    'v=0',
    `o=- ${parseInt(code.session.slice(0, 12), 16)} 2 IN IP4 127.0.0.1`,
    's=-',
    't=0 0',
    'a=group:BUNDLE 0',
    'a=msid-semantic: WMS',
    'm=application 9 UDP/DTLS/SCTP webrtc-datachannel',
    'c=IN IP4 0.0.0.0',
    ...code.candidates.map(
      (c, i) =>
        `a=candidate:${i + 1} 1 udp ${2122260223 - i * 256} ${c.address} ${c.port} typ host generation 0`,
    ),
    `a=ice-ufrag:${code.ufrag}`,
    `a=ice-pwd:${code.pwd}`,
    'a=ice-options:trickle',
    `a=fingerprint:sha-256 ${code.fingerprint}`,
    `a=setup:${code.setup}`,
    'a=mid:0',
    'a=sctp-port:5000',
    'a=max-message-size:262144',
  ];
  return lines.join('\r\n') + '\r\n';
}

/** A fresh session id from 8 random bytes. */
export function sessionIdFrom(bytes: Uint8Array): string {
  if (bytes.length !== 8) throw new AnyamError('sync/invalid-code');
  return hex(bytes);
}

/** What a phone knows when it reads the other phone's code. */
export interface CodeContext {
  /** The code this step expects: an offer on the phone that reads first, else an answer. */
  expect: SyncRole;
  /** This phone's household (settings id) and the households it has merged files of. */
  household: string | null;
  knownHouseholds: readonly string[];
  /** Session ids already used on this phone. */
  usedSessions: readonly string[];
  /** For an answer: the session of the offer this phone showed. */
  session?: string;
}

/**
 * Reads the other phone's code and checks it belongs here and now. Errors, beyond
 * `decodeSyncCode`'s: sync/wrong-step (the first code where the answer is due, or the other way
 * round), sync/other-household, sync/replayed (a session used before, or an answer to another
 * offer than the one on screen).
 */
export function readCodeFor(input: string, context: CodeContext): SyncCode {
  const code = decodeSyncCode(input);
  if (code.role !== context.expect) {
    throw new AnyamError('sync/wrong-step', { expected: context.expect });
  }
  if (
    context.household === null ||
    (code.household !== context.household && !context.knownHouseholds.includes(code.household))
  ) {
    throw new AnyamError('sync/other-household', { household: code.household });
  }
  if (context.expect === 'answer' ? code.session !== context.session : false) {
    throw new AnyamError('sync/replayed');
  }
  if (context.expect === 'offer' && context.usedSessions.includes(code.session)) {
    throw new AnyamError('sync/replayed');
  }
  return code;
}

/** The used-session list after `session`, keeping the newest `max`. */
export function rememberSession(used: readonly string[], session: string, max = 50): string[] {
  return [...used.filter((s) => s !== session), session].slice(-max);
}
