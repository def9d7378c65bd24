// The facts a report shows, gathered once from a CheckRun (shared by the PDF and the Excel export).
import type { Calculation, CheckRun, Condition, Finding, Overall, Verdict } from '../model/types';
import { canonicalJson } from '../canonical';
import { describeRule } from './describe';
import { prettyOps } from './labels';

export interface FindingGroup {
  id: string;
  condition?: Condition;
  /** The requirement in words ('装配率 ≥ 60%', '预制率 ≥ 40% 或 装配率 ≥ 60%'). */
  rule: string;
  findings: Finding[];
}

export interface CalcEntry {
  calc: Calculation;
  index: number;
  /** Condition ids whose findings use it. */
  conditionIds: string[];
  /** Building names (or '项目整体') whose findings use it. */
  users: string[];
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
  /**
   * Distinct calculations, numbered A.1, A.2, … in report order. Buildings that share one
   * recomputation (project-level data) share one entry: `users` lists who relies on it.
   */
  calculations: CalcEntry[];
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
  const calculations: CalcEntry[] = [];
  const calcIndex = new Map<Finding, number>();
  const byContent = new Map<Calculation | string, CalcEntry>();
  for (const g of groups)
    for (const f of g.findings) {
      const calc = f.calculation;
      if (!calc) continue;
      // The same object (in-process) or the same content (a run read back from the store).
      let entry = byContent.get(calc);
      if (!entry) {
        const key = canonicalJson(calc);
        entry = byContent.get(key);
        if (!entry) {
          entry = { calc, index: calculations.length + 1, conditionIds: [], users: [] };
          calculations.push(entry);
          byContent.set(key, entry);
        }
        byContent.set(calc, entry);
      }
      if (!entry.conditionIds.includes(f.conditionId)) entry.conditionIds.push(f.conditionId);
      const user = f.building ?? '项目整体';
      if (!entry.users.includes(user)) entry.users.push(user);
      calcIndex.set(f, entry.index);
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
