// Pure helpers of the results screen: verdict order, filters, grouping findings by condition.
import type { CheckRun, Finding, Verdict } from '../../../shared/model/types';

export type Filter = 'all' | 'fail' | 'missing' | 'review';
export const FILTERS: Array<{ id: Filter; label: string }> = [
  { id: 'all', label: '全部' },
  { id: 'fail', label: '不符合' },
  { id: 'missing', label: '缺项' },
  { id: 'review', label: '需复核' },
];
export const VERDICT_ORDER: Verdict[] = ['fail', 'review', 'missing', 'pass', 'not_applicable'];
export const PAGE = 50;

export interface Loaded {
  runId: number;
  run: CheckRun;
}

export interface Group {
  conditionId: string;
  clause?: string;
  text?: string;
  findings: Finding[];
  counts: Partial<Record<Verdict, number>>;
}

export function countOf(findings: readonly Finding[]): Record<Verdict, number> {
  const c: Record<Verdict, number> = { pass: 0, fail: 0, missing: 0, review: 0, not_applicable: 0 };
  for (const f of findings) c[f.verdict]++;
  return c;
}

/** Findings grouped by condition, in the order of the conditions. */
export function groupByCondition(findings: readonly Finding[], run: CheckRun): Group[] {
  const order = new Map(run.conditions.conditions.map((c, i) => [c.id, i]));
  const byId = new Map<string, Group>();
  for (const f of findings) {
    let g = byId.get(f.conditionId);
    if (!g) {
      const c = run.conditions.conditions.find((x) => x.id === f.conditionId);
      g = { conditionId: f.conditionId, clause: f.clause ?? c?.clause, text: f.text ?? c?.text, findings: [], counts: {} };
      byId.set(f.conditionId, g);
    }
    g.findings.push(f);
    g.counts[f.verdict] = (g.counts[f.verdict] ?? 0) + 1;
  }
  return [...byId.values()].sort((a, b) => (order.get(a.conditionId) ?? 1e9) - (order.get(b.conditionId) ?? 1e9));
}
