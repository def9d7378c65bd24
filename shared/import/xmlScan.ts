// A byte-level XML scanner for the package checks (docs/security.md, "Limits"): it resumes across
// chunks, refuses DTDs and entities, bounds element depth and reports start tags (and the
// attributes and text asked for) to the caller, which counts what exceljs would materialise.


// ------------------------------------------------------------------ XML scanning

export type Attrs = Record<string, string>;

/** Called at each start tag; `attrs` only for the names listed in `captureAttrs`. */
export interface ScanHooks {
  open(local: string, attrs: Attrs | null): void;
  captureAttrs: ReadonlySet<string>;
  /** Elements whose text content is collected (up to 64 KB) and passed to `text`. */
  captureText?: ReadonlySet<string>;
  text?(local: string, text: string): void;
}

export const enum S {
  Text,
  Lt,
  Name,
  Attrs,
  Quote,
  Bang,
  Skip,
  Close,
}

export const MAX_CAPTURE = 256 * 1024;
export const ONE_CHAR = Array.from({ length: 256 }, (_, i) => String.fromCharCode(i));
export const MAX_TEXT = 64 * 1024;

export class DepthError extends Error {}
export class DtdError extends Error {}
export class CaptureError extends Error {}

/**
 * A byte-level XML scanner that resumes across chunks: tracks element depth, refuses DTDs, and
 * reports start tags. It is not a parser (no well-formedness checks beyond what it needs); the
 * real parse happens afterwards in exceljs, on input this scan has bounded.
 */
export class XmlScanner {
  private state = S.Text;
  private depth = 0;
  private name = new Uint8Array(64);
  private nameLen = 0;
  private local = '';
  private quote = 0;
  private last = 0; // last non-space byte inside a tag
  private attrBytes: number[] | null = null;
  private bang: number[] = [];
  private term: number[] = [];
  private tail: number[] = [];
  private textName: string | null = null;
  private textBytes: number[] = [];

  constructor(
    private readonly maxDepth: number,
    private readonly hooks: ScanHooks,
  ) {}

  feed(chunk: Buffer): void {
    const n = chunk.length;
    for (let i = 0; i < n; i++) {
      const b = chunk[i];
      switch (this.state) {
        case S.Text:
          if (b === 0x3c) this.state = S.Lt;
          else if (this.textName !== null) {
            if (this.textBytes.length < MAX_TEXT) this.textBytes.push(b);
          } else {
            // nothing to collect: jump to the next '<' (native search)
            const j = chunk.indexOf(0x3c, i);
            i = (j < 0 ? n : j) - 1;
          }
          break;
        case S.Lt:
          if (b === 0x2f) {
            this.state = S.Close;
            this.depth--;
            this.flushText();
          } else if (b === 0x3f) this.skipUntil([0x3f, 0x3e]); // <? … ?>
          else if (b === 0x21) {
            this.state = S.Bang;
            this.bang = [];
          } else {
            this.state = S.Name;
            this.name[0] = b;
            this.nameLen = 1;
          }
          break;
        case S.Name:
          if (b === 0x20 || b === 0x09 || b === 0x0a || b === 0x0d || b === 0x2f || b === 0x3e) {
            this.startTag();
            this.state = S.Attrs;
            i--; // let Attrs see this byte
          } else if (this.nameLen < 64) this.name[this.nameLen++] = b;
          break;
        case S.Attrs:
          if (b === 0x22 || b === 0x27) {
            this.quote = b;
            this.state = S.Quote;
            if (this.attrBytes) this.capture(b);
          } else if (b === 0x3e) {
            this.endTag(this.last === 0x2f);
          } else if (this.attrBytes) {
            if (b !== 0x20 && b !== 0x09 && b !== 0x0a && b !== 0x0d) this.last = b;
            this.capture(b);
          } else {
            // attributes not captured: run to the next quote or '>' keeping the last non-space byte
            let k = i;
            let x = b;
            while (x !== 0x22 && x !== 0x27 && x !== 0x3e) {
              if (x !== 0x20 && x !== 0x09 && x !== 0x0a && x !== 0x0d) this.last = x;
              if (++k >= n) break;
              x = chunk[k];
            }
            i = k - 1;
          }
          break;
        case S.Quote:
          if (b === this.quote) {
            this.capture(b);
            this.state = S.Attrs;
            this.last = b;
          } else if (this.attrBytes) this.capture(b);
          else {
            // attributes not captured: jump to the closing quote
            const j = chunk.indexOf(this.quote, i);
            i = (j < 0 ? n : j) - 1;
          }
          break;
        case S.Bang:
          this.bang.push(b);
          if (this.bang.length === 2 && this.bang[0] === 0x2d && this.bang[1] === 0x2d) this.skipUntil([0x2d, 0x2d, 0x3e]); // <!-- … -->
          else if (this.bang.length === 7) {
            if (String.fromCharCode(...this.bang) === '[CDATA[') this.skipUntil([0x5d, 0x5d, 0x3e]); // <![CDATA[ … ]]>
            else throw new DtdError();
          } else if (this.bang.length >= 2 && this.bang[0] !== 0x2d && this.bang[0] !== 0x5b) throw new DtdError(); // <!DOCTYPE, <!ENTITY
          break;
        case S.Skip:
          this.tail.push(b);
          if (this.tail.length > this.term.length) this.tail.shift();
          if (this.tail.length === this.term.length && this.tail.every((x, k) => x === this.term[k])) this.state = S.Text;
          break;
        case S.Close:
          if (b === 0x3e) this.state = S.Text;
          else {
            const j = chunk.indexOf(0x3e, i);
            i = (j < 0 ? n : j) - 1;
          }
          break;
      }
    }
  }

  private skipUntil(term: number[]): void {
    this.state = S.Skip;
    this.term = term;
    this.tail = [];
  }

  private startTag(): void {
    const nm = this.name;
    const len = this.nameLen;
    let colon = -1;
    for (let k = 0; k < len; k++) if (nm[k] === 0x3a) colon = k;
    if (len === colon + 2) this.local = ONE_CHAR[nm[len - 1]];
    else this.local = len - colon - 1 <= 24 ? String.fromCharCode.apply(null, Array.from(nm.subarray(colon + 1, len))) : '';
    this.last = 0;
    this.attrBytes = this.hooks.captureAttrs.has(this.local) ? [] : null;
  }

  private capture(b: number): void {
    if (!this.attrBytes) return;
    if (this.attrBytes.length >= MAX_CAPTURE) throw new CaptureError();
    this.attrBytes.push(b);
  }

  private endTag(selfClosing: boolean): void {
    this.state = S.Text;
    if (!selfClosing && ++this.depth > this.maxDepth) throw new DepthError();
    const attrs = this.attrBytes ? parseAttrs(Buffer.from(this.attrBytes).toString('utf8')) : null;
    this.attrBytes = null;
    this.hooks.open(this.local, attrs);
    if (!selfClosing && this.hooks.captureText?.has(this.local)) {
      this.textName = this.local;
      this.textBytes = [];
    }
  }

  private flushText(): void {
    if (this.textName === null) return;
    this.hooks.text?.(this.textName, unescapeXml(Buffer.from(this.textBytes).toString('utf8')));
    this.textName = null;
    this.textBytes = [];
  }
}

export function unescapeXml(s: string): string {
  return s.replace(/&(#x[0-9a-f]+|#\d+|amp|lt|gt|quot|apos);/gi, (_, e: string) => {
    const k = e.toLowerCase();
    if (k === 'amp') return '&';
    if (k === 'lt') return '<';
    if (k === 'gt') return '>';
    if (k === 'quot') return '"';
    if (k === 'apos') return "'";
    const code = k.startsWith('#x') ? parseInt(k.slice(2), 16) : parseInt(k.slice(1), 10);
    return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : '';
  });
}

export function parseAttrs(s: string): Attrs {
  const out: Attrs = {};
  const re = /([^\s=]+)\s*=\s*(?:"([^"]*)"|'([^']*)')/g;
  for (let m = re.exec(s); m; m = re.exec(s)) out[m[1]] = unescapeXml(m[2] ?? m[3] ?? '');
  return out;
}
