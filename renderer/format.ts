// How values and requirements read on screen: "≥ 二星级", "≥ 75%", "= 是" — in the indicator's
// own words and units, never the machine form of the result (">= 2", "== true").
import type { Condition, Op, Rule } from '../shared/model/types';
import { formatValue, indicatorName } from '../shared/model/indicators';

export const OP_SYMBOL: Record<Op, string> = { '>=': '≥', '>': '>', '<=': '≤', '<': '<', '==': '=' };

/** "≥ 二星级" for one indicator and a requirement written as ">= 2" (a leaf of the result format). */
export function leafRequirement(indicator: string, required: string): string {
  const m = /^(>=|<=|==|>|<)\s*(.+)$/.exec(required.trim());
  if (!m) return required;
  const raw = m[2]!.trim();
  const value: unknown = raw === 'true' ? true : raw === 'false' ? false : Number.isFinite(Number(raw)) ? Number(raw) : raw;
  return `${OP_SYMBOL[m[1] as Op]} ${formatValue(indicator, value)}`;
}

/** "绿地率 ≥ 35%" for a rule (branches joined by 或 / 且). */
export function ruleText(r: Rule): string {
  if ('anyOf' in r) return r.anyOf.map((x) => wrap(x)).join(' 或 ');
  if ('allOf' in r) return r.allOf.map((x) => wrap(x)).join(' 且 ');
  return `${indicatorName(r.indicator)} ${OP_SYMBOL[r.op]} ${formatValue(r.indicator, r.value)}`;
}

function wrap(r: Rule): string {
  return 'indicator' in r ? ruleText(r) : `（${ruleText(r)}）`;
}

/**
 * A finding's requirement in words: a single-indicator condition as "≥ 75%", a compound one as
 * "预制率 ≥ 40% 或 装配率 ≥ 60%" (from the condition when known).
 */
export function requirementText(f: { indicator: string; required: string; conditionId: string }, conditions?: readonly Condition[]): string {
  const c = conditions?.find((x) => x.id === f.conditionId);
  if (c && !('indicator' in c)) return ruleText(c);
  if (/^(>=|<=|==|>|<)\s*\S+$/.test(f.required.trim())) return leafRequirement(f.indicator, f.required);
  return f.required.replace(/>=/g, '≥').replace(/<=/g, '≤').replace(/==/g, '=');
}
