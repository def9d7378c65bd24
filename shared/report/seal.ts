// The drawn red round seal (vector SVG): the organisation's name along the upper arc, a
// five-pointed star in the centre and an optional bottom line (审查专用章). A visual mark only —
// a legally valid 电子签章 (GB/T 38540) needs a CA-issued seal, which an offline tool cannot make.
import { glyphOutline, glyphSafe } from './fonts';
import { pdfLine } from './sanitize';

export const SEAL_RED = '#D40000';
export const SEAL_FONT = 'NotoSansSC';

function starPoints(cx: number, cy: number, outer: number): string {
  const inner = outer * 0.382;
  const pts: string[] = [];
  for (let i = 0; i < 10; i++) {
    const r = i % 2 === 0 ? outer : inner;
    const a = (-90 + i * 36) * (Math.PI / 180);
    pts.push(`${(cx + r * Math.cos(a)).toFixed(2)},${(cy + r * Math.sin(a)).toFixed(2)}`);
  }
  return pts.join(' ');
}

/** One character as a filled path, centred on the origin's x, baseline at y = 0. */
function glyph(ch: string, size: number, transform: string): string {
  const g = glyphOutline(ch, true);
  if (!g) return '';
  const k = size / g.unitsPerEm;
  return `<path transform="${transform} scale(${k.toFixed(5)},${(-k).toFixed(5)}) translate(${(-g.advance / 2).toFixed(1)},0)" d="${g.d}" fill="${SEAL_RED}"/>`;
}

/** A horizontal line of characters centred on x, baseline y. */
function line(text: string, size: number, x: number, y: number): string {
  const chars = Array.from(text);
  const widths = chars.map((ch) => ((glyphOutline(ch, true)?.advance ?? 1000) / 1000) * size);
  let cx = x - widths.reduce((a, w) => a + w, 0) / 2;
  return chars
    .map((ch, i) => {
      const s = glyph(ch, size, `translate(${(cx + widths[i] / 2).toFixed(2)},${y})`);
      cx += widths[i];
      return s;
    })
    .join('');
}

/**
 * SVG of a round seal, `sizePt` wide and high (default 120 pt ≈ 42 mm, the usual size).
 * `viewBox` (optional) selects a part of the 200 × 200 drawing: used for the cross-page seal.
 */
export function sealSvg(org: { name: string; sealText?: string }, sizePt = 120, viewBox?: { x: number; width: number }): string {
  const name = Array.from(glyphSafe(pdfLine(org.name, 40)).trim() || '审查机构');
  const bottom = glyphSafe(pdfLine(org.sealText ?? '', 12)).trim();
  const c = 100;
  const ringR = 94;
  const textR = 70;
  // Spread the characters over up to 250° of the upper arc; smaller type for long names.
  const span = Math.min(250, Math.max(90, name.length * 24));
  const step = name.length > 1 ? span / (name.length - 1) : 0;
  const arcLen = (textR * 2 * Math.PI * span) / 360;
  const fontSize = Math.max(9, Math.min(26, (arcLen / Math.max(1, name.length)) * 0.85));
  // For a slice (cross-page seal), draw only what the slice can show.
  const visible = (x: number, halfWidth: number) => !viewBox || (x + halfWidth >= viewBox.x && x - halfWidth <= viewBox.x + viewBox.width);
  const chars = name
    .map((ch, i) => {
      const angle = -span / 2 + i * step;
      if (!visible(c + Math.sin((angle * Math.PI) / 180) * textR, fontSize)) return '';
      return glyph(ch, fontSize, `translate(${c},${c}) rotate(${angle.toFixed(2)}) translate(0,${-textR})`);
    })
    .join('');
  const bottomFont = bottom ? Math.max(9, Math.min(18, 110 / Math.max(1, Array.from(bottom).length))) : 0;
  const bottomText = bottom && visible(c, (Array.from(bottom).length * bottomFont) / 2 + 2) ? line(bottom, bottomFont, c, 152) : '';
  const vb = viewBox ? `${viewBox.x.toFixed(3)} 0 ${viewBox.width.toFixed(3)} 200` : '0 0 200 200';
  const w = viewBox ? (sizePt * viewBox.width) / 200 : sizePt;
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" width="${w.toFixed(3)}" height="${sizePt}" viewBox="${vb}" preserveAspectRatio="none">` +
    (viewBox ? `<defs><clipPath id="slice"><rect x="${viewBox.x.toFixed(3)}" y="0" width="${viewBox.width.toFixed(3)}" height="200"/></clipPath></defs><g clip-path="url(#slice)">` : '<g>') +
    `<g opacity="0.85">` +
    `<circle cx="${c}" cy="${c}" r="${ringR}" fill="none" stroke="${SEAL_RED}" stroke-width="6"/>` +
    chars +
    (visible(c, 31) ? `<polygon points="${starPoints(c, c + 2, 30)}" fill="${SEAL_RED}"/>` : '') +
    bottomText +
    `</g></g></svg>`
  );
}
