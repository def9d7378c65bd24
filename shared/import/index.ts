// Workbook importer: xlsx file → ImportResult (project values, buildings, surfaces, issues).
// Unusable input → InputError with one Chinese message naming the file.
import { createHash } from 'node:crypto';
import { basename } from 'node:path';
import type ExcelJS from 'exceljs';
import { InputError } from '../errors';
import type { ImportedValue, ImportResult } from '../model/types';
import { indicator } from '../model/indicators';
import { extract } from './extract';
import { readConsistency } from './consistency';
import { buildGrid, cellAt, type Grid } from './grid';
import { readCell } from './values';
import { checkFormat, checkPackage, WORKBOOK_LIMITS, type WorkbookLimits } from './guard';
import { readInputFile } from '../fsio/read';
import { loadCheckedParts } from './checkedLoad';
import { keepShapes } from '../model/shapes';

export interface ImportOptions {
  /** Largest file accepted, in bytes (default WORKBOOK_LIMITS.maxFileBytes, 50 MB). */
  maxFileBytes?: number;
  /** Largest total uncompressed size of the xlsx package, in bytes (default 100 MB). */
  maxUncompressedBytes?: number;
  /** Any other reading limit (docs/security.md); defaults to WORKBOOK_LIMITS. */
  limits?: Partial<WorkbookLimits>;
  /**
   * `importWorkbook` only: read in a memory-limited worker thread (shared/work/), so a hostile
   * file stops the worker, never the calling process. The command line sets it.
   */
  isolate?: boolean;
}

const MB = 1024 * 1024;

function limitsOf(opts: ImportOptions): WorkbookLimits {
  return {
    ...WORKBOOK_LIMITS,
    ...opts.limits,
    ...(opts.maxFileBytes !== undefined ? { maxFileBytes: opts.maxFileBytes } : {}),
    ...(opts.maxUncompressedBytes !== undefined ? { maxUncompressedBytes: opts.maxUncompressedBytes } : {}),
  };
}

function tooLarge(file: string, size: number, max: number): InputError {
  return new InputError(`文件“${file}”过大（${(size / MB).toFixed(1)} MB），超过 ${Math.round(max / MB)} MB 上限，请确认是否选错了文件`, file, undefined, 'too_large');
}

/** Reads a workbook file (a regular file of at most maxFileBytes) and imports it. */
export async function importWorkbook(path: string, opts: ImportOptions = {}): Promise<ImportResult> {
  if (opts.isolate) {
    const isolated = await import('../work/isolated');
    return isolated.importWorkbook(path, { ...opts, isolate: false });
  }
  const file = basename(path);
  const buf = await readInputFile(path, { what: '文件', maxBytes: limitsOf(opts).maxFileBytes });
  return importWorkbookBuffer(buf, file, opts);
}

export async function importWorkbookBuffer(data: Uint8Array, fileName: string, opts: ImportOptions = {}): Promise<ImportResult> {
  const { file, sha256, grids } = await loadGrids(data, fileName, opts);
  const x = extract(grids);
  readConsistency(x, grids);
  // the shapes of the values, for the next workbook's reading (model/shapes.ts)
  keepShapes('import', [x.buildings, x.surfaces, x.facilities, x.lineItems, x.prefabVolumes, x.issues, x.unread, x.coverage, x.parcels, x.statements], x.project);
  return {
    file,
    sha256,
    sheets: grids.map((g) => g.name),
    project: x.project,
    buildings: x.buildings,
    surfaces: x.surfaces,
    issues: x.issues,
    facilities: x.facilities,
    ...(x.lineItems.length ? { lineItems: x.lineItems } : {}),
    ...(x.prefabVolumes ? { prefabVolumes: x.prefabVolumes } : {}),
    unread: x.unread,
    coverage: x.coverage,
    ...(x.parcels ? { parcels: x.parcels } : {}),
    ...(x.soleBuilding ? { soleBuilding: x.soleBuilding } : {}),
    ...(x.statements ? { statements: x.statements } : {}),
  };
}

/**
 * The workbook's grids (grid.ts): the exceljs model is dropped once they are built, so that what
 * the reading allocates next does not keep it alive (it is the largest part of a loaded workbook).
 */
async function loadGrids(data: Uint8Array, fileName: string, opts: ImportOptions): Promise<{ file: string; sha256: string; grids: Grid[] }> {
  const { file, sha256, wb } = await loadWorkbook(data, fileName, opts);
  return { file, sha256, grids: wb.worksheets.map((ws) => buildGrid(ws)) };
}

/**
 * Guards (size, format, zip directory, scan of every part: guard.ts), hash and the exceljs load
 * of the checked parts (checkedLoad.ts); InputError for anything unusable.
 */
async function loadWorkbook(
  data: Uint8Array,
  fileName: string,
  opts: ImportOptions,
): Promise<{ file: string; sha256: string; wb: ExcelJS.Workbook }> {
  const file = basename(fileName);
  const buf = Buffer.isBuffer(data) ? data : Buffer.from(data.buffer, data.byteOffset, data.byteLength);
  const limits = limitsOf(opts);
  if (buf.length > limits.maxFileBytes) throw tooLarge(file, buf.length, limits.maxFileBytes);
  checkFormat(buf, file);
  const { parts, inflated } = await checkPackage(buf, file, limits);
  const sha256 = createHash('sha256').update(buf).digest('hex');
  // Loaded on first use: a process that only delegates reading to a worker never loads it.
  const { default: Excel } = await import('exceljs');
  const wb = new Excel.Workbook();
  try {
    await loadCheckedParts(wb, buf, parts, file, inflated);
  } catch (e) {
    if (e instanceof RangeError) {
      throw new InputError(`文件“${file}”结构异常（嵌套过深或内容过大），Excel 解析无法完成，已拒绝读取`, file);
    }
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
    ...(reading.low !== undefined ? { low: reading.low } : {}),
  };
}
