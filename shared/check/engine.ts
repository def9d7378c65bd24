// The check engine: conditions × imported values → findings (docs/formats.md §3).
//
// The engine gathers, for each indicator in each scope (the project, or one building), the
// declared value, the recomputation and what the workbook could not be read for; the evidence
// policy (shared/check/evidence.ts, docs/evidence-policy.md) decides the verdict.
import type {
  Calculation,
  Condition,
  ConditionsDoc,
  Finding,
  ImportedBuilding,
  ImportedValue,
  ImportResult,
  LeafRule,
  SheetStatement,
  Overall,
  Rule,
  UnreadBlock,
  Verdict,
} from '../model/types';
import { CALCULATOR_INPUTS, recompute, type CalcContext } from '../calc/index';
import { buildingsBelow } from './buildingsBelow';
import { buildingsExceed, buildingsMax } from './buildingsMax';
import { describeRule } from '../conditions/index';
import { absentBuildings, applicability, noBuildingsGate, type Gate } from './applicability';
import { decideLeaf, type LeafEvidence } from './evidence';
import { conflictingInputs, relatedUnread, unreadBuildingLists, usedInputs, type UsedInput } from './gather';
import { chooseParcel, otherParcelGate, siteForParcelGate } from './parcels';
import { aggregateBuildings } from './aggregate';
import { companionScopes, confirmationGate } from './clauseReading';
import { parcelScope, projectGate } from './projectGates';
import { reviewStatements, type StatementEvidence } from './statements';
import type { BasisTexts } from '../model/remarkBasis';
import { sheetConsistency } from './consistency';
import { soleBuildingDoubt } from './soleBuilding';
import { combine, outcomeOf, stripCalculation, type LeafOutcome, type RuleOutcome } from './outcome';

export interface EngineOptions {
  /** Contract city for city-specific data and methods (defaults to contract.city, else the document's jurisdiction). */
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
  /** Tables the importer could not read (docs/evidence-policy.md). */
  unread: UnreadBlock[];
  /** Set when the scope answers a building-scope condition: unread lists of buildings, if any. */
  unreadBuildings?: UnreadBlock[];
  /** Titles, notes and remarks that say something about the figures (shared/check/statements.ts). */
  statements: readonly SheetStatement[];
  /** Project scope: the one building the workbook describes, and the ids its values fill in. */
  sole?: { name: string; keys: ReadonlySet<string>; doubt: string | null };
  /** Every condition's text: where the contract states the basis of a quantity (shared/model/remarkBasis.ts). */
  contractTexts?: readonly string[];
  /** A building scope: the values its own inherit (the project's); null for the project. */
  inherits: Record<string, ImportedValue> | null;
  /** Project scope: the recomputations' used inputs as the inherited values state them, by indicator (inputsIn). */
  inheritedInputs: Map<string, { calc: Calculation; inputs: readonly UsedInput[] }>;
}

export function evaluate(workbook: ImportResult, doc: ConditionsDoc, opts: EngineOptions = {}): Finding[] {
  const city = opts.city ?? (typeof doc.contract?.city === 'string' ? doc.contract.city : doc.jurisdiction);
  const signedOn = typeof doc.contract?.signedOn === 'string' ? doc.contract.signedOn : undefined;
  // Several parcels: the contract's parcel, or 需复核 for every condition (per-plot ones aside).
  const choice = chooseParcel(workbook, doc.contract);
  const imported = 'refusal' in choice ? workbook : choice.imported;
  const parcel = typeof doc.contract?.parcel === 'string' && doc.contract.parcel.trim() ? doc.contract.parcel.trim() : undefined;
  const projectScope = makeProjectScope(imported, city, signedOn, parcel);
  projectScope.contractTexts = projectScope.ctx.contractTexts = doc.conditions.flatMap((c) => (typeof c.text === 'string' ? [c.text] : []));
  const unreadBuildings = unreadBuildingLists(imported.unread);
  let scopes: Scope[] | null = null;
  const findings: Finding[] = [];
  for (const cond of doc.conditions) {
    // Contract-text additions (docs/formats.md §2.1): a per-plot condition is checked on its parcel;
    // dates, project facts and size decide whether a condition applies at all; companion values
    // reach the calculators; a reading awaiting confirmation never passes.
    const plot = parcelScope(cond, doc, workbook);
    if (plot && 'view' in plot) {
      const inParcel = evaluate(plot.view, { ...doc, conditions: [{ ...cond, parcel: undefined }] }, { ...opts, city });
      findings.push(...inParcel.map((f) => ({ ...f, message: `地块 ${plot.parcel.name}：${f.message}` })));
      continue;
    }
    if (!plot && 'refusal' in choice) {
      findings.push(refusalFinding(cond, choice.refusal));
      continue;
    }
    const whole = plot?.gate ?? projectGate(cond, doc, imported);
    if (whole) {
      findings.push(gateFinding(cond, projectScope, whole));
      continue;
    }
    const all = () => (scopes ??= imported.buildings.map((b) => makeBuildingScope(imported, b, city, projectScope, unreadBuildings)));
    const s = companionScopes(cond, projectScope, all);
    findings.push(...confirmationGate(cond, conditionFindings(cond, imported, s.project, s.buildings, unreadBuildings)));
  }
  return siteForParcelGate(workbook, doc, otherParcelGate(workbook, doc, findings));
}

/** The findings of one condition that applies to the project: once, or per building. */
function conditionFindings(
  cond: Condition,
  imported: ImportResult,
  projectScope: Scope,
  buildings: () => Scope[],
  unreadBuildings: UnreadBlock[],
): Finding[] {
  if (cond.scope !== 'building') {
    // a level every building must reach (绿色建筑星级): each building's own figure (buildingsBelow.ts)
    const views = () => buildings().map((b) => ({ name: b.building!, own: b.own, values: b.values, recompute: () => recomputeIn(firstIndicator(cond), b, cond.method) }));
    const own = buildingsMax(cond, buildingsExceed(cond, conditionFinding(cond, projectScope), imported), imported, unreadBuildings);
    return [buildingsBelow(cond, own, views)];
  }
  const buildingScopes = buildings();
  if (buildingScopes.length === 0) {
    const unknown = noBuildingsGate(cond);
    if (unknown) return [gateFinding(cond, projectScope, unknown)];
    return [
      conditionFinding(cond, {
        ...projectScope,
        preface: unreadBuildings.length ? '未能读取指标表中的单体数据' : '指标表未列出单体数据，本条按项目整体数值审查',
        unreadBuildings,
      }),
    ];
  }
  const perBuilding: Finding[] = [];
  for (let i = 0; i < buildingScopes.length; i++) {
    const scope = buildingScopes[i];
    const gate = applicability(cond, imported.buildings[i]);
    perBuilding.push(gate ? gateFinding(cond, scope, gate) : conditionFinding(cond, scope));
  }
  // A building the condition names that the workbook does not list: 缺项, never silently nothing.
  const absent = absentBuildings(cond, imported.buildings).map((name) => absentBuildingFinding(cond, name));
  // Buildings the importer saw but could not read one by one ("1#、2#楼" filled in together, a
  // building table whose header it could not map): their findings are 需复核, never left out.
  const unread = unreadBuildings.filter((u) => relatesTo(u, cond)).map((u) => unreadBuildingsFinding(cond, u));
  return [...aggregateBuildings(cond, perBuilding, imported.buildings), ...absent, ...unread];
}

/** An unread list of buildings bears on a condition when it names only buildings, or one of its indicators. */
function relatesTo(u: UnreadBlock, cond: Condition): boolean {
  const own = u.indicators.filter((i) => i !== 'building_name');
  return own.length === 0 || leafIndicators(cond).some((i) => own.includes(i));
}

function leafIndicators(rule: Rule): string[] {
  if ('anyOf' in rule) return rule.anyOf.flatMap(leafIndicators);
  if ('allOf' in rule) return rule.allOf.flatMap(leafIndicators);
  return [rule.indicator];
}

function unreadBuildingsFinding(cond: Condition, u: UnreadBlock): Finding {
  return {
    conditionId: cond.id,
    indicator: firstIndicator(cond),
    building: u.title,
    verdict: 'review',
    required: describeRule(cond),
    declared: null,
    computed: null,
    source: `${u.sheet}!${u.range.split(':')[0]}`,
    message: `“${u.title}”（${u.sheet}!${u.range}）未能逐栋读取：${u.reason}；其中单体的本条审查需人工复核`,
    ...clauseFields(cond),
    basis: 'unread-buildings',
  };
}

function absentBuildingFinding(cond: Condition, name: string): Finding {
  return {
    conditionId: cond.id,
    indicator: firstIndicator(cond),
    building: name,
    verdict: 'missing',
    required: describeRule(cond),
    declared: null,
    computed: null,
    source: null,
    message: `${name}：本条所列单体在指标表中没有数据，请补充该单体的指标`,
    ...clauseFields(cond),
    basis: 'not-found',
  };
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

function makeProjectScope(imported: ImportResult, city: string | undefined, signedOn: string | undefined, parcel: string | undefined): Scope {
  // A workbook describing one building: its values answer what the project does not state.
  const sole = imported.soleBuilding ? imported.buildings.find((b) => b.name === imported.soleBuilding) : undefined;
  const values = sole ? { ...sole.values, ...imported.project } : imported.project;
  return {
    building: null,
    own: new Set(),
    calcs: new Map(),
    label: '项目',
    values,
    ctx: {
      values,
      surfaces: imported.surfaces,
      facilities: imported.facilities,
      lineItems: imported.lineItems,
      buildings: imported.buildings,
      prefabVolumes: imported.prefabVolumes ?? sole?.prefabVolumes,
      city,
      signedOn,
      parcel,
      scopeLabel: '项目',
    },
    project: null,
    inherits: null,
    inheritedInputs: new Map(),
    unread: imported.unread ?? [],
    statements: imported.statements ?? [],
    ...(sole ? { sole: { name: sole.name, keys: new Set(Object.keys(sole.values).filter((k) => !(k in imported.project))), doubt: soleBuildingDoubt(imported.project, sole) } } : {}),
  };
}

function makeBuildingScope(
  imported: ImportResult,
  b: ImportedBuilding,
  city: string | undefined,
  project: Scope,
  unreadBuildings: UnreadBlock[],
): Scope {
  // The building's own values over the project's, through the prototype chain (no copying).
  const values = Object.assign(Object.create(imported.project) as Record<string, ImportedValue>, b.values);
  const own = new Set(Object.keys(b.values));
  return {
    building: b.name,
    own,
    calcs: new Map(),
    label: b.name,
    values,
    ctx: { values, surfaces: imported.surfaces, facilities: imported.facilities, prefabVolumes: b.prefabVolumes, city, signedOn: project.ctx.signedOn, parcel: project.ctx.parcel, scopeLabel: b.name, contractTexts: project.ctx.contractTexts },
    project,
    inherits: imported.project,
    inheritedInputs: project.inheritedInputs,
    unread: project.unread,
    statements: project.statements,
    unreadBuildings,
    contractTexts: project.contractTexts,
  };
}

// ---------------------------------------------------------------- recomputation, once per need

/** Which value ids a project-level recomputation looked at ('all' if it listed the values). */
const projectReads = new WeakMap<Scope, Map<string, Set<string> | 'all'>>();

/**
 * The recomputation of `id` in a scope. A building that states none of the values the
 * calculator reads gets the project's recomputation (500 identical buildings cost one).
 */
function recomputeIn(id: string, scope: Scope, method?: string): Calculation | null {
  // The method a condition names (Condition.method) changes what the calculator may claim.
  const key = method ? `${id}|${method}` : id;
  if (scope.calcs.has(key)) return scope.calcs.get(key)!;
  const ctx: CalcContext = method ? { ...scope.ctx, method } : scope.ctx;
  let calc: Calculation | null;
  if (scope.project) {
    const project = scope.project;
    const projectCalc = recomputeIn(id, project, method);
    const reads = projectReads.get(project)!.get(key)!;
    const dependsOnBuilding = reads === 'all' || ownsAny(scope.own, reads) || !!scope.ctx.prefabVolumes?.length;
    calc = dependsOnBuilding ? recompute(id, ctx) : projectCalc;
  } else {
    const reads = new Set<string>();
    let all = false;
    const tracked = new Proxy(scope.ctx.values, {
      get: (t, k) => (typeof k === 'string' && reads.add(k), Reflect.get(t, k)),
      has: (t, k) => (typeof k === 'string' && reads.add(k), Reflect.has(t, k)),
      getOwnPropertyDescriptor: (t, k) => (typeof k === 'string' && reads.add(k), Reflect.getOwnPropertyDescriptor(t, k)),
      ownKeys: (t) => ((all = true), Reflect.ownKeys(t)),
    });
    calc = recompute(id, { ...ctx, values: tracked });
    if (!projectReads.has(scope)) projectReads.set(scope, new Map());
    projectReads.get(scope)!.set(key, all ? 'all' : reads);
  }
  scope.calcs.set(key, calc);
  return calc;
}

/** Whether the building states any of the values a recomputation read (no array made per building). */
function ownsAny(own: ReadonlySet<string>, reads: ReadonlySet<string>): boolean {
  for (const k of reads) if (own.has(k)) return true;
  return false;
}

/** Every condition of a several-parcel workbook whose parcel cannot be told: 需复核. */
function refusalFinding(cond: Condition, refusal: { message: string; source: string | null }): Finding {
  return {
    conditionId: cond.id,
    indicator: firstIndicator(cond),
    building: null,
    verdict: 'review',
    required: describeRule(cond),
    declared: null,
    computed: null,
    source: refusal.source,
    message: refusal.message,
    ...clauseFields(cond),
    basis: 'parcel-unknown',
  };
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
    basis: gate.verdict === 'not_applicable' ? 'not-applicable' : 'applicability-unknown',
  };
}

// ---------------------------------------------------------------- conditions and rules

function conditionFinding(cond: Condition, scope: Scope): Finding {
  const outcome = evaluateRule(cond, scope, cond.method, { own: cond.text, contract: scope.contractTexts ?? [] });
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
  };
  // the clause fields one by one (a spread into the literal is a slow copy, once per building)
  if (cond.clause !== undefined) finding.clause = cond.clause;
  if (cond.text !== undefined) finding.text = cond.text;
  if (outcome.branches) finding.branches = outcome.branches.map(stripCalculation);
  if (outcome.calculation) finding.calculation = outcome.calculation;
  if (outcome.basis) finding.basis = outcome.basis;
  if (outcome.remarks?.length) finding.remarks = outcome.remarks;
  return finding;
}

function clauseFields(cond: Condition): Pick<Finding, 'clause' | 'text'> {
  const out: Pick<Finding, 'clause' | 'text'> = {};
  if (cond.clause !== undefined) out.clause = cond.clause;
  if (cond.text !== undefined) out.text = cond.text;
  return out;
}

function evaluateRule(rule: Rule, scope: Scope, method?: string, texts?: BasisTexts): RuleOutcome {
  if ('anyOf' in rule) return combine(rule.anyOf.map((r) => evaluateRule(r, scope, method, texts)), 'any', scope);
  if ('allOf' in rule) return combine(rule.allOf.map((r) => evaluateRule(r, scope, method, texts)), 'all', scope);
  return evaluateLeaf(rule, scope, method, texts);
}

// ---------------------------------------------------------------- one indicator

function evaluateLeaf(rule: LeafRule, scope: Scope, method?: string, basisTexts?: BasisTexts): LeafOutcome {
  const id = rule.indicator;
  const declared = scope.values[id];
  const calc = recomputeIn(id, scope, method);
  const computed = calc && calc.value !== null ? calc.value : null;
  // A building-scope leaf falls back on the project when the building does not state it itself.
  const fallsBack = scope.unreadBuildings !== undefined && !scope.own.has(id);
  const fromSole = declared !== undefined && scope.sole !== undefined && scope.sole.keys.has(id);
  // the method the condition names, over the jurisdiction's
  const ctx = method ? { ...scope.ctx, method } : scope.ctx;
  // One object with every field, always in this order: the rules read it once per leaf, and 500
  // buildings' leaves of one shape stay on V8's fast paths (spreads of varying shapes did not).
  const borrowed: LeafEvidence['borrowed'] = fromSole
    ? { from: 'soleBuilding', name: scope.sole!.name }
    : declared && scope.building !== null && !scope.own.has(id)
      ? FROM_PROJECT
      : undefined;
  const inputs = inputsIn(scope, id, calc);
  const leaf: LeafEvidence & StatementEvidence = {
    rule,
    building: scope.building,
    declared,
    borrowed,
    calc,
    unread: relatedUnread(scope.unread, id),
    unreadBuildings: fallsBack ? (scope.unreadBuildings ?? []) : [],
    inputConflicts: conflictingInputs(inputs),
    values: scope.values,
    projectWide: scope.building === null || !scope.own.has(id),
    statements: scope.statements,
    ctx,
    basisTexts,
    inputs,
  };
  // the sheet against itself (area parts, stale formulas, a sole building), then what the sheet
  // says about the figure (method, edition, part of the project, intent)
  const sheet = { rule, declared, calc, values: scope.values, ctx, sole: scope.sole, inputs };
  const d = reviewStatements(sheetConsistency(decideLeaf(leaf), sheet), leaf);
  return outcomeOf(
    id,
    `${rule.op} ${String(rule.value)}`,
    d.verdict,
    declared && declared.status === 'ok' ? declared.value : null,
    computed,
    d.source !== undefined ? d.source : (declared?.source ?? firstInputSource(calc)),
    scope.building ? `${scope.label} ${d.message}` : d.message,
    d.basis,
    d.remarks?.length ? d.remarks : undefined,
    calc ?? undefined,
    undefined,
  );
}

/**
 * The inputs the recomputation used, as the scope states them (gather.ts usedInputs). A building
 * that states none of the calculator's inputs itself reads them all from the values it inherits:
 * its list is theirs, looked up once for the 500 buildings that share the recomputation.
 */
function inputsIn(scope: Scope, id: string, calc: Calculation | null): readonly UsedInput[] {
  const base = scope.inherits;
  if (!base || !calc) return usedInputs(scope.values, id, calc);
  for (const k of CALCULATOR_INPUTS[id] ?? []) if (scope.own.has(k)) return usedInputs(scope.values, id, calc);
  const hit = scope.inheritedInputs.get(id);
  if (hit && hit.calc === calc) return hit.inputs;
  const inputs = usedInputs(base, id, calc);
  scope.inheritedInputs.set(id, { calc, inputs });
  return inputs;
}

/** A building's value borrowed from the project (one object for all: it is only read). */
const FROM_PROJECT: LeafEvidence['borrowed'] = Object.freeze({ from: 'project' as const });

function firstInputSource(calc: Calculation | null | undefined): string | null {
  return calc?.inputs.find((i) => i.source)?.source ?? null;
}

function firstIndicator(rule: Rule): string {
  if ('anyOf' in rule) return firstIndicator(rule.anyOf[0]);
  if ('allOf' in rule) return firstIndicator(rule.allOf[0]);
  return rule.indicator;
}
