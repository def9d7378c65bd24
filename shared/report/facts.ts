// The facts a report shows, gathered once from a CheckRun (shared by the PDF and the Excel export).
import type { CheckRun, Condition, Finding, Overall, Verdict } from '../model/types';
import { describeRule } from './describe';
import { prettyOps } from './labels';

export interface FindingGroup {
  id: string;
  condition?: Condition;
  /** The requirement in words ('装配率 ≥ 60%', '预制率 ≥ 40% 或 装配率 ≥ 60%'). */
  rule: string;
  findings: Finding[];
}

export interface ReportFacts {
  reportNo: string;
  date: string;
  projectName: string;
  parcel: string;
  contractNo: string;
  signedOn: string;
  workbookFile: string;
  conditionsFile: string;
  overall: Overall;
  counts: Record<Verdict, number>;
  total: number;
  /** Findings grouped by condition, in the order of the condition file. */
  groups: FindingGroup[];
  /** Findings with a calculation, numbered A.1, A.2, … in report order. */
  calculations: Array<{ finding: Finding; index: number }>;
  calcIndex: Map<Finding, number>;
  fpHex: string;
  fpShort: string;
}

function str(v: unknown): string {
  return v === null || v === undefined ? '' : String(v);
}

export function reportFacts(run: CheckRun, opts: { reportNo?: string; date?: string }, fp: { hex: string; short: string }): ReportFacts {
  const contract = run.conditions.contract ?? run.result.project?.contract ?? {};
  const pn = run.imported.project.project_name;
  const projectName = run.result.project?.name ?? (pn && pn.value !== null ? String(pn.value) : '');
  const date = opts.date ?? run.checkedAt.slice(0, 10);
  const reportNo = opts.reportNo ?? `LC${date.replace(/-/g, '')}-${fp.hex.slice(0, 6).toUpperCase()}`;

  const byId = new Map<string, FindingGroup>();
  for (const c of run.conditions.conditions) byId.set(c.id, { id: c.id, condition: c, rule: describeRule(c), findings: [] });
  for (const f of run.result.findings) {
    let g = byId.get(f.conditionId);
    if (!g) {
      g = { id: f.conditionId, rule: prettyOps(f.required), findings: [] };
      byId.set(f.conditionId, g);
    }
    g.findings.push(f);
  }
  const groups = [...byId.values()];
  const calculations: Array<{ finding: Finding; index: number }> = [];
  const calcIndex = new Map<Finding, number>();
  for (const g of groups)
    for (const f of g.findings)
      if (f.calculation) {
        const index = calculations.length + 1;
        calculations.push({ finding: f, index });
        calcIndex.set(f, index);
      }
  const counts: Record<Verdict, number> = { pass: 0, fail: 0, missing: 0, review: 0, not_applicable: 0 };
  for (const f of run.result.findings) counts[f.verdict] = (counts[f.verdict] ?? 0) + 1;
  return {
    reportNo,
    date,
    projectName,
    parcel: str(contract.parcel),
    contractNo: str(contract.number),
    signedOn: str(contract.signedOn),
    workbookFile: run.result.input.file,
    conditionsFile: run.conditionsFile,
    overall: run.result.overall,
    counts,
    total: run.result.findings.length,
    groups,
    calculations,
    calcIndex,
    fpHex: fp.hex,
    fpShort: fp.short,
  };
}
