// The sheet against itself (docs/evidence-policy.md, after the rules of shared/check/evidence.ts):
// a leaf whose evidence the sheet itself contradicts is never 符合.
//
// - `parts-dont-add`: the indicator is an area total, or the recomputation reads one, and the
//   sheet's own parts disagree with it (总建筑面积 vs 地上 + 地下; 计容建筑面积 vs its 其中 rows):
//   areaSums.ts. The other reading (the parts' sum, and what the recomputation gives with it) is
//   named, and whether it meets the requirement.
// - `stale-formula`: the declared cell or an input of the recomputation holds a formula whose
//   cached result its own formula no longer gives (shared/import/formulas.ts).
// - `sole-building-unproven`: the project's figure is the one building's, and nothing shows that
//   building is the whole project (soleBuilding.ts).
//
// A pass becomes 需复核; a fail stays a fail only when every other reading fails too.
import type { Calculation, ImportedValue, LeafRule } from '../model/types';
import { recompute, type CalcContext } from '../calc/index';
import { formatValue, indicatorName } from '../model/indicators';
import { holds, missWord, requirementWords } from './compare';
import type { Decision } from './evidence';
import { decision } from './decision';
import { partsReadings, partsWords } from './areaSums';
import type { UsedInput } from './gather';

export interface LeafSheet {
  rule: LeafRule;
  declared: ImportedValue | undefined;
  calc: Calculation | null;
  /** Values in scope (a building's over the project's). */
  values: Record<string, ImportedValue>;
  ctx: CalcContext;
  /** Project scope of a one-building workbook: the building, the ids it fills in, and why it may not be the whole project. */
  sole?: { name: string; keys: ReadonlySet<string>; doubt: string | null };
  /** The recomputation's inputs as the scope states them (gather.ts usedInputs). */
  inputs: readonly UsedInput[];
}

/** The basis ids this module decides (docs/evidence-policy.md §4a; words in shared/data/report-terms.json). */
export const CONSISTENCY_BASES = ['parts-dont-add', 'stale-formula', 'sole-building-unproven'] as const;

interface Doubt {
  basis: (typeof CONSISTENCY_BASES)[number];
  text: string;
  /** The leaf's value on the other reading, when it can be told, and whether it meets the requirement. */
  other?: { value: number | boolean; passes: boolean };
}

/** The decision of the evidence rules, reconsidered against what the sheet says about itself. */
export function sheetConsistency(d: Decision, leaf: LeafSheet): Decision {
  if (d.verdict !== 'pass' && d.verdict !== 'fail' && d.verdict !== 'review') return d;
  const doubts: Doubt[] = [];
  for (const list of [ownDoubts(leaf), inputDoubts(leaf), soleDoubts(leaf)]) for (const x of list) if (material(x, d)) doubts.push(x);
  if (doubts.length === 0) return d;
  const id = leaf.rule.indicator;
  const req = requirementWords(id, leaf.rule.op, leaf.rule.value);
  const others = doubts.map((x) => x.text + (x.other ? `，按此${indicatorName(id)}为${formatValue(id, x.other.value)}，${x.other.passes ? '满足' : missWord(leaf.rule.op)}合同要求（${req}）` : ''));
  const said = others.join('；');
  if (d.verdict === 'review') return decision(d.verdict, d.basis, `${d.message}；另：${said}`, d.remarks, d.source);
  // both readings fail: 不符合 either way
  if (d.verdict === 'fail' && doubts.every((x) => x.other && !x.other.passes)) {
    return decision(d.verdict, d.basis, `${d.message}；另：${said}，同样不满足要求`, d.remarks, d.source);
  }
  const tail = doubts.every((x) => x.basis === 'sole-building-unproven') ? '不能以单体数值代替项目整体判定，请核对' : '表中数据自相矛盾，不能据以判定，请核对';
  return decision('review', doubts[0].basis, `${d.message}；但${said}；${tail}`, d.remarks, d.source);
}

/** Rounding-size differences in a sum matter only when they turn a pass into a failure. */
function material(x: Doubt & { minor?: boolean }, d: Decision): boolean {
  if (!x.minor) return true;
  return d.verdict === 'pass' && !!x.other && !x.other.passes;
}

// ---------------------------------------------------------------- the indicator's own cell

function ownDoubts(leaf: LeafSheet): Array<Doubt & { minor?: boolean }> {
  const { declared, rule } = leaf;
  if (!declared || declared !== leaf.values[rule.indicator]) return [];
  const out: Array<Doubt & { minor?: boolean }> = [];
  const sf = declared.staleFormula;
  if (sf) {
    const v = typeof declared.value === 'number' && sf.cached !== 0 ? (declared.value / sf.cached) * sf.evaluated : null;
    out.push({ basis: 'stale-formula', text: staleText(declared, sf), ...(v !== null ? { other: judged(leaf, v) } : {}) });
  }
  for (const r of partsReadings(leaf.values, rule.indicator)) {
    out.push({ basis: 'parts-dont-add', text: partsWords(r), other: judged(leaf, r.sum), minor: !r.beyondRounding });
  }
  return out;
}

// ---------------------------------------------------------------- inputs of the recomputation

function inputDoubts(leaf: LeafSheet): Array<Doubt & { minor?: boolean }> {
  const { calc } = leaf;
  if (!calc || calc.value === null) return [];
  const out: Array<Doubt & { minor?: boolean }> = [];
  for (const { id: k, v } of leaf.inputs) {
    const sf = v.staleFormula;
    if (sf && typeof v.value === 'number' && sf.cached !== 0) {
      const other = again(leaf, k, (v.value / sf.cached) * sf.evaluated);
      out.push({ basis: 'stale-formula', text: `复核所用的${staleText(v, sf)}`, ...(other ? { other } : {}) });
    }
    for (const r of partsReadings(leaf.values, k)) {
      const other = again(leaf, k, r.sum);
      out.push({ basis: 'parts-dont-add', text: `复核所用的${partsWords(r)}`, ...(other ? { other } : {}), minor: !r.beyondRounding });
    }
  }
  return out;
}

/** The recomputation with one input read the other way. */
function again(leaf: LeafSheet, input: string, value: number): Doubt['other'] | undefined {
  // calculators read a scope's own values only: the layer that states the input (building or project)
  let layer: Record<string, ImportedValue> | null = leaf.values;
  while (layer && !Object.hasOwn(layer, input)) layer = Object.getPrototypeOf(layer) as Record<string, ImportedValue> | null;
  if (!layer) return undefined;
  const values = { ...layer, [input]: { ...layer[input], value, staleFormula: undefined, breakdown: undefined } };
  const c = recompute(leaf.rule.indicator, { ...leaf.ctx, values });
  return c && c.value !== null ? judged(leaf, c.value) : undefined;
}

function judged(leaf: LeafSheet, value: number | boolean): NonNullable<Doubt['other']> {
  return { value, passes: holds(value, leaf.rule.op, leaf.rule.value) };
}

// ---------------------------------------------------------------- the one building

function soleDoubts(leaf: LeafSheet): Doubt[] {
  const s = leaf.sole;
  if (!s?.doubt) return [];
  const sources = new Set<string>();
  for (const k of s.keys) if (leaf.values[k]) sources.add(leaf.values[k].source);
  const fromSole =
    (leaf.declared !== undefined && s.keys.has(leaf.rule.indicator)) || (leaf.calc?.inputs ?? []).some((i) => i.source && sources.has(i.source));
  if (!fromSole) return [];
  return [{ basis: 'sole-building-unproven', text: `本条审查的是项目整体，所用数据取自单体“${s.name}”，${s.doubt}` }];
}

// ---------------------------------------------------------------- words

function staleText(v: ImportedValue, sf: NonNullable<ImportedValue['staleFormula']>): string {
  return `${indicatorName(v.indicator)}在 ${v.source} 为公式“=${sf.formula}”，单元格中保存的计算结果为 ${num(sf.cached)}，按所引用单元格的数值重新计算为 ${num(sf.evaluated)}，保存的结果未随数据更新`;
}

function num(n: number): string {
  return Number.isInteger(n) ? String(n) : String(Math.round(n * 10000) / 10000);
}
