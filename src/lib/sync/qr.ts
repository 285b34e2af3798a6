/**
 * The QR code of a sync code, as one SVG path (drawn in the page: no image, no network).
 * Alphanumeric mode fits the code's character set (5.5 bits a character, not 8), and medium
 * error correction tolerates a glare on the screen.
 */
import encodeQR from 'qr';

export interface QrPath {
  /** Modules per side, the quiet zone included. */
  size: number;
  d: string;
}

export function qrPath(text: string, border = 4): QrPath {
  const grid = encodeQR(text, 'raw', { ecc: 'medium', encoding: 'alphanumeric', border });
  let d = '';
  grid.forEach((row, y) => {
    let x = 0;
    while (x < row.length) {
      if (!row[x]) {
        x++;
        continue;
      }
      const start = x;
      while (x < row.length && row[x]) x++;
      d += `M${start} ${y}h${x - start}v1h${start - x}z`;
    }
  });
  return { size: grid.length, d };
}
