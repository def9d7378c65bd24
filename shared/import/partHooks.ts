// What the package checks (guard.ts) count in each XML part as the scanner (xmlScan.ts) reports
// its start tags: the units exceljs materialises as objects — cells, rows, merged and validation
// ranges, columns, comments, shared strings and named ranges — against WORKBOOK_LIMITS.
//
// Hooks are classes with their methods on the prototype, not closures made per file: the
// scanner's optimised code then calls functions that live as long as the process, and a garbage
// collection between two files does not throw that code away (V8 drops optimised code that
// embedded a function which died).
import { InputError } from '../errors';
import type { Attrs, ScanHooks } from './xmlScan';
import { corrupt, num } from './zipEntries';
import type { WorkbookLimits } from './guard';

/** Counts that run over the whole package. */
export interface Tally {
  cells: number;
  sharedStrings: number;
  definedNameArea: number;
}

const NOTHING: ReadonlySet<string> = new Set();
const SHEET_ATTRS: ReadonlySet<string> = new Set(['mergeCell', 'dataValidation', 'col', 'row']);
const DIRECTORY_ATTRS: ReadonlySet<string> = new Set(['sheet', 'Relationship']);
const DIRECTORY_TEXT: ReadonlySet<string> = new Set(['definedName']);

export function colNumber(letters: string): number {
  let c = 0;
  for (const ch of letters.toUpperCase()) c = c * 26 + (ch.charCodeAt(0) - 64);
  return c;
}

/** Cells covered by "A1", "A1:C3" or "$A$1:$C$3"; Infinity for nonsense beyond Excel's grid. */
export function rangeArea(ref: string, limits: WorkbookLimits): number {
  const m = /^\$?([A-Za-z]{1,4})\$?(\d{1,9})(?::\$?([A-Za-z]{1,4})\$?(\d{1,9}))?$/.exec(ref.trim());
  if (!m) return 0;
  const c1 = colNumber(m[1]);
  const r1 = Number(m[2]);
  const c2 = m[3] ? colNumber(m[3]) : c1;
  const r2 = m[4] ? Number(m[4]) : r1;
  if (Math.max(c1, c2) > limits.maxColumn || Math.max(r1, r2) > limits.maxRow) return Infinity;
  return (Math.abs(r2 - r1) + 1) * (Math.abs(c2 - c1) + 1);
}

export function tooManyCells(file: string, label: string, limits: WorkbookLimits): InputError {
  return new InputError(
    `文件“${file}”的单元格过多：读到${label}时全部工作表已超过 ${num(limits.maxCells)} 个单元格（上限），不是正常的指标表，已拒绝读取。请删除无关的工作表或数据后再导入`,
    file,
    label,
  );
}

/** workbook.xml and its relationships: the sheets, their targets, and the defined names' area. */
export class DirectoryHooks implements ScanHooks {
  readonly captureAttrs = DIRECTORY_ATTRS;
  readonly captureText = DIRECTORY_TEXT;
  constructor(
    private readonly tally: Tally,
    private readonly file: string,
    private readonly limits: WorkbookLimits,
    private readonly sheets: Array<{ name: string; rid: string }>,
    private readonly rels: Map<string, string>,
  ) {}

  open(local: string, attrs: Attrs | null): void {
    if (!attrs) return;
    if (local === 'sheet') this.sheets.push({ name: attrs.name ?? '', rid: attrs['r:id'] ?? attrs.id ?? '' });
    else this.rels.set(attrs.Id ?? '', attrs.Target ?? '');
  }

  text(_local: string, text: string): void {
    // exceljs expands into cells every comma-separated range of a defined name that holds a
    // "$A$1"-style reference anywhere (lib/doc/defined-names.js): "S!$A$1:XFD1048576" too.
    for (const item of text.split(',')) {
      const ref = (item.split('!').pop() ?? '').trim();
      if (!/\$[A-Za-z]+\$\d+/.test(ref)) continue;
      this.tally.definedNameArea += Math.max(rangeArea(ref, this.limits), 1);
      if (this.tally.definedNameArea > this.limits.maxCells) {
        throw new InputError(
          `文件“${this.file}”的名称定义引用的区域（${ref.slice(0, 40)}）过大，读取时需展开超过 ${num(this.limits.maxCells)} 个单元格，已拒绝读取。请在 Excel 的“名称管理器”中删除或缩小该名称后另存再试`,
          this.file,
        );
      }
    }
  }
}

/** A worksheet: cells, rows (and their numbers), merged and validation ranges, columns. */
export class SheetHooks implements ScanHooks {
  readonly captureAttrs = SHEET_ATTRS;
  private rows = 0;
  constructor(
    private readonly tally: Tally,
    private readonly file: string,
    private readonly limits: WorkbookLimits,
    private readonly label: string,
  ) {}

  open(local: string, attrs: Attrs | null): void {
    const { file, limits, label } = this;
    if (local === 'c') {
      if (++this.tally.cells > limits.maxCells) throw tooManyCells(file, label, limits);
    } else if (local === 'row') {
      if (++this.rows > limits.maxRowsPerSheet) {
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
        this.tally.cells += area;
        if (this.tally.cells > limits.maxCells) {
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
  }
}

/** A comments part: each comment is attached to its cell, which exceljs creates. */
export class CommentHooks implements ScanHooks {
  readonly captureAttrs = NOTHING;
  constructor(
    private readonly tally: Tally,
    private readonly file: string,
    private readonly limits: WorkbookLimits,
    private readonly name: string,
  ) {}

  open(local: string): void {
    if (local === 'comment' && ++this.tally.cells > this.limits.maxCells) throw tooManyCells(this.file, `批注“${this.name}”`, this.limits);
  }
}

/** The shared strings (`<si>`). */
export class SharedStringHooks implements ScanHooks {
  readonly captureAttrs = NOTHING;
  constructor(
    private readonly tally: Tally,
    private readonly file: string,
    private readonly limits: WorkbookLimits,
  ) {}

  open(local: string): void {
    if (local === 'si' && ++this.tally.sharedStrings > this.limits.maxSharedStrings) {
      throw new InputError(`文件“${this.file}”的共享字符串超过 ${num(this.limits.maxSharedStrings)} 条（上限），不是正常的指标表，已拒绝读取`, this.file);
    }
  }
}

/** Any other XML part: only scanned (DTDs, depth). */
export class PlainHooks implements ScanHooks {
  readonly captureAttrs = NOTHING;
  open(): void {}
}

/**
 * One instance of each hook kind kept for the life of the process, for the reason given at
 * KEEP_SHAPE (xmlScan.ts): their hidden classes, which the scanner's optimised code checks,
 * survive the collections between two files.
 */
const KEEP_TALLY: Tally = { cells: 0, sharedStrings: 0, definedNameArea: 0 };
export const KEEP_HOOK_SHAPES: readonly ScanHooks[] = [
  new DirectoryHooks(KEEP_TALLY, '', {} as WorkbookLimits, [], new Map()),
  new SheetHooks(KEEP_TALLY, '', {} as WorkbookLimits, ''),
  new CommentHooks(KEEP_TALLY, '', {} as WorkbookLimits, ''),
  new SharedStringHooks(KEEP_TALLY, '', {} as WorkbookLimits),
  new PlainHooks(),
];
