// Test helpers: temp dirs, poppler tools, PPM pixel counting.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export function tempDir(): string {
  return mkdtempSync(join(tmpdir(), 'lc-report-'));
}

export function has(cmd: string): boolean {
  try {
    execFileSync('sh', ['-c', `command -v ${cmd}`], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

export function writePdf(dir: string, name: string, bytes: Uint8Array): string {
  const p = join(dir, name);
  writeFileSync(p, bytes);
  return p;
}

export function pdftotext(path: string, layout = false): string {
  return execFileSync('pdftotext', [...(layout ? ['-layout'] : []), '-enc', 'UTF-8', path, '-'], { encoding: 'utf8', maxBuffer: 64 << 20 });
}

export function pdfinfo(path: string): Record<string, string> {
  const out = execFileSync('pdfinfo', ['-enc', 'UTF-8', path], { encoding: 'utf8' });
  const m: Record<string, string> = {};
  for (const l of out.split('\n')) {
    const i = l.indexOf(':');
    if (i > 0) m[l.slice(0, i).trim()] = l.slice(i + 1).trim();
  }
  return m;
}

/** Renders one page to a PPM and returns width, height and RGB bytes. */
export function renderPage(path: string, page: number, dir: string, dpi = 50): { w: number; h: number; rgb: Buffer; png: string } {
  const base = join(dir, `page${page}`);
  execFileSync('pdftoppm', ['-r', String(dpi), '-f', String(page), '-l', String(page), '-singlefile', path, base]);
  execFileSync('pdftoppm', ['-r', String(dpi), '-f', String(page), '-l', String(page), '-singlefile', '-png', path, base]);
  const buf = readFileSync(`${base}.ppm`);
  // P6\n<w> <h>\n255\n<data>
  const header = buf.subarray(0, 50).toString('latin1');
  const m = /^P6\s+(\d+)\s+(\d+)\s+(\d+)\s/.exec(header)!;
  return { w: Number(m[1]), h: Number(m[2]), rgb: buf.subarray(m[0].length), png: `${base}.png` };
}

/** Count of seal-red pixels in a rectangle (fractions of the page). */
export function redPixels(img: { w: number; h: number; rgb: Buffer }, x0 = 0, x1 = 1, y0 = 0, y1 = 1): number {
  let n = 0;
  for (let y = Math.floor(img.h * y0); y < Math.floor(img.h * y1); y++)
    for (let x = Math.floor(img.w * x0); x < Math.floor(img.w * x1); x++) {
      const i = (y * img.w + x) * 3;
      if (img.rgb[i] > 170 && img.rgb[i + 1] < 110 && img.rgb[i + 2] < 110) n++;
    }
  return n;
}
