// Pure helpers of the condition editor (no React): rule kinds, defaults, describing a rule.
import type { Condition, ConditionsDoc, LeafRule, Op, Rule } from '../shared/model/types';
import { INDICATORS, indicator } from '../shared/model/indicators';
import { ruleText } from './format';

export const CONDITION_INDICATORS = INDICATORS.filter((d) => d.role === 'condition');

export const OPS: Array<{ op: Op; label: string }> = [
  { op: '>=', label: '≥ 不低于' },
  { op: '>', label: '> 高于' },
  { op: '<=', label: '≤ 不高于' },
  { op: '<', label: '< 低于' },
  { op: '==', label: '= 等于' },
];

export const USES: Array<{ id: 'residential' | 'public' | 'industrial'; label: string }> = [
  { id: 'residential', label: '住宅' },
  { id: 'public', label: '公共建筑' },
  { id: 'industrial', label: '工业建筑' },
];

export type RuleKind = 'leaf' | 'anyOf' | 'allOf';

export function ruleKind(r: Rule): RuleKind {
  if ('anyOf' in r) return 'anyOf';
  if ('allOf' in r) return 'allOf';
  return 'leaf';
}

export function isLeaf(r: Rule): r is LeafRule {
  return ruleKind(r) === 'leaf';
}

export function defaultLeaf(ind = 'green_ratio'): LeafRule {
  const d = indicator(ind);
  return { indicator: ind, op: d?.type === 'boolean' ? '==' : '>=', value: d?.type === 'boolean' ? true : 0 };
}

export function emptyDoc(): ConditionsDoc {
  return { format: 'landcheck.conditions/v1', contract: {}, conditions: [] };
}

export function nextId(doc: ConditionsDoc): string {
  const used = new Set(doc.conditions.map((c) => c.id));
  for (let i = doc.conditions.length + 1; ; i++) if (!used.has(`C${i}`)) return `C${i}`;
}

/** Strip the rule part of a condition, keeping id, clause, text, scope, appliesTo, notes. */
export function conditionMeta(c: Condition): Omit<Condition, 'indicator' | 'op' | 'value' | 'anyOf' | 'allOf'> {
  const { indicator: _i, op: _o, value: _v, anyOf: _a, allOf: _b, ...meta } = c as Condition &
    Partial<LeafRule> & { anyOf?: Rule[]; allOf?: Rule[] };
  return meta;
}

/** Change the kind of a condition, keeping what carries over (the first branch ↔ the leaf). */
export function withKind(c: Condition, kind: RuleKind): Condition {
  const meta = conditionMeta(c);
  const current = ruleKind(c);
  if (kind === current) return c;
  const branches: Rule[] = current === 'leaf' ? [pickLeaf(c)] : ((c as { anyOf?: Rule[]; allOf?: Rule[] }).anyOf ?? (c as { allOf?: Rule[] }).allOf ?? []);
  if (kind === 'leaf') {
    const first = branches.find(isLeaf) ?? defaultLeaf();
    return { ...meta, ...first } as Condition;
  }
  const list = branches.length >= 2 ? branches : [...branches, defaultLeaf('assembly_ratio')].slice(0, 2);
  return (kind === 'anyOf' ? { ...meta, anyOf: list } : { ...meta, allOf: list }) as Condition;
}

function pickLeaf(c: Condition): LeafRule {
  const l = c as unknown as LeafRule;
  return { indicator: l.indicator, op: l.op, value: l.value };
}

/** "绿地率 ≥ 35%" for a rule (branches joined by 或 / 且): the one wording, in format.ts. */
export const describe = ruleText;
