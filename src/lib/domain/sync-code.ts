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
import {
  base32Decode,
  base32Encode,
  crc32,
  damaged,
  hex,
  ipv6Bytes,
  ipv6Text,
  Reader,
  unhex,
  Writer,
} from './sync-code-bytes';

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
export const SETUPS: DtlsSetup[] = ['actpass', 'active', 'passive'];
const ICE_CHARS = /^[A-Za-z0-9+/]+$/;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const HEX_SESSION = /^[0-9a-f]{16}$/;
const FINGERPRINT = /^[0-9A-F]{2}(:[0-9A-F]{2}){31}$/;
const MDNS = /^([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})\.local$/;
const IPV4 = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/;

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
  // Stryker disable next-line LogicalOperator: a code with one of the two unknown is refused by check() below, as damaged too
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
