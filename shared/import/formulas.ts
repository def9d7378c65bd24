// Cached formula results checked against their own formula (docs/evidence-policy.md `stale-formula`).
//
// An xlsx stores a formula and the result Excel computed when the file was last recalculated. A
// sheet edited by another program (or with calculation set to manual) can carry a result that no
// longer follows from the cells the formula reads: Excel shows the new value on opening, the
// importer would read the old one. For the simple formulas indicator sheets use (=E4/E3,
// =E5/E3*100, =SUM(E3:E9), +, − over cells and numbers, other sheets' cells) the result is
// recomputed here over the referenced cells; anything else is left alone (no judgement).
//
// A tiny recursive-descent parser, never `eval`: the formula text is bounded in length, the
// parser in nesting depth, ranges in size, and referenced formulas are followed a few levels deep.
import type { ImportedValue } from '../model/types';
import { formulaText, MAX_HIDDEN_CELLS, type GCell, type Grid } from './grid';
import { keepShapes } from '../model/shapes';

/** Longest formula text looked at; longer ones are not judged. */
const MAX_FORMULA = 256;
/** Deepest nesting of parentheses and unary signs. */
const MAX_DEPTH = 16;
/** Largest range a SUM may read. */
const MAX_RANGE_CELLS = 400;
/** How many formulas deep a referenced formula cell is evaluated itself (beyond: its cached result). */
const MAX_CHAIN = 4;
/** Most cell reads of one evaluation, referenced formulas included (bounded work per cell). */
const MAX_READS = 5000;

/** What a formula found stale: the cell's formula, its cached result and the recomputed one. */
export interface StaleFormula {
  formula: string;
  cached: number;
  evaluated: number;
}

/** Cell lookup across the workbook's sheets (hidden rows and columns included: Excel computes with them). */
export class CellIndex {
  private readonly grids = new Map<string, Grid>();
  /** Hidden cells by sheet (at most a few thousand: grid.ts keeps a bounded list). */
  private readonly hidden = new Map<string, Map<number, GCell>>();
  constructor(grids: readonly Grid[]) {
    for (const g of grids) {
      this.grids.set(g.name, g);
      if (g.hiddenCells?.length) this.hidden.set(g.name, new Map(g.hiddenCells.map((c) => [key(c.r, c.c), c])));
    }
  }
  hasSheet(name: string): boolean {
    return this.grids.has(name);
  }
  at(sheet: string, r: number, c: number): GCell | undefined {
    return this.grids.get(sheet)?.rows[r]?.[c] ?? this.hidden.get(sheet)?.get(key(r, c));
  }
  /** Whether an absent cell may be a hidden one the grid did not keep (then it is not known to be empty). */
  mayHideMore(sheet: string): boolean {
    return (this.grids.get(sheet)?.hiddenCells?.length ?? 0) >= MAX_HIDDEN_CELLS;
  }
}

const key = (r: number, c: number) => r * 20000 + c;

/**
 * The formula cell's result recomputed over the cells it references, or null when the formula is
 * not one this evaluator reads (functions other than SUM, text, errors, circular references, …).
 */
export function evaluateFormula(cells: CellIndex, sheet: string, cell: GCell, chain = 0, budget = { reads: MAX_READS }): number | null {
  const text = formulaText(cell).trim().replace(/^=/, '');
  if (!text || text.length > MAX_FORMULA) return null;
  try {
    const p = new Parser(text, sheet, cells, chain, budget);
    const v = p.expr(0);
    p.end();
    return v !== null && Number.isFinite(v) ? v : null;
  } catch {
    return null;
  }
}

/** The stale-formula finding of a numeric formula cell, or null when its cached result holds. */
export function staleFormulaOf(cells: CellIndex, sheet: string, cell: GCell): StaleFormula | null {
  if (!cell.formula || cell.kind !== 'number' || typeof cell.num !== 'number') return null;
  const evaluated = evaluateFormula(cells, sheet, cell);
  if (evaluated === null) return null;
  const cached = cell.num;
  if (Math.abs(cached - evaluated) <= 1e-9 * Math.max(1, Math.abs(cached), Math.abs(evaluated))) return null;
  return { formula: formulaText(cell).trim().replace(/^=/, ''), cached, evaluated };
}

/**
 * Marks every value read from a formula cell whose cached result differs from the formula
 * evaluated over its cells (`ImportedValue.staleFormula`, in the cell's own numbers).
 */
export function markStaleFormulas(values: Iterable<ImportedValue>, grids: readonly Grid[]): void {
  let cells: CellIndex | null = null;
  const byName = gridsByName(grids);
  for (const iv of values) {
    const at = parseRef(iv.source);
    if (!at) continue;
    const grid = byName.get(at.sheet);
    const cell = grid?.rows[at.r]?.[at.c];
    if (!cell?.formula) continue;
    cells ??= new CellIndex(grids);
    const stale = staleFormulaOf(cells, at.sheet, cell);
    if (stale) iv.staleFormula = stale;
  }
}

/** The grids by sheet name, the first of a name winning (as a search from the start would). */
export function gridsByName(grids: readonly Grid[]): Map<string, Grid> {
  const out = new Map<string, Grid>();
  for (const g of grids) if (!out.has(g.name)) out.set(g.name, g);
  return out;
}

const LINE_BREAK = /[\n\r\u2028\u2029]/;

/**
 * "Sheet!E5" or "Sheet!$E$5" → sheet, row, column (1-based); null for anything else. Read
 * character by character (every imported value's cell is asked for): the sheet is all before the
 * last "!", then 1–3 capital letters and 1–7 digits, each optionally after a "$".
 */
export function parseRef(ref: string): { sheet: string; r: number; c: number } | null {
  const bang = ref.lastIndexOf('!');
  if (bang < 1) return null;
  let i = bang + 1;
  if (ref.charCodeAt(i) === 36) i++; // $
  let c = 0;
  const letters = i;
  for (let ch = ref.charCodeAt(i); ch >= 65 && ch <= 90 && i - letters < 3; ch = ref.charCodeAt(++i)) c = c * 26 + ch - 64;
  if (i === letters) return null;
  if (ref.charCodeAt(i) === 36) i++;
  let r = 0;
  const digits = i;
  for (let ch = ref.charCodeAt(i); ch >= 48 && ch <= 57 && i - digits < 7; ch = ref.charCodeAt(++i)) r = r * 10 + ch - 48;
  if (i === digits || i !== ref.length) return null;
  const sheet = ref.slice(0, bang);
  // the sheet may be any text but a line break (as “.” would match)
  if (LINE_BREAK.test(sheet)) return null;
  return { sheet, r, c };
}

function colNumber(a: string): number {
  let n = 0;
  for (const ch of a.toUpperCase()) n = n * 26 + ch.charCodeAt(0) - 64;
  return n;
}

// ---------------------------------------------------------------- the parser

class Unsupported extends Error {}

const REF_AT = /^(?:(?:'((?:[^']|'')+)'|([A-Za-z0-9_.\u4e00-\u9fff-]+))!)?\$?([A-Za-z]{1,3})\$?(\d{1,7})(?::\$?([A-Za-z]{1,3})\$?(\d{1,7}))?/;
const NUMBER_AT = /^(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?/;

class Parser {
  private i = 0;
  constructor(
    private readonly s: string,
    private readonly sheet: string,
    private readonly cells: CellIndex,
    private readonly chain: number,
    private readonly budget: { reads: number },
  ) {}

  end(): void {
    this.ws();
    if (this.i !== this.s.length) throw new Unsupported();
  }

  expr(depth: number): number | null {
    let v = this.term(depth);
    for (;;) {
      this.ws();
      const ch = this.s[this.i];
      if (ch !== '+' && ch !== '-') return v;
      this.i++;
      const w = this.term(depth);
      v = v === null || w === null ? null : ch === '+' ? v + w : v - w;
    }
  }

  private term(depth: number): number | null {
    let v = this.unary(depth);
    for (;;) {
      this.ws();
      const ch = this.s[this.i];
      if (ch !== '*' && ch !== '/') return v;
      this.i++;
      const w = this.unary(depth);
      if (v === null || w === null) v = null;
      else if (ch === '*') v = v * w;
      else if (w === 0) return null; // #DIV/0! in Excel: no number to compare
      else v = v / w;
    }
  }

  private unary(depth: number): number | null {
    if (depth > MAX_DEPTH) throw new Unsupported();
    this.ws();
    const ch = this.s[this.i];
    if (ch === '-' || ch === '+') {
      this.i++;
      const v = this.unary(depth + 1);
      return v === null ? null : ch === '-' ? -v : v;
    }
    let v = this.primary(depth);
    this.ws();
    if (this.s[this.i] === '%') {
      this.i++;
      v = v === null ? null : v / 100;
    }
    return v;
  }

  private primary(depth: number): number | null {
    this.ws();
    const rest = this.s.slice(this.i);
    if (rest[0] === '(') {
      this.i++;
      const v = this.expr(depth + 1);
      this.expect(')');
      return v;
    }
    const num = NUMBER_AT.exec(rest);
    if (num && !/^[A-Za-z]/.test(rest.slice(num[0].length))) {
      this.i += num[0].length;
      return Number(num[0]);
    }
    const fn = /^SUM\s*\(/i.exec(rest);
    if (fn) {
      this.i += fn[0].length;
      return this.sum(depth + 1);
    }
    const ref = REF_AT.exec(rest);
    if (ref && !/^[A-Za-z0-9_(]/.test(rest.slice(ref[0].length))) {
      this.i += ref[0].length;
      if (ref[5]) throw new Unsupported(); // a range outside SUM
      return this.cellNumber(this.sheetOf(ref), Number(ref[4]), colNumber(ref[3]), false);
    }
    throw new Unsupported();
  }

  /** SUM(args): numbers of ranges and cells added; text, booleans and empty cells ignored (as Excel does). */
  private sum(depth: number): number | null {
    let total = 0;
    for (;;) {
      this.ws();
      const rest = this.s.slice(this.i);
      const ref = REF_AT.exec(rest);
      let v: number | null;
      if (ref && /^\s*[,)]/.test(rest.slice(ref[0].length))) {
        this.i += ref[0].length;
        v = this.rangeSum(this.sheetOf(ref), Number(ref[4]), colNumber(ref[3]), Number(ref[6] ?? ref[4]), colNumber(ref[5] ?? ref[3]));
      } else {
        v = this.expr(depth);
      }
      if (v === null) return null;
      total += v;
      this.ws();
      const ch = this.s[this.i++];
      if (ch === ')') return total;
      if (ch !== ',') throw new Unsupported();
    }
  }

  private rangeSum(sheet: string, r1: number, c1: number, r2: number, c2: number): number | null {
    const [rt, rb] = r1 <= r2 ? [r1, r2] : [r2, r1];
    const [cl, cr] = c1 <= c2 ? [c1, c2] : [c2, c1];
    if ((rb - rt + 1) * (cr - cl + 1) > MAX_RANGE_CELLS) throw new Unsupported();
    let total = 0;
    for (let r = rt; r <= rb; r++) {
      for (let c = cl; c <= cr; c++) {
        const v = this.cellNumber(sheet, r, c, true);
        if (v === null) return null;
        total += v;
      }
    }
    return total;
  }

  /**
   * A referenced cell's number: empty → 0; a formula → evaluated itself (a few levels deep), else
   * its cached result; text and booleans → 0 inside SUM, no judgement in arithmetic; errors → none.
   */
  private cellNumber(sheet: string, r: number, c: number, inSum: boolean): number | null {
    if (!this.cells.hasSheet(sheet) || --this.budget.reads < 0) throw new Unsupported();
    const cell = this.cells.at(sheet, r, c);
    if (!cell) {
      if (this.cells.mayHideMore(sheet)) throw new Unsupported();
      return 0;
    }
    if (cell.formula) {
      if (cell.noCache || cell.kind === 'error') return null;
      if (this.chain < MAX_CHAIN) {
        const v = evaluateFormula(this.cells, sheet, cell, this.chain + 1, this.budget);
        if (v !== null) return v;
      }
    }
    if (cell.kind === 'number' && typeof cell.num === 'number') return cell.num;
    if (cell.kind === 'error') return null;
    if (inSum && (cell.kind === 'string' || cell.kind === 'boolean')) return 0;
    return null;
  }

  private sheetOf(m: RegExpExecArray): string {
    if (m[1]) return m[1].replace(/''/g, "'");
    return m[2] ?? this.sheet;
  }

  private expect(ch: string): void {
    this.ws();
    if (this.s[this.i] !== ch) throw new Unsupported();
    this.i++;
  }

  private ws(): void {
    while (this.s[this.i] === ' ') this.i++;
  }
}

// one instance of each for the life of the process keeps the classes' shapes (model/shapes.ts)
keepShapes('formulas', [[new CellIndex([]), new Parser('', '', new CellIndex([]), 0, { reads: 0 })]]);
