/**
 * Hands text to the browser as a file download: a Blob, an object URL, and a click on an
 * `<a download>`. Nothing leaves the device; the browser saves the file where it saves downloads.
 *
 * Under the app's Content-Security-Policy (scripts/csp.mjs) this needs no blob: source: CSP
 * governs what a page loads (img-src lists blob: for images), not where a link goes, and a link
 * with `download` to a same-origin blob: URL is a download, not a page load. The e2e suite
 * (tests/e2e/backup.spec.ts) checks it in the built app served with the real policy header.
 */
export function downloadText(text: string, filename: string, mimeType: string): void {
  downloadBlob(new Blob([text], { type: mimeType }), filename);
}

/** The same for bytes already in a Blob (a compressed household file). */
export function downloadBlob(blob: Blob, filename: string): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = filename;
  link.rel = 'noopener';
  link.hidden = true;
  document.body.append(link);
  try {
    link.click();
  } finally {
    link.remove();
    // Revoking at once can cancel the download in some browsers; a minute is plenty.
    setTimeout(() => URL.revokeObjectURL(url), 60_000);
  }
}
