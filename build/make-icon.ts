// Draws the application icon (build/icon.png, 1024×1024; electron-builder derives .ico/.icns
// from it): a green rounded square, a white check mark and a red seal ring. Run:
//   npx tsx build/make-icon.ts
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { encodePng } from '../shared/png';

const N = 1024;
const px = Buffer.alloc(N * N * 4);

/** Distance from p to the segment ab. */
function segDist(x: number, y: number, ax: number, ay: number, bx: number, by: number): number {
  const dx = bx - ax;
  const dy = by - ay;
  const t = Math.max(0, Math.min(1, ((x - ax) * dx + (y - ay) * dy) / (dx * dx + dy * dy)));
  return Math.hypot(x - ax - t * dx, y - ay - t * dy);
}

const clamp = (v: number) => Math.max(0, Math.min(1, v));
for (let y = 0; y < N; y++) {
  for (let x = 0; x < N; x++) {
    // rounded square, anti-aliased
    const r = 180;
    const qx = Math.max(Math.abs(x + 0.5 - N / 2) - (N / 2 - 40 - r), 0);
    const qy = Math.max(Math.abs(y + 0.5 - N / 2) - (N / 2 - 40 - r), 0);
    const inside = clamp(r - Math.hypot(qx, qy) + 0.5);
    let [cr, cg, cb] = [27, 94, 32];
    // red seal ring
    const ring = clamp(22 - Math.abs(Math.hypot(x - N / 2, y - N / 2) - 330) + 0.5);
    [cr, cg, cb] = [cr + (212 - cr) * ring, cg + (0 - cg) * ring, cb + (0 - cb) * ring];
    // white check mark
    const d = Math.min(segDist(x, y, 330, 530, 460, 660), segDist(x, y, 460, 660, 710, 380));
    const tick = clamp(48 - d + 0.5);
    [cr, cg, cb] = [cr + (255 - cr) * tick, cg + (255 - cg) * tick, cb + (255 - cb) * tick];
    const i = (y * N + x) * 4;
    px[i] = Math.round(cr);
    px[i + 1] = Math.round(cg);
    px[i + 2] = Math.round(cb);
    px[i + 3] = Math.round(255 * inside);
  }
}

writeFileSync(join(import.meta.dirname, 'icon.png'), encodePng(N, N, 'rgba', px));
console.log('build/icon.png');
