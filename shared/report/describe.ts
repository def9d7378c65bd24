// Readable Chinese descriptions of rules, values and findings, shared by the PDF, the Excel
// export and the verification messages.
import type { Condition, Finding, ImportedScalar, Rule } from '../model/types';
import { formatValue, indicatorName } from '../model/indicators';
import { useList as usesText } from '../model/uses';
import { OP_WORD, VERDICT_WORD, prettyOps } from './labels';

/** '装配率 ≥ 60%', '预制率 ≥ 40% 或 装配率 ≥ 60%'. */
export function describeRule(rule: Rule, withName = true): string {
  if ('anyOf' in rule) return rule.anyOf.map((r) => wrap(r)).join(' 或 ');
  if ('allOf' in rule) return rule.allOf.map((r) => wrap(r)).join(' 且 ');
  const v = formatValue(rule.indicator, rule.value);
  const body = `${OP_WORD[rule.op] ?? rule.op} ${v}`;
  return withName ? `${indicatorName(rule.indicator)} ${body}` : body;
}

function wrap(r: Rule): string {
  const s = describeRule(r);
  return 'anyOf' in r || 'allOf' in r ? `（${s}）` : s;
}

/** '> 24 m 且 ≤ 100 m' for bounds on a number (docs/formats.md §2). */
function boundText(b: { gt?: number; gte?: number; lt?: number; lte?: number }, unit: string): string {
  const u = unit ? ` ${unit}` : '';
  const parts: string[] = [];
  if (b.gt !== undefined) parts.push(`> ${b.gt}${u}`);
  if (b.gte !== undefined) parts.push(`≥ ${b.gte}${u}`);
  if (b.lt !== undefined) parts.push(`< ${b.lt}${u}`);
  if (b.lte !== undefined) parts.push(`≤ ${b.lte}${u}`);
  return parts.join(' 且 ');
}

const AGGREGATE: Record<string, string> = { average: '按建筑面积加权平均', eachOrAverage: '逐栋或加权平均满足其一' };

/** Where a condition applies, in words ('公共建筑，单体建筑面积 ≥ 20000 m²'). */
export function describeScope(c: Condition): string {
  const parts: string[] = [];
  const a = c.appliesTo;
  if (a?.use?.length) parts.push(usesText(a.use));
  if (a?.minFloorArea !== undefined) parts.push(`单体建筑面积 ≥ ${a.minFloorArea} m²`);
  if (a?.floorArea) parts.push(`单体建筑面积 ${boundText(a.floorArea, 'm²')}`);
  if (a?.height) parts.push(`建筑高度 ${boundText(a.height, 'm')}`);
  if (a?.floors) parts.push(`地上层数 ${boundText(a.floors, '层')}`);
  if (a?.projectFloorArea) parts.push(`项目总建筑面积 ${boundText(a.projectFloorArea, 'm²')}`);
  if (a?.buildings?.length) parts.push(`限 ${a.buildings.join('、')}`);
  if (c.parcel) parts.push(`限地块 ${c.parcel}`);
  if (c.scope === 'building' && c.aggregate && AGGREGATE[c.aggregate]) parts.push(AGGREGATE[c.aggregate]);
  const scope = c.scope === 'building' ? '逐栋单体' : '项目整体';
  return parts.length ? `${scope}（${parts.join('，')}）` : scope;
}

/** The requirement of a finding: from its condition when it is a plain rule, else the engine's text. */
export function requiredText(f: { indicator: string; required: string }, cond?: Condition): string {
  if (cond && !('anyOf' in cond) && !('allOf' in cond) && cond.indicator === f.indicator) {
    return describeRule(cond, false);
  }
  return prettyOps(f.required);
}

export function valueText(indicator: string, v: ImportedScalar | null | undefined): string {
  if (v === null || v === undefined) return '—';
  return formatValue(indicator, v);
}

/** '3#楼 条件 G1' or '条件 G1'. */
export function findingLabel(f: Pick<Finding, 'conditionId' | 'building'>): string {
  return f.building ? `${f.building} 条件 ${f.conditionId}` : `条件 ${f.conditionId}`;
}

/** '人工改判（原结论：需复核）' for a finding a reviewer overrode, else ''. */
export function overrideMark(f: Pick<Finding, 'override'>): string {
  return f.override ? `人工改判（原结论：${VERDICT_WORD[f.override.from]}）` : '';
}

/** The reviewer's reason as the report prints it: '人工改判理由：…（张三，2026-11-22）'. */
export function overrideReason(f: Pick<Finding, 'override'>): string {
  const o = f.override;
  if (!o) return '';
  const who = [o.by, o.at.slice(0, 10)].filter(Boolean).join('，');
  return `人工改判理由：${o.reason}${who ? `（${who}）` : ''}`;
}
