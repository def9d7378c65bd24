// A plain, mutable model of an xlsx workbook for the layout fuzzer: sheets with cells (value, number
// format, style), merges, column widths and visibility. Loaded with exceljs, transformed by pure
// functions, written back with exceljs (fixed metadata: the variants are reproducible).
import ExcelJS from 'exceljs';

export type CellValue = ExcelJS.CellValue;

export interface CellM {
  v: CellValue;
  numFmt?: string;
  style?: Partial<ExcelJS.Style>;
}

export interface Rect {
  r1: number;
  c1: number;
  r2: number;
  c2: number;
}

export type SheetState = 'visible' | 'hidden' | 'veryHidden';

export class SheetM {
  /** row → col → cell (1-based). */
  cells = new Map<number, Map<number, CellM>>();
  merges: Rect[] = [];
  widths: (number | undefined)[] = [];
  /** Rows hidden in Excel (a stale row kept out of sight). */
  hiddenRows = new Set<number>();
  constructor(
    public name: string,
    public state: SheetState = 'visible',
  ) {}

  get(r: number, c: number): CellM | undefined {
    return this.cells.get(r)?.get(c);
  }

  set(r: number, c: number, cell: CellM | undefined): void {
    if (!cell || cell.v === null || cell.v === undefined) {
      this.cells.get(r)?.delete(c);
      return;
    }
    let row = this.cells.get(r);
    if (!row) this.cells.set(r, (row = new Map()));
    row.set(c, cell);
  }

  /** Sets the value, keeping the cell's format and style. */
  setValue(r: number, c: number, v: CellValue, numFmt?: string | null): void {
    const old = this.get(r, c);
    const cell: CellM = { ...old, v };
    if (numFmt === null) delete cell.numFmt;
    else if (numFmt !== undefined) cell.numFmt = numFmt;
    this.set(r, c, cell);
  }

  maxRow(): number {
    let m = 0;
    for (const [r, row] of this.cells) if (row.size) m = Math.max(m, r);
    for (const x of this.merges) m = Math.max(m, x.r2);
    return m;
  }

  maxCol(): number {
    let m = 0;
    for (const row of this.cells.values()) for (const c of row.keys()) m = Math.max(m, c);
    for (const x of this.merges) m = Math.max(m, x.c2);
    return m;
  }

  /** Every cell, in row-major order. */
  *each(): Generator<[number, number, CellM]> {
    for (const r of [...this.cells.keys()].sort((a, b) => a - b)) {
      const row = this.cells.get(r)!;
      for (const c of [...row.keys()].sort((a, b) => a - b)) yield [r, c, row.get(c)!];
    }
  }

  mergeAt(r: number, c: number): Rect | undefined {
    return this.merges.find((m) => r >= m.r1 && r <= m.r2 && c >= m.c1 && c <= m.c2);
  }

  /** Inserts n empty rows before row `at` (merges spanning `at` grow). */
  insertRows(at: number, n = 1): void {
    const next = new Map<number, Map<number, CellM>>();
    for (const [r, row] of this.cells) next.set(r >= at ? r + n : r, row);
    this.cells = next;
    this.merges = this.merges.map((m) => ({ ...m, r1: m.r1 >= at ? m.r1 + n : m.r1, r2: m.r2 >= at ? m.r2 + n : m.r2 }));
  }

  /** Inserts n empty columns before column `at`. */
  insertCols(at: number, n = 1): void {
    for (const [r, row] of this.cells) {
      const next = new Map<number, CellM>();
      for (const [c, cell] of row) next.set(c >= at ? c + n : c, cell);
      this.cells.set(r, next);
    }
    this.merges = this.merges.map((m) => ({ ...m, c1: m.c1 >= at ? m.c1 + n : m.c1, c2: m.c2 >= at ? m.c2 + n : m.c2 }));
    this.widths.splice(at - 1, 0, ...Array<number | undefined>(n).fill(12));
  }

  /** Swaps two columns over rows [r1, r2] (cells only; merges inside those rows must not span the columns). */
  swapCols(a: number, b: number, r1: number, r2: number): void {
    for (let r = r1; r <= r2; r++) {
      const x = this.get(r, a);
      const y = this.get(r, b);
      this.cells.get(r)?.delete(a);
      this.cells.get(r)?.delete(b);
      if (y) this.set(r, a, y);
      if (x) this.set(r, b, x);
    }
  }

  /** Rows → columns, merges too. */
  transpose(): void {
    const next = new Map<number, Map<number, CellM>>();
    for (const [r, c, cell] of this.each()) {
      let row = next.get(c);
      if (!row) next.set(c, (row = new Map()));
      row.set(r, cell);
    }
    this.cells = next;
    this.merges = this.merges.map((m) => ({ r1: m.c1, c1: m.r1, r2: m.c2, c2: m.r2 }));
    this.widths = [];
  }

  clone(name = this.name): SheetM {
    const s = new SheetM(name, this.state);
    for (const [r, c, cell] of this.each()) s.set(r, c, { ...cell });
    s.merges = this.merges.map((m) => ({ ...m }));
    s.widths = [...this.widths];
    s.hiddenRows = new Set(this.hiddenRows);
    return s;
  }
}

export class WorkbookM {
  constructor(public sheets: SheetM[] = []) {}

  sheet(name: string): SheetM | undefined {
    return this.sheets.find((s) => s.name === name);
  }

  clone(): WorkbookM {
    return new WorkbookM(this.sheets.map((s) => s.clone()));
  }

  /** Formulas → their cached results ("paste values"), everywhere. */
  flatten(): void {
    for (const s of this.sheets) for (const [r, c, cell] of s.each()) if (isFormula(cell.v)) s.set(r, c, { ...cell, v: formulaResult(cell.v) });
  }

  uniqueName(base: string): string {
    const cut = (x: string) => x.slice(0, 31);
    let name = cut(base);
    for (let i = 2; this.sheet(name); i++) name = cut(`${base.slice(0, 27)}(${i})`);
    return name;
  }
}

export function isFormula(v: CellValue): v is ExcelJS.CellFormulaValue {
  return !!v && typeof v === 'object' && ('formula' in v || 'sharedFormula' in v);
}

export function formulaResult(v: CellValue): CellValue {
  if (!isFormula(v)) return v;
  const res = (v as { result?: unknown }).result;
  if (res === undefined || res === null) return null;
  return res as CellValue;
}

/** What the cell holds as the importer sees it: cached result for formulas, text for rich text. */
export function shown(v: CellValue): CellValue {
  const x = formulaResult(v);
  if (x && typeof x === 'object' && 'richText' in x) return (x as ExcelJS.CellRichTextValue).richText.map((t) => t.text).join('');
  return x;
}

export function textOf(cell: CellM | undefined): string {
  if (!cell) return '';
  const v = shown(cell.v);
  if (v === null || v === undefined) return '';
  if (typeof v === 'string') return v;
  if (typeof v === 'number' || typeof v === 'boolean') return String(v);
  return '';
}

export function numberOf(cell: CellM | undefined): number | null {
  if (!cell) return null;
  const v = shown(cell.v);
  return typeof v === 'number' && Number.isFinite(v) ? v : null;
}

/** A cell reference as the importer writes it ("'单体指标'!B3") → sheet, row, column. */
export function parseRef(ref: string): { sheet: string; row: number; col: number } | null {
  const i = ref.lastIndexOf('!');
  if (i < 0) return null;
  const m = /^\$?([A-Z]+)\$?(\d+)$/.exec(ref.slice(i + 1));
  if (!m) return null;
  const col = Array.from(m[1]).reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0);
  return { sheet: ref.slice(0, i).replace(/^'(.*)'$/, '$1'), row: Number(m[2]), col };
}

function parseRange(a1: string): Rect {
  const m = /^\$?([A-Z]+)\$?(\d+):\$?([A-Z]+)\$?(\d+)$/.exec(a1);
  if (!m) throw new Error(`bad range ${a1}`);
  const col = (s: string) => Array.from(s).reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0);
  return { r1: Number(m[2]), c1: col(m[1]), r2: Number(m[4]), c2: col(m[3]) };
}

export async function loadModel(data: Uint8Array): Promise<WorkbookM> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(data as unknown as ExcelJS.Buffer);
  const out = new WorkbookM();
  for (const ws of wb.worksheets) {
    const s = new SheetM(ws.name, (ws.state as SheetState) ?? 'visible');
    ws.eachRow({ includeEmpty: false }, (row) =>
      row.eachCell({ includeEmpty: false }, (c) => {
        if (c.isMerged && c.master !== c) return;
        const { numFmt, ...style } = c.style ?? {};
        s.set(Number(c.row), Number(c.col), { v: c.value, ...(numFmt ? { numFmt } : {}), style });
      }),
    );
    s.merges = (ws.model.merges ?? []).map(parseRange);
    s.widths = (ws.columns ?? []).map((col) => col.width);
    out.sheets.push(s);
  }
  return out;
}

/** Writes the model with fixed metadata (same bytes for the same model, zip timestamps aside). */
export async function writeModel(m: WorkbookM): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'fuzz';
  wb.created = new Date(Date.UTC(2025, 2, 10));
  wb.modified = wb.created;
  for (const s of m.sheets) {
    const ws = wb.addWorksheet(s.name, { state: s.state });
    if (s.widths.length) ws.columns = s.widths.map((w) => ({ width: w ?? 12 }));
    for (const [r, c, cell] of s.each()) {
      const x = ws.getCell(r, c);
      // a fresh style object per cell: exceljs shares and mutates style objects
      x.style = { ...cell.style, ...(cell.numFmt ? { numFmt: cell.numFmt } : {}) } as ExcelJS.Style;
      x.value = cell.v;
    }
    for (const r of s.hiddenRows) ws.getRow(r).hidden = true;
    for (const g of s.merges) {
      if (g.r1 === g.r2 && g.c1 === g.c2) continue;
      try {
        ws.mergeCells(g.r1, g.c1, g.r2, g.c2);
      } catch {
        // overlapping merges after a transformation: keep the cells unmerged
      }
    }
  }
  return Buffer.from(await wb.xlsx.writeBuffer());
}
