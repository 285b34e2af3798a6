// The e2e suite drives the system Chromium, and reads the income statement's PDF back with
// pdftotext; with either missing it must fail loudly, never skip.
import { execFileSync } from 'node:child_process';
import { chromiumPath } from './chromium-path.mjs';

const path = chromiumPath();
if (!path) {
  console.error(
    'e2e: no Chromium found at $CHROME_PATH or /usr/bin/chromium. Install one with: sudo apt-get install chromium',
  );
  process.exit(1);
}
try {
  execFileSync('pdftotext', ['-v'], { stdio: 'ignore' });
} catch {
  console.error('e2e: no pdftotext found. Install it with: sudo apt-get install poppler-utils');
  process.exit(1);
}
