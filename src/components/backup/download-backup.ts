import { m } from '../../paraglide/messages.js';
import { exportBackup, recordBackupTime, type JobProgressListener } from '../../lib/db/backup';
import { toasts } from '../../lib/state/toasts.svelte';
import { downloadText } from '../../lib/ui/download';

/**
 * Builds the backup (encrypted when a passphrase is given), hands it to the browser as a
 * download, records the time (the reminder counts from it) and says where it went.
 */
export async function downloadBackup(
  options: { passphrase?: string; onProgress?: JobProgressListener } = {},
): Promise<void> {
  const file = await exportBackup(options);
  downloadText(file.text, file.filename, file.mimeType);
  await recordBackupTime();
  toasts.show(m.bk_downloaded({ name: file.filename }));
}
