import decodeQR from 'qr/decode.js';
import { describe, expect, it } from 'vitest';
import { encodeSyncCode } from '../../src/lib/domain/sync-code';
import { qrPath } from '../../src/lib/sync/qr';

const code = encodeSyncCode({
  role: 'offer',
  setup: 'actpass',
  session: '0123456789abcdef',
  household: '0b6c3f3e-4c1a-4a57-9d0e-2f1b7c9a8e11',
  ufrag: 'CadZ',
  pwd: 'duGk2iuqoxuZoAdEwDDpyiRF',
  fingerprint:
    'B0:75:35:A0:A5:19:52:44:BB:9E:3D:6B:7C:60:E3:3A:9D:A1:A1:5B:EF:54:3F:C8:0C:0F:99:32:06:6A:54:B1',
  candidates: [{ address: '6a95cdb6-557e-4d55-9609-bb5bcb1126ea.local', port: 37607 }],
});

/** Paints the SVG path's rectangles into an RGBA image, `scale` pixels a module. */
function paint(path: { size: number; d: string }, scale: number) {
  const width = path.size * scale;
  const data = new Uint8ClampedArray(width * width * 4).fill(255);
  for (const [, x, y, w] of path.d.matchAll(/M(\d+) (\d+)h(\d+)v1h-?\d+z/g)) {
    for (let py = Number(y) * scale; py < (Number(y) + 1) * scale; py++) {
      for (let px = Number(x) * scale; px < (Number(x) + Number(w)) * scale; px++) {
        data.fill(0, (py * width + px) * 4, (py * width + px) * 4 + 3);
      }
    }
  }
  return { width, height: width, data };
}

describe('the QR code of a sync code', () => {
  it('is a 49-module symbol (version 8) with its quiet zone, and reads back as the code', () => {
    const path = qrPath(code);
    expect(code.length).toBeLessThan(200);
    expect(path.size).toBe(49 + 8);
    // What the camera fallback decodes (qr/decode.js) is exactly the code.
    expect(decodeQR(paint(path, 4))).toBe(code);
  });
});
