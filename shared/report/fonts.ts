// pdfmake set up once per process: local files only, Noto Sans SC (SIL OFL 1.1, from
// @expo-google-fonts/noto-sans-sc) embedded as a subset; and a glyph filter so that text the
// font cannot show (emoji, CJK Ext-B, ₂) becomes a readable stand-in instead of an empty box.
import { createRequire } from 'node:module';
import { dirname } from 'node:path';

const require = createRequire(import.meta.url);

export const FONT = 'NotoSansSC';

const fontPath = (w: string) => require.resolve(`@expo-google-fonts/noto-sans-sc/${w}/NotoSansSC_${w}.ttf`);

// pdfmake has no type declarations; this is the part of its API used here.
export interface PdfMake {
  setUrlAccessPolicy(cb: (url: string) => boolean): void;
  setLocalAccessPolicy(cb: (path: string) => boolean): void;
  addFonts(fonts: Record<string, Record<string, string>>): void;
  createPdf(doc: unknown): { getBuffer(): Promise<Buffer> };
}

let pdfmake: PdfMake | null = null;

export function getPdfMake(): PdfMake {
  if (pdfmake) return pdfmake;
  const pm = require('pdfmake') as PdfMake;
  const regular = fontPath('400Regular');
  const bold = fontPath('700Bold');
  const fontDir = dirname(dirname(regular));
  pm.setUrlAccessPolicy(() => false);
  pm.setLocalAccessPolicy((p) => p.startsWith(fontDir));
  pm.addFonts({ [FONT]: { normal: regular, bold, italics: regular, bolditalics: bold } });
  pdfmake = pm;
  return pm;
}

interface FkGlyph {
  advanceWidth: number;
  path: { toSVG(): string; commands: unknown[] };
}
interface FkFont {
  characterSet: number[];
  unitsPerEm: number;
  glyphForCodePoint(cp: number): FkGlyph;
}

const fonts = new Map<string, FkFont>();

/** The font file parsed with fontkit (pdfkit's own dependency), once per process. */
function fkFont(weight: '400Regular' | '700Bold'): FkFont {
  let f = fonts.get(weight);
  if (!f) {
    const pdfkitRequire = createRequire(require.resolve('pdfkit'));
    const fontkit = pdfkitRequire('fontkit') as { openSync(p: string): FkFont };
    f = fontkit.openSync(fontPath(weight));
    fonts.set(weight, f);
  }
  return f;
}

let charset: Set<number> | null = null;

function fontCharset(): Set<number> {
  charset ??= new Set(fkFont('400Regular').characterSet);
  return charset;
}

const outlines = new Map<string, { d: string; advance: number; unitsPerEm: number } | null>();

/**
 * The outline of one character as SVG path data (font units, y up), for drawing text as shapes
 * (the seal: cheap to render on every page, and its letters do not pollute text extraction).
 */
export function glyphOutline(ch: string, bold = true): { d: string; advance: number; unitsPerEm: number } | null {
  const key = `${bold ? 'b' : 'r'}${ch}`;
  if (outlines.has(key)) return outlines.get(key)!;
  const font = fkFont(bold ? '700Bold' : '400Regular');
  const cp = ch.codePointAt(0)!;
  const out = fontCharset().has(cp)
    ? (() => {
        const g = font.glyphForCodePoint(cp);
        return { d: g.path.toSVG(), advance: g.advanceWidth, unitsPerEm: font.unitsPerEm };
      })()
    : null;
  outlines.set(key, out);
  return out;
}

const SUBSCRIPT = '₀₁₂₃₄₅₆₇₈₉';
const SUPERSCRIPT: Record<string, string> = { '⁰': '0', '¹': '1', '⁴': '4', '⁵': '5', '⁶': '6', '⁷': '7', '⁸': '8', '⁹': '9' };
export const MISSING_GLYPH = '□';

/** Replaces characters the font has no glyph for ('kgCO₂' → 'kgCO2', emoji → '□'). */
export function glyphSafe(s: string): string {
  const cs = fontCharset();
  let out = '';
  for (const ch of s) {
    const cp = ch.codePointAt(0)!;
    if (cp === 0x0a || cs.has(cp)) out += ch;
    else if (SUBSCRIPT.includes(ch)) out += String(SUBSCRIPT.indexOf(ch));
    else if (ch in SUPERSCRIPT) out += SUPERSCRIPT[ch];
    else if (cp >= 0xfe00 && cp <= 0xfe0f) continue; // variation selectors
    else if (cp === 0x200d || cp === 0x200b) continue; // zero-width joiner / space
    else out += MISSING_GLYPH;
  }
  return out;
}
