// The e2e suite drives the system Chromium; with none installed it must fail loudly, never skip.
import { chromiumPath } from './chromium-path.mjs';

const path = chromiumPath();
if (!path) {
  console.error(
    'e2e: no Chromium found at $CHROME_PATH or /usr/bin/chromium. Install one with: sudo apt-get install chromium',
  );
  process.exit(1);
}
