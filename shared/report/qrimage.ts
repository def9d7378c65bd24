// The footer QR code as one small PNG (embedded once, referenced by every page) instead of
// hundreds of vector squares per page: keeps a 500-page report small and fast.
import { createRequire } from 'node:module';
import { encodePng } from '../png';

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
  const m = Array.from({ length: n }, () => Array.from({ length: n }, () => false));
  for (const r of mods) m[Math.round(r.y / size)][Math.round(r.x / size)] = true;
  return m;
}

/** The last few images made: verification makes the same report (and so the same QR code) again. */
const recent = new Map<string, Buffer>();
const RECENT = 8;

/** 8-bit greyscale PNG of a QR code: `scale` pixels per module, a 2-module quiet zone (the page margin adds the rest). */
export function qrPng(data: string, scale = 4): Buffer {
  const key = `${scale} ${data}`;
  const hit = recent.get(key);
  if (hit) return Buffer.from(hit);
  const png = drawQr(data, scale);
  if (recent.size >= RECENT) recent.delete(recent.keys().next().value as string);
  recent.set(key, Buffer.from(png));
  return png;
}

function drawQr(data: string, scale: number): Buffer {
  const m = qrMatrix(data);
  const quiet = 2;
  const n = m.length + quiet * 2;
  const px = n * scale;
  const pixels = new Uint8Array(px * px).fill(0xff);
  for (let y = 0; y < px; y++) {
    const my = Math.floor(y / scale) - quiet;
    for (let x = 0; x < px; x++) {
      const mx = Math.floor(x / scale) - quiet;
      if (my >= 0 && my < m.length && mx >= 0 && mx < m.length && m[my][mx]) pixels[y * px + x] = 0;
    }
  }
  return encodePng(px, px, 'grey', pixels);
}
