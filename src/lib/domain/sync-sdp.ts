/**
 * SDP and the sync code: the fields a code takes from this phone's local description, and the
 * other phone's description rebuilt from its code.
 */
import { AnyamError } from './model';
import {
  canonicalAddress,
  MAX_CANDIDATES,
  SETUPS,
  type DtlsSetup,
  type SyncCandidate,
  type SyncCode,
} from './sync-code';

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
  // Stryker disable next-line OptionalChaining: `fp` is trimmed and not empty, so its split always has a first field
  if (algorithm?.toLowerCase() !== 'sha-256' || !print) throw new AnyamError('sync/unsupported');
  const candidates: SyncCandidate[] = [];
  for (const line of lines) {
    if (!line.startsWith('a=candidate:')) continue;
    // foundation component transport priority address port "typ" type …
    const f = line.slice('a=candidate:'.length).trim().split(/\s+/);
    if (f[1] !== '1' || f[2]?.toLowerCase() !== 'udp' || f[6] !== 'typ' || f[7] !== 'host') {
      continue;
    }
    // Stryker disable next-line StringLiteral: `f[7]` is 'host' here, so `f[4]` exists and the fallback is never read
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
