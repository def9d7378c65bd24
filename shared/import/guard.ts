// File-level checks before a workbook is parsed (docs/security.md, "Limits"):
// - format by magic bytes (xlsx / legacy xls / encrypted OOXML);
// - the zip central directory: entry count, encryption, compression method, declared sizes,
//   per-entry and overall compression ratio, all against what exceljs will really hold in
//   memory (it inflates every entry into one string);
// - then every entry is inflated as a stream, never beyond its declared size, and each XML part
//   is scanned as it streams: no DTD/entities, element depth, and the units exceljs materialises
//   as objects — rows, cells, merged ranges, data-validation ranges, columns, shared strings and
//   named ranges — counted against WORKBOOK_LIMITS, so a hostile file is refused in about a
//   second with a message naming the file and the sheet, before the full load.
import { createInflateRaw } from 'node:zlib';
import { InputError } from '../errors';

const MB = 1024 * 1024;

/** The documented limits of workbook reading (docs/security.md). */
export const WORKBOOK_LIMITS = {
  /** Largest xlsx file. */
  maxFileBytes: 50 * MB,
  /** Sum of the declared uncompressed sizes of all entries. */
  maxUncompressedBytes: 100 * MB,
  /** Entries in the zip. */
  maxEntries: 10_000,
  /** An entry larger than `minRatioBytes` may expand at most this much (real sheets: 5–30). */
  maxRatio: 100,
  minRatioBytes: 1 * MB,
  /** The whole package, once it expands beyond `minOverallRatioBytes`. */
  maxOverallRatio: 100,
  minOverallRatioBytes: 10 * MB,
  /** Element nesting in any XML part (real parts: under 20). */
  maxXmlDepth: 100,
  /** Rows (`<row>`) in one sheet. */
  maxRowsPerSheet: 200_000,
  /** Cells exceljs creates over the whole workbook: `<c>`, merged ranges, validation ranges, named ranges. */
  maxCells: 500_000,
  /** Shared strings (`<si>`). */
  maxSharedStrings: 500_000,
  /** Excel's own limits (XFD, 1,048,576). */
  maxColumn: 16_384,
  maxRow: 1_048_576,
  /** workbook.xml and its relationships are read whole, to name the sheets. */
  maxDirectoryPartBytes: 10 * MB,
};

export type WorkbookLimits = typeof WORKBOOK_LIMITS;

const CFB_MAGIC = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
const ENCRYPTION_INFO = Buffer.from('EncryptionInfo', 'utf16le');
const ENCRYPTED_PACKAGE = Buffer.from('EncryptedPackage', 'utf16le');

/** Throws InputError when the bytes are not a plain xlsx zip. */
export function checkFormat(buf: Buffer, file: string): void {
  if (buf.length === 0) throw new InputError(`文件“${file}”是空文件（0 字节），不是有效的 .xlsx 工作簿`, file, undefined, 'bad_file');
  if (buf.length >= 8 && buf.subarray(0, 8).equals(CFB_MAGIC)) {
    // An OLE compound file: either an encrypted OOXML package or a legacy BIFF .xls.
    if (buf.indexOf(ENCRYPTED_PACKAGE) >= 0 || buf.indexOf(ENCRYPTION_INFO) >= 0) {
      throw new InputError(
        `文件“${file}”受密码保护（已加密），无法读取。请在 Excel 中取消密码保护（文件 → 信息 → 保护工作簿 → 用密码进行加密，清空密码）后另存为 .xlsx 再试`,
        file,
        undefined,
        'bad_file',
      );
    }
    throw new InputError(`文件“${file}”是旧版 Excel 97-2003 (.xls) 格式，请在 Excel 中另存为 .xlsx 后重试`, file, undefined, 'bad_file');
  }
  const isZip = buf.length >= 4 && buf[0] === 0x50 && buf[1] === 0x4b && (buf[2] === 0x03 || buf[2] === 0x05) && (buf[3] === 0x04 || buf[3] === 0x06);
  if (!isZip) {
    throw new InputError(`文件“${file}”不是 Excel 工作簿（.xlsx）：文件内容不是 xlsx/zip 格式，请确认文件类型，或在 Excel 中另存为 .xlsx 后重试`, file, undefined, 'bad_file');
  }
}

function corrupt(file: string, why: string): InputError {
  return new InputError(`文件“${file}”已损坏或不是有效的 .xlsx 文件（${why}），请在 Excel 中打开确认后重新保存`, file, undefined, 'bad_file');
}

function bomb(file: string, why: string): InputError {
  return new InputError(`文件“${file}”解压后过大（${why}），疑似压缩炸弹或异常文件，已拒绝读取`, file, undefined, 'too_large');
}

const num = (n: number) => n.toLocaleString('en-US');

// ------------------------------------------------------------------ zip directory

interface Entry {
  name: string;
  method: number;
  csize: number;
  usize: number;
  local: number;
}

/** Reads the central directory (EOCD, ZIP64 when present) and checks what it declares. */
function readDirectory(buf: Buffer, file: string, limits: WorkbookLimits): Entry[] {
  const n = buf.length;
  if (n < 22) throw corrupt(file, '找不到 zip 目录');
  // EOCD: signature 0x06054b50, searched backwards over the 64 KB comment window.
  let eocd = -1;
  const stop = Math.max(0, n - 22 - 0xffff);
  for (let i = n - 22; i >= stop; i--) {
    if (buf[i] === 0x50 && buf[i + 1] === 0x4b && buf[i + 2] === 0x05 && buf[i + 3] === 0x06) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) throw corrupt(file, '找不到 zip 目录');
  let count = buf.readUInt16LE(eocd + 10);
  let cdSize = buf.readUInt32LE(eocd + 12);
  let cdOffset = buf.readUInt32LE(eocd + 16);
  if (count === 0xffff || cdSize === 0xffffffff || cdOffset === 0xffffffff) {
    // ZIP64 end of central directory locator sits right before the EOCD.
    const loc = eocd - 20;
    if (loc < 0 || buf.readUInt32LE(loc) !== 0x07064b50) throw corrupt(file, 'ZIP64 目录缺失');
    const z = Number(buf.readBigUInt64LE(loc + 8));
    if (z < 0 || z + 56 > n || buf.readUInt32LE(z) !== 0x06064b50) throw corrupt(file, 'ZIP64 目录损坏');
    count = Number(buf.readBigUInt64LE(z + 32));
    cdSize = Number(buf.readBigUInt64LE(z + 40));
    cdOffset = Number(buf.readBigUInt64LE(z + 48));
  }
  if (count === 0) throw new InputError(`文件“${file}”是空的 zip 包，不是 Excel 工作簿（.xlsx）`, file);
  if (count > limits.maxEntries) {
    throw new InputError(`文件“${file}”包含 ${num(count)} 个压缩条目，超过 ${num(limits.maxEntries)} 个的上限，不是正常的 Excel 工作簿，已拒绝读取`, file);
  }
  if (cdOffset + cdSize > n) throw corrupt(file, 'zip 目录越界');

  const entries: Entry[] = [];
  let total = 0;
  let compressed = 0;
  let p = cdOffset;
  const max = limits.maxUncompressedBytes;
  for (let k = 0; k < count; k++) {
    if (p + 46 > n || buf.readUInt32LE(p) !== 0x02014b50) throw corrupt(file, 'zip 目录项损坏');
    const flags = buf.readUInt16LE(p + 8);
    const method = buf.readUInt16LE(p + 10);
    let csize = buf.readUInt32LE(p + 20);
    let usize = buf.readUInt32LE(p + 24);
    const nameLen = buf.readUInt16LE(p + 28);
    const extraLen = buf.readUInt16LE(p + 30);
    const commentLen = buf.readUInt16LE(p + 32);
    let local = buf.readUInt32LE(p + 42);
    if (p + 46 + nameLen > n) throw corrupt(file, 'zip 目录项损坏');
    const name = buf.toString('utf8', p + 46, p + 46 + nameLen);
    if (usize === 0xffffffff || csize === 0xffffffff || local === 0xffffffff) {
      // ZIP64 extended information extra field (id 0x0001): values in the fixed order.
      let e = p + 46 + nameLen;
      const end = Math.min(e + extraLen, n);
      while (e + 4 <= end) {
        const id = buf.readUInt16LE(e);
        const len = buf.readUInt16LE(e + 2);
        if (id === 0x0001) {
          let q = e + 4;
          if (usize === 0xffffffff && q + 8 <= end) { usize = Number(buf.readBigUInt64LE(q)); q += 8; }
          if (csize === 0xffffffff && q + 8 <= end) { csize = Number(buf.readBigUInt64LE(q)); q += 8; }
          if (local === 0xffffffff && q + 8 <= end) local = Number(buf.readBigUInt64LE(q));
          break;
        }
        e += 4 + len;
      }
    }
    if (flags & 0x0001) {
      throw new InputError(`文件“${file}”中的“${name}”已加密，无法读取。请在 Excel 中取消密码保护后另存为 .xlsx 再试`, file);
    }
    if (method !== 0 && method !== 8) throw corrupt(file, `“${name}”使用了不支持的压缩方式 ${method}`);
    if (method === 0 && csize !== usize) throw corrupt(file, `“${name}”的大小与目录不符`);
    total += usize;
    compressed += csize;
    if (total > max) throw bomb(file, `解压总大小超过 ${Math.round(max / MB)} MB 上限`);
    if (usize > limits.minRatioBytes && usize / Math.max(csize, 1) > limits.maxRatio) {
      throw bomb(file, `“${name}”压缩比 ${Math.round(usize / Math.max(csize, 1))}:1 异常`);
    }
    if (!name.endsWith('/')) entries.push({ name, method, csize, usize, local });
    p += 46 + nameLen + extraLen + commentLen;
  }
  if (total > limits.minOverallRatioBytes && total / Math.max(compressed, 1) > limits.maxOverallRatio) {
    throw bomb(file, `整体压缩比 ${Math.round(total / Math.max(compressed, 1))}:1 异常`);
  }
  return entries;
}

function dataOf(buf: Buffer, en: Entry, file: string): Buffer {
  const l = en.local;
  if (l + 30 > buf.length || buf.readUInt32LE(l) !== 0x04034b50) throw corrupt(file, `“${en.name}”的本地文件头损坏`);
  const start = l + 30 + buf.readUInt16LE(l + 26) + buf.readUInt16LE(l + 28);
  if (start + en.csize > buf.length) throw corrupt(file, `“${en.name}”数据不完整`);
  return buf.subarray(start, start + en.csize);
}

/**
 * Streams the entry's content to `sink` in chunks, never producing more than its declared size.
 * A sink may throw to stop early (the limit it counts was crossed).
 */
function inflateEntry(buf: Buffer, en: Entry, file: string, sink: ((chunk: Buffer) => void) | null): Promise<void> {
  const data = dataOf(buf, en, file);
  if (en.method === 0) {
    if (sink) for (let i = 0; i < data.length; i += 1 << 16) sink(data.subarray(i, i + (1 << 16)));
    return Promise.resolve();
  }
  return new Promise<void>((resolve, reject) => {
    const z = createInflateRaw({ chunkSize: 1 << 16 });
    let out = 0;
    let settled = false;
    const fail = (e: unknown) => {
      if (settled) return;
      settled = true;
      z.destroy();
      reject(e);
    };
    z.on('data', (chunk: Buffer) => {
      if (settled) return;
      out += chunk.length;
      if (out > en.usize) return fail(bomb(file, `“${en.name}”实际解压大小超过声明大小`));
      try {
        sink?.(chunk);
      } catch (e) {
        fail(e);
      }
    });
    z.on('error', () => fail(corrupt(file, `“${en.name}”无法解压`)));
    z.on('end', () => {
      if (settled) return;
      settled = true;
      if (out !== en.usize) reject(corrupt(file, `“${en.name}”解压大小与目录不符`));
      else resolve();
    });
    z.end(data);
  });
}

// ------------------------------------------------------------------ XML scanning

type Attrs = Record<string, string>;

/** Called at each start tag; `attrs` only for the names listed in `captureAttrs`. */
interface ScanHooks {
  open(local: string, attrs: Attrs | null): void;
  captureAttrs: ReadonlySet<string>;
  /** Elements whose text content is collected (up to 64 KB) and passed to `text`. */
  captureText?: ReadonlySet<string>;
  text?(local: string, text: string): void;
}

const enum S {
  Text,
  Lt,
  Name,
  Attrs,
  Quote,
  Bang,
  Skip,
  Close,
}

const MAX_CAPTURE = 256 * 1024;
const ONE_CHAR = Array.from({ length: 256 }, (_, i) => String.fromCharCode(i));
const MAX_TEXT = 64 * 1024;

class DepthError extends Error {}
class DtdError extends Error {}
class CaptureError extends Error {}

/**
 * A byte-level XML scanner that resumes across chunks: tracks element depth, refuses DTDs, and
 * reports start tags. It is not a parser (no well-formedness checks beyond what it needs); the
 * real parse happens afterwards in exceljs, on input this scan has bounded.
 */
class XmlScanner {
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
          else if (this.textName !== null && this.textBytes.length < MAX_TEXT) this.textBytes.push(b);
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
            this.capture(b);
          } else if (b === 0x3e) {
            this.endTag(this.last === 0x2f);
          } else {
            if (b !== 0x20 && b !== 0x09 && b !== 0x0a && b !== 0x0d) this.last = b;
            this.capture(b);
          }
          break;
        case S.Quote:
          this.capture(b);
          if (b === this.quote) {
            this.state = S.Attrs;
            this.last = b;
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

function unescapeXml(s: string): string {
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

function parseAttrs(s: string): Attrs {
  const out: Attrs = {};
  const re = /([^\s=]+)\s*=\s*(?:"([^"]*)"|'([^']*)')/g;
  for (let m = re.exec(s); m; m = re.exec(s)) out[m[1]] = unescapeXml(m[2] ?? m[3] ?? '');
  return out;
}

// ------------------------------------------------------------------ ranges

function colNumber(letters: string): number {
  let c = 0;
  for (const ch of letters.toUpperCase()) c = c * 26 + (ch.charCodeAt(0) - 64);
  return c;
}

/** Cells covered by "A1", "A1:C3" or "$A$1:$C$3"; Infinity for nonsense beyond Excel's grid. */
function rangeArea(ref: string, limits: WorkbookLimits): number {
  const m = /^\$?([A-Za-z]{1,4})\$?(\d{1,9})(?::\$?([A-Za-z]{1,4})\$?(\d{1,9}))?$/.exec(ref.trim());
  if (!m) return 0;
  const c1 = colNumber(m[1]);
  const r1 = Number(m[2]);
  const c2 = m[3] ? colNumber(m[3]) : c1;
  const r2 = m[4] ? Number(m[4]) : r1;
  if (Math.max(c1, c2) > limits.maxColumn || Math.max(r1, r2) > limits.maxRow) return Infinity;
  return (Math.abs(r2 - r1) + 1) * (Math.abs(c2 - c1) + 1);
}

// ------------------------------------------------------------------ the package

/** How exceljs recognises a worksheet part (lib/xlsx/xlsx.js, unanchored). */
const WORKSHEET = /xl\/worksheets\/sheet(\d+)[.]xml/;
const XML_PART = /\.(xml|rels|vml)$/i;
const NOT_PARSED = /xl\/media\/|xl\/theme\//;

export interface PackageStats {
  entries: number;
  uncompressedBytes: number;
  cells: number;
}

/**
 * All package checks (see the file comment). Throws InputError naming the file, and the sheet
 * where a sheet's content crosses a limit. Cost: one streamed inflate of the package.
 */
export async function checkPackage(buf: Buffer, file: string, limits: WorkbookLimits = WORKBOOK_LIMITS): Promise<PackageStats> {
  const entries = readDirectory(buf, file, limits);
  const plain = (n: string) => (n.startsWith('/') ? n.slice(1) : n);

  // Sheet names first (workbook.xml + its relationships), so later messages can name the sheet.
  const sheetNames = new Map<string, string>();
  let cells = 0;
  let definedNameArea = 0;
  const sheets: Array<{ name: string; rid: string }> = [];
  const rels = new Map<string, string>();
  const wbEntry = entries.find((e) => plain(e.name) === 'xl/workbook.xml');
  const relEntry = entries.find((e) => plain(e.name) === 'xl/_rels/workbook.xml.rels');
  for (const en of [wbEntry, relEntry]) {
    if (!en) continue;
    if (en.usize > limits.maxDirectoryPartBytes) throw bomb(file, `“${en.name}”有 ${Math.round(en.usize / MB)} MB，异常`);
    await scanPart(buf, en, file, limits, en === wbEntry ? '工作簿目录' : '工作簿关系', {
      captureAttrs: new Set(['sheet', 'Relationship']),
      captureText: new Set(['definedName']),
      open(local, attrs) {
        if (!attrs) return;
        if (local === 'sheet') sheets.push({ name: attrs.name ?? '', rid: attrs['r:id'] ?? attrs.id ?? '' });
        else rels.set(attrs.Id ?? '', attrs.Target ?? '');
      },
      text(_local, text) {
        // exceljs expands into cells every comma-separated range of a defined name that holds a
        // "$A$1"-style reference anywhere (lib/doc/defined-names.js): "S!$A$1:XFD1048576" too.
        for (const item of text.split(',')) {
          const ref = (item.split('!').pop() ?? '').trim();
          if (!/\$[A-Za-z]+\$\d+/.test(ref)) continue;
          definedNameArea += Math.max(rangeArea(ref, limits), 1);
          if (definedNameArea > limits.maxCells) {
            throw new InputError(
              `文件“${file}”的名称定义引用的区域（${ref.slice(0, 40)}）过大，读取时需展开超过 ${num(limits.maxCells)} 个单元格，已拒绝读取。请在 Excel 的“名称管理器”中删除或缩小该名称后另存再试`,
              file,
            );
          }
        }
      },
    });
  }
  cells += definedNameArea;
  for (const s of sheets) {
    const target = rels.get(s.rid);
    if (!target) continue;
    const path = target.startsWith('/') ? target.slice(1) : `xl/${target}`;
    sheetNames.set(path.replace(/\/\.\//g, '/'), s.name);
  }
  const sheetLabel = (entryName: string) => {
    const nm = sheetNames.get(plain(entryName));
    return nm ? `工作表“${nm}”` : `“${entryName}”`;
  };

  let stats: PackageStats = { entries: entries.length, uncompressedBytes: 0, cells: 0 };
  let sharedStrings = 0;
  for (const en of entries) {
    stats.uncompressedBytes += en.usize;
    if (en === wbEntry || en === relEntry) continue;
    const name = plain(en.name);
    const isSheet = WORKSHEET.test(name) && !name.includes('_rels/');
    if (!XML_PART.test(name) || NOT_PARSED.test(name)) {
      // Not parsed as XML, but still inflated whole by exceljs: make sure it cannot expand
      // beyond its declared size (deflate expands at most ~1032:1).
      if (en.method === 8 && en.csize * 1032 > en.usize) await inflateEntry(buf, en, file, null);
      continue;
    }
    if (isSheet) {
      const label = sheetLabel(en.name);
      let rows = 0;
      await scanPart(buf, en, file, limits, label, {
        captureAttrs: new Set(['mergeCell', 'dataValidation', 'col', 'row']),
        open(local, attrs) {
          if (local === 'c') {
            if (++cells > limits.maxCells) throw tooManyCells(file, label, limits);
          } else if (local === 'row') {
            if (++rows > limits.maxRowsPerSheet) {
              throw new InputError(
                `文件“${file}”的${label}超过 ${num(limits.maxRowsPerSheet)} 行，超出可读取的上限（每个工作表 ${num(limits.maxRowsPerSheet)} 行）。请删除多余的行或把数据拆分到多个文件后再导入`,
                file,
                label,
              );
            }
            const r = Number(attrs?.r);
            if (attrs?.r !== undefined && !(r >= 1 && r <= limits.maxRow)) throw corrupt(file, `${label}的行号 ${attrs.r.slice(0, 20)} 超出 Excel 的范围`);
          } else if (local === 'mergeCell' || local === 'dataValidation') {
            const refs = (local === 'mergeCell' ? attrs?.ref : attrs?.sqref) ?? '';
            for (const ref of refs.split(/\s+/)) {
              const area = rangeArea(ref, limits);
              cells += area;
              if (cells > limits.maxCells) {
                const what = local === 'mergeCell' ? '合并单元格' : '数据验证';
                throw new InputError(
                  `文件“${file}”的${label}中${what}区域 ${ref.slice(0, 40)} 过大，读取时需展开超过 ${num(limits.maxCells)} 个单元格（上限），已拒绝读取。请在 Excel 中取消该区域的${what}后另存再试`,
                  file,
                  label,
                );
              }
            }
          } else if (local === 'col') {
            const max = Number(attrs?.max ?? attrs?.min ?? 0);
            const min = Number(attrs?.min ?? 0);
            if (!(max <= limits.maxColumn) || !(min <= limits.maxColumn)) {
              throw corrupt(file, `${label}的列定义超出 Excel 的最大列数 ${num(limits.maxColumn)}`);
            }
          }
        },
      });
    } else if (/comments\d*\.xml$/i.test(name)) {
      // Each comment is attached to its cell, which exceljs creates.
      await scanPart(buf, en, file, limits, `“${en.name}”`, {
        captureAttrs: new Set(),
        open(local) {
          if (local === 'comment' && ++cells > limits.maxCells) throw tooManyCells(file, `批注“${en.name}”`, limits);
        },
      });
    } else if (/(^|\/)sharedStrings\.xml$/i.test(name)) {
      await scanPart(buf, en, file, limits, '共享字符串', {
        captureAttrs: new Set(),
        open(local) {
          if (local === 'si' && ++sharedStrings > limits.maxSharedStrings) {
            throw new InputError(`文件“${file}”的共享字符串超过 ${num(limits.maxSharedStrings)} 条（上限），不是正常的指标表，已拒绝读取`, file);
          }
        },
      });
    } else {
      await scanPart(buf, en, file, limits, `“${en.name}”`, { captureAttrs: new Set(), open() {} });
    }
  }
  stats = { ...stats, cells };
  return stats;
}

function tooManyCells(file: string, label: string, limits: WorkbookLimits): InputError {
  return new InputError(
    `文件“${file}”的单元格过多：读到${label}时全部工作表已超过 ${num(limits.maxCells)} 个单元格（上限），不是正常的指标表，已拒绝读取。请删除无关的工作表或数据后再导入`,
    file,
    label,
  );
}

async function scanPart(buf: Buffer, en: Entry, file: string, limits: WorkbookLimits, label: string, hooks: ScanHooks): Promise<void> {
  const scanner = new XmlScanner(limits.maxXmlDepth, hooks);
  try {
    await inflateEntry(buf, en, file, (chunk) => scanner.feed(chunk));
  } catch (e) {
    if (e instanceof DepthError) {
      throw new InputError(`文件“${file}”的${label}中 XML 嵌套超过 ${limits.maxXmlDepth} 层，结构异常，已拒绝读取`, file, label);
    }
    if (e instanceof DtdError) {
      throw new InputError(`文件“${file}”的${label}含有 DTD 或实体声明（<!DOCTYPE/<!ENTITY），正常的 Excel 文件不会包含，疑似恶意构造，已拒绝读取`, file, label);
    }
    if (e instanceof CaptureError) throw corrupt(file, `${label}中有异常长的 XML 标记`);
    throw e;
  }
}
