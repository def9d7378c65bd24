// Small helpers for building realistic, deterministic sample workbooks with exceljs:
// fixed document metadata, merged titles, key/value rows, tables, formulas with cached
// results, and a zip whose entry timestamps are fixed so rebuilding gives identical bytes.
import ExcelJS from 'exceljs';

/** Fixed creation time of every sample (document properties and zip entries). */
export const FIXED_DATE = new Date(Date.UTC(2025, 2, 10, 1, 0, 0));

export const FMT = {
  area: '#,##0.00',
  int: '#,##0',
  dec1: '0.0',
  dec2: '0.00',
  dec3: '0.000',
  pct0: '0%',
  pct2: '0.00%',
} as const;

const FONT = { name: '宋体', size: 10 };
const THIN: Partial<ExcelJS.Borders> = {
  top: { style: 'thin' },
  left: { style: 'thin' },
  bottom: { style: 'thin' },
  right: { style: 'thin' },
};

export type CellInput = string | number | boolean | null | Formula;

/** A formula with its cached result (what Excel would have stored after calculating). */
export interface Formula {
  formula: string;
  result: number | string;
}

export function f(formula: string, result: number | string): Formula {
  return { formula, result };
}

/** A workbook with fixed metadata (creator, dates) so its content does not depend on when it was built. */
export function newWorkbook(creator: string): ExcelJS.Workbook {
  const wb = new ExcelJS.Workbook();
  wb.creator = creator;
  wb.lastModifiedBy = creator;
  wb.created = FIXED_DATE;
  wb.modified = FIXED_DATE;
  wb.calcProperties = { fullCalcOnLoad: false };
  return wb;
}

export function sheet(wb: ExcelJS.Workbook, name: string, widths: number[]): ExcelJS.Worksheet {
  const ws = wb.addWorksheet(name, { pageSetup: { paperSize: 9, orientation: 'portrait' } });
  ws.columns = widths.map((width) => ({ width }));
  return ws;
}

function colLetter(col: number): string {
  let s = '';
  for (let n = col; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}

/** A1-style address of (row, col), 1-based. */
export function addr(row: number, col: number): string {
  return `${colLetter(col)}${row}`;
}

/** Writes one cell with the sample's font, a thin border and an optional number format. */
export function put(ws: ExcelJS.Worksheet, row: number, col: number, v: CellInput, numFmt?: string): ExcelJS.Cell {
  const c = ws.getCell(row, col);
  c.value = v as ExcelJS.CellValue;
  c.font = FONT;
  c.border = THIN;
  c.alignment = { vertical: 'middle', horizontal: typeof v === 'string' ? 'left' : 'right', wrapText: true };
  if (numFmt) c.numFmt = numFmt;
  return c;
}

/** A merged, bold, centred title across columns [fromCol, toCol] of a row. */
export function title(ws: ExcelJS.Worksheet, row: number, text: string, fromCol: number, toCol: number, size = 14): void {
  ws.mergeCells(row, fromCol, row, toCol);
  const c = ws.getCell(row, fromCol);
  c.value = text;
  c.font = { ...FONT, size, bold: true };
  c.alignment = { vertical: 'middle', horizontal: 'center' };
  ws.getRow(row).height = size * 2;
}

/** A merged line of plain text (notes, 编制单位, 日期). */
export function note(ws: ExcelJS.Worksheet, row: number, text: string, fromCol: number, toCol: number): void {
  ws.mergeCells(row, fromCol, row, toCol);
  const c = ws.getCell(row, fromCol);
  c.value = text;
  c.font = FONT;
  c.alignment = { vertical: 'middle', horizontal: 'left', wrapText: true };
}

/** A bold header row starting at fromCol. */
export function header(ws: ExcelJS.Worksheet, row: number, fromCol: number, labels: string[]): void {
  labels.forEach((l, i) => {
    const c = put(ws, row, fromCol + i, l);
    c.font = { ...FONT, bold: true };
    c.alignment = { vertical: 'middle', horizontal: 'center', wrapText: true };
    c.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFD9E1F2' } };
  });
}

/** Writes `values` from fromCol onwards; `fmts` gives a number format per column (or undefined). */
export function rowOf(ws: ExcelJS.Worksheet, row: number, fromCol: number, values: CellInput[], fmts: (string | undefined)[] = []): void {
  values.forEach((v, i) => put(ws, row, fromCol + i, v, fmts[i]));
}

/** Merges [fromCol, toCol] of a row after the cells were written (value of the first cell kept). */
export function mergeRow(ws: ExcelJS.Worksheet, row: number, fromCol: number, toCol: number): void {
  ws.mergeCells(row, fromCol, row, toCol);
}

/** Workbook → xlsx bytes with fixed zip entry timestamps (deterministic output). */
export async function xlsxBytes(wb: ExcelJS.Workbook): Promise<Buffer> {
  const buf = Buffer.from(await wb.xlsx.writeBuffer());
  return fixZipTimestamps(buf, FIXED_DATE);
}

/**
 * Rewrites the DOS modification time/date of every entry (local headers and central
 * directory) to `date`. exceljs (through JSZip) stamps entries with the time of writing;
 * nothing else in the archive depends on the clock once the document dates are fixed.
 */
export function fixZipTimestamps(buf: Buffer, date: Date): Buffer {
  const out = Buffer.from(buf);
  const dosTime = (date.getUTCHours() << 11) | (date.getUTCMinutes() << 5) | Math.floor(date.getUTCSeconds() / 2);
  const dosDate = ((date.getUTCFullYear() - 1980) << 9) | ((date.getUTCMonth() + 1) << 5) | date.getUTCDate();
  // End of central directory: signature 0x06054b50, searched backwards (comment ≤ 64 KiB).
  let eocd = -1;
  for (let i = out.length - 22; i >= Math.max(0, out.length - 22 - 0xffff); i--) {
    if (out.readUInt32LE(i) === 0x06054b50) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) throw new Error('not a zip archive: end of central directory not found');
  const entries = out.readUInt16LE(eocd + 10);
  let p = out.readUInt32LE(eocd + 16);
  for (let n = 0; n < entries; n++) {
    if (out.readUInt32LE(p) !== 0x02014b50) throw new Error(`bad central directory entry at ${p}`);
    out.writeUInt16LE(dosTime, p + 12);
    out.writeUInt16LE(dosDate, p + 14);
    const local = out.readUInt32LE(p + 42);
    if (out.readUInt32LE(local) !== 0x04034b50) throw new Error(`bad local header at ${local}`);
    out.writeUInt16LE(dosTime, local + 10);
    out.writeUInt16LE(dosDate, local + 12);
    p += 46 + out.readUInt16LE(p + 28) + out.readUInt16LE(p + 30) + out.readUInt16LE(p + 32);
  }
  return out;
}

/** Rounds to `d` decimals (for cached results and expected-value explanations). */
export function round(x: number, d: number): number {
  const k = 10 ** d;
  return Math.round(x * k) / k;
}

/**
 * Writes `label | value` rows (and `| remark` when `withRemark`) downwards from `row`; each call
 * returns the row it wrote, for formulas that refer to it.
 */
export function kvWriter(ws: ExcelJS.Worksheet, row: number, col = 1, withRemark = true) {
  const w = (label: string, v: CellInput, fmt?: string, remark = ''): number => {
    rowOf(ws, w.row, col, withRemark ? [label, v, remark] : [label, v], [undefined, fmt]);
    return w.row++;
  };
  w.row = row;
  return w;
}

/** Q = (Q0 + Σ category scores + QA) / 10 with Q0 = 400 (GB/T 50378-2019 §3.2.5). */
export function totalScore(scores: [string, number, number][], bonus: number): number {
  return (400 + scores.reduce((s, x) => s + x[1], 0) + bonus) / 10;
}

/** A GB/T 50378-2019 self-assessment sheet (预评价), as design institutes lay it out. */
export interface GreenScoreSheet {
  name: string;
  title: string;
  /** Writes a `单体名称` row first (a per-building score block). */
  building?: string;
  scores: [string, number, number][];
  bonus: number;
  q: number;
  envelope: number;
  waterGrade: number;
  pollutant: number;
}

export function greenScoreSheet(wb: ExcelJS.Workbook, s: GreenScoreSheet): ExcelJS.Worksheet {
  const ws = sheet(wb, s.name, [34, 14, 16, 18]);
  title(ws, 1, s.title, 1, 4, 12);
  const kv = kvWriter(ws, 2, 1, false);
  if (s.building) kv('单体名称', s.building);
  kv('评价阶段', '预评价');
  kv('申报星级', '二星级');
  kv('控制项', '满足');
  const rQ0 = kv('控制项基础分值', 400);
  kv.row++;
  header(ws, kv.row++, 1, ['指标类别', '自评得分', '评分项满分值', '最低得分（30%）']);
  const first = kv.row;
  for (const [name, score, max] of s.scores) rowOf(ws, kv.row++, 1, [name, score, max, round(max * 0.3, 1)]);
  rowOf(ws, kv.row++, 1, ['提高与创新', s.bonus, 100, '—']);
  const last = kv.row - 1;
  rowOf(ws, kv.row++, 1, ['总得分', f(`(B${rQ0}+SUM(B${first}:B${last}))/10`, s.q), '', ''], [undefined, FMT.dec1]);
  kv.row++;
  kv('全装修', '是');
  kv('围护结构热工性能提高比例', s.envelope, FMT.pct0);
  kv('节水器具用水效率等级（级）', s.waterGrade);
  kv('室内主要空气污染物浓度降低比例', s.pollutant, FMT.pct0);
  return ws;
}

/** A 海绵城市 calculation sheet (容积法) as design institutes lay it out. */
export interface SpongeSheet {
  title: string;
  surfaces: [string, number, number][];
  site: number;
  psiA: number;
  phi: number;
  rainfall: number;
  required: number;
  pool: number;
  lid: number;
  lidLabel: string;
  provided: number;
  /** Remarks column texts, where the sheet has them. */
  remarks?: { rate?: string; rainfall?: string; required?: string; provided?: string };
}

export function spongeSheet(wb: ExcelJS.Workbook, s: SpongeSheet): ExcelJS.Worksheet {
  const ws = sheet(wb, '海绵城市', [8, 30, 16, 14, 18]);
  title(ws, 1, s.title, 1, 5, 12);
  header(ws, 2, 1, ['序号', '下垫面', '面积（㎡）', '雨量径流系数', '面积×径流系数']);
  let r = 3;
  s.surfaces.forEach(([name, area, psi], i) => {
    rowOf(ws, r, 1, [i + 1, name, area, psi, f(`C${r}*D${r}`, area * psi)], [undefined, undefined, FMT.area, FMT.dec2, FMT.area]);
    r++;
  });
  const rSum = r;
  rowOf(ws, r++, 1, ['', '合计', f(`SUM(C3:C${rSum - 1})`, s.site), '', f(`SUM(E3:E${rSum - 1})`, s.psiA)], [undefined, undefined, FMT.area, undefined, FMT.area]);
  const kv = kvWriter(ws, r + 1, 2);
  const rm = s.remarks ?? {};
  const rF = kv('汇水面积F（㎡）', f(`C${rSum}`, s.site), FMT.area);
  const rPhi = kv('综合雨量径流系数φ', f(`E${rSum}/C${rSum}`, s.phi), FMT.dec3);
  kv('年径流总量控制率', 0.8, FMT.pct0, rm.rate);
  const rH = kv('设计降雨量（mm）', s.rainfall, FMT.dec1, rm.rainfall);
  kv('需调蓄容积（m³）', f(`10*C${rH}*C${rPhi}*C${rF}/10000`, s.required), FMT.dec2, rm.required ?? 'V=10·H·φ·F');
  const rPool = kv('雨水调蓄池容积（m³）', s.pool, FMT.dec2);
  const rLid = kv(s.lidLabel, s.lid, FMT.dec2);
  kv('实际调蓄容积（m³）', f(`C${rPool}+C${rLid}`, s.provided), FMT.dec2, rm.provided);
  return ws;
}
