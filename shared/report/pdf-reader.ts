// The one PDF reader of LandCheck (ISO 32000-1): objects, classic cross-reference tables and
// cross-reference streams (§7.5.4, §7.5.8), object streams (§7.5.7), incremental updates
// (§7.5.6), the page tree with inherited attributes (§7.7.3.4) and stream filters.
// Used by verification (reading a report someone sent us: hostile input), by the manifest
// reader and by the signer. Every read has a limit: file size, object count, nesting depth,
// the raw size of a stream and what it may inflate to (a stream that would inflate to 2 GiB is
// refused after at most `maxStreamDecoded` bytes, in bounded memory).
// The parts: values (pdf-values.ts), lexer (pdf-lexer.ts), filters (pdf-filters.ts), page and
// name trees (pdf-page-tree.ts); this file reads the cross-reference data and the objects.
import { DEFAULT_LIMITS, PdfDict, PdfError, PdfRef, PdfStream, isName, type PdfLimits, type PdfValue } from './pdf-values';
import { PdfLexer } from './pdf-lexer';
import { applyFilters } from './pdf-filters';
import { nameTreeEntry, pageContentOf, pageTree, type PdfPage } from './pdf-page-tree';

export * from './pdf-values';
export { PdfLexer } from './pdf-lexer';
export type { PdfPage } from './pdf-page-tree';

interface XrefEntry {
  /** 'n': in the file at `offset`; 'c': object `index` of object stream `stream`. */
  kind: 'n' | 'c';
  offset: number;
  gen: number;
  stream: number;
  index: number;
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
    const filter = this.resolve(st.dict.get('Filter'));
    const parms = this.resolve(st.dict.get('DecodeParms'));
    const filters = Array.isArray(filter) ? filter.map((f) => this.resolve(f)) : filter ? [filter] : [];
    const parmList = Array.isArray(parms) ? parms.map((p) => this.dict(p) ?? undefined) : [this.dict(parms ?? undefined) ?? undefined];
    return this.count(applyFilters(st.raw, filters, parmList, max));
  }

  private count(data: Buffer): Buffer {
    this.decodedTotal += data.length;
    if (this.decodedTotal > this.limits.maxTotalDecoded) throw new PdfError('文件解压后的数据总量超过上限');
    return data;
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
    return pageTree(this);
  }

  /** The page's content: its content streams decoded and joined (§7.8.2). */
  pageContent(page: PdfPage): Buffer {
    return pageContentOf(this, page);
  }

  /** An entry of a name tree (§7.9.6), e.g. /EmbeddedFiles. */
  nameTreeLookup(tree: PdfValue | undefined, key: string): PdfValue | undefined {
    return nameTreeEntry(this, tree, key);
  }
}
