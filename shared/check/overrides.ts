// A reviewer's overrides applied to a run: the finding keeps the engine's verdict in
// `override.from`, shows the reviewer's verdict and reason, and the overall is recomputed.
import type { CheckRun, Finding, Verdict } from '../model/types';
import { countVerdicts, overallOf } from './engine';

export interface OverrideRecord {
  conditionId: string;
  building: string | null;
  verdict: Verdict;
  reason: string;
  user?: string;
  createdAt: string;
}

export function applyOverrides(run: CheckRun, overrides: readonly OverrideRecord[]): CheckRun {
  if (overrides.length === 0) return run;
  // The latest override of a finding wins.
  const latest = new Map<string, OverrideRecord>();
  for (const o of overrides) latest.set(key(o.conditionId, o.building), o);
  const findings: Finding[] = run.result.findings.map((f) => {
    const o = latest.get(key(f.conditionId, f.building));
    if (!o || o.verdict === f.verdict) return f;
    const from = f.override?.from ?? f.verdict;
    return {
      ...f,
      verdict: o.verdict,
      override: { from, reason: o.reason, at: o.createdAt, ...(o.user ? { by: o.user } : {}) },
    };
  });
  return {
    ...run,
    result: { ...run.result, findings, overall: overallOf(findings), counts: countVerdicts(findings) },
  };
}

function key(conditionId: string, building: string | null): string {
  return `${conditionId}\u0000${building ?? ''}`;
}
