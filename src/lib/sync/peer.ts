/**
 * The WebRTC side of "Sync with a phone here": one RTCPeerConnection with no ICE servers (no
 * STUN, no TURN: only host candidates, so nothing leaves the local network) and one negotiated
 * data channel. The session descriptions never travel whole: each phone's code carries what the
 * other needs (src/lib/domain/sync-code.ts) and the other rebuilds the description from it.
 */
import { AnyamError } from '../domain/model';
import { encodeSyncCode, type SyncCode } from '../domain/sync-code';
import { codeFieldsFromSdp, sdpFromCode } from '../domain/sync-sdp';

/** Gathering host candidates takes milliseconds; past this the code carries what it has. */
const GATHER_MS = 3000;
/** A connection that has not opened this long after both codes were read is given up. */
export const CONNECT_TIMEOUT_MS = 20_000;

export interface PeerSide {
  pc: RTCPeerConnection;
  channel: RTCDataChannel;
  code: SyncCode;
  text: string;
}

function newConnection(): { pc: RTCPeerConnection; channel: RTCDataChannel } {
  if (typeof RTCPeerConnection === 'undefined') throw new AnyamError('sync/unsupported');
  const pc = new RTCPeerConnection({ iceServers: [] });
  // Negotiated on both sides with the same id: no in-band announcement is needed.
  const channel = pc.createDataChannel('anyam-sync', { negotiated: true, id: 0, ordered: true });
  return { pc, channel };
}

function gathered(pc: RTCPeerConnection): Promise<void> {
  return new Promise((resolve) => {
    if (pc.iceGatheringState === 'complete') return resolve();
    const timer = setTimeout(done, GATHER_MS);
    function done() {
      clearTimeout(timer);
      pc.removeEventListener('icegatheringstatechange', check);
      resolve();
    }
    function check() {
      if (pc.iceGatheringState === 'complete') done();
    }
    pc.addEventListener('icegatheringstatechange', check);
  });
}

async function localCode(
  pc: RTCPeerConnection,
  role: SyncCode['role'],
  session: string,
  household: string,
): Promise<{ code: SyncCode; text: string }> {
  await gathered(pc);
  const sdp = pc.localDescription?.sdp;
  if (!sdp) throw new AnyamError('sync/unsupported');
  const code: SyncCode = { role, session, household, ...codeFieldsFromSdp(sdp) };
  return { code, text: encodeSyncCode(code) };
}

/** The phone that starts: its connection and the first code to show. */
export async function startOffer(household: string, session: string): Promise<PeerSide> {
  const { pc, channel } = newConnection();
  try {
    await pc.setLocalDescription(await pc.createOffer());
    return { pc, channel, ...(await localCode(pc, 'offer', session, household)) };
  } catch (error) {
    pc.close();
    throw error;
  }
}

/** The phone that read the first code: its connection and the answer code to show. */
export async function answerOffer(offer: SyncCode, household: string): Promise<PeerSide> {
  const { pc, channel } = newConnection();
  try {
    await pc.setRemoteDescription({ type: 'offer', sdp: sdpFromCode(offer) });
    await pc.setLocalDescription(await pc.createAnswer());
    return { pc, channel, ...(await localCode(pc, 'answer', offer.session, household)) };
  } catch (error) {
    pc.close();
    throw isAnyamError(error) ? error : new AnyamError('sync/damaged');
  }
}

/** The phone that started, once it read the answer. */
export async function acceptAnswer(side: PeerSide, answer: SyncCode): Promise<void> {
  try {
    await side.pc.setRemoteDescription({ type: 'answer', sdp: sdpFromCode(answer) });
  } catch {
    throw new AnyamError('sync/damaged');
  }
}

function isAnyamError(e: unknown): e is AnyamError {
  return e instanceof AnyamError;
}

/**
 * Resolves when the data channel opens; rejects with sync/timeout after `ms`, with
 * sync/unreachable when the connection fails first (the phones cannot reach each other), and
 * with sync/closed when it closes or `signal` aborts.
 */
export function channelOpen(
  side: Pick<PeerSide, 'pc' | 'channel'>,
  ms = CONNECT_TIMEOUT_MS,
  signal?: AbortSignal,
): Promise<void> {
  const { pc, channel } = side;
  return new Promise((resolve, reject) => {
    if (channel.readyState === 'open') return resolve();
    const timer = setTimeout(() => finish(new AnyamError('sync/timeout')), ms);
    const onOpen = () => finish(null);
    const onClose = () => finish(new AnyamError('sync/closed'));
    const onState = () => {
      if (pc.connectionState === 'failed') finish(new AnyamError('sync/unreachable'));
      if (pc.connectionState === 'closed') onClose();
    };
    const onAbort = () => finish(new AnyamError('sync/closed'));
    function finish(error: AnyamError | null) {
      clearTimeout(timer);
      channel.removeEventListener('open', onOpen);
      channel.removeEventListener('close', onClose);
      pc.removeEventListener('connectionstatechange', onState);
      signal?.removeEventListener('abort', onAbort);
      if (error) reject(error);
      else resolve();
    }
    channel.addEventListener('open', onOpen);
    channel.addEventListener('close', onClose);
    pc.addEventListener('connectionstatechange', onState);
    signal?.addEventListener('abort', onAbort);
  });
}
