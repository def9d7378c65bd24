// 单体 / 平均 / 单体或平均 (docs/formats.md §2 `aggregate`): how a building-scope condition is
// judged over the buildings it applies to.
//   each          every building on its own (the default; the per-building findings as they are);
//   average       the average of the buildings' values weighted by their floor area (单体建筑面积):
//                 Σ vᵢ·Aᵢ / Σ Aᵢ over the buildings the condition applies to, leaf by leaf;
//   eachOrAverage satisfied when every building satisfies it, or else when the average does.
// One finding for the project replaces the per-building findings of an average; its branches
// list each building's value. A building whose own value could not be trusted (review, missing)
// makes the average review/missing: an average is never computed over a partial set.
import { formatValue, indicatorName } from '../model/indicators';
import type { BranchFinding, Condition, Finding, ImportedBuilding, LeafRule, Rule, Verdict } from '../model/types';
import { describeRule } from '../conditions/index';
import { applicability } from './applicability';
import { holds, missWord, requirementWords } from './compare';

/** The findings of a building-scope condition after aggregation (unchanged for `each`). */
export function aggregateBuildings(cond: Condition, perBuilding: Finding[], buildings: readonly ImportedBuilding[]): Finding[] {
  if (cond.aggregate !== 'average' && cond.aggregate !== 'eachOrAverage') return perBuilding;
  const applicable: Array<{ b: ImportedBuilding; f: Finding }> = [];
  const undecided: Finding[] = [];
  perBuilding.forEach((f, i) => {
    const gate = applicability(cond, buildings[i]);
    if (!gate) applicable.push({ b: buildings[i], f });
    else if (gate.verdict === 'review') undecided.push(f);
  });
  const base = {
    conditionId: cond.id,
    indicator: firstLeaf(cond).indicator,
    building: null,
    required: describeRule(cond),
    declared: null,
    ...(cond.clause !== undefined ? { clause: cond.clause } : {}),
    ...(cond.text !== undefined ? { text: cond.text } : {}),
  };
  const label = cond.aggregate === 'average' ? '各单体按建筑面积加权平均' : '单体或平均';
  if (applicable.length === 0 && undecided.length === 0) {
    return [{ ...base, verdict: 'not_applicable', computed: null, source: null, message: `没有本条适用的单体（${label}）` }];
  }
  if (undecided.length > 0) {
    const names = undecided.map((f) => f.building).join('、');
    return [{ ...base, verdict: 'review', computed: null, source: undecided[0].source, message: `${names} 是否适用本条无法判断（${undecided[0].message}），不能计算${label}` }];
  }
  if (cond.aggregate === 'eachOrAverage' && applicable.every(({ f }) => f.verdict === 'pass')) {
    return [{ ...base, verdict: 'pass', computed: null, source: applicable[0].f.source, message: `适用的 ${applicable.length} 个单体均满足合同要求（单体或平均，单体均满足即可）`, branches: buildingBranches(applicable) }];
  }
  const avg = averageRule(cond, applicable);
  const branches = buildingBranches(applicable);
  if (cond.aggregate === 'average' || avg.verdict === 'pass') {
    const prefix = cond.aggregate === 'eachOrAverage' ? `${failedNames(applicable)} 未单独满足，按单体或平均审查：` : '';
    return [{ ...base, verdict: avg.verdict, computed: avg.value, source: applicable[0].f.source, message: `${prefix}${avg.message}`, branches }];
  }
  // eachOrAverage and the average does not pass: a building that fails on trusted values and an
  // average that fails settle it; anything unread leaves it open.
  const verdict: Verdict = avg.verdict === 'fail' ? 'fail' : avg.verdict;
  return [{ ...base, verdict, computed: avg.value, source: applicable[0].f.source, message: `${failedNames(applicable)} 未单独满足，且${avg.message}`, branches }];
}

function failedNames(list: Array<{ b: ImportedBuilding; f: Finding }>): string {
  return list.filter(({ f }) => f.verdict !== 'pass').map(({ b }) => b.name).join('、');
}

function buildingBranches(list: Array<{ b: ImportedBuilding; f: Finding }>): BranchFinding[] {
  return list.map(({ f }) => ({
    indicator: f.indicator,
    required: f.required,
    verdict: f.verdict,
    declared: f.declared,
    computed: f.computed,
    source: f.source,
    message: f.message,
  }));
}

function firstLeaf(r: Rule): LeafRule {
  if ('anyOf' in r) return firstLeaf(r.anyOf[0]);
  if ('allOf' in r) return firstLeaf(r.allOf[0]);
  return r;
}

/** The leaf outcomes of a building's finding, in the order of the rule's leaves. */
function leafOutcomes(f: Finding, rule: Rule): BranchFinding[] {
  if ('indicator' in rule) return [f];
  return f.branches ?? [];
}

function leavesOf(r: Rule): LeafRule[] {
  if ('anyOf' in r) return r.anyOf.flatMap(leavesOf);
  if ('allOf' in r) return r.allOf.flatMap(leavesOf);
  return [r];
}

/**
 * The value a building's verdict rests on: for a pass, the value that passes (the declared one
 * first); for a fail, the value that fails (the recomputed one first, as the engine decides on it).
 */
export function trustedValue(o: BranchFinding, leaf: LeafRule): number | null {
  const d = typeof o.declared === 'number' ? o.declared : null;
  const c = typeof o.computed === 'number' ? o.computed : null;
  if (o.verdict === 'pass') {
    if (d !== null && holds(d, leaf.op, leaf.value)) return d;
    if (c !== null && holds(c, leaf.op, leaf.value)) return c;
    return null;
  }
  if (o.verdict === 'fail') {
    if (c !== null && !holds(c, leaf.op, leaf.value)) return c;
    if (d !== null && !holds(d, leaf.op, leaf.value)) return d;
    return null;
  }
  return null;
}

interface AverageOutcome {
  verdict: Verdict;
  value: number | null;
  message: string;
}

function averageRule(cond: Condition, list: Array<{ b: ImportedBuilding; f: Finding }>): AverageOutcome {
  const leaves = leavesOf(cond);
  const perLeaf = leaves.map((leaf, i) => averageLeaf(leaf, i, cond, list));
  if (perLeaf.length === 1) return perLeaf[0];
  return combine(cond, perLeaf);
}

function averageLeaf(leaf: LeafRule, index: number, cond: Condition, list: Array<{ b: ImportedBuilding; f: Finding }>): AverageOutcome {
  const name = indicatorName(leaf.indicator);
  const req = requirementWords(leaf.indicator, leaf.op, leaf.value);
  let sumVA = 0;
  let sumA = 0;
  const unread: string[] = [];
  const noArea: string[] = [];
  let missing = true;
  const terms: string[] = [];
  for (const { b, f } of list) {
    const o = leafOutcomes(f, cond)[index];
    const v = o ? trustedValue(o, leaf) : null;
    if (v === null) {
      unread.push(b.name);
      if (o && o.verdict !== 'missing') missing = false;
      continue;
    }
    if (b.floorArea === null || !(b.floorArea > 0)) {
      noArea.push(b.name);
      continue;
    }
    sumVA += v * b.floorArea;
    sumA += b.floorArea;
    terms.push(`${formatValue(leaf.indicator, v)}×${b.floorArea}`);
  }
  if (unread.length > 0) {
    return {
      verdict: missing ? 'missing' : 'review',
      value: null,
      message: `${unread.join('、')} 的${name}${missing ? '未找到' : '无法确认'}，不能计算各单体按建筑面积加权的平均${name}`,
    };
  }
  if (noArea.length > 0 || sumA <= 0) {
    return { verdict: 'review', value: null, message: `${noArea.join('、')} 未给出建筑面积，不能按建筑面积加权计算平均${name}，请补充` };
  }
  const avg = Math.round((sumVA / sumA) * 1e6) / 1e6;
  const text = `各单体${name}按建筑面积加权平均为 ${formatValue(leaf.indicator, avg)}（Σ值×面积 / Σ面积 = (${terms.join(' + ')}) / ${sumA}）`;
  return holds(avg, leaf.op, leaf.value)
    ? { verdict: 'pass', value: avg, message: `${text}，满足合同要求（${req}）` }
    : { verdict: 'fail', value: avg, message: `${text}，${missWord(leaf.op)}合同要求（${req}）` };
}

/** anyOf/allOf over averaged leaves (nested groups are combined recursively). */
function combine(rule: Rule, perLeaf: AverageOutcome[]): AverageOutcome {
  let i = 0;
  const walk = (r: Rule): AverageOutcome => {
    if ('indicator' in r) return perLeaf[i++];
    const any = 'anyOf' in r;
    const parts = (any ? r.anyOf : (r as { allOf: Rule[] }).allOf).map(walk);
    const decisive: Verdict = any ? 'pass' : 'fail';
    const uniform: Verdict = any ? 'fail' : 'pass';
    const hit = parts.find((p) => p.verdict === decisive);
    const verdict: Verdict = hit ? decisive : parts.every((p) => p.verdict === uniform) ? uniform : parts.some((p) => p.verdict === 'review') ? 'review' : 'missing';
    const joiner = any ? '或' : '且';
    return { verdict, value: null, message: `${parts.map((p) => p.message).join('；')}（“${joiner}”条件）` };
  };
  return walk(rule);
}
