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
import { applicability, noBuildingsGate, type Gate } from './applicability';
import { aggregateBuildings } from './aggregate';
import { companionScopes, confirmationGate } from './clauseReading';
import { parcelScope, projectGate } from './projectGates';

export interface EngineOptions {
  /** Contract city for city-specific data (defaults to the condition file's contract.city). */
  city?: string;
}

interface Scope {
  /** Building name, or null for the project. */
  building: string | null;
  /** Indicator ids the building states itself (empty for the project). */
  own: ReadonlySet<string>;
  /** Recomputations already made in this scope, by indicator. */
  calcs: Map<string, Calculation | null>;
  /** "3#楼 " or "项目" — prefix of messages. */
  label: string;
  values: Record<string, ImportedValue>;
  ctx: CalcContext;
  /** The project scope a building scope inherits from (null for the project itself). */
  project: Scope | null;
  /** A sentence prepended to every message of this scope (e.g. no per-building data). */
  preface?: string;
}

interface LeafOutcome extends BranchFinding {
  calculation?: Calculation;
}

export function evaluate(imported: ImportResult, doc: ConditionsDoc, opts: EngineOptions = {}): Finding[] {
  const city = opts.city ?? (typeof doc.contract?.city === 'string' ? doc.contract.city : undefined);
  const projectScope = makeProjectScope(imported, city);
  let scopes: Scope[] | null = null;
  const findings: Finding[] = [];
  for (const cond of doc.conditions) {
    // Contract-text additions (docs/formats.md §6): the parcel, dates, project facts and size
    // decide whether the condition applies at all; companion values reach the calculators.
    const plot = parcelScope(cond, doc, imported);
    if (plot && 'view' in plot) {
      const inParcel = evaluate(plot.view, { ...doc, conditions: [{ ...cond, parcel: undefined }] }, { ...opts, city });
      findings.push(...inParcel.map((f) => ({ ...f, message: `地块 ${plot.parcel.name}：${f.message}` })));
      continue;
    }
    const whole = plot?.gate ?? projectGate(cond, doc, imported);
    if (whole) {
      findings.push(gateFinding(cond, projectScope, whole));
      continue;
    }
    const s = companionScopes(cond, projectScope, () => (scopes ??= imported.buildings.map((b) => makeBuildingScope(imported, b, city, projectScope))));
    findings.push(...confirmationGate(cond, conditionFindings(cond, imported, s.project, s.buildings)));
  }
  return findings;
}

/** The findings of one condition that applies to the project: once, or per building. */
function conditionFindings(cond: Condition, imported: ImportResult, projectScope: Scope, buildings: () => Scope[]): Finding[] {
  if (cond.scope !== 'building') return [conditionFinding(cond, projectScope)];
  const buildingScopes = buildings();
  if (buildingScopes.length === 0) {
    const unknown = noBuildingsGate(cond);
    if (unknown) return [gateFinding(cond, projectScope, unknown)];
    return [
      conditionFinding(cond, {
        ...projectScope,
        preface: '指标表未列出单体数据，本条按项目整体数值审查',
      }),
    ];
  }
  const perBuilding: Finding[] = [];
  for (let i = 0; i < buildingScopes.length; i++) {
    const scope = buildingScopes[i];
    const gate = applicability(cond, imported.buildings[i]);
    perBuilding.push(gate ? gateFinding(cond, scope, gate) : conditionFinding(cond, scope));
  }
  return aggregateBuildings(cond, perBuilding, imported.buildings);
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
    own: new Set(),
    calcs: new Map(),
    label: '项目',
    values: imported.project,
    ctx: { values: imported.project, surfaces: imported.surfaces, city, scopeLabel: '项目' },
    project: null,
  };
}

function makeBuildingScope(imported: ImportResult, b: ImportedBuilding, city: string | undefined, project: Scope): Scope {
  // The building's own values over the project's, through the prototype chain (no copying).
  const values = Object.assign(Object.create(imported.project) as Record<string, ImportedValue>, b.values);
  const own = new Set(Object.keys(b.values));
  return {
    building: b.name,
    own,
    calcs: new Map(),
    label: b.name,
    values,
    ctx: { values, surfaces: imported.surfaces, city, scopeLabel: b.name },
    project,
  };
}

// ---------------------------------------------------------------- recomputation, once per need

/** Which value ids a project-level recomputation looked at ('all' if it listed the values). */
const projectReads = new WeakMap<Scope, Map<string, Set<string> | 'all'>>();

/**
 * The recomputation of `id` in a scope. A building that states none of the values the
 * calculator reads gets the project's recomputation (500 identical buildings cost one).
 */
function recomputeIn(id: string, scope: Scope): Calculation | null {
  if (scope.calcs.has(id)) return scope.calcs.get(id)!;
  let calc: Calculation | null;
  if (scope.project) {
    const project = scope.project;
    const projectCalc = recomputeIn(id, project);
    const reads = projectReads.get(project)!.get(id)!;
    const dependsOnBuilding = reads === 'all' || [...reads].some((k) => scope.own.has(k));
    calc = dependsOnBuilding ? recompute(id, scope.ctx) : projectCalc;
  } else {
    const reads = new Set<string>();
    let all = false;
    const tracked = new Proxy(scope.ctx.values, {
      get: (t, k) => (typeof k === 'string' && reads.add(k), Reflect.get(t, k)),
      has: (t, k) => (typeof k === 'string' && reads.add(k), Reflect.has(t, k)),
      getOwnPropertyDescriptor: (t, k) => (typeof k === 'string' && reads.add(k), Reflect.getOwnPropertyDescriptor(t, k)),
      ownKeys: (t) => ((all = true), Reflect.ownKeys(t)),
    });
    calc = recompute(id, { ...scope.ctx, values: tracked });
    if (!projectReads.has(scope)) projectReads.set(scope, new Map());
    projectReads.get(scope)!.set(id, all ? 'all' : reads);
  }
  scope.calcs.set(id, calc);
  return calc;
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
  const declared = scope.values[id];
  const calc = recomputeIn(id, scope);
  const computed = calc && calc.value !== null ? calc.value : null;
  const d = decide(rule, scope, declared, calc, computed);
  const outcome: LeafOutcome = {
    indicator: id,
    required: `${rule.op} ${String(rule.value)}`,
    verdict: d.verdict,
    declared: declared && declared.status === 'ok' ? declared.value : null,
    computed,
    source: d.source !== undefined ? d.source : (declared?.source ?? firstInputSource(calc)),
    message: scope.building ? `${scope.label} ${d.message}` : d.message,
  };
  if (calc) outcome.calculation = calc;
  return outcome;
}

interface Decision {
  verdict: Verdict;
  message: string;
  /** Overrides the default source (the declared cell, else the first input cell). */
  source?: string | null;
}

/** The verdict rules of the file header, for one indicator in one scope. */
function decide(
  rule: LeafRule,
  scope: Scope,
  declared: ImportedValue | undefined,
  calc: Calculation | null,
  computed: number | boolean | null,
): Decision {
  const id = rule.indicator;
  const def = indicatorDef(id);
  const name = indicatorName(id);
  const req = requirementWords(id, rule.op, rule.value);
  const miss = missWord(rule.op);
  const confirmed = calc?.confidence === 'confirmed';
  const calcWhy = calc?.clause ? `（${calc.clause}）` : '';
  const computedPasses = computed !== null && holds(computed, rule.op, rule.value);

  // 1. nothing usable declared
  if (!declared || declared.status !== 'ok') {
    if (computed !== null) {
      const basis = `${declaredWhy(declared)}按表中数据复核${name}为${formatValue(id, computed)}${calcWhy}`;
      const source = declared?.source ?? firstInputSource(calc);
      if (computedPasses) return { verdict: 'pass', message: `${basis}，满足合同要求（${req}）`, source };
      return confirmed
        ? { verdict: 'fail', message: `${basis}，${miss}合同要求（${req}）`, source }
        : { verdict: 'review', message: `${basis}，${miss}合同要求（${req}）；复核方法含待核实数据，请人工复核`, source };
    }
    if (!declared) {
      const hint = calc && calc.notes.length > 0 ? `；复核所需数据不全：${calc.notes[0]}` : '';
      return { verdict: 'missing', message: `指标表中未找到${name}${hint}`, source: null };
    }
    if (declared.status === 'placeholder') return { verdict: 'missing', message: `${name}填写为“${declared.raw}”，视为未提供数值` };
    return { verdict: 'review', message: `${name}“${declared.raw}”无法判读：${declared.interpretation}` };
  }

  // 2. a declared value of the wrong type or out of range
  const dv = declared.value as number | boolean;
  const wantBool = def?.type === 'boolean';
  if ((wantBool && typeof dv !== 'boolean') || (!wantBool && typeof dv !== 'number')) {
    return { verdict: 'review', message: `${name}“${declared.raw}”不是有效的${wantBool ? '是/否' : '数值'}` };
  }
  if (typeof dv === 'number' && def?.range && (dv < def.range[0] || dv > def.range[1])) {
    return { verdict: 'review', message: `${name}${formatValue(id, dv)}超出合理范围（${def.range[0]}～${def.range[1]}），请核对` };
  }
  const declaredPasses = holds(dv, rule.op, rule.value);
  const inherited = scope.building !== null && !scope.own.has(id) ? '（单体未单列，采用项目整体数值）' : '';
  const declaredText = `${name}为${formatValue(id, dv)}${inherited}`;

  // 3. declared only, or the data cannot be recomputed
  if (computed === null) {
    if (calc?.supportsDeclared === false) {
      const unsupported = `表中数据不支持申报值：${calc.notes[0] ?? calcWhy}`;
      return declaredPasses
        ? { verdict: 'review', message: `${declaredText}，但${unsupported}，请核对` }
        : { verdict: 'fail', message: `${declaredText}，${miss}合同要求（${req}）；且${unsupported}` };
    }
    const support = calc?.supportsDeclared === true ? `，表中数据支持该值${calcWhy}` : '';
    return declaredPasses
      ? { verdict: 'pass', message: `${declaredText}${support}，满足合同要求（${req}）` }
      : { verdict: 'fail', message: `${declaredText}，${miss}合同要求（${req}）` };
  }

  // 4. declared and recomputed
  const upper = calc?.bound === 'upper';
  if (valuesAgree(dv, computed, def?.tolerance ?? 0, upper)) {
    const check = `，与按表中数据复核的${formatValue(id, computed)}${upper ? '（上限）' : ''}一致`;
    return declaredPasses
      ? { verdict: 'pass', message: `${declaredText}${check}，满足合同要求（${req}）` }
      : { verdict: 'fail', message: `${declaredText}${check}，${miss}合同要求（${req}）` };
  }
  const recomputedText = `按表中数据复核${upper ? '至多' : '仅'}为${formatValue(id, computed)}${calcWhy}`;
  if (!computedPasses) {
    // An upper bound below the requirement settles it whatever the missing data say.
    return confirmed
      ? { verdict: 'fail', message: `${declaredText}，但${recomputedText}，${miss}合同要求（${req}），以复核值为准` }
      : { verdict: 'review', message: `${declaredText}，但${recomputedText}，复核值${miss}合同要求（${req}）；复核方法含待核实数据，请人工复核` };
  }
  if (!declaredPasses) {
    return { verdict: 'review', message: `${declaredText}，${miss}合同要求（${req}），但按表中数据复核为${formatValue(id, computed)}${calcWhy}，满足要求；申报值与复核值不一致，请核对` };
  }
  return { verdict: 'review', message: `${declaredText}，与按表中数据复核的${formatValue(id, computed)}${calcWhy}不一致；两者均满足合同要求（${req}），但申报值缺乏数据支持，请核对` };
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

function firstInputSource(calc: Calculation | null | undefined): string | null {
  return calc?.inputs.find((i) => i.source)?.source ?? null;
}

function firstIndicator(rule: Rule): string {
  if ('anyOf' in rule) return firstIndicator(rule.anyOf[0]);
  if ('allOf' in rule) return firstIndicator(rule.allOf[0]);
  return rule.indicator;
}
