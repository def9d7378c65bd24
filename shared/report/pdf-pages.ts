// What a reader sees on each page, as digests that can be compared: the page geometry, the
// decoded content streams, every resource the content draws with (fonts with their embedded
// glyph programs and ToUnicode maps, images with their decoded pixels, form XObjects, graphics
// states) and the annotations. Independent of how the file was compressed or numbered: two
// files show the same pages exactly when their digests are equal. Plus the page's text runs
// (decoded through each font's ToUnicode map) to say WHAT differs.
import { createHash } from 'node:crypto';
import { canonicalJson } from '../canonical';
import { PdfDict, PdfDocument, PdfError, PdfLexer, PdfName, PdfRef, PdfStream, PdfString, isName, type PdfPage, type PdfValue } from './pdf-reader';

const sha = (b: string | Buffer) => createHash('sha256').update(b).digest('hex');

export interface PageDigest {
  /** One hash over everything below: two pages look the same exactly when these are equal. */
  hash: string;
  /** Page size, crop box and rotation. */
  box: string;
  /** The decoded content streams. */
  content: string;
  /** "Font/F1" → digest of that resource (fonts, images, forms, graphics states, …). */
  resources: Record<string, string>;
  /** Annotations a reader sees (signature widgets that draw nothing are left out). */
  annots: string[];
  /** Signature fields that draw an appearance on the page. */
  visibleSignatures: number;
}

/** Keys that point back up the object graph or only say how bytes are stored. */
const SKIP_KEYS = new Set(['Parent', 'P', 'Length', 'Filter', 'DecodeParms', 'DL', 'StructParent', 'StructParents']);
const MAX_CANON_DEPTH = 48;

/** Canonical form of values, memoised per object: numbering and compression do not matter. */
export class Canonicaliser {
  private readonly byObject = new Map<number, string>();
  private readonly active = new Set<number>();
  constructor(private readonly doc: PdfDocument) {}

  hash(v: PdfValue | undefined): string {
    return sha(canonicalJson(this.canon(v ?? null, 0)));
  }

  private canon(v: PdfValue, depth: number): unknown {
    if (depth > MAX_CANON_DEPTH) throw new PdfError('对象嵌套层次过深');
    if (v === null || typeof v === 'boolean') return v;
    if (typeof v === 'number') return Number(v.toFixed(6));
    if (v instanceof PdfName) return `/${v.name}`;
    if (v instanceof PdfString) return `s:${v.bytes.toString('hex')}`;
    if (Array.isArray(v)) return v.map((x) => this.canon(x, depth + 1));
    if (v instanceof PdfRef) {
      const hit = this.byObject.get(v.num);
      if (hit) return `#${hit}`;
      if (this.active.has(v.num)) return '#cycle';
      this.active.add(v.num);
      try {
        const h = sha(canonicalJson(this.canon(this.doc.object(v.num), depth + 1)));
        this.byObject.set(v.num, h);
        return `#${h}`;
      } finally {
        this.active.delete(v.num);
      }
    }
    if (v instanceof PdfStream) return { dict: this.canon(v.dict, depth + 1), data: sha(this.doc.decode(v)) };
    if (v instanceof PdfDict) {
      const o: Record<string, unknown> = {};
      for (const [k, x] of v.map) if (!SKIP_KEYS.has(k)) o[k] = this.canon(x, depth + 1);
      return o;
    }
    return null;
  }
}

function isSignatureWidget(doc: PdfDocument, a: PdfDict): boolean {
  if (!isName(doc.resolve(a.get('Subtype')), 'Widget')) return false;
  if (isName(doc.resolve(a.get('FT')), 'Sig')) return true;
  const parent = doc.dict(a.get('Parent'));
  return !!parent && isName(doc.resolve(parent.get('FT')), 'Sig');
}

/** A widget with no area, or hidden (F bit 2) / not viewable (bit 6), draws nothing. */
function drawsNothing(doc: PdfDocument, a: PdfDict): boolean {
  const f = doc.num(a.get('F')) ?? 0;
  if (f & 2 || f & 32) return true;
  const r = (doc.array(a.get('Rect')) ?? []).map((x) => doc.num(x) ?? 0);
  return r.length === 4 && (Math.abs(r[2] - r[0]) < 0.01 || Math.abs(r[3] - r[1]) < 0.01);
}

export function pageDigest(doc: PdfDocument, page: PdfPage, c: Canonicaliser): PageDigest {
  const box = sha(canonicalJson({ media: page.mediaBox, crop: page.cropBox ?? page.mediaBox, rotate: ((page.rotate % 360) + 360) % 360 }));
  const content = sha(doc.pageContent(page));
  const resources: Record<string, string> = {};
  const res = page.resources;
  if (res) {
    for (const [cat, v] of res.map) {
      const d = doc.dict(v);
      if (d && cat !== 'ProcSet') {
        for (const [name, r] of d.map) resources[`${cat}/${name}`] = c.hash(r);
      } else if (cat !== 'ProcSet') resources[cat] = c.hash(v);
    }
  }
  const annots: string[] = [];
  let visibleSignatures = 0;
  for (const a of doc.array(page.dict.get('Annots')) ?? []) {
    const d = doc.dict(a);
    if (!d) continue;
    if (isSignatureWidget(doc, d)) {
      if (!drawsNothing(doc, d)) visibleSignatures++;
      continue;
    }
    annots.push(c.hash(d));
  }
  const hash = sha(canonicalJson({ box, content, resources, annots }));
  return { hash, box, content, resources, annots, visibleSignatures };
}

export function pageDigests(doc: PdfDocument): PageDigest[] {
  const c = new Canonicaliser(doc);
  return doc.pages().map((p) => pageDigest(doc, p, c));
}

// ------------------------------------------------------------------ text

type CMap = { bytes: number; map: Map<number, string> };

function hexCode(s: string): number {
  return parseInt(s, 16);
}

function utf16(hex: string): string {
  const b = Buffer.from(hex.length % 2 ? `${hex}0` : hex, 'hex');
  return Buffer.from(b).swap16().toString('utf16le');
}

/** A ToUnicode CMap (bfchar and bfrange sections). */
export function parseToUnicode(text: string): CMap {
  const map = new Map<number, string>();
  let bytes = 2;
  const space = /begincodespacerange\s*<([0-9A-Fa-f]+)>/.exec(text);
  if (space) bytes = Math.max(1, Math.ceil(space[1].length / 2));
  for (const sec of text.matchAll(/beginbfchar([\s\S]*?)endbfchar/g)) {
    for (const m of sec[1].matchAll(/<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]*)>/g)) map.set(hexCode(m[1]), utf16(m[2]));
  }
  for (const sec of text.matchAll(/beginbfrange([\s\S]*?)endbfrange/g)) {
    const body = sec[1];
    const re = /<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>\s*(<([0-9A-Fa-f]+)>|\[([^\]]*)\])/g;
    for (const m of body.matchAll(re)) {
      const lo = hexCode(m[1]);
      const hi = Math.min(hexCode(m[2]), lo + 65535);
      if (m[4] !== undefined) {
        const base = Buffer.from(m[4].length % 2 ? `${m[4]}0` : m[4], 'hex');
        for (let code = lo; code <= hi; code++) {
          const b = Buffer.from(base);
          const add = code - lo;
          b.writeUInt16BE((b.readUInt16BE(b.length - 2) + add) & 0xffff, b.length - 2);
          map.set(code, Buffer.from(b).swap16().toString('utf16le'));
        }
      } else {
        const items = [...(m[5] ?? '').matchAll(/<([0-9A-Fa-f]*)>/g)].map((x) => x[1]);
        items.forEach((h, i) => {
          if (lo + i <= hi) map.set(lo + i, utf16(h));
        });
      }
    }
  }
  return { bytes, map };
}

interface FontText {
  bytes: number;
  map: Map<number, string> | null;
}

function fontText(doc: PdfDocument, font: PdfDict | null, cache: Map<PdfDict, FontText>): FontText {
  if (!font) return { bytes: 1, map: null };
  const hit = cache.get(font);
  if (hit) return hit;
  const type0 = isName(doc.resolve(font.get('Subtype')), 'Type0');
  let out: FontText = { bytes: type0 ? 2 : 1, map: null };
  const tu = doc.resolve(font.get('ToUnicode'));
  if (tu instanceof PdfStream) {
    try {
      const cm = parseToUnicode(doc.decode(tu, 4 * 1024 * 1024).toString('latin1'));
      out = { bytes: type0 ? cm.bytes : 1, map: cm.map };
    } catch (e) {
      if (!(e instanceof PdfError)) throw e;
    }
  }
  cache.set(font, out);
  return out;
}

function decodeRun(s: PdfString, f: FontText): string {
  const b = s.bytes;
  let out = '';
  for (let i = 0; i + f.bytes <= b.length; i += f.bytes) {
    const code = f.bytes === 2 ? b.readUInt16BE(i) : b[i];
    out += f.map ? (f.map.get(code) ?? '\uFFFD') : String.fromCharCode(code);
  }
  return out;
}

/**
 * The text of a page as the runs its content stream draws (one per BT…ET block, in drawing
 * order), decoded with each font's ToUnicode map; text in form XObjects is included.
 */
export function pageText(doc: PdfDocument, page: PdfPage, maxRuns = 20000): string[] {
  const runs: string[] = [];
  const fonts = new Map<PdfDict, FontText>();
  let lastY: number | null = null;
  const walk = (content: Buffer, resources: PdfDict | null, depth: number) => {
    if (depth > 8) return;
    const fontRes = doc.dict(resources?.get('Font'));
    const xobjRes = doc.dict(resources?.get('XObject'));
    const lx = new PdfLexer(content, 32);
    const stack: Array<PdfValue | string> = [];
    let font: FontText = { bytes: 1, map: null };
    let cur = '';
    let y = 0;
    // Runs drawn on the same baseline one after another are one line of text.
    const flush = () => {
      const text = cur.trim();
      cur = '';
      if (!text) return;
      if (lastY !== null && Math.abs(lastY - y) < 0.5 && runs.length > 0) runs[runs.length - 1] += text;
      else runs.push(text);
      lastY = y;
    };
    while (runs.length < maxRuns) {
      lx.skipWs();
      if (lx.pos >= content.length) break;
      let tok: PdfValue | string;
      try {
        tok = lx.value();
      } catch {
        lx.pos++;
        continue;
      }
      if (typeof tok !== 'string') {
        stack.push(tok);
        if (stack.length > 64) stack.shift();
        continue;
      }
      switch (tok) {
        case 'BT':
          flush();
          y = 0;
          break;
        case 'ET':
          flush();
          break;
        case 'Tm': {
          const f = stack[stack.length - 1];
          if (typeof f === 'number') y = f;
          break;
        }
        case 'Td':
        case 'TD': {
          const ty = stack[stack.length - 1];
          if (typeof ty === 'number') y += ty;
          break;
        }
        case 'Tf': {
          const name = stack[stack.length - 2];
          font = fontText(doc, name instanceof PdfName ? doc.dict(fontRes?.get(name.name)) : null, fonts);
          break;
        }
        case 'Tj':
        case "'":
        case '"': {
          const s = stack[stack.length - 1];
          if (s instanceof PdfString) cur += decodeRun(s, font);
          break;
        }
        case 'TJ': {
          const a = stack[stack.length - 1];
          if (Array.isArray(a)) for (const x of a) if (x instanceof PdfString) cur += decodeRun(x, font);
          break;
        }
        case 'Do': {
          const name = stack[stack.length - 1];
          const xo = name instanceof PdfName ? doc.resolve(xobjRes?.get(name.name)) : null;
          if (xo instanceof PdfStream && isName(doc.resolve(xo.dict.get('Subtype')), 'Form')) {
            flush();
            walk(doc.decode(xo), doc.dict(xo.dict.get('Resources')) ?? resources, depth + 1);
          }
          break;
        }
        case 'BI': {
          // inline image: skip its data up to "EI"
          const id = content.indexOf('ID', lx.pos, 'latin1');
          const ei = id < 0 ? -1 : content.indexOf('EI', id + 3, 'latin1');
          lx.pos = ei < 0 ? content.length : ei + 2;
          break;
        }
        default:
          break;
      }
      stack.length = 0;
    }
    flush();
  };
  walk(doc.pageContent(page), page.resources, 0);
  return runs;
}

/** Object numbers a page's digest depends on (used to say which objects an update touched). */
export function refNum(v: PdfValue | undefined): number | null {
  return v instanceof PdfRef ? v.num : null;
}
