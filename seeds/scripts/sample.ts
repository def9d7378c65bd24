// What one sample project is: a workbook, the contract conditions, and the verdicts expected
// for it (derived by hand from docs/domain, written down with the reasoning).
import type ExcelJS from 'exceljs';
import type { ConditionsDoc, Overall, Verdict } from '../../shared/model/types';

export interface ExpectedFinding {
  conditionId: string;
  /** Building name exactly as the sheet writes it, or null for project scope. */
  building: string | null;
  verdict: Verdict;
  /** Why this verdict follows from the sheet and the domain rules (Chinese). */
  why: string;
}

export interface Expected {
  sample: string;
  overall: Overall;
  /** Exit status of `npm run check` (docs/formats.md §4). */
  exit: 0 | 1 | 2;
  findings: ExpectedFinding[];
}

export interface Sample {
  /** File stem: seeds/samples/<name>.xlsx, .conditions.json, .expected.json */
  name: string;
  workbook(): ExcelJS.Workbook;
  conditions: ConditionsDoc;
  expected: Expected;
}

/** docs/formats.md §3: fail if any fails; else incomplete if any missing/review; else pass. */
export function overallOf(verdicts: Verdict[]): Overall {
  if (verdicts.includes('fail')) return 'fail';
  if (verdicts.includes('missing') || verdicts.includes('review')) return 'incomplete';
  return 'pass';
}

/** docs/formats.md §4 exit status for an overall result. */
export function exitOf(overall: Overall): 0 | 1 | 2 {
  return overall === 'pass' ? 0 : overall === 'fail' ? 1 : 2;
}

/** Builds the expected document; overall and exit follow from the findings. */
export function expectedOf(sample: string, findings: ExpectedFinding[]): Expected {
  const overall = overallOf(findings.map((x) => x.verdict));
  return { sample, overall, exit: exitOf(overall), findings };
}
