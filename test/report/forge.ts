// A forger's tools, for tests: edit a page's content and save it as an incremental update (what
// PDF editors do), flip a byte inside a compressed stream, swap glyphs, graft another report's
// embedded data, re-save with qpdf.
import { execFileSync } from 'node:child_process';
import { constants as zc, deflateRawSync } from 'node:zlib';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PdfDocument, PdfName, PdfRef, PdfStream, type PdfDict } from '../../shared/report/pdf-reader';
import { appendUpdate, dictWith, serialize, type UpdateBody } from '../../shared/report/pdf-writer';
import { parseToUnicode } from '../../shared/report/pdf-pages';
import { MANIFEST_KEY } from '../../shared/report/manifest';

const buf = (b: Uint8Array) => Buffer.from(b.buffer, b.byteOffset, b.byteLength);

/** The content stream object of page `index` (0-based) and its decoded text. */
export function pageContent(pdf: Uint8Array, index: number): { num: number; text: string; doc: PdfDocument; page: PdfDict } {
  const doc = new PdfDocument(pdf);
  const page = doc.pages()[index];
  const ref = page.dict.get('Contents');
  if (!(ref instanceof PdfRef)) throw new Error('page contents is not one reference');
  return { num: ref.num, text: doc.pageContent(page).toString('latin1'), doc, page: page.dict };
}

/** Replaces page `index`'s content with `edit(text)`, saved as an incremental update. */
export function editContent(pdf: Uint8Array, index: number, edit: (text: string) => string): Buffer {
  const { num, text, doc } = pageContent(pdf, index);
  const next = edit(text);
  if (next === text) throw new Error('edit changed nothing');
  const objects = new Map<number, UpdateBody>([[num, { dict: [], data: Buffer.from(next, 'latin1'), compress: true }]]);
  return appendUpdate(buf(pdf), doc, objects, doc.num(doc.trailer.get('Size'))!);
}

/** Flips one byte in the middle of page `index`'s compressed content stream, in place. */
export function flipStreamByte(pdf: Uint8Array, index: number): Buffer {
  const { num, doc } = pageContent(pdf, index);
  const st = doc.object(num) as PdfStream;
  const out = Buffer.from(pdf);
  const at = st.raw.byteOffset - buf(pdf).byteOffset + Math.floor(st.raw.length / 2);
  out[at] ^= 0x01;
  return out;
}

/** Unicode text → glyph code, for the font a content stream selects with `/name`. */
function fontMap(doc: PdfDocument, page: PdfDict, name: string): { toCode: Map<string, number>; toText: Map<number, string> } {
  const res = doc.dict(page.get('Resources'));
  const font = doc.dict(doc.dict(res?.get('Font'))?.get(name));
  const tu = doc.resolve(font?.get('ToUnicode'));
  if (!(tu instanceof PdfStream)) throw new Error(`font ${name} has no ToUnicode`);
  const cm = parseToUnicode(doc.decode(tu).toString('latin1'));
  const toCode = new Map<string, number>();
  for (const [code, s] of cm.map) if (!toCode.has(s)) toCode.set(s, code);
  return { toCode, toText: cm.map };
}

interface Block {
  start: number;
  end: number;
  font: string;
  text: string;
}

/** BT…ET blocks of a content stream with their decoded text. */
function blocks(doc: PdfDocument, page: PdfDict, text: string): Block[] {
  const out: Block[] = [];
  const re = /BT\n[\s\S]*?\nET/g;
  const maps = new Map<string, Map<number, string>>();
  for (let m = re.exec(text); m; m = re.exec(text)) {
    const f = /\/(F\d+) [\d.]+ Tf/.exec(m[0]);
    if (!f) continue;
    if (!maps.has(f[1])) maps.set(f[1], fontMap(doc, page, f[1]).toText);
    const map = maps.get(f[1])!;
    const s = [...m[0].matchAll(/<([0-9a-fA-F]+)>/g)]
      .flatMap((x) => x[1].match(/.{4}/g) ?? [])
      .map((h) => map.get(parseInt(h, 16)) ?? '?')
      .join('');
    out.push({ start: m.index, end: m.index + m[0].length, font: f[1], text: s });
  }
  return out;
}

/** Removes the glyph run that draws `char` where the following runs spell `rest` ("不" before "符合"). */
export function dropGlyphRun(pdf: Uint8Array, index: number, char: string, rest: string): Buffer {
  const { doc, page } = pageContent(pdf, index);
  return editContent(pdf, index, (text) => {
    const bs = blocks(doc, page, text);
    for (let i = 0; i < bs.length; i++) {
      const follow = bs.slice(i + 1, i + 1 + Array.from(rest).length).map((b) => b.text).join('');
      if (bs[i].text === char && follow === rest) return text.slice(0, bs[i].start) + text.slice(bs[i].end);
    }
    throw new Error(`no run "${char}" before "${rest}"`);
  });
}

/** Rewrites the first glyph `from` into one of the glyphs `to` the same font has: "14 项" → "24 项". */
export function swapGlyph(pdf: Uint8Array, index: number, from: string, to: string): Buffer {
  const { doc, page } = pageContent(pdf, index);
  return editContent(pdf, index, (text) => {
    for (const b of blocks(doc, page, text)) {
      const { toCode, toText } = fontMap(doc, page, b.font);
      const z = Array.from(to).map((c) => toCode.get(c)).find((x) => x !== undefined);
      if (z === undefined || !b.text.includes(from)) continue;
      const hex = (n: number) => n.toString(16).padStart(4, '0');
      const block = text.slice(b.start, b.end).replace(/<([0-9a-fA-F]+)>/g, (all, h: string) => {
        const codes = h.match(/.{4}/g) ?? [];
        const k = codes.findIndex((c) => toText.get(parseInt(c, 16)) === from);
        if (k < 0) return all;
        codes[k] = hex(z);
        return `<${codes.join('')}>`;
      });
      return text.slice(0, b.start) + block + text.slice(b.end);
    }
    throw new Error(`no glyph ${from} with a ${to} in the same font`);
  });
}

/** Puts `donor`'s embedded verification data into `target` (an incremental update). */
export function graftManifest(target: Uint8Array, donor: Uint8Array): Buffer {
  const d = new PdfDocument(donor);
  const t = new PdfDocument(target);
  const dNames = d.dict(d.catalog().get('Names'))!;
  const spec = d.dict(d.nameTreeLookup(dNames.get('EmbeddedFiles'), MANIFEST_KEY))!;
  const st = d.resolve(d.dict(spec.get('EF'))!.get('F')) as PdfStream;
  const data = d.decode(st);
  const tNames = t.dict(t.catalog().get('Names'))!;
  const tSpecRef = t.nameTreeLookup(tNames.get('EmbeddedFiles'), MANIFEST_KEY) as PdfRef;
  const tSpec = t.dict(tSpecRef)!;
  const tEf = t.dict(tSpec.get('EF'))!;
  const streamRef = tEf.get('F') as PdfRef;
  const old = t.resolve(streamRef) as PdfStream;
  const keep: Array<[string, string]> = [...old.dict.map].filter(([k]) => k !== 'Length' && k !== 'Filter').map(([k, v]) => [k, serialize(v)]);
  return appendUpdate(buf(target), t, new Map([[streamRef.num, { dict: keep, data, compress: true }]]), t.num(t.trailer.get('Size'))!);
}

/** Changes the document information (title) by an incremental update. */
export function editInfo(pdf: Uint8Array, title: string): Buffer {
  const doc = new PdfDocument(pdf);
  const ref = doc.trailer.get('Info') as PdfRef;
  const info = doc.dict(ref)!;
  return appendUpdate(buf(pdf), doc, new Map([[ref.num, dictWith(info, { Title: `(${title})` })]]), doc.num(doc.trailer.get('Size'))!);
}

/** Adds a stamp annotation (a visible "符合" box) to page `index`. */
export function addStamp(pdf: Uint8Array, index: number): Buffer {
  const doc = new PdfDocument(pdf);
  const page = doc.pages()[index];
  const size = doc.num(doc.trailer.get('Size'))!;
  const objects = new Map<number, UpdateBody>();
  objects.set(size, '<< /Type /Annot /Subtype /FreeText /Rect [100 100 300 140] /Contents (PASS) /DA (/Helv 12 Tf 0 g) >>');
  const annots = serialize([...(doc.array(page.dict.get('Annots')) ?? []), new PdfRef(size, 0)]);
  objects.set(page.ref!.num, dictWith(page.dict, { Annots: annots }));
  return appendUpdate(buf(pdf), doc, objects, size + 1);
}

function withFiles(pdf: Uint8Array, args: (i: string, o: string) => string[]): Buffer {
  const dir = mkdtempSync(join(tmpdir(), 'lc-forge-'));
  try {
    const i = join(dir, 'in.pdf');
    const o = join(dir, 'out.pdf');
    writeFileSync(i, pdf);
    try {
      execFileSync('qpdf', args(i, o), { stdio: 'pipe' });
    } catch (e) {
      if ((e as { status?: number }).status !== 3) throw e; // 3: warnings only, output written
    }
    return readFileSync(o);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Re-saved by qpdf, nothing else changed (`extra`: e.g. '--object-streams=generate'). */
export function qpdfResave(pdf: Uint8Array, ...extra: string[]): Buffer {
  return withFiles(pdf, (i, o) => [...extra, i, o]);
}

/** Pages selected and ordered by qpdf: range like '1-3,5-z' or '2,1,3-z'. */
export function qpdfPages(pdf: Uint8Array, range: string): Buffer {
  return withFiles(pdf, (i, o) => [i, '--pages', i, range, '--', o]);
}

export { PdfName };

/** A zlib stream of `mib` MiB of zeros, built in milliseconds: one full-flushed block repeated. */
export function zeroBomb(mib: number): Buffer {
  const full = deflateRawSync(Buffer.alloc(1 << 20), { level: 9, finishFlush: zc.Z_FULL_FLUSH });
  return Buffer.concat([Buffer.from([0x78, 0xda]), ...Array(mib).fill(full), Buffer.from([0x03, 0x00])]);
}

/** Inverts the pixels of an image drawn on page `index` but not on page 1 (the seal), by an update. */
export function invertSealImage(pdf: Uint8Array, index: number): Buffer {
  const doc = new PdfDocument(pdf);
  const pages = doc.pages();
  const names = (p: (typeof pages)[number]) => new Map([...(doc.dict(p.resources?.get('XObject'))?.map ?? new Map())].map(([k, v]) => [serialize(v), k]));
  const onFirst = names(pages[0]);
  const here = names(pages[index]);
  const ref = [...here.keys()].find((r) => !onFirst.has(r));
  if (!ref) throw new Error('no image on that page that page 1 lacks');
  const num = Number(ref.split(' ')[0]);
  const st = doc.object(num) as PdfStream;
  const data = Buffer.from(doc.decode(st)).map((b) => 255 - b);
  const keep: Array<[string, string]> = [...st.dict.map].filter(([k]) => k !== 'Length' && k !== 'Filter' && k !== 'DecodeParms').map(([k, v]) => [k, serialize(v)]);
  return appendUpdate(buf(pdf), doc, new Map([[num, { dict: keep, data: Buffer.from(data), compress: true }]]), doc.num(doc.trailer.get('Size'))!);
}

/** The smallest well-formed PDF (a catalog and an empty page tree), with a classic xref table. */
export function tinyPdf(): Buffer {
  const objects = ['<< /Type /Catalog /Pages 2 0 R >>', '<< /Type /Pages /Kids [] /Count 0 >>', '<< /Producer (LandCheck) >>'];
  let out = '%PDF-1.7\n';
  const offsets: number[] = [];
  objects.forEach((o, i) => {
    offsets.push(out.length);
    out += `${i + 1} 0 obj\n${o}\nendobj\n`;
  });
  const xref = out.length;
  out += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n${offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`).join('')}`;
  out += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R /Info 3 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(out, 'latin1');
}
