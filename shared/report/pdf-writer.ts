// Writing PDF syntax and incremental updates (ISO 32000-1 §7.5.6): the original bytes stay
// unchanged at the start of the file; new or replaced objects, a cross-reference section and a
// trailer with /Prev are appended. Used to embed the report's manifest and by the signer.
import { deflateSync } from 'node:zlib';
import { PdfDict, PdfDocument, PdfError, PdfName, PdfRef, PdfStream, PdfString, type PdfValue } from './pdf-reader';

const REGULAR = /^[!-~]$/;
const NAME_ESCAPE = new Set('()<>[]{}/%#'.split(''));

export function pdfName(name: string): string {
  let out = '/';
  for (const b of Buffer.from(name, 'utf8')) {
    const ch = String.fromCharCode(b);
    out += REGULAR.test(ch) && !NAME_ESCAPE.has(ch) ? ch : `#${b.toString(16).padStart(2, '0').toUpperCase()}`;
  }
  return out;
}

export function pdfNumber(n: number): string {
  if (!Number.isFinite(n)) return '0';
  if (Number.isInteger(n)) return String(n);
  return n.toFixed(6).replace(/0+$/, '').replace(/\.$/, '');
}

/** PDF text string as UTF-16BE hex with BOM (§7.9.2.2): safe for any Chinese text. */
export function pdfTextString(s: string): string {
  const b = Buffer.from(s, 'utf16le');
  b.swap16();
  return `<FEFF${b.toString('hex').toUpperCase()}>`;
}

/** ASCII text as a literal string; anything else as UTF-16BE. */
export function pdfStringFor(s: string): string {
  if (/^[\x20-\x7e]*$/.test(s)) return `(${s.replace(/[\\()]/g, (c) => `\\${c}`)})`;
  return pdfTextString(s);
}

/** D:YYYYMMDDHHmmSSZ (§7.9.4), in UTC. */
export function pdfDate(d: Date): string {
  const p = (n: number) => String(n).padStart(2, '0');
  return `(D:${d.getUTCFullYear()}${p(d.getUTCMonth() + 1)}${p(d.getUTCDate())}${p(d.getUTCHours())}${p(d.getUTCMinutes())}${p(d.getUTCSeconds())}Z)`;
}

/** A parsed value written back as PDF syntax (streams must be written as indirect objects). */
export function serialize(v: PdfValue): string {
  if (v === null) return 'null';
  if (typeof v === 'boolean') return v ? 'true' : 'false';
  if (typeof v === 'number') return pdfNumber(v);
  if (v instanceof PdfName) return pdfName(v.name);
  if (v instanceof PdfString) return `<${v.bytes.toString('hex').toUpperCase()}>`;
  if (v instanceof PdfRef) return `${v.num} ${v.gen} R`;
  if (Array.isArray(v)) return `[${v.map(serialize).join(' ')}]`;
  if (v instanceof PdfDict) return dictText([...v.map].map(([k, x]) => [k, serialize(x)]));
  if (v instanceof PdfStream) throw new PdfError('数据流不能直接写入字典');
  return 'null';
}

export function dictText(entries: Array<[string, string]>): string {
  return `<<\n${entries.map(([k, v]) => `${pdfName(k)} ${v}`).join('\n')}\n>>`;
}

/** A dictionary's entries with some replaced or added (written values). */
export function dictWith(d: PdfDict | null, set: Record<string, string | undefined>): string {
  const kept: Array<[string, string]> = d ? [...d.map].filter(([k]) => !(k in set)).map(([k, v]) => [k, serialize(v)]) : [];
  const added = Object.entries(set).filter((e): e is [string, string] => e[1] !== undefined);
  return dictText([...kept, ...added]);
}

/** One object of an update: a value written as PDF syntax, or a stream (dict text + data). */
export type UpdateBody = string | { dict: Array<[string, string]>; data: Buffer; compress?: boolean };

function streamBody(b: Exclude<UpdateBody, string>): Buffer {
  const data = b.compress ? deflateSync(b.data) : b.data;
  const entries = b.dict.filter(([k]) => k !== 'Length' && k !== 'Filter');
  if (b.compress) entries.push(['Filter', '/FlateDecode']);
  entries.push(['Length', String(data.length)]);
  return Buffer.concat([Buffer.from(`${dictText(entries)}\nstream\n`, 'latin1'), data, Buffer.from('\nendstream', 'latin1')]);
}

/**
 * Appends an incremental update to `orig` (parsed as `doc`): `objects` by number (existing
 * numbers replace, new numbers add), then a classic cross-reference section and a trailer
 * (/Size, /Root, /Info, /ID kept; /Prev to the previous section). Returns the whole file.
 */
export function appendUpdate(orig: Buffer, doc: PdfDocument, objects: Map<number, UpdateBody>, size: number, trailerSet: Record<string, string> = {}): Buffer {
  if (doc.sections.length === 0) throw new PdfError('文件的交叉引用数据已损坏，不能追加更新');
  const parts: Buffer[] = [];
  let length = orig.length;
  const push = (b: Buffer) => {
    parts.push(b);
    length += b.length;
  };
  if (orig[orig.length - 1] !== 10 && orig[orig.length - 1] !== 13) push(Buffer.from('\n', 'latin1'));
  const offsets = new Map<number, number>();
  for (const num of [...objects.keys()].sort((a, b) => a - b)) {
    const body = objects.get(num)!;
    offsets.set(num, length);
    const gen = doc.generation(num);
    push(Buffer.from(`${num} ${gen} obj\n`, 'latin1'));
    push(typeof body === 'string' ? Buffer.from(body, 'latin1') : streamBody(body));
    push(Buffer.from('\nendobj\n', 'latin1'));
  }
  const xrefAt = length;
  let x = 'xref\n';
  const nums = [...offsets.keys()];
  for (let i = 0; i < nums.length; ) {
    let j = i;
    while (j + 1 < nums.length && nums[j + 1] === nums[j] + 1) j++;
    x += `${nums[i]} ${j - i + 1}\n`;
    for (let k = i; k <= j; k++) x += `${String(offsets.get(nums[k])).padStart(10, '0')} ${String(doc.generation(nums[k])).padStart(5, '0')} n\r\n`;
    i = j + 1;
  }
  const t = doc.trailer;
  const keep = (k: string) => (t.get(k) !== undefined ? serialize(t.get(k)!) : undefined);
  const trailer = dictWith(null, {
    Size: String(size),
    Root: keep('Root'),
    Info: keep('Info'),
    ID: keep('ID'),
    ...trailerSet,
    Prev: String(doc.sections[0].at),
  });
  x += `trailer\n${trailer}\nstartxref\n${xrefAt}\n%%EOF\n`;
  push(Buffer.from(x, 'latin1'));
  return Buffer.concat([orig, ...parts]);
}

/** The next free object number (trailer /Size). */
export function nextObjectNumber(doc: PdfDocument): number {
  const size = doc.num(doc.trailer.get('Size'));
  const max = Math.max(0, ...doc.objectNumbers());
  return Math.max(size ?? 0, max + 1);
}
