// The PDF lexer and object parser (ISO 32000-1 §7.2, §7.3): tokens, numbers, names, strings,
// arrays and dictionaries, indirect references and streams, with the nesting-depth limit.
import { PdfDict, PdfError, PdfName, PdfRef, PdfString, type PdfValue } from './pdf-values';

const WS = new Uint8Array(256);
for (const c of [0, 9, 10, 12, 13, 32]) WS[c] = 1;
const DELIM = new Uint8Array(256);
for (const c of '()<>[]{}/%') DELIM[c.charCodeAt(0)] = 1;
const isRegular = (c: number) => !WS[c] && !DELIM[c];

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

