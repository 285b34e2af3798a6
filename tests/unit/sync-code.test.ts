import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isAnyamError } from '../../src/lib/domain/model';
import {
  decodeSyncCode,
  encodeSyncCode,
  MAX_CANDIDATES,
  readCodeFor,
  rememberSession,
  sessionIdFrom,
  SYNC_TAG,
  type SyncCode,
} from '../../src/lib/domain/sync-code';
import {
  base32Decode,
  base32Encode,
  crc32,
  ipv6Bytes,
  Reader,
  Writer,
} from '../../src/lib/domain/sync-code-bytes';
import { codeFieldsFromSdp, sdpFromCode } from '../../src/lib/domain/sync-sdp';

/** A data-channel offer as Chromium gathers it (host candidates hidden behind mDNS names). */
const CHROMIUM_OFFER = [
  'v=0',
  'o=- 8862160497368417460 2 IN IP4 127.0.0.1',
  's=-',
  't=0 0',
  'a=group:BUNDLE 0',
  'a=extmap-allow-mixed',
  'a=msid-semantic: WMS',
  'm=application 9 UDP/DTLS/SCTP webrtc-datachannel',
  'c=IN IP4 0.0.0.0',
  'a=candidate:2643889989 1 udp 2113937151 6a95cdb6-557e-4d55-9609-bb5bcb1126ea.local 37607 typ host generation 0 network-cost 999',
  'a=candidate:2598691829 1 udp 2113942271 c0b9decc-b903-4c48-9f4b-9f0cfa721128.local 54495 typ host generation 0 network-cost 999',
  'a=candidate:1 1 udp 2113942271 192.168.1.20 50000 typ host generation 0',
  'a=candidate:2 1 tcp 1518280447 192.168.1.20 9 typ host tcptype active generation 0',
  'a=candidate:3 1 udp 1686052607 203.0.113.9 50001 typ srflx raddr 0.0.0.0 rport 0 generation 0',
  'a=candidate:4 1 udp 2113942271 fe80::1:ff:fe00:1 50002 typ host generation 0',
  'a=ice-ufrag:CadZ',
  'a=ice-pwd:duGk2iuqoxuZoAdEwDDpyiRF',
  'a=ice-options:trickle',
  'a=fingerprint:sha-256 B0:75:35:A0:A5:19:52:44:BB:9E:3D:6B:7C:60:E3:3A:9D:A1:A1:5B:EF:54:3F:C8:0C:0F:99:32:06:6A:54:B1',
  'a=setup:actpass',
  'a=mid:0',
  'a=sctp-port:5000',
  'a=max-message-size:262144',
  '',
].join('\r\n');

const HOUSEHOLD = '0b6c3f3e-4c1a-4a57-9d0e-2f1b7c9a8e11';

function chromiumCode(): SyncCode {
  return {
    role: 'offer',
    session: '0123456789abcdef',
    household: HOUSEHOLD,
    ...codeFieldsFromSdp(CHROMIUM_OFFER),
  };
}

const hexString = (n: number) =>
  fc
    .uint8Array({ minLength: n, maxLength: n })
    .map((b) => [...b].map((x) => x.toString(16).padStart(2, '0')).join(''));
const iceChars = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
const iceString = (min: number, max: number) =>
  fc.array(fc.constantFrom(...iceChars), { minLength: min, maxLength: max }).map((c) => c.join(''));
const uuid = hexString(16).map(
  (h) => `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`,
);
const address = fc.oneof(
  fc.ipV4(),
  uuid.map((u) => `${u}.local`),
  fc
    .array(fc.integer({ min: 0, max: 0xffff }), { minLength: 8, maxLength: 8 })
    .map((g) => g.map((x) => x.toString(16)).join(':')),
);
const syncCode: fc.Arbitrary<SyncCode> = fc.record({
  role: fc.constantFrom('offer' as const, 'answer' as const),
  setup: fc.constantFrom('actpass' as const, 'active' as const, 'passive' as const),
  session: hexString(8),
  household: fc.oneof(uuid, fc.string({ minLength: 1, maxLength: 60 })),
  ufrag: iceString(4, 32),
  pwd: iceString(22, 64),
  fingerprint: hexString(32).map((h) => h.toUpperCase().match(/../g)!.join(':')),
  candidates: fc.array(fc.record({ address, port: fc.integer({ min: 1, max: 65535 }) }), {
    maxLength: MAX_CANDIDATES,
  }),
});

function refusal(text: string): string {
  try {
    decodeSyncCode(text);
  } catch (e) {
    if (isAnyamError(e)) return e.code;
    throw e;
  }
  return 'accepted';
}

describe('the sync code', () => {
  it('takes from a Chromium offer only the host UDP candidates, its credentials and fingerprint', () => {
    const code = chromiumCode();
    expect(code.ufrag).toBe('CadZ');
    expect(code.pwd).toBe('duGk2iuqoxuZoAdEwDDpyiRF');
    expect(code.setup).toBe('actpass');
    expect(code.fingerprint).toMatch(/^B0:75:35/);
    expect(code.candidates).toEqual([
      { address: '6a95cdb6-557e-4d55-9609-bb5bcb1126ea.local', port: 37607 },
      { address: 'c0b9decc-b903-4c48-9f4b-9f0cfa721128.local', port: 54495 },
      { address: '192.168.1.20', port: 50000 },
      { address: 'fe80:0:0:0:1:ff:fe00:1', port: 50002 },
    ]);
  });

  it('is short enough for a QR code a phone camera reads, in its alphanumeric set', () => {
    const text = encodeSyncCode(chromiumCode());
    expect(text.startsWith(SYNC_TAG)).toBe(true);
    expect(text).toMatch(/^[0-9A-Z $%*+\-./:]+$/);
    // Four host candidates: QR version 10 at medium error correction holds 311 alphanumeric
    // characters (57 × 57 modules); a phone with one mDNS candidate makes about 190.
    expect(text.length).toBeLessThanOrEqual(311);
    const one = encodeSyncCode({
      ...chromiumCode(),
      candidates: chromiumCode().candidates.slice(0, 1),
    });
    expect(one.length).toBeLessThan(200);
  });

  it('rebuilds a session description with what the other phone needs', () => {
    const sdp = sdpFromCode(decodeSyncCode(encodeSyncCode(chromiumCode())));
    expect(sdp).toContain('m=application 9 UDP/DTLS/SCTP webrtc-datachannel');
    expect(sdp).toContain('a=ice-ufrag:CadZ\r\n');
    expect(sdp).toContain('a=ice-pwd:duGk2iuqoxuZoAdEwDDpyiRF\r\n');
    expect(sdp).toContain('a=fingerprint:sha-256 B0:75:35:A0');
    expect(sdp).toContain('a=setup:actpass');
    expect(sdp).toContain(' 6a95cdb6-557e-4d55-9609-bb5bcb1126ea.local 37607 typ host');
    // Read back, it gives the same fields: the code loses nothing the connection needs.
    const { candidates, ufrag, pwd, fingerprint, setup } = chromiumCode();
    expect(codeFieldsFromSdp(sdp)).toEqual({ candidates, ufrag, pwd, fingerprint, setup });
  });

  it('refuses another app, a newer version, nothing, and a description it cannot carry', () => {
    expect(refusal('https://example.com/pay?id=42')).toBe('sync/not-a-code');
    expect(refusal('WIFI:S:Home;T:WPA;P:secret;;')).toBe('sync/not-a-code');
    expect(refusal('ANYAM-SYNC2:AAAA')).toBe('sync/newer-version');
    expect(refusal('  \n ')).toBe('sync/empty');
    expect(() => codeFieldsFromSdp(CHROMIUM_OFFER.replace('sha-256', 'sha-1'))).toThrow(
      'sync/unsupported',
    );
  });

  it('reads a code a chat app broke into lines or lower-cased', () => {
    const text = encodeSyncCode(chromiumCode());
    const broken = text
      .match(/.{1,40}/g)!
      .join('\n ')
      .toLowerCase();
    expect(decodeSyncCode(broken)).toEqual(decodeSyncCode(text));
  });

  it('property: encode then decode gives the same code back (300 runs)', () => {
    fc.assert(
      fc.property(syncCode, (code) => {
        const back = decodeSyncCode(encodeSyncCode(code));
        expect(back).toEqual({
          ...code,
          candidates: code.candidates.map((c) => ({
            ...c,
            address: decodeSyncCode(encodeSyncCode({ ...code, candidates: [c] })).candidates[0]!
              .address,
          })),
        });
        // Addresses come back in one spelling, which encodes to the same code.
        expect(encodeSyncCode(back)).toBe(encodeSyncCode(code));
      }),
      { numRuns: 300 },
    );
  });

  it('property: any truncation of a code is refused as damaged (300 runs)', () => {
    fc.assert(
      fc.property(
        syncCode.chain((code) => {
          const text = encodeSyncCode(code);
          return fc.tuple(fc.constant(text), fc.integer({ min: 1, max: text.length - 1 }));
        }),
        ([text, keep]) => {
          expect(refusal(text.slice(0, keep))).toBe('sync/damaged');
        },
      ),
      { numRuns: 300 },
    );
  });

  it('property: a code with one character changed is refused, never read as another (300 runs)', () => {
    const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';
    fc.assert(
      fc.property(
        syncCode.chain((code) => {
          const text = encodeSyncCode(code);
          return fc.tuple(
            fc.constant(text),
            fc.integer({ min: SYNC_TAG.length, max: text.length - 1 }),
            fc.integer({ min: 1, max: 31 }),
          );
        }),
        ([text, at, shift]) => {
          const ch = alphabet[(alphabet.indexOf(text[at]!) + shift) % 32]!;
          const garbled = text.slice(0, at) + ch + text.slice(at + 1);
          expect(refusal(garbled)).toBe('sync/damaged');
        },
      ),
      { numRuns: 300 },
    );
  });

  it('base32 round-trips any bytes', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 300 }), (bytes) => {
        expect(base32Decode(base32Encode(bytes))).toEqual(bytes);
      }),
      { numRuns: 300 },
    );
  });
});

describe('a code read on this phone', () => {
  const offer = encodeSyncCode(chromiumCode());
  const answer = encodeSyncCode({ ...chromiumCode(), role: 'answer', setup: 'active' });
  const here = { household: HOUSEHOLD, knownHouseholds: [], usedSessions: [] };
  const code = (text: string, context: Parameters<typeof readCodeFor>[1]) => {
    try {
      readCodeFor(text, context);
      return 'accepted';
    } catch (e) {
      return isAnyamError(e) ? e.code : String(e);
    }
  };

  it('is accepted at its step, for this household or one merged before', () => {
    expect(code(offer, { ...here, expect: 'offer' })).toBe('accepted');
    expect(
      code(offer, { ...here, household: 'other', knownHouseholds: [HOUSEHOLD], expect: 'offer' }),
    ).toBe('accepted');
    expect(code(answer, { ...here, expect: 'answer', session: '0123456789abcdef' })).toBe(
      'accepted',
    );
  });

  it('is refused from another household, at the wrong step, or replayed', () => {
    expect(code(offer, { ...here, household: 'mine', expect: 'offer' })).toBe(
      'sync/other-household',
    );
    expect(code(offer, { ...here, household: null, expect: 'offer' })).toBe('sync/other-household');
    expect(code(answer, { ...here, expect: 'offer' })).toBe('sync/wrong-step');
    expect(code(offer, { ...here, expect: 'answer', session: '0123456789abcdef' })).toBe(
      'sync/wrong-step',
    );
    expect(code(offer, { ...here, usedSessions: ['0123456789abcdef'], expect: 'offer' })).toBe(
      'sync/replayed',
    );
    // An answer to an earlier offer than the one on screen.
    expect(code(answer, { ...here, expect: 'answer', session: 'fedcba9876543210' })).toBe(
      'sync/replayed',
    );
  });

  it('keeps the newest used sessions, each once', () => {
    let used: string[] = [];
    for (let i = 0; i < 60; i++) used = rememberSession(used, String(i % 55));
    expect(used).toHaveLength(50);
    expect(used.at(-1)).toBe('4');
    expect(new Set(used).size).toBe(50);
  });
});

// Rules of the session description a mutation run (issue 28) found unstated.
describe('the session description (sync-sdp)', () => {
  const fields = () => codeFieldsFromSdp(CHROMIUM_OFFER);
  const unsupported = (sdp: string) => {
    try {
      codeFieldsFromSdp(sdp);
      return 'accepted';
    } catch (e) {
      return isAnyamError(e) ? e.code : String(e);
    }
  };
  /** The offer with its candidate lines replaced by `lines`. */
  const withCandidates = (lines: string[]) =>
    CHROMIUM_OFFER.split('\r\n')
      .filter((l) => !l.startsWith('a=candidate:'))
      .flatMap((l) => (l.startsWith('a=ice-ufrag:') ? [...lines, l] : [l]))
      .join('\r\n');
  const host = (address: string, port: number | string, component = '1', transport = 'udp') =>
    `a=candidate:1 ${component} ${transport} 2113942271 ${address} ${port} typ host generation 0`;

  it('reads a description with bare line feeds the same as with CRLF', () => {
    expect(codeFieldsFromSdp(CHROMIUM_OFFER.replaceAll('\r\n', '\n'))).toEqual(fields());
  });

  it('does not count spaces after a value as part of it', () => {
    const padded = CHROMIUM_OFFER.split('\r\n')
      .map((l) => (l.startsWith('a=') ? `${l}  ` : l))
      .join('\r\n');
    expect(codeFieldsFromSdp(padded)).toEqual(fields());
  });

  it('refuses a description missing its credentials, its fingerprint or a setup it knows', () => {
    for (const prefix of ['a=ice-ufrag:', 'a=ice-pwd:', 'a=setup:', 'a=fingerprint:']) {
      const without = CHROMIUM_OFFER.split('\r\n').filter((l) => !l.startsWith(prefix));
      expect(unsupported(without.join('\r\n')), prefix).toBe('sync/unsupported');
      const empty = CHROMIUM_OFFER.split('\r\n').map((l) => (l.startsWith(prefix) ? prefix : l));
      expect(unsupported(empty.join('\r\n')), `${prefix} empty`).toBe('sync/unsupported');
    }
    expect(unsupported(CHROMIUM_OFFER.replace('a=setup:actpass', 'a=setup:holdconn'))).toBe(
      'sync/unsupported',
    );
  });

  it('takes a SHA-256 fingerprint written in any case and spacing, in capitals', () => {
    const fp =
      'b0:75:35:a0:a5:19:52:44:bb:9e:3d:6b:7c:60:e3:3a:9d:a1:a1:5b:ef:54:3f:c8:0c:0f:99:32:06:6a:54:b1';
    const line = CHROMIUM_OFFER.split('\r\n').find((l) => l.startsWith('a=fingerprint:'))!;
    const read = codeFieldsFromSdp(CHROMIUM_OFFER.replace(line, `a=fingerprint:SHA-256 \t ${fp}`));
    expect(read.fingerprint).toBe(fp.toUpperCase());
    expect(read.fingerprint).toBe(fields().fingerprint);
    // An algorithm without its print is no fingerprint.
    expect(unsupported(CHROMIUM_OFFER.replace(line, 'a=fingerprint:sha-256'))).toBe(
      'sync/unsupported',
    );
  });

  it('takes only host UDP candidates of component 1, the transport in any case', () => {
    const read = (lines: string[]) => codeFieldsFromSdp(withCandidates(lines)).candidates;
    expect(read([host('192.168.1.20', 50000, '1', 'UDP')])).toEqual([
      { address: '192.168.1.20', port: 50000 },
    ]);
    // Component 2 is RTCP, which a data channel does not use.
    expect(read([host('192.168.1.20', 50000, '2')])).toEqual([]);
    expect(read([host('192.168.1.20', 50000, '1', 'tcp')])).toEqual([]);
    // Not in the "typ host" form.
    expect(read(['a=candidate:1 1 udp 2113942271 192.168.1.20 50000 type host'])).toEqual([]);
    expect(read(['a=candidate:1 1 udp 2113942271 192.168.1.20 50000 typ relay'])).toEqual([]);
    // Attribute names are case-sensitive in SDP: another attribute is not a candidate.
    expect(read([host('192.168.1.20', 50000).replace('a=candidate:', 'a=Candidate:')])).toEqual([]);
    // A line cut short is left out, not a failure.
    expect(read(['a=candidate:1 1', host('192.168.1.20', 50000)])).toEqual([
      { address: '192.168.1.20', port: 50000 },
    ]);
    // Fields apart by more than one space, and a space after the colon.
    expect(read(['a=candidate: 7  1 udp  2113942271 192.168.1.20   50000 typ host'])).toEqual([
      { address: '192.168.1.20', port: 50000 },
    ]);
  });

  it('keeps ports 1 to 65535 and addresses it can carry, leaves out the rest', () => {
    const read = (lines: string[]) => codeFieldsFromSdp(withCandidates(lines)).candidates;
    expect(read([host('10.0.0.1', 1), host('10.0.0.2', 65535)])).toEqual([
      { address: '10.0.0.1', port: 1 },
      { address: '10.0.0.2', port: 65535 },
    ]);
    for (const port of ['0', '65536', '5000.5', 'x', '-1']) {
      expect(read([host('10.0.0.1', port)]), port).toEqual([]);
    }
    expect(read([host('300.1.1.1', 5000), host('printer.lan', 5000)])).toEqual([]);
  });

  it('lists a candidate once, whatever its spelling, and at most six, in their order', () => {
    const read = (lines: string[]) => codeFieldsFromSdp(withCandidates(lines)).candidates;
    expect(
      read([host('fe80::1', 5000), host('FE80:0:0:0:0:0:0:1', 5000), host('fe80::1', 5001)]),
    ).toEqual([
      { address: 'fe80:0:0:0:0:0:0:1', port: 5000 },
      { address: 'fe80:0:0:0:0:0:0:1', port: 5001 },
    ]);
    const eight = Array.from({ length: 8 }, (_, i) => host(`10.0.0.${i + 1}`, 5000));
    expect(read(eight)).toEqual(
      Array.from({ length: MAX_CANDIDATES }, (_, i) => ({
        address: `10.0.0.${i + 1}`,
        port: 5000,
      })),
    );
  });

  it('rebuilds exactly the one-data-channel description a browser is given', () => {
    const code: SyncCode = {
      role: 'answer',
      setup: 'active',
      session: '0123456789abcdef',
      household: HOUSEHOLD,
      ufrag: 'CadZ',
      pwd: 'duGk2iuqoxuZoAdEwDDpyiRF',
      fingerprint: fields().fingerprint,
      candidates: [
        { address: '192.168.1.20', port: 50000 },
        { address: 'fe80:0:0:0:1:ff:fe00:1', port: 50002 },
      ],
    };
    expect(sdpFromCode(code).split('\r\n')).toEqual([
      'v=0',
      // The session's first 48 bits in decimal: a whole number the browser keeps exactly.
      `o=- ${0x0123456789ab} 2 IN IP4 127.0.0.1`,
      's=-',
      't=0 0',
      'a=group:BUNDLE 0',
      'a=msid-semantic: WMS',
      'm=application 9 UDP/DTLS/SCTP webrtc-datachannel',
      'c=IN IP4 0.0.0.0',
      // One foundation each, priorities falling in the code's order.
      'a=candidate:1 1 udp 2122260223 192.168.1.20 50000 typ host generation 0',
      'a=candidate:2 1 udp 2122259967 fe80:0:0:0:1:ff:fe00:1 50002 typ host generation 0',
      'a=ice-ufrag:CadZ',
      'a=ice-pwd:duGk2iuqoxuZoAdEwDDpyiRF',
      'a=ice-options:trickle',
      `a=fingerprint:sha-256 ${fields().fingerprint}`,
      'a=setup:active',
      'a=mid:0',
      'a=sctp-port:5000',
      'a=max-message-size:262144',
      // Every line ends with CRLF, the last one too.
      '',
    ]);
  });

  it('property: a rebuilt description reads back as the code it came from (100 runs)', () => {
    fc.assert(
      fc.property(syncCode, (code) => {
        const back = decodeSyncCode(encodeSyncCode(code));
        const { setup, ufrag, pwd, fingerprint, candidates } = back;
        expect(codeFieldsFromSdp(sdpFromCode(back))).toEqual({
          setup,
          ufrag,
          pwd,
          fingerprint,
          candidates,
        });
      }),
      { numRuns: 100 },
    );
  });
});

// Rules of the code's fields and bytes a mutation run (issue 28, tenth round) found unstated.
describe('what a code may carry, and what a reader refuses', () => {
  const errorCode = (run: () => unknown) => {
    try {
      run();
      return 'accepted';
    } catch (e) {
      return isAnyamError(e) ? e.code : String(e);
    }
  };
  const valid = chromiumCode();
  const candidate = { address: '192.168.1.20', port: 50000 };

  it('property: a code with one field it cannot carry is not encoded (100 runs)', () => {
    const broken: ((code: SyncCode) => unknown)[] = [
      (c) => ({ ...c, role: 'join' }),
      (c) => ({ ...c, setup: 'holdconn' }),
      (c) => ({ ...c, session: c.session.toUpperCase().replace(/^./, 'F') }),
      (c) => ({ ...c, session: c.session.slice(1) }),
      (c) => ({ ...c, household: '' }),
      (c) => ({ ...c, ufrag: `${c.ufrag}-` }),
      (c) => ({ ...c, ufrag: 'a'.repeat(256) }),
      (c) => ({ ...c, pwd: '' }),
      (c) => ({ ...c, pwd: 'a'.repeat(256) }),
      (c) => ({ ...c, fingerprint: c.fingerprint.toLowerCase().replace(/^./, 'a') }),
      (c) => ({ ...c, candidates: Array.from({ length: MAX_CANDIDATES + 1 }, () => candidate) }),
      (c) => ({ ...c, candidates: [{ ...candidate, port: 0 }] }),
      (c) => ({ ...c, candidates: [{ ...candidate, port: 65536 }] }),
      (c) => ({ ...c, candidates: [{ ...candidate, port: 5000.5 }] }),
      (c) => ({ ...c, candidates: [{ ...candidate, address: '256.1.1.1' }] }),
      (c) => ({ ...c, candidates: [{ ...candidate, address: 'printer.lan' }] }),
      (c) => ({ ...c, candidates: [{ ...candidate, address: 'fe80::1::2' }] }),
    ];
    fc.assert(
      fc.property(syncCode, fc.constantFrom(...broken), (code, breakIt) => {
        expect(errorCode(() => encodeSyncCode(breakIt(code) as SyncCode))).toBe(
          'sync/invalid-code',
        );
      }),
      { numRuns: 100 },
    );
  });

  it('carries ICE credentials of up to 255 characters, ports 1 and 65535 and six candidates', () => {
    const longest = {
      ...valid,
      ufrag: 'u'.repeat(255),
      pwd: 'p'.repeat(255),
      candidates: [1, 65535, 2, 3, 4, 5].map((port) => ({ ...candidate, port })),
    };
    expect(decodeSyncCode(encodeSyncCode(longest))).toEqual(longest);
  });

  it('carries a household name of up to 255 UTF-8 bytes, refuses a longer one', () => {
    // 254 characters, 255 bytes.
    const named = { ...valid, household: `${'x'.repeat(253)}é` };
    expect(decodeSyncCode(encodeSyncCode(named)).household).toBe(named.household);
    const at255 = { ...valid, household: 'x'.repeat(255) };
    expect(decodeSyncCode(encodeSyncCode(at255)).household).toBe(at255.household);
    // 128 characters, 256 bytes.
    expect(errorCode(() => encodeSyncCode({ ...valid, household: 'é'.repeat(128) }))).toBe(
      'sync/field-too-long',
    );
  });

  /** A code written byte by byte from the layout of sync-code.ts, so it can hold what the encoder never writes. */
  interface Forged {
    household: (w: Writer) => void;
    ufrag: string;
    candidates: (w: Writer) => void;
    after: number[];
  }
  const forge = (changes: Partial<Forged>): string => {
    const f: Forged = {
      household: (w) => {
        w.u8(1);
        w.short('home');
      },
      ufrag: 'CadZ',
      candidates: (w) => {
        w.u8(1);
        w.u8(4);
        w.raw([192, 168, 1, 20]);
        w.u16(50000);
      },
      after: [],
      ...changes,
    };
    const w = new Writer();
    w.u16(0);
    w.u8(1); // answer
    w.u8(2); // passive
    w.raw(Array.from({ length: 8 }, (_, i) => i + 1));
    f.household(w);
    w.short(f.ufrag);
    w.short('duGk2iuqoxuZoAdEwDDpyiRF');
    w.raw(Array.from({ length: 32 }, () => 0xab));
    f.candidates(w);
    w.raw(f.after);
    w.bytes[0] = w.bytes.length >>> 8;
    w.bytes[1] = w.bytes.length & 0xff;
    w.u32(crc32(Uint8Array.from(w.bytes)));
    return SYNC_TAG + base32Encode(Uint8Array.from(w.bytes));
  };

  it('reads a code written byte by byte from its layout', () => {
    expect(decodeSyncCode(forge({}))).toEqual({
      role: 'answer',
      setup: 'passive',
      session: '0102030405060708',
      household: 'home',
      ufrag: 'CadZ',
      pwd: 'duGk2iuqoxuZoAdEwDDpyiRF',
      fingerprint: Array.from({ length: 32 }, () => 'AB').join(':'),
      candidates: [candidate],
    });
  });

  it('refuses as damaged a code whose bytes hold what no encoder writes', () => {
    const oneCandidate =
      (kind: number, address: number[], port = 5000) =>
      (w: Writer) => {
        w.u8(1);
        w.u8(kind);
        w.raw(address);
        w.u16(port);
      };
    const refused: [string, Partial<Forged>][] = [
      ['a household of an unknown kind', { household: (w) => (w.u8(2), w.short('home')) }],
      ['an empty household name', { household: (w) => (w.u8(1), w.short('')) }],
      ['a household name that is not UTF-8', { household: (w) => w.raw([1, 2, 0xc3, 0x28]) }],
      ['credentials outside the ICE characters', { ufrag: 'Cad-Z' }],
      [
        'a candidate of an unknown kind',
        { candidates: oneCandidate(2, Array<number>(16).fill(1)) },
      ],
      ['a candidate on port 0', { candidates: oneCandidate(4, [10, 0, 0, 1], 0) }],
      ['a byte after the last candidate', { after: [0] }],
      [
        'more than six candidates',
        {
          candidates: (w) => {
            w.u8(MAX_CANDIDATES + 1);
            for (let i = 0; i <= MAX_CANDIDATES; i++) {
              w.u8(4);
              w.raw([10, 0, 0, i]);
              w.u16(5000);
            }
          },
        },
      ],
    ];
    for (const [what, changes] of refused)
      expect(refusal(forge(changes)), what).toBe('sync/damaged');
  });

  it('refuses as damaged a code with bytes added after its checksum', () => {
    const bytes = base32Decode(encodeSyncCode(valid).slice(SYNC_TAG.length))!;
    for (const extra of [[0], [0, 0, 0, 0, 0]]) {
      const longer = Uint8Array.from([...bytes, ...extra]);
      expect(refusal(SYNC_TAG + base32Encode(longer))).toBe('sync/damaged');
    }
  });

  it('names the step it expected and the household it does not know', () => {
    const offer = encodeSyncCode(valid);
    const context = { household: 'mine', knownHouseholds: [], usedSessions: [] };
    const refusedWith = (run: () => unknown) => {
      try {
        run();
      } catch (e) {
        if (isAnyamError(e)) return [e.code, e.details];
      }
      return 'accepted';
    };
    expect(refusedWith(() => readCodeFor(offer, { ...context, expect: 'answer' }))).toEqual([
      'sync/wrong-step',
      { expected: 'answer' },
    ]);
    expect(refusedWith(() => readCodeFor(offer, { ...context, expect: 'offer' }))).toEqual([
      'sync/other-household',
      { household: HOUSEHOLD },
    ]);
  });

  it('refuses every code on a phone without a household, even one it merged before', () => {
    const offer = encodeSyncCode(valid);
    const context = { household: null, knownHouseholds: [HOUSEHOLD], usedSessions: [] };
    expect(errorCode(() => readCodeFor(offer, { ...context, expect: 'offer' }))).toBe(
      'sync/other-household',
    );
  });

  it('accepts the answer to the offer on screen, whose session this phone already remembers', () => {
    const answer = encodeSyncCode({ ...valid, role: 'answer', setup: 'active' });
    const context = { household: HOUSEHOLD, knownHouseholds: [], usedSessions: [valid.session] };
    expect(
      errorCode(() =>
        readCodeFor(answer, { ...context, expect: 'answer', session: valid.session }),
      ),
    ).toBe('accepted');
  });

  it('remembers a session used again once, as the newest', () => {
    expect(rememberSession(['a', 'b', 'c'], 'a')).toEqual(['b', 'c', 'a']);
    expect(rememberSession(['a', 'b', 'c'], 'd', 3)).toEqual(['b', 'c', 'd']);
  });

  it('makes a session id of exactly 8 bytes, in 16 lowercase hex digits', () => {
    expect(sessionIdFrom(Uint8Array.of(0, 1, 0xab, 0xcd, 0xef, 0x10, 0x7f, 0xff))).toBe(
      '0001abcdef107fff',
    );
    for (const n of [7, 9]) {
      expect(errorCode(() => sessionIdFrom(new Uint8Array(n)))).toBe('sync/invalid-code');
    }
  });
});

describe('the bytes under a sync code (sync-code-bytes)', () => {
  it('decodes base32 only at a length an encoder gives and only in its alphabet', () => {
    // 1, 3 and 6 characters past a whole 8 hold no whole byte with zero bits left over.
    for (const text of ['A', 'AAA', 'AAAAAA', 'AAAAAAAAA'])
      expect(base32Decode(text), text).toBeNull();
    for (const text of ['AA', 'AAAA', 'AAAAA', 'AAAAAAA', 'AAAAAAAA']) {
      expect(base32Decode(text), text).toEqual(new Uint8Array((text.length * 5) >> 3));
    }
    // One spelling only: the last character's bits past the last whole byte are zero.
    for (const text of ['AB', 'AAAB', 'AAAAB', 'AAAAAAB'])
      expect(base32Decode(text), text).toBeNull();
    // Also where no bit is left over to give it away: a whole 8 characters with one outside.
    for (const text of ['A1', 'A8', 'Aa', 'A=', 'A ', 'AAAAAAA1', 'A1AAAAAA']) {
      expect(base32Decode(text), text).toBeNull();
    }
  });

  it('refuses to read past the end of the bytes, or a field that is not UTF-8', () => {
    const damagedBy = (run: () => unknown) => {
      try {
        run();
      } catch (e) {
        return isAnyamError(e) ? e.code : String(e);
      }
      return 'read';
    };
    expect(damagedBy(() => new Reader(Uint8Array.of(1, 2)).take(3))).toBe('sync/damaged');
    expect(damagedBy(() => new Reader(Uint8Array.of(1, 2)).take(2))).toBe('read');
    expect(damagedBy(() => new Reader(Uint8Array.of(3, 0x61, 0x62)).short())).toBe('sync/damaged');
    expect(damagedBy(() => new Reader(Uint8Array.of(2, 0xc3, 0x28)).short())).toBe('sync/damaged');
    expect(new Reader(Uint8Array.of(2, 0xc3, 0xa9, 0x61)).short()).toBe('é');
  });

  it('reads IPv6 addresses of eight groups, with at most one "::", and nothing else', () => {
    const full = (groups: number[]) => Uint8Array.from(groups.flatMap((g) => [g >> 8, g & 0xff]));
    expect(ipv6Bytes('::')).toEqual(new Uint8Array(16));
    expect(ipv6Bytes('::1')).toEqual(full([0, 0, 0, 0, 0, 0, 0, 1]));
    expect(ipv6Bytes('fe80::')).toEqual(full([0xfe80, 0, 0, 0, 0, 0, 0, 0]));
    expect(ipv6Bytes('FE80::1:ff:fe00:1')).toEqual(full([0xfe80, 0, 0, 0, 1, 0xff, 0xfe00, 1]));
    expect(ipv6Bytes('1:2:3:4:5:6:7:ffff')).toEqual(full([1, 2, 3, 4, 5, 6, 7, 0xffff]));
    for (const address of [
      '',
      '1:2:3:4:5:6:7',
      '1:2:3:4:5:6:7:8:9',
      '1:2:3:4:5:6:7:8:9::',
      '1::2::3',
      ':1:2:3:4:5:6:7',
      '1:2:3:4:5:6:7:',
      '12345::1',
      'g::1',
      '1::g',
      '1::2 ',
      '192.168.1.20',
    ]) {
      expect(ipv6Bytes(address), address).toBeNull();
    }
  });
});
