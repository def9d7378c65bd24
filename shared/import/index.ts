// Workbook importer: xlsx file → ImportResult (project values, buildings, surfaces, issues).
// Unusable input → InputError with one Chinese message naming the file.
import { createHash } from 'node:crypto';
import { readFile, stat } from 'node:fs/promises';
import { basename } from 'node:path';
import ExcelJS from 'exceljs';
import { InputError } from '../errors';
import type { ImportedValue, ImportResult } from '../model/types';
import { indicator } from '../model/indicators';
import { extract } from './extract';
import { buildGrid, cellAt } from './grid';
import { readCell } from './values';
import { checkFormat, checkZip } from './guard';

export interface ImportOptions {
  /** Largest file accepted, in bytes (default 50 MB). */
  maxFileBytes?: number;
  /** Largest total uncompressed size of the xlsx package, in bytes (default 300 MB). */
  maxUncompressedBytes?: number;
}

const MB = 1024 * 1024;
const DEFAULT_MAX_FILE = 50 * MB;
const DEFAULT_MAX_UNCOMPRESSED = 300 * MB;

function tooLarge(file: string, size: number, max: number): InputError {
  return new InputError(`文件“${file}”过大（${(size / MB).toFixed(1)} MB），超过 ${Math.round(max / MB)} MB 上限，请确认是否选错了文件`, file);
}

export async function importWorkbook(path: string, opts: ImportOptions = {}): Promise<ImportResult> {
  const file = basename(path);
  const max = opts.maxFileBytes ?? DEFAULT_MAX_FILE;
  let size: number;
  try {
    const st = await stat(path);
    if (st.isDirectory()) throw new InputError(`“${path}”是一个文件夹，不是 Excel 工作簿文件`, file);
    size = st.size;
  } catch (e) {
    if (e instanceof InputError) throw e;
    const code = (e as { code?: string }).code;
    if (code === 'ENOENT' || code === 'ENOTDIR') throw new InputError(`找不到文件“${path}”，请检查路径`, file);
    if (code === 'EACCES' || code === 'EPERM') throw new InputError(`没有权限读取文件“${path}”`, file);
    throw new InputError(`无法读取文件“${path}”（${code ?? '未知错误'}）`, file);
  }
  if (size > max) throw tooLarge(file, size, max);
  let buf: Buffer;
  try {
    buf = await readFile(path);
  } catch (e) {
    throw new InputError(`无法读取文件“${path}”（${(e as { code?: string }).code ?? '读取失败'}）`, file);
  }
  return importWorkbookBuffer(buf, file, opts);
}

export async function importWorkbookBuffer(data: Uint8Array, fileName: string, opts: ImportOptions = {}): Promise<ImportResult> {
  const { file, sha256, wb } = await loadWorkbook(data, fileName, opts);
  const sheets = wb.worksheets;
  const grids = sheets.map((ws) => buildGrid(ws));
  const x = extract(grids);
  return {
    file,
    sha256,
    sheets: sheets.map((ws) => ws.name),
    project: x.project,
    buildings: x.buildings,
    surfaces: x.surfaces,
    issues: x.issues,
    facilities: x.facilities,
    ...(x.lineItems.length ? { lineItems: x.lineItems } : {}),
    unread: x.unread,
    coverage: x.coverage,
    ...(x.parcels ? { parcels: x.parcels } : {}),
    ...(x.soleBuilding ? { soleBuilding: x.soleBuilding } : {}),
  };
}

/** Guards (size, format, zip bomb), hash and exceljs load; InputError for anything unusable. */
async function loadWorkbook(
  data: Uint8Array,
  fileName: string,
  opts: ImportOptions,
): Promise<{ file: string; sha256: string; wb: ExcelJS.Workbook }> {
  const file = basename(fileName);
  const buf = Buffer.isBuffer(data) ? data : Buffer.from(data.buffer, data.byteOffset, data.byteLength);
  const max = opts.maxFileBytes ?? DEFAULT_MAX_FILE;
  if (buf.length > max) throw tooLarge(file, buf.length, max);
  checkFormat(buf, file);
  checkZip(buf, file, { maxUncompressedBytes: opts.maxUncompressedBytes ?? DEFAULT_MAX_UNCOMPRESSED });
  const sha256 = createHash('sha256').update(buf).digest('hex');
  const wb = new ExcelJS.Workbook();
  try {
    await wb.xlsx.load(buf as unknown as ExcelJS.Buffer);
  } catch {
    throw new InputError(`文件“${file}”已损坏或不是有效的 .xlsx 工作簿，Excel 解析失败。请在 Excel 中打开确认后另存为 .xlsx 再试`, file);
  }
  if (wb.worksheets.length === 0) {
    throw new InputError(`文件“${file}”是 zip 压缩包，但其中没有 Excel 工作表，不是有效的 .xlsx 工作簿`, file);
  }
  return { file, sha256, wb };
}

/**
 * One cell of a workbook read as a given indicator (a user's correction "the value is in
 * 单体指标!G4"). `ref` is `Sheet!A1`; InputError when the sheet or cell does not exist.
 */
export async function readWorkbookCell(data: Uint8Array, fileName: string, ref: string, indicatorId: string): Promise<ImportedValue> {
  const def = indicator(indicatorId);
  if (!def) throw new InputError(`未知指标“${indicatorId}”`, fileName);
  const m = /^(.+)!\$?([A-Za-z]{1,3})\$?(\d{1,7})$/.exec(ref.trim());
  if (!m) throw new InputError(`单元格“${ref}”格式不正确，应为“工作表!单元格”，例如“单体指标!G4”`, fileName);
  const sheetName = m[1].replace(/^'(.*)'$/, '$1');
  const { file, wb } = await loadWorkbook(data, fileName, {});
  const ws = wb.getWorksheet(sheetName);
  if (!ws) throw new InputError(`文件“${file}”中没有工作表“${sheetName}”`, file);
  const addr = `${m[2].toUpperCase()}${m[3]}`;
  const at = ws.getCell(addr); // exceljs resolves the A1 address
  const cell = cellAt(buildGrid(ws), Number(at.row), Number(at.col));
  const source = `${sheetName}!${addr}`;
  if (!cell) throw new InputError(`文件“${file}”的 ${source} 是空单元格`, file, source);
  const reading = readCell(cell, def);
  return {
    indicator: indicatorId,
    value: reading.value,
    raw: cell.raw,
    source,
    label: def.name,
    ...(reading.unitRaw ? { unitRaw: reading.unitRaw } : {}),
    interpretation: reading.interpretation,
    status: reading.status,
    ...(reading.remark ? { remark: reading.remark } : {}),
    ...(reading.requirement ? { requirement: { text: reading.requirement, source } } : {}),
    ...(reading.bound ? { bound: reading.bound } : {}),
  };
}
