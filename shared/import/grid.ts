// One pass over an exceljs worksheet into a compact grid of non-empty cells.
import type ExcelJS from 'exceljs';
import { isInvisible } from './invisible';

export type CellKind = 'number' | 'string' | 'boolean' | 'date' | 'error' | 'none';

export interface GCell {
  r: number;
  c: number;
  /** A1 address. */
  addr: string;
  kind: CellKind;
  num?: number;
  str?: string;
  bool?: boolean;
  /** Text as the user sees it (cached result for formulas). */
  raw: string;
  /** Number format, when it matters (percent). */
  fmt?: string;
  /** The cell holds a formula (text via formulaText, computed only when needed). */
  formula?: boolean;
  /**
   * Formula text of a formula cell (shared formulas translated), read at once: the grid keeps no
   * exceljs object, so the workbook's model is garbage as soon as the grids are built.
   */
  f?: string;
  /** Formula without a cached result (<v> absent): the value is not knowable. */
  noCache?: boolean;
  /** `Sheet!A1`, once asked for (readers cite cells many times). */
  ref?: string;
  /** The cell's text is struck through (a withdrawn figure, withdrawn.ts). */
  strike?: boolean;
  /** The cell's comment (批注), as text: shown on screen beside the value, read like a remark on it. */
  comment?: string;
  /** Last row / column of the merge range this cell is the master of. */
  mergeBottom?: number;
  mergeRight?: number;
}

export interface Grid {
  name: string;
  /** Sheet visibility: hidden and very hidden sheets are not read (stale copies). */
  state: 'visible' | 'hidden' | 'veryHidden';
  /** Non-empty cells. */
  cells: number;
  /** rows[r][c], 1-based; undefined = empty (merge slaves are empty). */
  rows: Array<Array<GCell | undefined> | undefined>;
  maxRow: number;
  maxCol: number;
  /**
   * Cells of hidden rows and columns (hidden, collapsed outline, zero width): not in `rows`, never
   * read as values, reported as not read (hidden.ts).
   */
  hiddenCells?: GCell[];
  hiddenRows?: number[];
  hiddenCols?: number[];
  /** Cells whose text cannot be seen (white on white, format ";;;"): not in `rows`, reported as not read. */
  invisibleCells?: GCell[];
}

// exceljs ValueType enum values (lib/doc/enums.js).
const T_MERGE = 1;
const T_NUMBER = 2;
const T_STRING = 3;
const T_DATE = 4;
const T_HYPERLINK = 5;
const T_FORMULA = 6;
const T_RICHTEXT = 8;
const T_BOOLEAN = 9;
const T_ERROR = 10;

function richText(v: unknown): string {
  const rt = (v as { richText?: Array<{ text?: string }> }).richText;
  if (!Array.isArray(rt)) return '';
  let s = '';
  for (const p of rt) s += p.text ?? '';
  return s;
}

function isoDate(d: Date): string {
  return Number.isNaN(d.getTime()) ? '' : d.toISOString().slice(0, 10);
}

/** A number as Excel would show it in the given format (only % and fixed decimals). */
export function displayNumber(n: number, fmt: string | undefined): string {
  if (fmt && fmt !== 'General') {
    const dec = /\.(0+)/.exec(fmt);
    const d = dec ? dec[1].length : 0;
    if (fmt.includes('%')) return `${(n * 100).toFixed(d)}%`;
    if (/0/.test(fmt)) {
      const s = n.toFixed(d);
      return fmt.includes(',') ? Number(s).toLocaleString('en-US', { minimumFractionDigits: d, maximumFractionDigits: d }) : s;
    }
  }
  return Number.isInteger(n) ? String(n) : String(Number(n.toPrecision(12)));
}

function setScalar(g: GCell, v: unknown, fmt: string | undefined): void {
  if (typeof v === 'number') {
    g.kind = 'number';
    g.num = v;
    g.raw = displayNumber(v, fmt);
  } else if (typeof v === 'string') {
    g.kind = 'string';
    g.str = v;
    g.raw = v;
  } else if (typeof v === 'boolean') {
    g.kind = 'boolean';
    g.bool = v;
    g.raw = v ? 'TRUE' : 'FALSE';
  } else if (v instanceof Date) {
    g.kind = 'date';
    g.raw = isoDate(v);
    g.str = g.raw;
  } else if (v && typeof v === 'object' && 'error' in v) {
    g.kind = 'error';
    g.raw = String((v as { error: unknown }).error);
  } else if (v && typeof v === 'object' && 'richText' in v) {
    g.kind = 'string';
    g.str = richText(v);
    g.raw = g.str;
  } else {
    g.kind = 'none';
    g.raw = '';
  }
}

/** Builds the grid of one worksheet: one visit per stored cell. */
export function buildGrid(ws: ExcelJS.Worksheet): Grid {
  const rows: Grid['rows'] = [];
  let maxRow = 0;
  let maxCol = 0;
  let count = 0;
  const hiddenCells: GCell[] = [];
  const hiddenRows: number[] = [];
  const invisibleCells: GCell[] = [];
  const colHidden: boolean[] = [];
  const hiddenCol = (c: number): boolean => (colHidden[c] ??= columnHidden(ws, c));
  ws.eachRow({ includeEmpty: false }, (row, r) => {
    let line: Array<GCell | undefined> | undefined;
    const rowHidden = isRowHidden(row);
    if (rowHidden) hiddenRows.push(r);
    row.eachCell({ includeEmpty: false }, (cell, c) => {
      const type = cell.type as unknown as number;
      if (type === T_MERGE) return;
      // every field at creation: one shape for all cells (code optimised for it stays valid from one workbook to the next)
      const g: GCell = { r, c, addr: cell.address, kind: 'none', num: undefined, str: undefined, bool: undefined, raw: '', fmt: undefined, formula: undefined, f: undefined, noCache: undefined, ref: undefined, strike: undefined, comment: undefined, mergeBottom: undefined, mergeRight: undefined };
      let fmt = cell.numFmt as string | undefined;
      if (fmt === 'General') fmt = undefined;
      if (fmt && fmt.includes('%')) g.fmt = fmt;
      switch (type) {
        case T_NUMBER:
          g.kind = 'number';
          g.num = cell.value as number;
          g.raw = fmt || !Number.isInteger(g.num) ? displayNumber(g.num, fmt) : String(g.num);
          break;
        case T_STRING: {
          const v = cell.value;
          g.kind = 'string';
          g.str = typeof v === 'string' ? v : richText(v);
          g.raw = g.str;
          break;
        }
        case T_RICHTEXT:
          g.kind = 'string';
          g.str = richText(cell.value);
          g.raw = g.str;
          break;
        case T_BOOLEAN:
          setScalar(g, cell.value, fmt);
          break;
        case T_DATE:
          setScalar(g, cell.value, fmt);
          break;
        case T_ERROR:
          setScalar(g, cell.value, fmt);
          break;
        case T_HYPERLINK: {
          const v = cell.value as { text?: unknown };
          const t = v?.text;
          setScalar(g, typeof t === 'object' && t ? richText(t) : t, fmt);
          break;
        }
        case T_FORMULA: {
          // cell.result keeps a cached 0 (cell.value drops it); undefined = no <v> in the XML.
          const res = (cell as unknown as { result: unknown }).result;
          g.formula = true;
          g.f = cellFormula(cell);
          if (res === undefined || res === null) {
            g.noCache = true;
            g.kind = 'none';
            g.raw = '';
          } else {
            setScalar(g, res, fmt);
          }
          break;
        }
        default:
          return;
      }
      if (g.kind === 'string' && g.str!.trim() === '') return;
      if (g.kind === 'none' && !g.noCache) return;
      if ((cell.font as { strike?: boolean } | undefined)?.strike) g.strike = true;
      const note = (cell as unknown as { note?: unknown }).note;
      if (note) g.comment = commentText(note);
      if (rowHidden || hiddenCol(c)) {
        if (hiddenCells.length < MAX_HIDDEN_CELLS) hiddenCells.push(g);
        return;
      }
      if (isInvisible(cell)) {
        if (invisibleCells.length < MAX_HIDDEN_CELLS) invisibleCells.push(g);
        return;
      }
      if (!line) line = rows[r] = [];
      line[c] = g;
      count++;
      if (c > maxCol) maxCol = c;
    });
    if (line && r > maxRow) maxRow = r;
  });
  // Merge ranges: mark the master with its extent (slaves were skipped above).
  const merges = (ws as unknown as { _merges?: Record<string, { model: { top: number; left: number; bottom: number; right: number } }> })._merges;
  if (merges) {
    for (const key in merges) {
      const m = merges[key].model;
      const g = rows[m.top]?.[m.left];
      if (!g) continue;
      g.mergeBottom = m.bottom;
      g.mergeRight = m.right;
    }
  }
  const st = (ws as unknown as { state?: string }).state;
  const state: Grid['state'] = st === 'hidden' || st === 'veryHidden' ? st : 'visible';
  const grid: Grid = { name: ws.name, state, cells: count, rows, maxRow, maxCol };
  if (invisibleCells.length) grid.invisibleCells = invisibleCells;
  if (hiddenCells.length) {
    grid.hiddenCells = hiddenCells;
    const withCells = new Set(hiddenCells.map((h) => h.r));
    const rowSet = new Set(hiddenRows);
    grid.hiddenRows = hiddenRows.filter((r) => withCells.has(r));
    grid.hiddenCols = [...new Set(hiddenCells.filter((h) => !rowSet.has(h.r)).map((h) => h.c))].sort((a, b) => a - b);
  }
  return grid;
}

/** The text of an exceljs comment: a string, or rich text runs. Bounded (a comment is a remark). */
function commentText(note: unknown): string | undefined {
  const t = typeof note === 'string' ? note : ((note as { texts?: Array<{ text?: unknown }> }).texts ?? []).map((x) => (typeof x.text === 'string' ? x.text : '')).join('');
  const s = t.trim();
  return s ? s.slice(0, 500) : undefined;
}

/** Hidden cells kept for the coverage report (a hostile file cannot make the list grow without bound). */
export const MAX_HIDDEN_CELLS = 2000;
/** A column narrower than this (in characters) shows nothing of its cells: it is hidden in effect. */
const MIN_VISIBLE_WIDTH = 1;

/** A hidden row (hidden, or folded away in a collapsed outline: Excel writes both as hidden). */
function isRowHidden(row: ExcelJS.Row): boolean {
  return row.hidden === true;
}

/** A hidden column: hidden, or so narrow (width below one character) that nothing of it shows. */
function columnHidden(ws: ExcelJS.Worksheet, c: number): boolean {
  const col = ws.getColumn(c);
  if (col.hidden) return true;
  const w = col.width;
  return typeof w === 'number' && w < MIN_VISIBLE_WIDTH;
}

export function cellAt(g: Grid, r: number, c: number): GCell | undefined {
  return g.rows[r]?.[c];
}

/** How far up and left a merge master is looked for (merged labels and group headers are small). */
const MERGE_REACH = 40;

/** The cell at (r, c), or the master of a merge range that covers (r, c). */
export function covering(g: Grid, r: number, c: number): GCell | undefined {
  const at = g.rows[r]?.[c];
  if (at) return at;
  for (let rr = r; rr >= 1 && r - rr <= MERGE_REACH; rr--) {
    const line = g.rows[rr];
    if (!line) continue;
    for (let cc = Math.min(c, line.length - 1); cc >= 1 && c - cc <= MERGE_REACH; cc--) {
      const m = line[cc];
      if (m && (m.mergeBottom ?? m.r) >= r && (m.mergeRight ?? m.c) >= c) return m;
    }
  }
  return undefined;
}

/** Formula text of a formula cell ("B3/B2"), shared formulas translated. */
export function formulaText(g: GCell): string {
  return g.f ?? '';
}

function cellFormula(cell: ExcelJS.Cell): string {
  try {
    return cell.formula ?? '';
  } catch {
    return '';
  }
}

/** The sheet of a cell reference ("方案阶段指标!E3" → "方案阶段指标"). */
export function sheetOf(ref: string): string {
  const i = ref.lastIndexOf('!');
  return i < 0 ? '' : ref.slice(0, i);
}
