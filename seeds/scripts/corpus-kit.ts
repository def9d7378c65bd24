// What one corpus workbook is (seeds/corpus/): a real-style workbook, its contract conditions and
// the verdicts worked out by hand under docs/evidence-policy.md, plus small table writers the
// corpus generators share. The corpus is an adversarial test set for the importer and the engine:
// each workbook names the traps it sets (`traps`) and the public sources its layout follows.
import type ExcelJS from 'exceljs';
import type { ConditionsDoc, Overall, Verdict } from '../../shared/model/types';
import { exitOf, overallOf } from './sample';
import { put, rowOf, type CellInput } from './sheet-kit';

export interface CorpusFinding {
  conditionId: string;
  /** Building name as the building table writes it, or null for project scope. */
  building: string | null;
  verdict: Verdict;
  /**
   * Other verdicts a correct engine may give, where the evidence policy leaves the choice open
   * (e.g. `review` for a calculation table it reports as unread). Never contains `pass` when
   * `verdict` is not `pass`.
   */
  alsoAccept?: Verdict[];
  /** The evidence-policy rule that must decide it (docs/evidence-policy.md), where the policy names one. */
  basis?: string;
  /** The finding must carry a consistency remark (一致性提示). */
  remark?: true;
  /** Hand derivation (Chinese). */
  why: string;
}

export interface CorpusExpected {
  sample: string;
  overall: Overall;
  exit: 0 | 1 | 2;
  findings: CorpusFinding[];
}

export interface CorpusSample {
  /** File stem: seeds/corpus/<name>.xlsx, .conditions.json, .expected.json */
  name: string;
  /** Chinese title for the index. */
  title: string;
  /** What the workbook is built to catch (Chinese, one line each). */
  traps: string[];
  /** Public sources the layout follows (addresses or repository files; see seeds/README.md). */
  sources: string[];
  workbook(): ExcelJS.Workbook;
  conditions: ConditionsDoc;
  expected: CorpusExpected;
}

/** The expected document; overall and exit follow from the findings' verdicts. */
export function corpusExpected(sample: string, findings: CorpusFinding[]): CorpusExpected {
  for (const f of findings) {
    if (f.alsoAccept?.includes('pass') && f.verdict !== 'pass') throw new Error(`${sample} ${f.conditionId}: pass may never be an alternative`);
  }
  const overall = overallOf(findings.map((x) => x.verdict));
  return { sample, overall, exit: exitOf(overall), findings };
}

/** Writes rows of cells from (row, col); `fmts[i]` is the number format of column i. Returns the next free row. */
export function rows(ws: ExcelJS.Worksheet, row: number, col: number, data: CellInput[][], fmts: (string | undefined)[] = []): number {
  for (const r of data) rowOf(ws, row++, col, r, fmts);
  return row;
}

/** A cell holding a formula whose cached result is an Excel error (#DIV/0!, #REF!, …). */
export function errorFormula(ws: ExcelJS.Worksheet, row: number, col: number, formula: string, error: '#DIV/0!' | '#REF!' | '#VALUE!' | '#N/A'): void {
  const c = put(ws, row, col, null);
  c.value = { formula, result: { error } } as unknown as ExcelJS.CellValue;
}

/** Percent text as a designer writes it ("10.80%"). */
export function pctText(x: number, d = 2): string {
  return `${(x * 100).toFixed(d)}%`;
}

/** Rounds to d decimals. */
export function r(x: number, d: number): number {
  const k = 10 ** d;
  return Math.round(x * k) / k;
}

/** Q = (Q0 + Q1..Q5 + QA) / 10 (GB/T 50378-2019 §3.2.5), QA capped at 100. */
export function gbQ(q0: number, scores: number[], bonus: number): number {
  return r((q0 + scores.reduce((s, x) => s + x, 0) + Math.min(bonus, 100)) / 10, 1);
}

/** Star by score alone (§3.2.8: 60/70/85), 0 = 基本级. */
export function starByScore(q: number): number {
  return q >= 85 ? 3 : q >= 70 ? 2 : q >= 60 ? 1 : 0;
}

export const STAR_NAME = ['基本级', '一星级', '二星级', '三星级'] as const;

/**
 * Linear interpolation of a GB/T 51129-2017 Table 4.0.1 item between its bounds (rows
 * UNCONFIRMED, docs/domain/prefabrication.md §1.2), rounded to 0.1.
 */
export function lin(ratio: number, lo: number, hi: number, sMin: number, sMax: number): number {
  if (ratio < lo) return 0;
  if (ratio >= hi) return sMax;
  return r(sMin + ((ratio - lo) / (hi - lo)) * (sMax - sMin), 1);
}
