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
export const MAX_TEXT = 64 * 1024;
/** Stored bytes of an element name; its local part is kept when at most 24 characters. */
const MAX_NAME = 64;
const MAX_LOCAL = 24;

export class DepthError extends Error {}
export class DtdError extends Error {}
export class CaptureError extends Error {}

// Runs the scanner skips in one native step: a name, and the attribute bytes up to a quote or '>'.
const NAME_RUN = /[^ \t\n\r/>]*/y;
const ATTR_RUN = /[^"'>]*/y;
/**
 * A whole start tag after its name, in one native step: attribute runs and quoted values up to
 * the '>' outside quotes. Unambiguous (each repetition starts at a quote) and at most 256 quoted
 * values, so the regex's work stays linear and bounded; a tag beyond that, or one the chunk cuts,
 * goes through the byte states instead (same result).
 */
const TAG_REST = /[^"'>]*(?:(?:"[^"]*"|'[^']*')[^"'>]*){0,256}>/y;
const CDATA = '[CDATA[';

const isSpace = (c: number) => c === 0x20 || c === 0x09 || c === 0x0a || c === 0x0d;

/**
 * A byte-level XML scanner that resumes across chunks: tracks element depth, refuses DTDs, and
 * reports start tags. It is not a parser (no well-formedness checks beyond what it needs); the
 * real parse happens afterwards in exceljs, on input this scan has bounded.
 *
 * Each chunk is read as a Latin-1 string (one character per byte, so positions are byte offsets):
 * the runs between the bytes that matter (text, quoted values, names, comments) are skipped by
 * native searches, and JavaScript runs once per markup token, not once per byte. Captured
 * attributes and text are decoded as UTF-8 from the chunk's bytes.
 */
export class XmlScanner {
  private state = S.Text;
  private depth = 0;
  /** Element name so far (first MAX_NAME bytes). */
  private name = '';
  private local = '';
  private quote = '';
  private last = 0; // last non-space byte inside a tag
  /** Captured attribute bytes of the current tag (null: not captured). */
  private attrParts: Buffer[] | null = null;
  private attrLen = 0;
  /** Bytes after "<!" so far. */
  private bang = '';
  /** Terminator of a skipped section ("?>", "-->", "]]>") and the last bytes of the section seen. */
  private term = '';
  private tail = '';
  private textName: string | null = null;
  private textParts: Buffer[] = [];
  private textLen = 0;

  constructor(
    private readonly maxDepth: number,
    private readonly hooks: ScanHooks,
  ) {}

  feed(chunk: Buffer): void {
    const s = chunk.toString('latin1');
    const n = s.length;
    let i = 0;
    while (i < n) {
      switch (this.state) {
        case S.Text: {
          const j = s.indexOf('<', i);
          const end = j < 0 ? n : j;
          if (this.textName !== null) {
            if (end > i) this.collectText(chunk, i, end);
          } else if (j >= 0) {
            const next = this.wholeTag(chunk, s, j);
            if (next >= 0) {
              i = next;
              break;
            }
          }
          i = end;
          if (j >= 0) {
            this.state = S.Lt;
            i++;
          }
          break;
        }
        case S.Lt: {
          const b = s.charCodeAt(i);
          if (b === 0x2f) {
            this.state = S.Close;
            this.depth--;
            this.flushText();
          } else if (b === 0x3f) this.skipUntil('?>'); // <? … ?>
          else if (b === 0x21) {
            this.state = S.Bang;
            this.bang = '';
          } else {
            this.state = S.Name;
            this.name = s[i];
          }
          i++;
          break;
        }
        case S.Name: {
          NAME_RUN.lastIndex = i;
          NAME_RUN.test(s);
          const end = NAME_RUN.lastIndex;
          if (this.name.length < MAX_NAME && end > i) this.name += s.slice(i, Math.min(end, i + MAX_NAME - this.name.length));
          i = end;
          if (i < n) {
            // the byte that ended the name is the first byte of the attributes
            this.startTag();
            this.state = S.Attrs;
          }
          break;
        }
        case S.Attrs: {
          ATTR_RUN.lastIndex = i;
          ATTR_RUN.test(s);
          const end = ATTR_RUN.lastIndex;
          if (end > i) {
            for (let k = end - 1; k >= i; k--) {
              const c = s.charCodeAt(k);
              if (!isSpace(c)) {
                this.last = c;
                break;
              }
            }
            if (this.attrParts) this.capture(chunk, i, end);
          }
          i = end;
          if (i < n) {
            const b = s.charCodeAt(i);
            if (b === 0x3e) {
              i++;
              this.endTag(this.last === 0x2f);
            } else {
              // a quote opens a value
              this.quote = s[i];
              this.state = S.Quote;
              if (this.attrParts) this.capture(chunk, i, i + 1);
              i++;
            }
          }
          break;
        }
        case S.Quote: {
          const j = s.indexOf(this.quote, i);
          const end = j < 0 ? n : j + 1;
          if (this.attrParts) this.capture(chunk, i, end);
          i = end;
          if (j >= 0) {
            this.state = S.Attrs;
            this.last = this.quote.charCodeAt(0);
          }
          break;
        }
        case S.Bang: {
          this.bang += s[i++];
          const bang = this.bang;
          if (bang === '--') this.skipUntil('-->'); // <!-- … -->
          else if (bang.length === CDATA.length) {
            if (bang === CDATA) this.skipUntil(']]>'); // <![CDATA[ … ]]>
            else throw new DtdError();
          } else if (bang.length >= 2 && bang[0] !== '-' && bang[0] !== '[') throw new DtdError(); // <!DOCTYPE, <!ENTITY
          break;
        }
        case S.Skip: {
          // the terminator may straddle chunks: look in the last bytes seen plus this chunk's first
          const keep = this.term.length - 1;
          const joined = this.tail + s.slice(i, i + keep);
          const k = joined.indexOf(this.term);
          if (k >= 0) {
            i += k + this.term.length - this.tail.length;
            this.state = S.Text;
            break;
          }
          const j = s.indexOf(this.term, i);
          if (j >= 0) {
            i = j + this.term.length;
            this.state = S.Text;
            break;
          }
          this.tail = (this.tail + s.slice(Math.max(i, n - keep), n)).slice(-keep);
          i = n;
          break;
        }
        case S.Close: {
          const j = s.indexOf('>', i);
          if (j < 0) i = n;
          else {
            i = j + 1;
            this.state = S.Text;
          }
          break;
        }
      }
    }
    // what is kept for the next chunk must not depend on this chunk's memory
    if (this.attrParts?.length) this.attrParts = [Buffer.concat(this.attrParts)];
    if (this.textParts.length) this.textParts = [Buffer.concat(this.textParts)];
  }

  /**
   * The tag starting at `j` ('<') when it is an end tag or a start tag that this chunk holds
   * whole: handled at once, exactly as the byte states would; returns the position after it, or
   * -1 to let the byte states take it.
   */
  private wholeTag(chunk: Buffer, s: string, j: number): number {
    const c = s.charCodeAt(j + 1);
    if (c === 0x2f) {
      const k = s.indexOf('>', j + 2);
      if (k < 0) return -1;
      this.depth--; // no text is being collected here (the caller's condition)
      return k + 1;
    }
    if (!(c === c) || c === 0x3f || c === 0x21 || c === 0x3e || isSpace(c)) return -1; // NaN: chunk ends
    NAME_RUN.lastIndex = j + 1;
    NAME_RUN.test(s);
    const nameEnd = NAME_RUN.lastIndex;
    TAG_REST.lastIndex = nameEnd;
    if (nameEnd >= s.length || !TAG_REST.test(s)) return -1;
    const end = TAG_REST.lastIndex; // after '>'
    this.name = s.slice(j + 1, Math.min(nameEnd, j + 1 + MAX_NAME));
    this.startTag();
    if (this.attrParts && end - 1 > nameEnd) this.capture(chunk, nameEnd, end - 1);
    // the last byte that is not a space before '>' (a closing quote counts as itself)
    let k = end - 2;
    while (k >= nameEnd && isSpace(s.charCodeAt(k))) k--;
    this.last = k >= nameEnd ? s.charCodeAt(k) : 0;
    this.endTag(this.last === 0x2f);
    return end;
  }

  private skipUntil(term: string): void {
    this.state = S.Skip;
    this.term = term;
    this.tail = '';
  }

  private startTag(): void {
    const nm = this.name;
    const local = nm.slice(nm.lastIndexOf(':') + 1);
    this.local = local.length <= MAX_LOCAL ? local : '';
    this.last = 0;
    if (this.hooks.captureAttrs.has(this.local)) {
      this.attrParts = [];
      this.attrLen = 0;
    } else this.attrParts = null;
  }

  private capture(chunk: Buffer, from: number, to: number): void {
    if (!this.attrParts) return;
    this.attrLen += to - from;
    if (this.attrLen > MAX_CAPTURE) throw new CaptureError();
    this.attrParts.push(chunk.subarray(from, to));
  }

  private collectText(chunk: Buffer, from: number, to: number): void {
    const room = MAX_TEXT - this.textLen;
    if (room <= 0) return;
    const end = Math.min(to, from + room);
    this.textParts.push(chunk.subarray(from, end));
    this.textLen += end - from;
  }

  private endTag(selfClosing: boolean): void {
    this.state = S.Text;
    if (!selfClosing && ++this.depth > this.maxDepth) throw new DepthError();
    const parts = this.attrParts;
    const attrs = parts ? parseAttrs((parts.length === 1 ? parts[0] : Buffer.concat(parts)).toString('utf8')) : null;
    this.attrParts = null;
    this.hooks.open(this.local, attrs);
    if (!selfClosing && this.hooks.captureText?.has(this.local)) {
      this.textName = this.local;
      this.textParts = [];
      this.textLen = 0;
    }
  }

  private flushText(): void {
    if (this.textName === null) return;
    this.hooks.text?.(this.textName, unescapeXml(Buffer.concat(this.textParts).toString('utf8')));
    this.textName = null;
    this.textParts = [];
    this.textLen = 0;
  }
}

/**
 * One scanner kept for the life of the process. V8 gives the scanners a hidden class as the
 * constructor adds their fields; once no scanner is alive, a garbage collection may drop that
 * class, the next scanner gets a new one, and the optimised scanning code, which checks for the
 * old one, is thrown away and compiled again for every file. This one keeps the class alive.
 */
export const KEEP_SHAPE = new XmlScanner(1, { captureAttrs: new Set(), open() {} });

export function unescapeXml(s: string): string {
  if (!s.includes('&')) return s;
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
  // a prototype-less dictionary: no hidden class per set of attribute names, which a collection
  // would drop and the scanner's optimised code would then be thrown away with
  const out = Object.create(null) as Attrs;
  const re = /([^\s=]+)\s*=\s*(?:"([^"]*)"|'([^']*)')/g;
  for (let m = re.exec(s); m; m = re.exec(s)) out[m[1]] = unescapeXml(m[2] ?? m[3] ?? '');
  return out;
}
