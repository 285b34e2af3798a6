import { exportHouseholdFile, nextSendSince } from '../../lib/db/backup';
import { device } from '../../lib/state/device.svelte';
import { downloadBlob } from '../../lib/ui/download';

export type SendOutcome = 'shared' | 'downloaded' | 'cancelled';

/**
 * Makes the household file (changes since the last send unless `full`) and hands it to the
 * system share sheet (WhatsApp, Telegram, Nearby Share, Bluetooth, e-mail), or downloads it
 * where sharing files is not supported. The send is recorded only once the file has left:
 * a share sheet closed without choosing sends nothing, and the next file starts as before.
 */
export async function sendHousehold(options: {
  full: boolean;
  passphrase?: string;
}): Promise<{ outcome: SendOutcome; filename: string; partial: boolean }> {
  const now = new Date();
  const since = options.full
    ? undefined
    : nextSendSince(device.current.lastSentAt, device.current.oldestMerged);
  const made = await exportHouseholdFile({
    since,
    passphrase: options.passphrase,
    now,
    senderMemberId: device.current.memberId,
  });
  const file = new File([made.bytes], made.filename, { type: made.mimeType });
  const result = { filename: made.filename, partial: made.partial };
  if (typeof navigator.canShare === 'function' && navigator.canShare({ files: [file] })) {
    try {
      await navigator.share({ files: [file], title: made.filename });
    } catch (error) {
      // The person closed the share sheet: nothing was sent.
      if (error instanceof DOMException && error.name === 'AbortError') {
        return { ...result, outcome: 'cancelled' };
      }
      throw error;
    }
    device.sent(now.toISOString());
    return { ...result, outcome: 'shared' };
  }
  downloadBlob(file, made.filename);
  device.sent(now.toISOString());
  return { ...result, outcome: 'downloaded' };
}
