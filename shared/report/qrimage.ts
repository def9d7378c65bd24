// The footer QR code as one small PNG (embedded once, referenced by every page) instead of
// hundreds of vector squares per page: keeps a 500-page report small and fast.
import { createRequire } from 'node:module';
import { deflateSync } from 'node:zlib';

const require = createRequire(import.meta.url);

/** The QR module matrix (true = dark), using pdfmake's own encoder. */
export function qrMatrix(data: string, eccLevel: 'L' | 'M' | 'Q' | 'H' = 'M'): boolean[][] {
  const enc = require('pdfmake/js/qrEnc.js').default as {
    measure(n: Record<string, unknown>): { _canvas: Array<{ x: number; y: number; w: number }>; _width: number };
  };
  const node = enc.measure({ qr: data, fit: 1000, eccLevel });
  const [bg, ...mods] = node._canvas;
  const size = mods.length ? mods[0].w : 1;
  const n = Math.round(bg.w / size);
  const m = Array.from({ length: n }, () => new Array<boolean>(n).fill(false));
  for (const r of mods) m[Math.round(r.y / size)][Math.round(r.x / size)] = true;
  return m;
}

const CRC_TABLE = (() => {
  const t = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    t[n] = c >>> 0;
  }
  return t;
})();

function crc32(buf: Buffer): number {
  let c = 0xffffffff;
  for (const b of buf) c = CRC_TABLE[(c ^ b) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function chunk(type: string, data: Buffer): Buffer {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const td = Buffer.concat([Buffer.from(type, 'latin1'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(td));
  return Buffer.concat([len, td, crc]);
}

/** 8-bit greyscale PNG of a QR code: `scale` pixels per module, a 2-module quiet zone (the page margin adds the rest). */
export function qrPng(data: string, scale = 4): Buffer {
  const m = qrMatrix(data);
  const quiet = 2;
  const n = m.length + quiet * 2;
  const px = n * scale;
  const raw = Buffer.alloc((px + 1) * px, 0xff);
  for (let y = 0; y < px; y++) {
    raw[y * (px + 1)] = 0; // filter: none
    const my = Math.floor(y / scale) - quiet;
    for (let x = 0; x < px; x++) {
      const mx = Math.floor(x / scale) - quiet;
      if (my >= 0 && my < m.length && mx >= 0 && mx < m.length && m[my][mx]) raw[y * (px + 1) + 1 + x] = 0;
    }
  }
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(px, 0);
  ihdr.writeUInt32BE(px, 4);
  ihdr[8] = 8; // bit depth
  ihdr[9] = 0; // greyscale
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', ihdr),
    chunk('IDAT', deflateSync(raw, { level: 9 })),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}
