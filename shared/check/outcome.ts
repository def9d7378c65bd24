// The outcome of a rule in one scope (shared/check/engine.ts): a leaf's, or an anyOf/allOf
// combination of its branches, and a branch as the finding gives it.
import type { BranchFinding, Calculation, Verdict } from '../model/types';

export interface LeafOutcome extends BranchFinding {
  calculation?: Calculation;
}

/** What a combination's message names of its scope: the building (null for the project) and its label. */
export interface ScopeName {
  building: string | null;
  label: string;
}

/** A branch as the finding gives it: the outcome without its recomputation (and without branches of its own). */
export function stripCalculation(b: LeafOutcome): BranchFinding {
  return b.remarks !== undefined
    ? { indicator: b.indicator, required: b.required, verdict: b.verdict, declared: b.declared, computed: b.computed, source: b.source, message: b.message, basis: b.basis, remarks: b.remarks }
    : { indicator: b.indicator, required: b.required, verdict: b.verdict, declared: b.declared, computed: b.computed, source: b.source, message: b.message, basis: b.basis };
}

export interface RuleOutcome extends LeafOutcome {
  branches?: LeafOutcome[];
}

/**
 * The outcome of a leaf or of a combination, with every field in one literal: 1 500 of them for 500
 * buildings, all of one shape that no garbage collection drops (see shared/check/decision.ts).
 */
export function outcomeOf(
  indicator: string,
  required: string,
  verdict: Verdict,
  declared: LeafOutcome['declared'],
  computed: LeafOutcome['computed'],
  source: LeafOutcome['source'],
  message: string,
  basis: string | undefined,
  remarks: string[] | undefined,
  calculation: Calculation | undefined,
  branches: LeafOutcome[] | undefined,
): RuleOutcome {
  return { indicator, required, verdict, declared, computed, source, message, basis, remarks, calculation, branches };
}

/** anyOf: pass if any branch passes, fail if all fail; allOf: fail if any fails, pass if all pass;
 *  otherwise review before missing. */
export function combine(parts: RuleOutcome[], mode: 'any' | 'all', scope: ScopeName): RuleOutcome {
  const decisive: Verdict = mode === 'any' ? 'pass' : 'fail';
  const uniform: Verdict = mode === 'any' ? 'fail' : 'pass';
  let verdict: Verdict;
  let lead: RuleOutcome;
  const hit = parts.find((p) => p.verdict === decisive);
  if (hit) {
    verdict = decisive;
    lead = hit;
  } else if (parts.every((p) => p.verdict === uniform)) {
    verdict = uniform;
    lead = parts[0];
  } else {
    verdict = parts.some((p) => p.verdict === 'review') ? 'review' : 'missing';
    lead = parts.find((p) => p.verdict === verdict) ?? parts[0];
  }
  const joiner = mode === 'any' ? '或' : '且';
  let message: string;
  if (verdict === 'pass' && mode === 'any') {
    message = `${lead.message}（“${joiner}”条件，满足其一即可）`;
  } else if (verdict === 'fail' && mode === 'all') {
    message = `${lead.message}（“${joiner}”条件，须全部满足）`;
  } else {
    const tail =
      verdict === 'pass' ? '各项均满足' : verdict === 'fail' ? '各项均未满足' : mode === 'any' ? '尚无一项确认满足' : '尚未全部确认满足';
    message = `${parts.map((p) => stripScope(p.message, scope)).join('；')}；“${joiner}”条件${tail}`;
    if (scope.building) message = `${scope.label} ${message}`;
  }
  const branches: LeafOutcome[] = [];
  let remarks: string[] | undefined;
  for (const p of parts) {
    if (p.branches) branches.push(...p.branches);
    else branches.push(p);
    if (p.remarks) for (const r of p.remarks) if (!(remarks ??= []).includes(r)) remarks.push(r);
  }
  return outcomeOf(lead.indicator, lead.required, verdict, lead.declared, lead.computed, lead.source, message, lead.basis, remarks, lead.calculation, branches);
}

function stripScope(message: string, scope: ScopeName): string {
  const prefix = `${scope.label} `;
  return message.startsWith(prefix) ? message.slice(prefix.length) : message;
}
