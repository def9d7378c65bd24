// pdfmake set up once per process: local files only, Noto Sans SC (SIL OFL 1.1, from
// @expo-google-fonts/noto-sans-sc) embedded as a subset; and a glyph filter so that text the
// font cannot show (emoji, CJK Ext-B, ₂) becomes a readable stand-in instead of an empty box.
//
// The two font files (10 MB each) are read and parsed once per process (or worker thread), not
// once per report: every report gets its own light view of the parsed font (fontkit's decoded
// tables are shared; glyph objects, the cmap and layout engines are the report's own), so that a
// report comes out byte for byte as it would from freshly opened font files, whatever was
// rendered before it in the same process (verification depends on that).
import { createRequire } from 'node:module';
import { readFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { installTypesetterSpeedups } from './typesetter';

const require = createRequire(import.meta.url);

export const FONT = 'NotoSansSC';

type Weight = '400Regular' | '700Bold';

const fontPath = (w: Weight) => require.resolve(`@expo-google-fonts/noto-sans-sc/${w}/NotoSansSC_${w}.ttf`);

// pdfmake has no type declarations; this is the part of its API used here.
export interface PdfMake {
  setUrlAccessPolicy(cb: (url: string) => boolean): void;
  setLocalAccessPolicy(cb: (path: string) => boolean): void;
  addFonts(fonts: Record<string, Record<string, string>>): void;
  createPdf(doc: unknown): { getBuffer(): Promise<Buffer> };
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
interface Fontkit {
  create(bytes: Uint8Array): FkFont;
  registerFormat(format: unknown): void;
}

/** The part of a pdfkit document (pdfmake's subclass) that opens fonts. */
interface PdfKitFonts {
  _registeredFonts: Record<string, unknown>;
  registerFont(name: string, src: Uint8Array): unknown;
  font: (this: PdfKitFonts, src: unknown, ...rest: unknown[]) => unknown;
}

const pdfmakeRequire = createRequire(require.resolve('pdfmake'));
/** fontkit as pdfkit (inside pdfmake) loads it. */
const fontkitOfPdfkit = (): Fontkit => createRequire(pdfmakeRequire.resolve('pdfkit'))('fontkit') as Fontkit;

/**
 * Each weight parsed once per process. `base` is never used directly: only through views.
 * A view shares the base's decoded tables (fontkit decodes each table on first use and keeps it
 * on the instance) and has its own glyph cache: fontkit remembers the code points a glyph was
 * first asked for (they go into the PDF's ToUnicode map), so glyph objects must not outlive one
 * document.
 */
interface ParsedFont {
  path: string;
  base: FkFont;
  /** Passed to pdfkit instead of the file: makes fontkit hand out a fresh view (see SharedFontRef). */
  token: Buffer;
}

const TOKEN_MAGIC = 'LandCheckFontRef:';
const parsed = new Map<Weight, ParsedFont>();
const byToken = new Map<string, ParsedFont>();
const byPath = new Map<string, ParsedFont>();

function newView(f: ParsedFont): FkFont {
  const view = Object.create(f.base) as FkFont & { _glyphs: Record<number, unknown> };
  view._glyphs = {};
  return view;
}

/**
 * A fontkit "format" whose probe recognises our tokens and whose constructor returns a fresh view
 * of an already parsed font: pdfkit's own font loading (fontkit.create) then opens it without
 * reading or parsing the file again. The real formats are probed first and never match a token.
 */
class SharedFontRef {
  static probe(bytes: Uint8Array): boolean {
    return bytes.length > TOKEN_MAGIC.length && Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('latin1').startsWith(TOKEN_MAGIC);
  }
  constructor(stream: { buffer: Uint8Array }) {
    const key = Buffer.from(stream.buffer.buffer, stream.buffer.byteOffset, stream.buffer.byteLength).toString('latin1');
    const f = byToken.get(key);
    if (!f) throw new Error('unknown font reference');
    return newView(f);
  }
}

let fontkitReady = false;

function parsedFont(w: Weight): ParsedFont {
  let f = parsed.get(w);
  if (f) return f;
  const fontkit = fontkitOfPdfkit();
  if (!fontkitReady) {
    fontkit.registerFormat(SharedFontRef);
    fontkitReady = true;
  }
  const path = fontPath(w);
  const token = Buffer.from(`${TOKEN_MAGIC}${w}`, 'latin1');
  f = { path, base: fontkit.create(readFileSync(path)), token };
  parsed.set(w, f);
  byToken.set(token.toString('latin1'), f);
  byPath.set(path, f);
  return f;
}

let pdfmake: PdfMake | null = null;

export function getPdfMake(): PdfMake {
  if (pdfmake) return pdfmake;
  const pm = require('pdfmake') as PdfMake;
  const regular = parsedFont('400Regular').path;
  const bold = parsedFont('700Bold').path;
  const fontDir = dirname(dirname(regular));
  pm.setUrlAccessPolicy(() => false);
  pm.setLocalAccessPolicy((p) => p.startsWith(fontDir));
  // The documents pdfmake makes open our two font files from memory: pdfkit caches a font per
  // document under the name it was asked for (the path, as before), and opens it from the
  // registered source — the token of the parsed font — instead of reading the file.
  const proto = (require('pdfmake/js/PDFDocument.js') as { default: { prototype: PdfKitFonts } }).default.prototype;
  const open = proto.font;
  if (!(open as { landcheckShared?: boolean }).landcheckShared) {
    const font = function (this: PdfKitFonts, src: unknown, ...rest: unknown[]) {
      if (typeof src === 'string' && !this._registeredFonts[src]) {
        const f = byPath.get(src);
        if (f) this.registerFont(src, f.token);
      }
      return open.call(this, src, ...rest);
    };
    (font as { landcheckShared?: boolean }).landcheckShared = true;
    proto.font = font;
  }
  pm.addFonts({ [FONT]: { normal: regular, bold, italics: regular, bolditalics: bold } });
  installTypesetterSpeedups();
  pdfmake = pm;
  return pm;
}

/** Long-lived views for the glyph filter and the seal's outlines (never handed to a document). */
const outlineFonts = new Map<Weight, FkFont>();

function fkFont(weight: Weight): FkFont {
  let f = outlineFonts.get(weight);
  if (!f) {
    f = newView(parsedFont(weight));
    outlineFonts.set(weight, f);
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
