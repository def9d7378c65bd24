// File-level checks before a workbook is parsed (docs/security.md, "Limits"):
// - format by magic bytes (xlsx / legacy xls / encrypted OOXML);
// - the zip central directory: entry count, encryption, compression method, declared sizes,
//   per-entry and overall compression ratio, all against what exceljs will really hold in
//   memory (it inflates every entry into one string);
// - then every entry is inflated, never beyond its declared size (up to WHOLE_PART_BYTES in one
//   native call, larger ones as a stream), and each XML part is scanned: no DTD/entities, element
//   depth, and the units exceljs materialises as objects — rows, cells, merged ranges,
//   data-validation ranges, columns, shared strings and named ranges — counted against
//   WORKBOOK_LIMITS, so a hostile file is refused in about a second with a message naming the
//   file and the sheet, before the full load. exceljs is then given these checked parts and no
//   others (checkedLoad.ts).
import { InputError } from '../errors';
import { bomb, corrupt, type Entry, inflateEntry, inflatePart, MB, readDirectory, WHOLE_PART_BYTES } from './zipEntries';
import { CaptureError, DepthError, DtdError, type ScanHooks, XmlScanner } from './xmlScan';
import { CommentHooks, DirectoryHooks, PlainHooks, SharedStringHooks, SheetHooks, type Tally } from './partHooks';


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

export const CFB_MAGIC = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
export const ENCRYPTION_INFO = Buffer.from('EncryptionInfo', 'utf16le');
export const ENCRYPTED_PACKAGE = Buffer.from('EncryptedPackage', 'utf16le');

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


// colNumber, rangeArea and tooManyCells live with the counting (partHooks.ts).
export { colNumber, rangeArea, tooManyCells } from './partHooks';

// ------------------------------------------------------------------ the package

/** How exceljs recognises a worksheet part (lib/xlsx/xlsx.js, unanchored). */
export const WORKSHEET = /xl\/worksheets\/sheet(\d+)[.]xml/;
export const XML_PART = /\.(xml|rels|vml)$/i;
export const NOT_PARSED = /xl\/media\/|xl\/theme\//;

export interface PackageStats {
  entries: number;
  uncompressedBytes: number;
  cells: number;
  /** The checked directory: the parts exceljs is then given (checkedLoad.ts), and no others. */
  parts: readonly Entry[];
  /**
   * Parts the scan inflated whole, kept (up to KEPT_INFLATED_BYTES in all) so that exceljs is given
   * these very bytes instead of a second inflation of the same part (checkedLoad.ts).
   */
  inflated: Map<Entry, Buffer>;
}

/** The most inflated bytes the checks keep for the load (beyond it, a part is inflated again). */
export const KEPT_INFLATED_BYTES = 16 * MB;

/**
 * All package checks (see the file comment). Throws InputError naming the file, and the sheet
 * where a sheet's content crosses a limit. Cost: one native inflate and scan of the package.
 */
export async function checkPackage(buf: Buffer, file: string, limits: WorkbookLimits = WORKBOOK_LIMITS): Promise<PackageStats> {
  const entries = readDirectory(buf, file, limits);
  const plain = (n: string) => (n.startsWith('/') ? n.slice(1) : n);

  // Sheet names first (workbook.xml + its relationships), so later messages can name the sheet.
  const sheetNames = new Map<string, string>();
  const tally: Tally = { cells: 0, sharedStrings: 0, definedNameArea: 0 };
  const sheets: Array<{ name: string; rid: string }> = [];
  const rels = new Map<string, string>();
  const wbEntry = entries.find((e) => plain(e.name) === 'xl/workbook.xml');
  const relEntry = entries.find((e) => plain(e.name) === 'xl/_rels/workbook.xml.rels');
  for (const en of [wbEntry, relEntry]) {
    if (!en) continue;
    if (en.usize > limits.maxDirectoryPartBytes) throw bomb(file, `“${en.name}”有 ${Math.round(en.usize / MB)} MB，异常`);
    await scanPart(buf, en, file, limits, en === wbEntry ? '工作簿目录' : '工作簿关系', new DirectoryHooks(tally, file, limits, sheets, rels));
  }
  tally.cells += tally.definedNameArea;
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

  const inflated = new Map<Entry, Buffer>();
  let kept = 0;
  const keep = (en: Entry, data: Buffer) => {
    if (kept + data.length > KEPT_INFLATED_BYTES) return;
    kept += data.length;
    inflated.set(en, data);
  };
  let stats: PackageStats = { entries: entries.length, uncompressedBytes: 0, cells: 0, parts: entries, inflated };
  for (const en of entries) {
    stats.uncompressedBytes += en.usize;
    if (en === wbEntry || en === relEntry) continue;
    const name = plain(en.name);
    const isSheet = WORKSHEET.test(name) && !name.includes('_rels/');
    if (!XML_PART.test(name) || NOT_PARSED.test(name)) {
      // Not parsed as XML, but still inflated whole by exceljs: make sure it cannot expand
      // beyond its declared size (deflate expands at most ~1032:1).
      if (en.method === 8 && en.csize * 1032 > en.usize && !inflatesWhole(buf, en, file)) await inflateEntry(buf, en, file, null);
      continue;
    }
    if (isSheet) {
      const label = sheetLabel(en.name);
      await scanPart(buf, en, file, limits, label, new SheetHooks(tally, file, limits, label), keep);
    } else if (/comments\d*\.xml$/i.test(name)) {
      await scanPart(buf, en, file, limits, `“${en.name}”`, new CommentHooks(tally, file, limits, en.name), keep);
    } else if (/(^|\/)sharedStrings\.xml$/i.test(name)) {
      await scanPart(buf, en, file, limits, '共享字符串', new SharedStringHooks(tally, file, limits), keep);
    } else {
      await scanPart(buf, en, file, limits, `“${en.name}”`, new PlainHooks(), keep);
    }
  }
  stats = { ...stats, cells: tally.cells };
  return stats;
}

/**
 * True when the entry inflates, in one native call, to exactly its declared size. False on any
 * failure: the caller then streams it, which names the fault precisely.
 */
function inflatesWhole(buf: Buffer, en: Entry, file: string): boolean {
  return en.usize <= WHOLE_PART_BYTES && wholePart(buf, en, file) !== null;
}

/** The part's content when it inflates, in one native call, to exactly its declared size. */
function wholePart(buf: Buffer, en: Entry, file: string): Buffer | null {
  try {
    return inflatePart(buf, en, file);
  } catch {
    return null;
  }
}

async function scanPart(
  buf: Buffer,
  en: Entry,
  file: string,
  limits: WorkbookLimits,
  label: string,
  hooks: ScanHooks,
  keep?: (en: Entry, data: Buffer) => void,
): Promise<void> {
  const scanner = new XmlScanner(limits.maxXmlDepth, hooks);
  try {
    // A part up to WHOLE_PART_BYTES that inflates cleanly is scanned whole (one native call, no
    // stream); the scanner gives the same hooks and the same refusal on one buffer as on chunks.
    // Any other part, and one whose data is at fault, streams, so that the refusal is the first
    // fault in the part's order, in the data or in the XML.
    const whole = en.usize <= WHOLE_PART_BYTES ? wholePart(buf, en, file) : null;
    if (whole) {
      scanner.feed(whole);
      keep?.(en, whole);
    } else await inflateEntry(buf, en, file, (chunk) => scanner.feed(chunk));
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
