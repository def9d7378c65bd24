// 整改建议: what would make a non-passing finding pass, stated in the indicator's own units and
// computed from the finding, its recomputation's details and the rule data:
// - a threshold missed: the gap ("绿地率需提高至不低于 35%，差 2.3 个百分点") and, where the
//   indicator is a ratio of two sheet values, the amount of the underlying quantity
//   ("绿地面积需增加 312.0 m²", shared/data/ratios.json);
// - 年径流总量控制率: the storage volume V = 10·H·φ·F still missing (GB 50014 / the city's
//   α–H table), "调蓄容积需增加 55.5 m³";
// - 装配率: the points missing and measures from GB/T 51129-2017 Table 4.0.1 that would add them
//   (shared/data/standards/gbt51129-2017.json), §3.0.3 minimums;
// - 绿色建筑星级: the category floors of GB/T 50378-2019 §3.2.8 ("安全耐久得分需达到 30 分"),
//   the total score of the target star, 全装修;
// - 可再生能源替代率: the renewable energy still missing in kWh/a;
// - missing or unreliable values: what to provide or check.
import gbt51129 from '../data/standards/gbt51129-2017.json';
import gbt50378 from '../data/standards/gbt50378-2019.json';
import ratios from '../data/ratios.json';
import type { Calculation, Condition, ConditionsDoc, Finding, ImportedValue, ImportResult, LeafRule, Op, Rule } from '../model/types';
import { formatValue, indicator as indicatorDef, indicatorName, starName } from '../model/indicators';
import { scoreItem } from '../calc/assembly';
import { depthForAlpha, rainfallTableFor } from '../calc/rainfall';

type Values = Record<string, ImportedValue>;

const NON_PASSING = new Set(['fail', 'review', 'missing']);

/** Rounds up to `d` decimals (an amount to add must suffice when followed literally). */
function up(x: number, d = 1): number {
  const k = 10 ** d;
  return Math.ceil(x * k - 1e-9) / k;
}

function num(x: number, d = 1): string {
  const r = Math.round(x * 10 ** d) / 10 ** d;
  return Number.isInteger(r) ? String(r) : r.toFixed(d).replace(/0+$/, '').replace(/\.$/, '');
}

function unitOf(id: string): string {
  return indicatorDef(id)?.unit ?? '';
}

/** '差 2.3 个百分点' / '差 0.12' / '差 55.5 m³'. */
function gapText(id: string, gap: number): string {
  const def = indicatorDef(id);
  if (def?.type === 'star') return `差 ${Math.round(gap)} 个星级`;
  const d = def?.type === 'percent' ? 1 : id === 'far' ? 2 : 1;
  const g = up(gap, d);
  if (def?.unit === '%') return `差 ${num(g, d)} 个百分点`;
  return `差 ${num(g, d)}${def?.unit ? ` ${def.unit}` : ''}`;
}

const RAISE: Partial<Record<Op, string>> = { '>=': '不低于', '>': '高于', '<=': '不高于', '<': '低于', '==': '' };

/** The value the verdict rests on: the recomputation when it exists and disagrees, else the declaration. */
function basisValue(declared: unknown, computed: unknown): number | boolean | null {
  if (typeof computed === 'number' || typeof computed === 'boolean') return computed;
  if (typeof declared === 'number' || typeof declared === 'boolean') return declared;
  return null;
}

function ratioAmount(rule: LeafRule, calc: Calculation | undefined): string | null {
  const def = ratios.ratios.find((r) => r.indicator === rule.indicator);
  const d = calc?.details as { numerator?: number; denominator?: number } | undefined;
  if (!def || typeof d?.numerator !== 'number' || typeof d?.denominator !== 'number' || typeof rule.value !== 'number') return null;
  const needed = (rule.value / def.scale) * d.denominator;
  const delta = needed - d.numerator;
  const unit = unitOf(def.numerator);
  const name = indicatorName(def.numerator);
  const u = unit ? ` ${unit}` : '';
  if ((rule.op === '>=' || rule.op === '>') && delta > 0) return `${name}需增加 ${num(up(delta))}${u}（由 ${num(d.numerator)}${u} 增至不少于 ${num(up(needed))}${u}）`;
  if ((rule.op === '<=' || rule.op === '<') && delta < 0) return `${name}需减少 ${num(up(-delta))}${u}（由 ${num(d.numerator)}${u} 减至不超过 ${num(needed)}${u}）`;
  return null;
}

// ---------------------------------------------------------------- per indicator

/** 年径流总量控制率 (GB 50014; the city's α–H table): the storage still missing. */
function runoffAdvice(rule: LeafRule, calc: Calculation | undefined, city: string | undefined): string[] {
  const d = (calc?.details ?? {}) as { H?: number | null; phi?: number | null; F?: number | null; V_required?: number; V_provided?: number };
  const out: string[] = [];
  const vp = typeof d.V_provided === 'number' ? d.V_provided : null;
  let vNeed: number | null = null;
  let basis = '';
  const table = rainfallTableFor(city);
  if (table && typeof rule.value === 'number' && typeof d.phi === 'number' && typeof d.F === 'number') {
    const h = depthForAlpha(table, rule.value);
    if (h) {
      vNeed = (h.H * d.phi * d.F) / 1000;
      basis = `（年径流总量控制率 ${num(rule.value)}% 对应设计降雨量 ${num(h.H, 1)} mm，V = 10·H·φ·F）`;
    }
  }
  if (vNeed === null && typeof d.V_required === 'number') {
    vNeed = d.V_required;
    basis = typeof d.H === 'number' ? `（设计降雨量 ${num(d.H)} mm，V = 10·H·φ·F）` : '';
  }
  if (vNeed !== null && vp !== null && vp < vNeed) {
    out.push(`调蓄容积需增加 ${num(up(vNeed - vp))} m³（由 ${num(vp)} m³ 增至不少于 ${num(up(vNeed))} m³）${basis}`);
  } else if (vNeed !== null && vp === null) {
    out.push(`需提供实际调蓄容积：满足要求需不少于 ${num(up(vNeed))} m³${basis}`);
  }
  return out;
}

/** 装配率 (GB/T 51129-2017 §4.0.1, §3.0.3, Table 4.0.1): points missing and measures that add them. */
function assemblyAdvice(rule: LeafRule, calc: Calculation | undefined, values: Values): string[] {
  const d = (calc?.details ?? {}) as { P?: number; Q1?: number; Q2?: number; Q3?: number; Q4?: number; fullFitout?: boolean | null };
  const out: string[] = [];
  const m = gbt51129.minimums;
  if (typeof d.Q1 === 'number' && d.Q1 < m.q1) out.push(`主体结构得分需达到 ${m.q1} 分（现为 ${num(d.Q1)} 分，GB/T 51129-2017 §3.0.3）`);
  if (typeof d.Q2 === 'number' && d.Q2 < m.q2) out.push(`围护墙和内隔墙得分需达到 ${m.q2} 分（现为 ${num(d.Q2)} 分，§3.0.3）`);
  if (d.fullFitout === false) out.push('需采用全装修（§3.0.3）');
  if (typeof d.P !== 'number' || typeof rule.value !== 'number' || d.P >= rule.value) return out;
  const q4 = typeof d.Q4 === 'number' ? d.Q4 : 0;
  const gap = rule.value - d.P;
  const points = up((gap * (100 - q4)) / 100);
  // what each item of Table 4.0.1 could still add, from the proportions the sheet gives
  type Item = (typeof gbt51129.items)[number];
  const groupMax: Record<string, number> = Object.fromEntries(gbt51129.groups.map((g) => [g.key, g.max]));
  const groupNow: Record<string, number> = { q1: d.Q1 ?? 0, q2: d.Q2 ?? 0, q3: d.Q3 ?? 0 };
  const options: Array<{ text: string; gain: number }> = [];
  for (const it of gbt51129.items as Item[]) {
    const iv = values[it.indicator];
    const room = Math.max(0, (groupMax[it.group] ?? 0) - (groupNow[it.group] ?? 0));
    if (room <= 0) continue;
    const max = it.kind === 'interp' ? (it as { sMax: number }).sMax : (it as { score: number }).score;
    if (it.kind === 'boolean') {
      if (iv?.value === true) continue;
      options.push({ text: `采用${it.name}（+${num(Math.min(max, room))} 分）`, gain: Math.min(max, room) });
      continue;
    }
    const cur = typeof iv?.value === 'number' ? iv.value : null;
    const now = cur === null ? 0 : scoreItem(it as never, cur).score;
    const gain = Math.min(max - now, room);
    if (gain <= 0) continue;
    const target = it.kind === 'interp' ? (it as { upper: number }).upper : (it as { min: number }).min;
    const from = cur === null ? '' : `由 ${num(cur)}% `;
    options.push({ text: `${it.name}比例${from}提高至 ${target}%（+${num(gain)} 分）`, gain });
  }
  options.sort((a, b) => b.gain - a.gain);
  const picked: string[] = [];
  let sum = 0;
  for (const o of options) {
    if (sum >= points && picked.length >= 2) break;
    picked.push(o.text);
    sum += o.gain;
    if (picked.length >= 4) break;
  }
  const status = gbt51129.items.some((i) => i.status !== 'CONFIRMED') ? '；表4.0.1 分值部分未核实，以正式标准文本为准' : '';
  out.push(
    `装配率差 ${num(up(gap))} 个百分点，评价得分需增加约 ${num(points)} 分${picked.length ? `：可选${picked.join('；或')}（GB/T 51129-2017 表4.0.1${status}）` : ''}`,
  );
  return out;
}

/** 绿色建筑星级 (GB/T 50378-2019 §3.2.8): category floors, total score, 全装修. */
function starAdvice(rule: LeafRule, calc: Calculation | undefined): string[] {
  const d = (calc?.details ?? {}) as {
    Q?: number;
    categories?: Array<{ name: string; score?: number; floor: number; met: boolean }>;
    cappedBy?: string;
    fullFitout?: boolean | null;
    ruleSet?: string;
  };
  const out: string[] = [];
  const target = typeof rule.value === 'number' ? rule.value : null;
  if (target === null || target <= 0) return out;
  if (d.cappedBy === 'control') out.push('控制项需全部满足（GB/T 50378-2019 §3.2.7）');
  for (const c of d.categories ?? []) {
    if (!c.met) out.push(`${c.name}得分需达到 ${num(c.floor)} 分${typeof c.score === 'number' ? `（现为 ${num(c.score)} 分）` : ''}（§3.2.8，各类评分项不低于满分的 30%）`);
  }
  if (d.fullFitout === false) out.push('需采用全装修（§3.2.8 第2款）');
  const rs = (gbt50378.ruleSets as Record<string, { thresholds: Array<{ star: number; minScore: number }> }>)[d.ruleSet ?? gbt50378.defaultRuleSet];
  const t = rs?.thresholds.find((x) => x.star === target);
  if (t && typeof d.Q === 'number' && d.Q < t.minScore) {
    out.push(`总得分需达到 ${t.minScore} 分（现为 ${num(d.Q, 2)} 分，差 ${num(up(t.minScore - d.Q, 2), 2)} 分），方可评为${starName(target)}`);
  }
  if (typeof d.cappedBy === 'string' && d.cappedBy.startsWith('table328:')) {
    out.push(`需满足 GB/T 50378-2019 表3.2.8 中${starName(target)}的技术要求（受“${d.cappedBy.slice(9)}”限制）`);
  }
  return out;
}

/** 可再生能源替代率: the renewable energy still missing. */
function renewableAdvice(rule: LeafRule, calc: Calculation | undefined): string[] {
  const d = (calc?.details ?? {}) as { E_re?: number; E_total?: number };
  if (typeof d.E_re !== 'number' || typeof d.E_total !== 'number' || typeof rule.value !== 'number') return [];
  const need = (rule.value / 100) * d.E_total;
  if (need <= d.E_re) return [];
  return [`可再生能源年利用量需增加 ${num(up(need - d.E_re, 0), 0)} kWh/a（由 ${num(d.E_re, 0)} kWh/a 增至不少于 ${num(up(need, 0), 0)} kWh/a）`];
}

// ---------------------------------------------------------------- a leaf

function leafAdvice(
  rule: LeafRule,
  leaf: { verdict: string; declared: unknown; computed: unknown; source: string | null },
  calc: Calculation | undefined,
  values: Values,
  city: string | undefined,
): string[] {
  const id = rule.indicator;
  const name = indicatorName(id);
  const req = `${RAISE[rule.op] ?? ''}${formatValue(id, rule.value)}`;
  const out: string[] = [];
  if (leaf.verdict === 'missing') {
    out.push(`补充${name}（合同要求${req}）${calc?.inputs.length ? `及其计算依据（${[...new Set(calc.inputs.map((i) => i.label))].slice(0, 4).join('、')}）` : ''}`);
    if (id === 'runoff_capture') out.push(...runoffAdvice(rule, calc, city));
    return out;
  }
  const v = basisValue(leaf.declared, leaf.computed);
  if (typeof rule.value === 'boolean' || typeof v === 'boolean') {
    if (leaf.verdict === 'fail') out.push(rule.value === true ? `需落实${name}（合同要求：${formatValue(id, rule.value)}）` : `需取消${name}（合同要求：${formatValue(id, rule.value)}）`);
  } else if (typeof v === 'number' && typeof rule.value === 'number' && leaf.verdict === 'fail') {
    const t = rule.value;
    const below = rule.op === '>=' || rule.op === '>';
    const gap = below ? t - v : v - t;
    if (gap >= 0) {
      const def = indicatorDef(id);
      if (def?.type === 'star') out.push(`${name}需达到${formatValue(id, t)}${rule.op === '>' ? '以上' : ''}（现为${formatValue(id, v)}，${gapText(id, gap)}）`);
      else out.push(`${name}需${below ? '提高' : '降低'}至${req}（现为 ${formatValue(id, v)}，${gapText(id, gap || 0)}）`);
    }
  }
  if (leaf.verdict === 'fail' || leaf.verdict === 'review') {
    const ratio = ratioAmount(rule, calc);
    if (ratio && leaf.verdict === 'fail') out.push(ratio);
    if (id === 'runoff_capture') out.push(...runoffAdvice(rule, calc, city));
    if (id === 'assembly_ratio') out.push(...assemblyAdvice(rule, calc, values));
    if (id === 'green_building_star') out.push(...starAdvice(rule, calc));
    if (id === 'renewable_substitution') out.push(...renewableAdvice(rule, calc));
  }
  if (leaf.verdict === 'review' && out.length === 0) {
    out.push(`核对${name}${leaf.source ? `（${leaf.source}）` : ''}的数值与计算依据，补充可复核的计算书，确认满足合同要求（${req}）`);
  }
  if (leaf.verdict === 'fail' && out.length === 0) out.push(`修改设计，使${name}满足合同要求（${req}）`);
  return [...new Set(out)];
}

/**
 * The gap between the value a leaf's verdict rests on and its requirement, in the indicator's
 * own units ('差 2.3 个百分点', '差 1 个星级'), or null when there is no numeric gap.
 */
export function gapOf(rule: LeafRule, leaf: { declared: unknown; computed: unknown }): string | null {
  const v = basisValue(leaf.declared, leaf.computed);
  if (typeof v !== 'number' || typeof rule.value !== 'number') return null;
  const below = rule.op === '>=' || rule.op === '>';
  const above = rule.op === '<=' || rule.op === '<';
  const gap = below ? rule.value - v : above ? v - rule.value : Math.abs(v - rule.value);
  if (gap < 0 || (gap === 0 && (rule.op === '>=' || rule.op === '<=' || rule.op === '=='))) return null;
  return gapText(rule.indicator, gap);
}

export function leaves(rule: Rule): LeafRule[] {
  if ('anyOf' in rule) return rule.anyOf.flatMap(leaves);
  if ('allOf' in rule) return rule.allOf.flatMap(leaves);
  return [rule];
}

/** Advice for one finding (empty for a pass or a finding not applicable). */
export function remediationFor(f: Finding, cond: Condition | undefined, values: Values = {}, city?: string): string[] {
  if (!NON_PASSING.has(f.verdict) || !cond) return [];
  if (f.override) return [];
  const rules = leaves(cond);
  const ruleFor = (indicator: string) => rules.find((r) => r.indicator === indicator);
  if (f.branches?.length) {
    const any = 'anyOf' in cond;
    const parts: string[] = [];
    for (const b of f.branches) {
      const r = ruleFor(b.indicator);
      if (!r || b.verdict === 'pass' || b.verdict === 'not_applicable') continue;
      const calc = f.calculation?.indicator === b.indicator ? f.calculation : undefined;
      const advice = leafAdvice(r, b, calc, values, city);
      if (advice.length) parts.push(advice.join('；'));
    }
    if (parts.length === 0) return [];
    return any && parts.length > 1 ? [`满足以下任一项即可：${parts.map((p, i) => `（${i + 1}）${p}`).join('；')}`] : parts;
  }
  const r = ruleFor(f.indicator);
  return r ? leafAdvice(r, f, f.calculation, values, city) : [];
}

/** The values each finding's scope sees: the building's own over the project's (built once per building). */
function scopeValuesOf(imported: ImportResult): (building: string | null) => Values {
  const byName = new Map<string, ImportResult['buildings'][number]>();
  for (const b of imported.buildings) if (!byName.has(b.name)) byName.set(b.name, b);
  const cache = new Map<string, Values>();
  return (building) => {
    const b = building === null ? undefined : byName.get(building);
    if (!b) return imported.project;
    let v = cache.get(b.name);
    if (!v) cache.set(b.name, (v = { ...imported.project, ...b.values }));
    return v;
  };
}

/** The findings with `remediation` on each non-passing one (docs/formats.md §6). */
export function addRemediation(findings: Finding[], doc: ConditionsDoc, imported: ImportResult): Finding[] {
  const byId = new Map(doc.conditions.map((c) => [c.id, c]));
  const city = typeof doc.contract?.city === 'string' ? doc.contract.city : undefined;
  const scopeValues = scopeValuesOf(imported);
  return findings.map((f) => {
    // a pass has no advice: its scope's values are not even gathered (500 buildings' passes)
    const advice = NON_PASSING.has(f.verdict) ? remediationFor(f, byId.get(f.conditionId), scopeValues(f.building), city) : [];
    return advice.length ? { ...f, remediation: advice } : f;
  });
}
