// The one PDF reader of LandCheck (ISO 32000-1): objects, classic cross-reference tables and
// cross-reference streams (§7.5.4, §7.5.8), object streams (§7.5.7), incremental updates
// (§7.5.6), the page tree with inherited attributes (§7.7.3.4) and stream filters.
// Used by verification (reading a report someone sent us: hostile input), by the manifest
// reader and by the signer. Every read has a limit: file size, object count, nesting depth,
// the raw size of a stream and what it may inflate to (a stream that would inflate to 2 GiB is
// refused after at most `maxStreamDecoded` bytes, in bounded memory).
import { inflateSync, constants as zc } from 'node:zlib';
import { LandCheckError } from '../errors';

/** A PDF that cannot be read: `message` is Chinese and names what is wrong. */
export class PdfError extends LandCheckError {
  constructor(message: string) {
    super('bad_file', message);
    this.name = 'PdfError';
  }
}

export interface PdfLimits {
  /** Largest file accepted. */
  maxFile: number;
  /** Most indirect objects. */
  maxObjects: number;
  /** Deepest nesting of arrays and dictionaries. */
  maxDepth: number;
  /** Largest stream as stored. */
  maxStreamRaw: number;
  /** Largest stream after decoding. */
  maxStreamDecoded: number;
  /** All decoding of one document together. */
  maxTotalDecoded: number;
  /** Most pages. */
  maxPages: number;
}

export const DEFAULT_LIMITS: PdfLimits = {
  maxFile: 200 * 1024 * 1024,
  maxObjects: 500_000,
  maxDepth: 64,
  maxStreamRaw: 64 * 1024 * 1024,
  maxStreamDecoded: 64 * 1024 * 1024,
  maxTotalDecoded: 512 * 1024 * 1024,
  maxPages: 20_000,
};

// ------------------------------------------------------------------ values

export class PdfName {
  constructor(readonly name: string) {}
}

export class PdfString {
  constructor(readonly bytes: Buffer) {}
  /** Text string (§7.9.2.2): UTF-16BE with BOM, UTF-8 with BOM, else PDFDocEncoding (≈ latin1). */
  text(): string {
    const b = this.bytes;
    if (b.length >= 2 && b[0] === 0xfe && b[1] === 0xff) {
      const u = Buffer.from(b.subarray(2));
      if (u.length % 2) return u.subarray(0, u.length - 1).swap16().toString('utf16le');
      return u.swap16().toString('utf16le');
    }
    if (b.length >= 3 && b[0] === 0xef && b[1] === 0xbb && b[2] === 0xbf) return b.subarray(3).toString('utf8');
    return b.toString('latin1');
  }
}

export class PdfRef {
  constructor(
    readonly num: number,
    readonly gen: number,
  ) {}
}

export class PdfDict {
  constructor(readonly map: Map<string, PdfValue> = new Map()) {}
  get(key: string): PdfValue | undefined {
    return this.map.get(key);
  }
  has(key: string): boolean {
    return this.map.has(key);
  }
}

export class PdfStream {
  constructor(
    readonly dict: PdfDict,
    /** The stored bytes (a view into the file or into a decoded object stream). */
    readonly raw: Buffer,
  ) {}
}

export type PdfValue = null | boolean | number | PdfName | PdfString | PdfRef | PdfDict | PdfStream | PdfValue[];

export const isDict = (v: unknown): v is PdfDict => v instanceof PdfDict;
export const isName = (v: unknown, name?: string): v is PdfName => v instanceof PdfName && (name === undefined || v.name === name);

// ------------------------------------------------------------------ lexer

const WS = new Uint8Array(256);
for (const c of [0, 9, 10, 12, 13, 32]) WS[c] = 1;
const DELIM = new Uint8Array(256);
for (const c of '()<>[]{}/%') DELIM[c.charCodeAt(0)] = 1;
const isRegular = (c: number) => !WS[c] && !DELIM[c];

const KEYWORD_END = Symbol('end');

/** A parser positioned in a buffer: the file itself, or a decoded object stream. */
export class PdfLexer {
  pos = 0;
  constructor(
    readonly buf: Buffer,
    private readonly maxDepth: number,
  ) {}

  skipWs(): void {
    const b = this.buf;
    for (;;) {
      const c = b[this.pos];
      if (c === undefined) return;
      if (WS[c]) this.pos++;
      else if (c === 0x25 /* % */) {
        while (this.pos < b.length && b[this.pos] !== 10 && b[this.pos] !== 13) this.pos++;
      } else return;
    }
  }

  /** A regular-character word at the position (does not move). */
  peekWord(): string {
    this.skipWs();
    let e = this.pos;
    while (e < this.buf.length && isRegular(this.buf[e])) e++;
    return this.buf.toString('latin1', this.pos, e);
  }

  word(): string {
    const w = this.peekWord();
    this.pos += w.length;
    return w;
  }

  /** The next value; keywords other than true/false/null come back as strings. */
  value(depth = 0): PdfValue | string {
    if (depth > this.maxDepth) throw new PdfError('对象嵌套层次过深');
    this.skipWs();
    const b = this.buf;
    const c = b[this.pos];
    if (c === undefined) throw new PdfError('文件意外结束');
    if (c === 0x3c /* < */) {
      if (b[this.pos + 1] === 0x3c) return this.dict(depth);
      return this.hexString();
    }
    if (c === 0x28 /* ( */) return this.literalString();
    if (c === 0x5b /* [ */) {
      this.pos++;
      const items: PdfValue[] = [];
      for (;;) {
        this.skipWs();
        if (b[this.pos] === 0x5d /* ] */) {
          this.pos++;
          return items;
        }
        if (this.pos >= b.length) throw new PdfError('数组未结束');
        const v = this.value(depth + 1);
        if (typeof v === 'string') {
          if (v === 'R' && items.length >= 2) {
            const gen = items.pop();
            const num = items.pop();
            if (typeof num === 'number' && typeof gen === 'number') {
              items.push(new PdfRef(num, gen));
              continue;
            }
          }
          throw new PdfError(`数组中出现无法识别的内容“${v.slice(0, 20)}”`);
        }
        items.push(v);
      }
    }
    if (c === 0x2f /* / */) {
      this.pos++;
      let e = this.pos;
      while (e < b.length && isRegular(b[e])) e++;
      const raw = b.toString('latin1', this.pos, e);
      this.pos = e;
      return new PdfName(raw.includes('#') ? raw.replace(/#([0-9A-Fa-f]{2})/g, (_, h: string) => String.fromCharCode(parseInt(h, 16))) : raw);
    }
    if (c === 0x29 || c === 0x3e || c === 0x5d || c === 0x7b || c === 0x7d) {
      this.pos++;
      return String.fromCharCode(c);
    }
    const w = this.word();
    if (w === '') {
      this.pos++;
      throw new PdfError('无法识别的字符');
    }
    if (/^[+-]?(\d+\.?\d*|\.\d+)$/.test(w)) {
      const n = Number(w);
      // an indirect reference: "num gen R"
      if (/^\d+$/.test(w)) {
        const save = this.pos;
        const g = this.peekWord();
        if (/^\d+$/.test(g)) {
          this.pos += g.length;
          if (this.peekWord() === 'R') {
            this.pos += 1;
            return new PdfRef(n, Number(g));
          }
        }
        this.pos = save;
      }
      return n;
    }
    if (w === 'true') return true;
    if (w === 'false') return false;
    if (w === 'null') return null;
    return w;
  }

  dict(depth: number): PdfDict {
    this.pos += 2;
    const map = new Map<string, PdfValue>();
    const b = this.buf;
    for (;;) {
      this.skipWs();
      if (b[this.pos] === 0x3e && b[this.pos + 1] === 0x3e) {
        this.pos += 2;
        return new PdfDict(map);
      }
      if (this.pos >= b.length) throw new PdfError('字典未结束');
      const k = this.value(depth + 1);
      if (!(k instanceof PdfName)) throw new PdfError('字典的键不是名称');
      const v = this.value(depth + 1);
      if (typeof v === 'string') throw new PdfError(`字典值无法识别（/${k.name}）`);
      map.set(k.name, v);
    }
  }

  hexString(): PdfString {
    const b = this.buf;
    const end = b.indexOf(0x3e, this.pos);
    if (end < 0) throw new PdfError('十六进制字符串未结束');
    let hex = b.toString('latin1', this.pos + 1, end).replace(/[^0-9A-Fa-f]/g, '');
    if (hex.length % 2) hex += '0';
    this.pos = end + 1;
    return new PdfString(Buffer.from(hex, 'hex'));
  }

  literalString(): PdfString {
    const b = this.buf;
    const out: number[] = [];
    let depth = 0;
    for (let i = this.pos; i < b.length; i++) {
      const c = b[i];
      if (c === 0x5c /* \ */) {
        const n = b[++i];
        if (n === undefined) break;
        const map: Record<number, number> = { 0x6e: 10, 0x72: 13, 0x74: 9, 0x62: 8, 0x66: 12, 0x28: 0x28, 0x29: 0x29, 0x5c: 0x5c };
        if (n in map) out.push(map[n]);
        else if (n >= 0x30 && n <= 0x37) {
          let v = n - 0x30;
          for (let k = 0; k < 2 && b[i + 1] >= 0x30 && b[i + 1] <= 0x37; k++) v = v * 8 + (b[++i] - 0x30);
          out.push(v & 0xff);
        } else if (n === 13) {
          if (b[i + 1] === 10) i++;
        } else if (n !== 10) out.push(n);
        continue;
      }
      if (c === 0x28) {
        if (depth++ > 0) out.push(c);
        continue;
      }
      if (c === 0x29) {
        if (--depth === 0) {
          this.pos = i + 1;
          return new PdfString(Buffer.from(out));
        }
        out.push(c);
        continue;
      }
      out.push(c);
    }
    throw new PdfError('字符串未结束');
  }
}

// ------------------------------------------------------------------ filters

/** PNG predictors (§7.4.4.4) for cross-reference streams and images. */
function unpredict(data: Buffer, parms: PdfDict | undefined): Buffer {
  const pred = typeof parms?.get('Predictor') === 'number' ? (parms!.get('Predictor') as number) : 1;
  if (pred < 10) return data;
  const colors = typeof parms?.get('Colors') === 'number' ? (parms!.get('Colors') as number) : 1;
  const bpc = typeof parms?.get('BitsPerComponent') === 'number' ? (parms!.get('BitsPerComponent') as number) : 8;
  const cols = typeof parms?.get('Columns') === 'number' ? (parms!.get('Columns') as number) : 1;
  const bpp = Math.max(1, Math.ceil((colors * bpc) / 8));
  const rowLen = Math.ceil((colors * bpc * cols) / 8);
  if (!(rowLen > 0) || rowLen > 1 << 24) throw new PdfError('预测参数无效');
  const rows = Math.floor(data.length / (rowLen + 1));
  const out = Buffer.alloc(rows * rowLen);
  for (let r = 0; r < rows; r++) {
    const type = data[r * (rowLen + 1)];
    const src = r * (rowLen + 1) + 1;
    const dst = r * rowLen;
    for (let i = 0; i < rowLen; i++) {
      const raw = data[src + i];
      const left = i >= bpp ? out[dst + i - bpp] : 0;
      const up = r > 0 ? out[dst - rowLen + i] : 0;
      const ul = r > 0 && i >= bpp ? out[dst - rowLen + i - bpp] : 0;
      let v: number;
      switch (type) {
        case 0:
          v = raw;
          break;
        case 1:
          v = raw + left;
          break;
        case 2:
          v = raw + up;
          break;
        case 3:
          v = raw + ((left + up) >> 1);
          break;
        case 4: {
          const p = left + up - ul;
          const pa = Math.abs(p - left);
          const pb = Math.abs(p - up);
          const pc = Math.abs(p - ul);
          v = raw + (pa <= pb && pa <= pc ? left : pb <= pc ? up : ul);
          break;
        }
        default:
          throw new PdfError('预测数据格式错误');
      }
      out[dst + i] = v & 0xff;
    }
  }
  return out;
}

function asciiHex(data: Buffer): Buffer {
  let s = data.toString('latin1');
  const end = s.indexOf('>');
  if (end >= 0) s = s.slice(0, end);
  s = s.replace(/[^0-9A-Fa-f]/g, '');
  if (s.length % 2) s += '0';
  return Buffer.from(s, 'hex');
}

function ascii85(data: Buffer): Buffer {
  const s = data.toString('latin1').replace(/\s+/g, '');
  const end = s.indexOf('~>');
  const body = (end >= 0 ? s.slice(0, end) : s).replace(/^<~/, '');
  const out: number[] = [];
  let group: number[] = [];
  for (const ch of body) {
    if (ch === 'z' && group.length === 0) {
      out.push(0, 0, 0, 0);
      continue;
    }
    const c = ch.charCodeAt(0) - 33;
    if (c < 0 || c > 84) throw new PdfError('ASCII85 数据格式错误');
    group.push(c);
    if (group.length === 5) {
      const n = group.reduce((a, d) => a * 85 + d, 0);
      out.push((n >>> 24) & 255, (n >>> 16) & 255, (n >>> 8) & 255, n & 255);
      group = [];
    }
  }
  if (group.length) {
    const k = group.length;
    while (group.length < 5) group.push(84);
    const n = group.reduce((a, d) => a * 85 + d, 0);
    const bytes = [(n >>> 24) & 255, (n >>> 16) & 255, (n >>> 8) & 255, n & 255];
    out.push(...bytes.slice(0, k - 1));
  }
  return Buffer.from(out);
}

function runLength(data: Buffer, max: number): Buffer {
  const out: number[] = [];
  for (let i = 0; i < data.length; ) {
    const n = data[i++];
    if (n === 128) break;
    if (n < 128) {
      for (let k = 0; k <= n && i < data.length; k++) out.push(data[i++]);
    } else {
      const b = data[i++];
      for (let k = 0; k < 257 - n; k++) out.push(b);
    }
    if (out.length > max) throw new PdfError('数据流解压后超过上限');
  }
  return Buffer.from(out);
}

/** Image codecs are kept as stored: their bytes are what is compared. */
const KEEP = new Set(['DCTDecode', 'JPXDecode', 'CCITTFaxDecode', 'JBIG2Decode', 'Crypt']);

// ------------------------------------------------------------------ document

interface XrefEntry {
  /** 'n': in the file at `offset`; 'c': object `index` of object stream `stream`. */
  kind: 'n' | 'c';
  offset: number;
  gen: number;
  stream: number;
  index: number;
}

export interface PdfPage {
  /** 1-based. */
  number: number;
  ref: PdfRef | null;
  dict: PdfDict;
  /** Inherited attributes resolved (§7.7.3.4). */
  resources: PdfDict | null;
  mediaBox: number[] | null;
  cropBox: number[] | null;
  rotate: number;
}

export interface XrefSection {
  /** Byte offset of the section (classic table or cross-reference stream). */
  at: number;
  kind: 'table' | 'stream';
  trailer: PdfDict;
  /** Object numbers this section defines (in use). */
  objects: number[];
  /** Byte offset where this revision ends (after its %%EOF), when found. */
  endsAt: number | null;
}

export class PdfDocument {
  readonly buf: Buffer;
  readonly limits: PdfLimits;
  /** Newest revision first. */
  readonly sections: XrefSection[] = [];
  readonly trailer: PdfDict;
  /** True when the cross-reference data were unusable and objects were found by scanning. */
  readonly repaired: boolean = false;
  private readonly xref = new Map<number, XrefEntry>();
  private readonly cache = new Map<number, PdfValue>();
  private readonly objStreams = new Map<number, { buf: Buffer; offsets: Array<[number, number]>; first: number }>();
  private decodedTotal = 0;
  private resolving = new Set<number>();

  constructor(bytes: Uint8Array, limits: Partial<PdfLimits> = {}) {
    this.limits = { ...DEFAULT_LIMITS, ...limits };
    this.buf = Buffer.isBuffer(bytes) ? bytes : Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    if (this.buf.length > this.limits.maxFile) throw new PdfError(`文件过大（超过 ${Math.round(this.limits.maxFile / 1048576)} MB）`);
    if (this.buf.toString('latin1', 0, 5) !== '%PDF-') throw new PdfError('不是 PDF 文件（缺少 %PDF- 文件头）');
    let trailer: PdfDict | null = null;
    try {
      trailer = this.readXrefChain();
    } catch (e) {
      if (!(e instanceof PdfError)) throw e;
    }
    if (!trailer) {
      trailer = this.reconstruct();
      this.repaired = true;
    }
    this.trailer = trailer;
  }

  // ---- cross-reference

  private startxref(): number | null {
    const tailFrom = Math.max(0, this.buf.length - 2048);
    const tail = this.buf.toString('latin1', tailFrom);
    const i = tail.lastIndexOf('startxref');
    if (i < 0) return null;
    const m = /^startxref\s+(\d+)/.exec(tail.slice(i));
    return m ? Number(m[1]) : null;
  }

  private readXrefChain(): PdfDict | null {
    const start = this.startxref();
    if (start === null || start >= this.buf.length) return null;
    const seen = new Set<number>();
    let at: number | null = start;
    let newest: PdfDict | null = null;
    while (at !== null) {
      if (seen.has(at) || seen.size > 1000) throw new PdfError('交叉引用表链成环');
      seen.add(at);
      const sec = this.readSection(at);
      this.sections.push(sec);
      newest ??= sec.trailer;
      // hybrid files (§7.5.8.4): the table's /XRefStm holds objects in object streams
      const xs = sec.trailer.get('XRefStm');
      if (sec.kind === 'table' && typeof xs === 'number' && !seen.has(xs)) {
        seen.add(xs);
        this.readSection(xs);
      }
      const prev = sec.trailer.get('Prev');
      at = typeof prev === 'number' ? prev : null;
    }
    if (this.xref.size > this.limits.maxObjects) throw new PdfError('对象数量超过上限');
    return newest;
  }

  private revisionEnd(from: number): number | null {
    const i = this.buf.indexOf('%%EOF', from, 'latin1');
    if (i < 0) return null;
    let e = i + 5;
    if (this.buf[e] === 13) e++;
    if (this.buf[e] === 10) e++;
    return e;
  }

  private setEntry(num: number, e: XrefEntry, objects: number[]): void {
    if (num <= 0) return;
    if (!this.xref.has(num)) this.xref.set(num, e);
    objects.push(num);
    if (this.xref.size > this.limits.maxObjects) throw new PdfError('对象数量超过上限');
  }

  private readSection(at: number): XrefSection {
    const lx = new PdfLexer(this.buf, this.limits.maxDepth);
    lx.pos = at;
    const objects: number[] = [];
    if (lx.peekWord() === 'xref') {
      lx.word();
      // subsections: "first count" then count 20-byte entries
      for (;;) {
        lx.skipWs();
        const w = lx.peekWord();
        if (w === 'trailer') break;
        const first = Number(lx.word());
        const count = Number(lx.word());
        if (!Number.isInteger(first) || !Number.isInteger(count) || count < 0 || count > this.limits.maxObjects) {
          throw new PdfError('交叉引用表格式错误');
        }
        for (let n = 0; n < count; n++) {
          const off = Number(lx.word());
          const gen = Number(lx.word());
          const type = lx.word();
          if (!Number.isInteger(off) || !Number.isInteger(gen) || (type !== 'n' && type !== 'f')) throw new PdfError('交叉引用表条目格式错误');
          if (type === 'n') this.setEntry(first + n, { kind: 'n', offset: off, gen, stream: 0, index: 0 }, objects);
          else if (!this.xref.has(first + n) && first + n > 0) this.xref.set(first + n, { kind: 'n', offset: -1, gen, stream: 0, index: 0 });
        }
      }
      lx.word(); // trailer
      const t = lx.value();
      if (!(t instanceof PdfDict)) throw new PdfError('trailer 不是字典');
      return { at, kind: 'table', trailer: t, objects, endsAt: this.revisionEnd(lx.pos) };
    }
    // a cross-reference stream: "num gen obj << /Type /XRef … >> stream"
    const obj = this.parseIndirectAt(at, null);
    if (!(obj.value instanceof PdfStream) || !isName(obj.value.dict.get('Type'), 'XRef')) throw new PdfError('startxref 未指向交叉引用表');
    const st = obj.value;
    const d = st.dict;
    const w = d.get('W');
    if (!Array.isArray(w) || w.length !== 3 || !w.every((x) => typeof x === 'number' && x >= 0 && x <= 8)) throw new PdfError('交叉引用流 /W 无效');
    const [w0, w1, w2] = w as number[];
    const size = d.get('Size');
    const index = d.get('Index');
    const ranges = Array.isArray(index) ? (index as number[]) : [0, typeof size === 'number' ? size : 0];
    const data = this.decode(st);
    const rowLen = w0 + w1 + w2;
    let p = 0;
    const field = (width: number, dflt: number) => {
      if (width === 0) return dflt;
      let v = 0;
      for (let k = 0; k < width; k++) v = v * 256 + data[p++];
      return v;
    };
    for (let r = 0; r + 1 < ranges.length; r += 2) {
      const first = ranges[r];
      const count = ranges[r + 1];
      if (!Number.isInteger(first) || !Number.isInteger(count) || count < 0 || count > this.limits.maxObjects) throw new PdfError('交叉引用流 /Index 无效');
      for (let n = 0; n < count; n++) {
        if (p + rowLen > data.length) throw new PdfError('交叉引用流数据不完整');
        const type = field(w0, 1);
        const f2 = field(w1, 0);
        const f3 = field(w2, 0);
        if (type === 1) this.setEntry(first + n, { kind: 'n', offset: f2, gen: f3, stream: 0, index: 0 }, objects);
        else if (type === 2) this.setEntry(first + n, { kind: 'c', offset: 0, gen: 0, stream: f2, index: f3 }, objects);
        else if (type === 0 && !this.xref.has(first + n) && first + n > 0) this.xref.set(first + n, { kind: 'n', offset: -1, gen: f3, stream: 0, index: 0 });
      }
    }
    return { at, kind: 'stream', trailer: d, objects, endsAt: this.revisionEnd(at) };
  }

  /** Damaged cross-reference data: find every "n g obj" and the last trailer (as poppler does). */
  private reconstruct(): PdfDict {
    this.xref.clear();
    this.sections.length = 0;
    const s = this.buf.toString('latin1');
    const re = /(?:^|[\r\n\s])(\d{1,10})\s+(\d{1,5})\s+obj\b/g;
    for (let m = re.exec(s); m; m = re.exec(s)) {
      const num = Number(m[1]);
      const at = m.index + m[0].indexOf(m[1]);
      this.xref.set(num, { kind: 'n', offset: at, gen: Number(m[2]), stream: 0, index: 0 });
      if (this.xref.size > this.limits.maxObjects) throw new PdfError('对象数量超过上限');
    }
    const t = s.lastIndexOf('trailer');
    if (t >= 0) {
      const lx = new PdfLexer(this.buf, this.limits.maxDepth);
      lx.pos = t + 7;
      try {
        const v = lx.value();
        if (v instanceof PdfDict && v.get('Root')) return v;
      } catch {
        /* fall through */
      }
    }
    // no trailer: a cross-reference stream dictionary, or a catalog found by its /Type
    for (const [num] of this.xref) {
      const v = this.object(num);
      if (v instanceof PdfStream && isName(v.dict.get('Type'), 'XRef') && v.dict.get('Root')) return v.dict;
    }
    for (const [num, e] of this.xref) {
      const v = this.object(num);
      if (v instanceof PdfDict && isName(v.get('Type'), 'Catalog')) return new PdfDict(new Map([['Root', new PdfRef(num, e.gen)]]));
    }
    throw new PdfError('文件结构损坏：找不到文档目录');
  }

  // ---- objects

  /** Every object number the cross-reference data define as in use. */
  objectNumbers(): number[] {
    return [...this.xref.entries()].filter(([, e]) => e.kind === 'c' || e.offset >= 0).map(([n]) => n);
  }

  /** Where object `num` is stored: a byte offset in the file, or its object stream. */
  location(num: number): { offset: number } | { stream: number } | null {
    const e = this.xref.get(num);
    if (!e) return null;
    return e.kind === 'n' ? (e.offset >= 0 ? { offset: e.offset } : null) : { stream: e.stream };
  }

  generation(num: number): number {
    return this.xref.get(num)?.gen ?? 0;
  }

  private parseIndirectAt(at: number, expect: number | null): { num: number; gen: number; value: PdfValue } {
    if (at < 0 || at >= this.buf.length) throw new PdfError(`对象 ${expect ?? ''} 的位置超出文件范围`);
    const lx = new PdfLexer(this.buf, this.limits.maxDepth);
    lx.pos = at;
    const num = Number(lx.word());
    const gen = Number(lx.word());
    if (lx.word() !== 'obj' || !Number.isInteger(num) || (expect !== null && num !== expect)) {
      throw new PdfError(`对象 ${expect ?? num} 的位置不正确`);
    }
    const v = lx.value();
    if (typeof v === 'string') throw new PdfError(`对象 ${num} 无法识别`);
    if (v instanceof PdfDict && lx.peekWord() === 'stream') {
      lx.word();
      const b = this.buf;
      if (b[lx.pos] === 13) lx.pos++;
      if (b[lx.pos] === 10) lx.pos++;
      const dataStart = lx.pos;
      let len = v.get('Length');
      if (len instanceof PdfRef) len = this.lengthObject(len.num);
      let dataEnd = typeof len === 'number' && Number.isInteger(len) && len >= 0 ? dataStart + len : -1;
      const endOk = (e: number) => e >= dataStart && e <= b.length && /^\s*endstream/.test(b.toString('latin1', e, Math.min(b.length, e + 20)));
      if (!endOk(dataEnd)) {
        // wrong /Length: find "endstream" (bounded by the raw stream limit)
        const i = b.indexOf('endstream', dataStart, 'latin1');
        if (i < 0) throw new PdfError(`对象 ${num} 的数据流未结束`);
        dataEnd = i;
        while (dataEnd > dataStart && (b[dataEnd - 1] === 10 || b[dataEnd - 1] === 13)) dataEnd--;
      }
      if (dataEnd - dataStart > this.limits.maxStreamRaw) throw new PdfError(`对象 ${num} 的数据流过大`);
      return { num, gen, value: new PdfStream(v, b.subarray(dataStart, dataEnd)) };
    }
    return { num, gen, value: v };
  }

  private lengthObject(num: number): PdfValue {
    if (this.resolving.has(num)) return null;
    const e = this.xref.get(num);
    if (!e || e.kind !== 'n' || e.offset < 0) return null;
    try {
      return this.parseIndirectAt(e.offset, num).value;
    } catch {
      return null;
    }
  }

  /** Object `num` (null when absent or free). */
  object(num: number): PdfValue {
    if (this.cache.has(num)) return this.cache.get(num)!;
    const e = this.xref.get(num);
    if (!e || (e.kind === 'n' && e.offset < 0)) return null;
    if (this.resolving.has(num)) throw new PdfError(`对象 ${num} 引用自身`);
    this.resolving.add(num);
    try {
      let v: PdfValue;
      if (e.kind === 'n') v = this.parseIndirectAt(e.offset, num).value;
      else v = this.fromObjectStream(e.stream, e.index, num);
      this.cache.set(num, v);
      return v;
    } finally {
      this.resolving.delete(num);
    }
  }

  private fromObjectStream(streamNum: number, index: number, num: number): PdfValue {
    let os = this.objStreams.get(streamNum);
    if (!os) {
      const st = this.object(streamNum);
      if (!(st instanceof PdfStream)) throw new PdfError(`对象流 ${streamNum} 不存在`);
      const n = st.dict.get('N');
      const first = st.dict.get('First');
      if (typeof n !== 'number' || typeof first !== 'number' || n < 0 || n > this.limits.maxObjects) throw new PdfError(`对象流 ${streamNum} 格式错误`);
      const buf = this.decode(st);
      const lx = new PdfLexer(buf, this.limits.maxDepth);
      const offsets: Array<[number, number]> = [];
      for (let i = 0; i < n; i++) offsets.push([Number(lx.word()), Number(lx.word())]);
      os = { buf, offsets, first };
      this.objStreams.set(streamNum, os);
    }
    const entry = os.offsets[index];
    if (!entry || entry[0] !== num) throw new PdfError(`对象 ${num} 不在对象流 ${streamNum} 中`);
    const lx = new PdfLexer(os.buf, this.limits.maxDepth);
    lx.pos = os.first + entry[1];
    const v = lx.value();
    if (typeof v === 'string') throw new PdfError(`对象 ${num} 无法识别`);
    return v;
  }

  /** Follows references (a chain of at most 32). */
  resolve(v: PdfValue | undefined): PdfValue | undefined {
    for (let i = 0; i < 32 && v instanceof PdfRef; i++) v = this.object(v.num);
    return v instanceof PdfRef ? null : v;
  }

  dict(v: PdfValue | undefined): PdfDict | null {
    const r = this.resolve(v);
    if (r instanceof PdfDict) return r;
    if (r instanceof PdfStream) return r.dict;
    return null;
  }

  num(v: PdfValue | undefined): number | null {
    const r = this.resolve(v);
    return typeof r === 'number' && Number.isFinite(r) ? r : null;
  }

  array(v: PdfValue | undefined): PdfValue[] | null {
    const r = this.resolve(v);
    return Array.isArray(r) ? r : null;
  }

  // ---- streams

  /** Decoded stream data (filters applied, within the limits). */
  decode(st: PdfStream, max = this.limits.maxStreamDecoded): Buffer {
    let data = st.raw;
    const filter = this.resolve(st.dict.get('Filter'));
    const parms = this.resolve(st.dict.get('DecodeParms'));
    const filters = Array.isArray(filter) ? filter.map((f) => this.resolve(f)) : filter ? [filter] : [];
    const parmList = Array.isArray(parms) ? parms.map((p) => this.dict(p) ?? undefined) : [this.dict(parms ?? undefined) ?? undefined];
    for (let i = 0; i < filters.length; i++) {
      const f = filters[i];
      if (!(f instanceof PdfName)) throw new PdfError('数据流过滤器无效');
      const p = parmList[i];
      switch (f.name) {
        case 'FlateDecode':
        case 'Fl':
          data = this.inflate(data, max);
          data = unpredict(data, p);
          break;
        case 'ASCIIHexDecode':
        case 'AHx':
          data = asciiHex(data);
          break;
        case 'ASCII85Decode':
        case 'A85':
          data = ascii85(data);
          break;
        case 'RunLengthDecode':
        case 'RL':
          data = runLength(data, max);
          break;
        default:
          if (KEEP.has(f.name)) return this.count(data);
          throw new PdfError(`不支持的数据流过滤器 ${f.name}`);
      }
      if (data.length > max) throw new PdfError('数据流解压后超过上限');
    }
    return this.count(data);
  }

  private count(data: Buffer): Buffer {
    this.decodedTotal += data.length;
    if (this.decodedTotal > this.limits.maxTotalDecoded) throw new PdfError('文件解压后的数据总量超过上限');
    return data;
  }

  private inflate(data: Buffer, max: number): Buffer {
    try {
      return inflateSync(data, { maxOutputLength: max });
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code;
      if (code === 'ERR_BUFFER_TOO_LARGE' || e instanceof RangeError) throw new PdfError('数据流解压后超过上限');
      // truncated but otherwise readable streams (some writers omit the adler32 trailer)
      try {
        return inflateSync(data, { maxOutputLength: max, finishFlush: zc.Z_SYNC_FLUSH });
      } catch {
        throw new PdfError('压缩数据损坏，无法解压');
      }
    }
  }

  // ---- document structure

  catalog(): PdfDict {
    const root = this.dict(this.trailer.get('Root'));
    if (!root) throw new PdfError('找不到文档目录（/Root）');
    return root;
  }

  info(): PdfDict | null {
    return this.dict(this.trailer.get('Info'));
  }

  /** The pages in order, with inherited attributes. */
  pages(): PdfPage[] {
    const out: PdfPage[] = [];
    const visited = new Set<number>();
    const rect = (v: PdfValue | undefined) => {
      const a = this.array(v);
      if (!a || a.length !== 4) return null;
      const n = a.map((x) => this.num(x));
      return n.every((x): x is number => x !== null) ? n : null;
    };
    const walk = (node: PdfValue | undefined, inh: { res: PdfValue | undefined; media: PdfValue | undefined; crop: PdfValue | undefined; rot: PdfValue | undefined }, depth: number) => {
      if (depth > this.limits.maxDepth) throw new PdfError('页面树层次过深');
      const ref = node instanceof PdfRef ? node : null;
      if (ref) {
        if (visited.has(ref.num)) throw new PdfError('页面树成环');
        visited.add(ref.num);
      }
      const d = this.dict(node);
      if (!d) throw new PdfError('页面树中有无效节点');
      const here = {
        res: d.get('Resources') ?? inh.res,
        media: d.get('MediaBox') ?? inh.media,
        crop: d.get('CropBox') ?? inh.crop,
        rot: d.get('Rotate') ?? inh.rot,
      };
      const type = this.resolve(d.get('Type'));
      const kids = this.array(d.get('Kids'));
      if (isName(type, 'Pages') || (!isName(type, 'Page') && kids)) {
        for (const k of kids ?? []) walk(k, here, depth + 1);
        return;
      }
      if (out.length >= this.limits.maxPages) throw new PdfError('页数超过上限');
      out.push({
        number: out.length + 1,
        ref,
        dict: d,
        resources: this.dict(here.res),
        mediaBox: rect(here.media),
        cropBox: rect(here.crop),
        rotate: this.num(here.rot) ?? 0,
      });
    };
    walk(this.catalog().get('Pages'), { res: undefined, media: undefined, crop: undefined, rot: undefined }, 0);
    return out;
  }

  /** The page's content: its content streams decoded and joined (§7.8.2). */
  pageContent(page: PdfPage): Buffer {
    const c = this.resolve(page.dict.get('Contents'));
    const parts: Buffer[] = [];
    const list = Array.isArray(c) ? c : c ? [c] : [];
    for (const item of list) {
      const st = this.resolve(item);
      if (st instanceof PdfStream) parts.push(this.decode(st));
    }
    return parts.length === 1 ? parts[0] : Buffer.concat(parts.flatMap((p, i) => (i ? [Buffer.from('\n'), p] : [p])));
  }

  /** An entry of a name tree (§7.9.6), e.g. /EmbeddedFiles. */
  nameTreeLookup(tree: PdfValue | undefined, key: string): PdfValue | undefined {
    const seen = new Set<PdfDict>();
    const visit = (node: PdfValue | undefined, depth: number): PdfValue | undefined => {
      const d = this.dict(node);
      if (!d || seen.has(d) || depth > this.limits.maxDepth) return undefined;
      seen.add(d);
      const names = this.array(d.get('Names'));
      if (names) {
        for (let i = 0; i + 1 < names.length; i += 2) {
          const k = this.resolve(names[i]);
          if (k instanceof PdfString && k.text() === key) return names[i + 1];
        }
      }
      for (const kid of this.array(d.get('Kids')) ?? []) {
        const v = visit(kid, depth + 1);
        if (v !== undefined) return v;
      }
      return undefined;
    };
    return visit(tree, 0);
  }
}

/** A short PDF date (D:YYYYMMDDHHmmSS…) as an ISO string, or null. */
export function pdfDateToIso(s: string): string | null {
  const m = /^D:(\d{4})(\d{2})?(\d{2})?(\d{2})?(\d{2})?(\d{2})?(Z|[+-]\d{2}'?\d{2}'?)?/.exec(s);
  if (!m) return null;
  const [, y, mo = '01', d = '01', h = '00', mi = '00', se = '00', tz] = m;
  const zone = !tz || tz === 'Z' ? 'Z' : `${tz.slice(0, 3)}:${tz.replace(/'/g, '').slice(3, 5) || '00'}`;
  const t = new Date(`${y}-${mo}-${d}T${h}:${mi}:${se}${zone}`);
  return Number.isNaN(t.getTime()) ? null : t.toISOString();
}
