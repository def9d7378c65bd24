// The check engine: conditions × imported values → findings (formats.md §3).
//
// Verdict rules for one indicator (a leaf of a condition):
// - declared value readable, no recomputation        → verdict of the declared value;
// - declared and recomputed agree (within tolerance)  → verdict of the declared value;
// - they disagree and the recomputed value fails      → fail when the recomputation rests on
//   confirmed rules, otherwise review;
// - they disagree and the recomputed value passes     → review (the sheet contradicts itself);
// - only a recomputed value                           → its verdict (review instead of fail when
//   the method is unconfirmed);
// - the data say the declared value is unsupported    → review (or fail if it fails anyway);
// - placeholder / nothing found                       → missing; unreadable or ambiguous → review.
import type {
  BranchFinding,
  Calculation,
  Condition,
  ConditionsDoc,
  Finding,
  ImportedBuilding,
  ImportedValue,
  ImportResult,
  LeafRule,
  Overall,
  Rule,
  Verdict,
} from '../model/types';
import { formatValue, indicator as indicatorDef, indicatorName } from '../model/indicators';
import { recompute, type CalcContext } from '../calc/index';
import { describeRule } from '../conditions/index';
import { holds, missWord, requirementWords } from './compare';

export interface EngineOptions {
  /** Contract city for city-specific data (defaults to the condition file's contract.city). */
  city?: string;
}

interface Scope {
  /** Building name, or null for the project. */
  building: string | null;
  /** "3#楼 " or "项目" — prefix of messages. */
  label: string;
  values: Record<string, ImportedValue>;
  /** Indicators a building lacks and takes from the project level. */
  inherited: Set<string>;
  ctx: CalcContext;
  /** A sentence prepended to every message of this scope (e.g. no per-building data). */
  preface?: string;
}

interface LeafOutcome extends BranchFinding {
  calculation?: Calculation;
}

export function evaluate(imported: ImportResult, doc: ConditionsDoc, opts: EngineOptions = {}): Finding[] {
  const city = opts.city ?? (typeof doc.contract?.city === 'string' ? doc.contract.city : undefined);
  const projectScope = makeProjectScope(imported, city);
  const buildingScopes = imported.buildings.map((b) => makeBuildingScope(imported, b, city));
  const findings: Finding[] = [];
  for (const cond of doc.conditions) {
    if (cond.scope !== 'building') {
      findings.push(conditionFinding(cond, projectScope));
      continue;
    }
    if (buildingScopes.length === 0) {
      findings.push(
        conditionFinding(cond, {
          ...projectScope,
          preface: '指标表未列出单体数据，本条按项目整体数值审查',
        }),
      );
      continue;
    }
    for (let i = 0; i < buildingScopes.length; i++) {
      const scope = buildingScopes[i];
      const gate = applicability(cond, imported.buildings[i]);
      findings.push(gate ? gateFinding(cond, scope, gate) : conditionFinding(cond, scope));
    }
  }
  return findings;
}

export function overallOf(findings: Finding[]): Overall {
  if (findings.some((f) => f.verdict === 'fail')) return 'fail';
  if (findings.some((f) => f.verdict === 'missing' || f.verdict === 'review')) return 'incomplete';
  return 'pass';
}

export function countVerdicts(findings: Finding[]): Record<Verdict, number> {
  const counts: Record<Verdict, number> = { pass: 0, fail: 0, missing: 0, review: 0, not_applicable: 0 };
  for (const f of findings) counts[f.verdict]++;
  return counts;
}

// ---------------------------------------------------------------- scopes

function makeProjectScope(imported: ImportResult, city: string | undefined): Scope {
  return {
    building: null,
    label: '项目',
    values: imported.project,
    inherited: new Set(),
    ctx: { values: imported.project, surfaces: imported.surfaces, city, scopeLabel: '项目' },
  };
}

function makeBuildingScope(imported: ImportResult, b: ImportedBuilding, city: string | undefined): Scope {
  const values: Record<string, ImportedValue> = { ...imported.project, ...b.values };
  const inherited = new Set(Object.keys(imported.project).filter((k) => !(k in b.values)));
  return {
    building: b.name,
    label: b.name,
    values,
    inherited,
    ctx: { values, surfaces: imported.surfaces, city, scopeLabel: b.name },
  };
}

interface Gate {
  verdict: 'not_applicable' | 'review';
  message: string;
  source: string | null;
}

const USE_NAMES: Record<string, string> = {
  residential: '居住建筑',
  public: '公共建筑',
  industrial: '工业建筑',
  other: '其他用途（车库、设备用房等）',
};

/** Null when the condition applies to the building; otherwise why not (or why it is unknown). */
function applicability(cond: Condition, b: ImportedBuilding): Gate | null {
  const a = cond.appliesTo;
  if (!a) return null;
  if (a.buildings && a.buildings.length > 0 && !a.buildings.some((n) => n.trim() === b.name.trim())) {
    return { verdict: 'not_applicable', message: `${b.name} 不在本条所列单体（${a.buildings.join('、')}）之内`, source: b.nameSource };
  }
  if (a.use && a.use.length > 0) {
    const wanted = a.use.map((u) => USE_NAMES[u]).join('、');
    if (b.use === null) {
      return {
        verdict: 'review',
        message: `${b.name} 的建筑用途${b.useRaw ? `“${b.useRaw}”` : ''}无法识别，不能判断本条（适用于${wanted}）是否适用，请核对`,
        source: b.useSource ?? b.nameSource,
      };
    }
    if (!(a.use as string[]).includes(b.use)) {
      return { verdict: 'not_applicable', message: `${b.name} 为${USE_NAMES[b.use]}，本条仅适用于${wanted}`, source: b.useSource ?? b.nameSource };
    }
  }
  if (a.minFloorArea !== undefined) {
    const areaSource = b.values.gross_floor_area?.source ?? b.nameSource;
    if (b.floorArea === null) {
      return {
        verdict: 'review',
        message: `${b.name} 未给出建筑面积，不能判断是否达到本条适用的 ${a.minFloorArea} m²，请补充`,
        source: areaSource,
      };
    }
    if (b.floorArea < a.minFloorArea) {
      return {
        verdict: 'not_applicable',
        message: `${b.name} 建筑面积 ${b.floorArea} m²，小于本条适用的 ${a.minFloorArea} m²`,
        source: areaSource,
      };
    }
  }
  return null;
}

function gateFinding(cond: Condition, scope: Scope, gate: Gate): Finding {
  return {
    conditionId: cond.id,
    indicator: firstIndicator(cond),
    building: scope.building,
    verdict: gate.verdict,
    required: describeRule(cond),
    declared: null,
    computed: null,
    source: gate.source,
    message: gate.message,
    ...clauseFields(cond),
  };
}

// ---------------------------------------------------------------- conditions and rules

function conditionFinding(cond: Condition, scope: Scope): Finding {
  const outcome = evaluateRule(cond, scope);
  const message = scope.preface ? `${scope.preface}：${outcome.message}` : outcome.message;
  const finding: Finding = {
    conditionId: cond.id,
    indicator: outcome.indicator,
    building: scope.building,
    verdict: outcome.verdict,
    required: describeRule(cond),
    declared: outcome.declared,
    computed: outcome.computed,
    source: outcome.source,
    message,
    ...clauseFields(cond),
  };
  if (outcome.branches) finding.branches = outcome.branches.map(stripCalculation);
  if (outcome.calculation) finding.calculation = outcome.calculation;
  return finding;
}

function clauseFields(cond: Condition): Pick<Finding, 'clause' | 'text'> {
  const out: Pick<Finding, 'clause' | 'text'> = {};
  if (cond.clause !== undefined) out.clause = cond.clause;
  if (cond.text !== undefined) out.text = cond.text;
  return out;
}

function stripCalculation(b: LeafOutcome): BranchFinding {
  const { calculation: _calc, ...rest } = b;
  return rest;
}

interface RuleOutcome extends LeafOutcome {
  branches?: LeafOutcome[];
}

function evaluateRule(rule: Rule, scope: Scope): RuleOutcome {
  if ('anyOf' in rule) return combine(rule.anyOf.map((r) => evaluateRule(r, scope)), 'any', scope);
  if ('allOf' in rule) return combine(rule.allOf.map((r) => evaluateRule(r, scope)), 'all', scope);
  return evaluateLeaf(rule, scope);
}

/** anyOf: pass if any branch passes, fail if all fail; allOf: fail if any fails, pass if all pass;
 *  otherwise review before missing. */
function combine(parts: RuleOutcome[], mode: 'any' | 'all', scope: Scope): RuleOutcome {
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
  const branches = parts.flatMap((p) => p.branches ?? [p]);
  return { ...lead, verdict, message, branches };
}

function stripScope(message: string, scope: Scope): string {
  const prefix = `${scope.label} `;
  return message.startsWith(prefix) ? message.slice(prefix.length) : message;
}

// ---------------------------------------------------------------- one indicator

function evaluateLeaf(rule: LeafRule, scope: Scope): LeafOutcome {
  const id = rule.indicator;
  const def = indicatorDef(id);
  const name = indicatorName(id);
  const req = requirementWords(id, rule.op, rule.value);
  const who = scope.building ? `${scope.label} ` : '';
  const declaredValue = scope.values[id];
  const inheritedNote =
    scope.building && declaredValue && scope.inherited.has(id) ? '（单体未单列，采用项目整体数值）' : '';
  const calc = safeRecompute(id, scope);
  const computed = calc && calc.value !== null ? calc.value : null;
  const confirmed = calc?.confidence === 'confirmed';
  const tolerance = def?.tolerance ?? 0;
  const base = { indicator: id, required: `${rule.op} ${String(rule.value)}` };
  const out = (
    verdict: Verdict,
    message: string,
    declared: ImportedValue | undefined,
    source?: string | null,
  ): LeafOutcome => {
    const o: LeafOutcome = {
      ...base,
      verdict,
      declared: declared && declared.status === 'ok' ? declared.value : null,
      computed,
      source: source !== undefined ? source : (declared?.source ?? firstInputSource(calc)),
      message: `${who}${message}`,
    };
    if (calc) o.calculation = calc;
    return o;
  };
  const fmt = (v: unknown) => formatValue(id, v);
  const computedVerdict = (): Verdict => (holds(computed as number | boolean, rule.op, rule.value) ? 'pass' : 'fail');
  const calcWhy = calc ? calcSummary(calc) : '';

  // 1. nothing usable declared
  if (!declaredValue || declaredValue.status !== 'ok') {
    const why = declaredWhy(declaredValue);
    if (computed !== null) {
      const v = computedVerdict();
      const basis = `${why}按表中数据复核${name}为${fmt(computed)}${calcWhy}`;
      if (v === 'pass') return out('pass', `${basis}，满足合同要求（${req}）`, declaredValue, declaredValue?.source ?? firstInputSource(calc));
      return out(
        confirmed ? 'fail' : 'review',
        `${basis}，${missWord(rule.op)}合同要求（${req}）${confirmed ? '' : '；复核方法含待核实数据，请人工复核'}`,
        declaredValue,
        declaredValue?.source ?? firstInputSource(calc),
      );
    }
    if (!declaredValue) {
      const hint = calc && calc.notes.length > 0 ? `；复核所需数据不全：${calc.notes[0]}` : '';
      return out('missing', `指标表中未找到${name}${hint}`, undefined, null);
    }
    if (declaredValue.status === 'placeholder') {
      return out('missing', `${name}填写为“${declaredValue.raw}”，视为未提供数值`, declaredValue);
    }
    return out('review', `${name}“${declaredValue.raw}”无法判读：${declaredValue.interpretation}`, declaredValue);
  }

  // 2. a declared value of the wrong type or out of range
  const dv = declaredValue.value;
  const wantBool = def?.type === 'boolean';
  if ((wantBool && typeof dv !== 'boolean') || (!wantBool && typeof dv !== 'number')) {
    return out('review', `${name}“${declaredValue.raw}”不是有效的${wantBool ? '是/否' : '数值'}`, declaredValue);
  }
  if (typeof dv === 'number' && def?.range && (dv < def.range[0] || dv > def.range[1])) {
    return out('review', `${name}${fmt(dv)}超出合理范围（${def.range[0]}～${def.range[1]}），请核对`, declaredValue);
  }
  const declaredVerdict: Verdict = holds(dv as number | boolean, rule.op, rule.value) ? 'pass' : 'fail';
  const declaredText = `${name}为${fmt(dv)}${inheritedNote}`;

  // 3. declared only, or the data cannot be recomputed
  if (computed === null) {
    if (calc?.supportsDeclared === false) {
      const unsupported = `表中数据不支持申报值：${calc.notes[0] ?? calcWhy}`;
      if (declaredVerdict === 'fail') {
        return out('fail', `${declaredText}，${missWord(rule.op)}合同要求（${req}）；且${unsupported}`, declaredValue);
      }
      return out('review', `${declaredText}，但${unsupported}，请核对`, declaredValue);
    }
    return declaredVerdict === 'pass'
      ? out('pass', `${declaredText}，满足合同要求（${req}）`, declaredValue)
      : out('fail', `${declaredText}，${missWord(rule.op)}合同要求（${req}）`, declaredValue);
  }

  // 4. declared and recomputed
  const agree = valuesAgree(dv as number | boolean, computed, tolerance, calc?.bound === 'upper');
  if (agree) {
    const check = `，与按表中数据复核的${fmt(computed)}${calc?.bound === 'upper' ? '（上限）' : ''}一致`;
    return declaredVerdict === 'pass'
      ? out('pass', `${declaredText}${check}，满足合同要求（${req}）`, declaredValue)
      : out('fail', `${declaredText}${check}，${missWord(rule.op)}合同要求（${req}）`, declaredValue);
  }
  const cv = computedVerdict();
  const contradiction = `${declaredText}，但按表中数据复核仅为${fmt(computed)}${calcWhy}`;
  if (cv === 'fail') {
    if (confirmed) {
      return out('fail', `${contradiction}，${missWord(rule.op)}合同要求（${req}），以复核值为准`, declaredValue);
    }
    return out('review', `${contradiction}，复核值${missWord(rule.op)}合同要求（${req}）；复核方法含待核实数据，请人工复核`, declaredValue);
  }
  if (declaredVerdict === 'fail') {
    return out('review', `${declaredText}，${missWord(rule.op)}合同要求（${req}），但按表中数据复核为${fmt(computed)}${calcWhy}，满足要求；申报值与复核值不一致，请核对`, declaredValue);
  }
  return out('review', `${declaredText}，与按表中数据复核的${fmt(computed)}${calcWhy}不一致；两者均满足合同要求（${req}），但申报值缺乏数据支持，请核对`, declaredValue);
}

function valuesAgree(declared: number | boolean, computed: number | boolean, tolerance: number, upperBound: boolean): boolean {
  if (typeof declared === 'boolean' || typeof computed === 'boolean') return declared === computed;
  if (upperBound) return declared <= computed + tolerance + 1e-9;
  return Math.abs(declared - computed) <= tolerance + 1e-9;
}

function declaredWhy(v: ImportedValue | undefined): string {
  if (!v) return '表中未申报，';
  if (v.status === 'placeholder') return `申报值为“${v.raw}”，`;
  return `申报值“${v.raw}”无法判读，`;
}

/** "（GB/T 51129-2017 §4.0.1）" */
function calcSummary(calc: Calculation): string {
  return calc.clause ? `（${calc.clause}）` : '';
}

function firstInputSource(calc: Calculation | null | undefined): string | null {
  return calc?.inputs.find((i) => i.source)?.source ?? null;
}

function safeRecompute(id: string, scope: Scope): Calculation | null {
  try {
    return recompute(id, scope.ctx);
  } catch (e) {
    // A calculator must never turn odd data into a crash: report it as an unusable recomputation.
    return {
      method: 'error',
      indicator: id,
      value: null,
      clause: '',
      formula: '',
      inputs: [],
      steps: [],
      confidence: 'unconfirmed',
      notes: [`复核计算出错：${e instanceof Error ? e.message : String(e)}`],
    };
  }
}

function firstIndicator(rule: Rule): string {
  if ('anyOf' in rule) return firstIndicator(rule.anyOf[0]);
  if ('allOf' in rule) return firstIndicator(rule.allOf[0]);
  return rule.indicator;
}
