// What the sheet itself says about a figure that would pass (docs/evidence-policy.md "What the sheet
// itself says"): a pass the sheet's own words take back becomes 需复核, naming the cell and the words.
// - declared-intent: the value is only intended (“★★（拟申报）”, 备注 “目标”);
// - declared-method: a title, note or 备注 says the value is computed by a method other than the one
//   the contract's jurisdiction prescribes (“注：单体装配率按GB/T 51129-2017计算” under a Shanghai
//   contract; docs/domain/prefabrication.md §2.1);
// - declared-standard-superseded: it says the value is by an edition of a standard not in force when
//   the contract was signed (“按GB/T 50378-2014评价”; docs/domain/green-building.md §1);
// - partial-scope: the value, or an input of the recomputation, covers only part of the project
//   (“绿地率（一期）”, title “住宅部分可再生能源应用计算（商业部分另详）”, “建筑年总能耗（仅住宅部分，不含商业）”);
// - rainfall-rate-mismatch: the 设计降雨量 the storage was checked with is, by the sheet's own words,
//   the one of a lower 年径流总量控制率 (“对应年径流总量控制率70%” beside a declared 80%).
// Vocabulary: shared/data/sheet-statements.json; methods: shared/data/prescribed-methods.json.
import type { Calculation, ImportedValue, LeafRule, SheetStatement } from '../model/types';
import type { CalcContext } from '../calc/context';
import { namedMethod, prescribedMethod } from '../calc/methods';
import { formatValue, indicator as indicatorDef, indicatorName } from '../model/indicators';
import { buildingLevels, editionInForce, foldStatement, intentWord, mentionsRainfall, namedEditions, partialScopeWords, referenceOnly, tiedRate } from '../model/statements';
import { parcelCode, phaseParcel, phasesIn } from '../model/parcels';
import { holds, requirementWords } from './compare';
import { qualifyingRemark, remarkIntent, scopeQualifier } from './qualifiers';
import type { BasisTexts } from '../model/remarkBasis';
import type { Decision } from './evidence';
import { decision } from './decision';
import { memoText } from '../model/memo';
import type { UsedInput } from './gather';

export interface StatementEvidence {
  rule: LeafRule;
  declared: ImportedValue | undefined;
  calc: Calculation | null;
  /** The scope's values (inputs of the recomputation are looked up here). */
  values: Record<string, ImportedValue>;
  /** The leaf answers for the whole project (project scope, or a building using the project value). */
  projectWide: boolean;
  statements: readonly SheetStatement[];
  ctx: Pick<CalcContext, 'city' | 'signedOn' | 'method' | 'companion' | 'parcel'>;
  /** The condition's and the contract's words on the basis of a quantity (shared/model/remarkBasis.ts). */
  basisTexts?: BasisTexts;
  /** The recomputation's inputs as the scope states them (gather.ts usedInputs). */
  inputs: readonly UsedInput[];
}

/** The decision, or 需复核 when the sheet's own words take back a pass. */
export function reviewStatements(d: Decision, e: StatementEvidence): Decision {
  if (d.verdict !== 'pass' && d.basis !== 'declared-remark') return d;
  // a note already keeps the value from passing: only say so more precisely when it is an intent
  const checks = d.basis === 'declared-remark' ? [intent] : [intent, method, edition, partialScope, inputRemark, buildingBelowNote, rainfallRate];
  for (const check of checks) {
    const out = check(d, e);
    if (out) return decision('review', out.basis, out.message, d.remarks ? d.remarks : out.remarks, out.source);
  }
  return d;
}

type Check = (d: Decision, e: StatementEvidence) => Omit<Decision, 'verdict'> | null;

/** "Sheet!$B$7" → [sheet, row], or null (asked for every leaf's cells). */
const cellOf = memoText((ref: string): [string, number] | null => {
  const m = /^(.*)!\$?[A-Z]{1,3}\$?(\d+)$/.exec(ref);
  return m ? [m[1], Number(m[2])] : null;
});

/** The workbook's statements by sheet, indexed once per import (every leaf asks). */
const bySheet = new WeakMap<readonly SheetStatement[], Map<string, SheetStatement[]>>();

/** Statements that bear on a cell: its sheet's titles, notes and name, and the remarks on its row. */
function about(statements: readonly SheetStatement[], ref: string | undefined): SheetStatement[] {
  const at = ref && statements.length ? cellOf(ref) : null;
  if (!at) return [];
  let index = bySheet.get(statements);
  if (!index) {
    index = new Map();
    for (const st of statements) {
      const list = index.get(st.sheet);
      if (list) list.push(st);
      else index.set(st.sheet, [st]);
    }
    bySheet.set(statements, index);
  }
  return (index.get(at[0]) ?? []).filter((s) => s.position !== 'row' || s.row === at[1]);
}

/**
 * Statements about the declared cell, and notes elsewhere that name the indicator (a title of
 * another sheet describes that sheet's own calculation, which the recomputation judges).
 */
function aboutDeclared(e: StatementEvidence): readonly SheetStatement[] {
  if (e.statements.length === 0) return NONE;
  return once(e).aboutDeclared ??= (() => {
    const own = about(e.statements, e.declared?.source);
    return [...own, ...notesNaming(e.statements, e.rule.indicator).filter((s) => !own.includes(s))];
  })();
}

const NONE: readonly SheetStatement[] = [];

/** Notes of the workbook that name the indicator, once per import and indicator (every leaf asks). */
const namingNotes = new WeakMap<readonly SheetStatement[], Map<string, SheetStatement[]>>();
function notesNaming(statements: readonly SheetStatement[], id: string): SheetStatement[] {
  let byId = namingNotes.get(statements);
  if (!byId) namingNotes.set(statements, (byId = new Map()));
  let notes = byId.get(id);
  if (!notes) {
    const name = foldStatement(indicatorName(id));
    notes = statements.filter((s) => s.position === 'note' && foldStatement(s.text).includes(name));
    byId.set(id, notes);
  }
  return notes;
}

/** What several checks of one leaf ask alike, worked out once per leaf. */
interface LeafAnswers {
  aboutDeclared?: readonly SheetStatement[];
  restsOn?: ImportedValue[];
}
// The checks of one leaf run one after the other (reviewStatements): the answers of the leaf being
// reviewed are kept, and replaced when the next leaf is asked about.
let answersOf: StatementEvidence | null = null;
let answers: LeafAnswers = {};
function once(e: StatementEvidence): LeafAnswers {
  if (answersOf !== e) {
    answersOf = e;
    answers = {};
  }
  return answers;
}

function where(s: SheetStatement): string {
  const kind = s.position === 'title' ? '表格标题' : s.position === 'row' ? '同行备注' : s.position === 'sheetName' ? '工作表名' : '表中注释';
  return `${kind}“${s.text}”（${s.source}）`;
}

function declaredText(e: StatementEvidence): string {
  const d = e.declared;
  return d && d.status === 'ok' ? `${indicatorName(e.rule.indicator)}为${formatValue(e.rule.indicator, d.value)}（${d.source}）` : indicatorName(e.rule.indicator);
}

const req = (e: StatementEvidence) => requirementWords(e.rule.indicator, e.rule.op, e.rule.value);

// ---------------------------------------------------------------- 拟申报, 目标

const intent: Check = (_d, e) => {
  const v = e.declared;
  if (!v || v.status !== 'ok') return null;
  const word = remarkIntent(v);
  const st = word ? undefined : about(e.statements, v.source).find((s) => s.position === 'row' && intentWord(s.text));
  const hit = word ? { word, text: `原文“${v.raw.trim()}”` } : st ? { word: intentWord(st.text)!, text: where(st) } : null;
  if (!hit) return null;
  return {
    basis: 'declared-intent',
    message: `${declaredText(e)}，但${hit.text}写明“${hit.word}”，是拟定或目标数值，不是设计已达到的数值，不能据以判定满足合同要求（${req(e)}），请提供设计数值`,
    source: v.source,
  };
};

// ---------------------------------------------------------------- method and standard edition

const method: Check = (_d, e) => {
  const p = prescribedMethod(e.rule.indicator, e.ctx);
  if (!p || !e.declared || e.declared.status !== 'ok') return null;
  const prescribedNames = p.method.names.map(foldStatement);
  for (const s of aboutDeclared(e)) {
    if (referenceOnly(s.text)) continue;
    const m = namedMethod(s.text);
    if (!m || m.id === p.method.id || prescribedNames.some((n) => foldStatement(s.text).includes(n))) continue;
    return {
      basis: 'declared-method',
      message: `${declaredText(e)}；但${where(s)}说明该数值按${m.name}计算，而${p.why}，不能据以判定满足合同要求（${req(e)}），请按规定方法提供${indicatorName(e.rule.indicator)}`,
      source: e.declared.source,
    };
  }
  return null;
};

const edition: Check = (_d, e) => {
  if (!e.declared || e.declared.status !== 'ok') return null;
  const day = typeof e.ctx.signedOn === 'string' && /^\d{4}-\d{2}-\d{2}/.test(e.ctx.signedOn) ? e.ctx.signedOn.slice(0, 10) : undefined;
  for (const s of aboutDeclared(e)) {
    const named = namedEditions(s.text).filter((n) => n.indicators.includes(e.rule.indicator));
    if (named.length === 0) continue;
    const inForce = editionInForce(named[0].standard, day);
    if (!inForce || named.some((n) => n.year === inForce.year)) continue;
    const when = day ? `合同签订日期 ${day} 时施行的是` : '现行为';
    return {
      basis: 'declared-standard-superseded',
      message: `${declaredText(e)}；但${where(s)}说明该数值按 ${named[0].name.replace('《', `-${named[0].year}《`)} 评价，${when} ${named[0].name.replace('《', `-${inForce.year}《`)}，不能据以判定满足合同要求（${req(e)}），请按现行标准提供${indicatorName(e.rule.indicator)}`,
      source: e.declared.source,
    };
  }
  return null;
};

// ---------------------------------------------------------------- part of the project

/** The cells a pass rests on: the declared value, and the inputs of the recomputation when it was used. */
function restsOn(d: Decision, e: StatementEvidence): ImportedValue[] {
  return (once(e).restsOn ??= valuesRestedOn(d, e));
}

function valuesRestedOn(d: Decision, e: StatementEvidence): ImportedValue[] {
  const out: ImportedValue[] = [];
  if (e.declared && e.declared.status === 'ok') out.push(e.declared);
  if (!e.calc || (e.calc.value === null && e.calc.supportsDeclared !== true) || d.basis === 'declared-remark') return out;
  for (const { v } of e.inputs) if (v !== e.declared) out.push(v);
  return out;
}

const partialScope: Check = (d, e) => {
  if (!e.projectWide) return null;
  // words that are part of the project's own name ("…产业项目（一期）") name the project, not a part of it
  const projectName = typeof e.values.project_name?.value === 'string' ? e.values.project_name.value : '';
  const inName = (w: string | null) => !!w && foldStatement(projectName).includes(w);
  for (const v of restsOn(d, e)) {
    const what = v === e.declared ? '' : `复核所用的${indicatorName(v.indicator)}（${v.source}）`;
    // the declared value's own note is declared-remark's; an input's note is this rule's
    const q = scopeQualifier(v === e.declared ? { ...v, remark: undefined } : v, projectName);
    // a title that names a parcel ("某花园二期（05-02地块）"): the phase is that parcel, which the
    // parcel gates hold against the contract's — only when the contract names its parcel
    const namesParcel = (s: SheetStatement) => !!e.ctx.parcel && ((s.position === 'title' && parcelCode(s.text) !== null) || phaseIsParcel(s, e.statements));
    const st = q ? undefined : about(e.statements, v.source).find((s) => partialScopeWords(s.text, v.indicator) && !inName(partialScopeWords(s.text, v.indicator)) && !namesParcel(s));
    if (!q && !st) continue;
    const said = q ? (q.in === 'label' ? `标签为“${v.label.trim()}”` : `附注“${v.remark}”`) : where(st!);
    return {
      basis: 'partial-scope',
      message: `${declaredText(e)}；但${what}${said}，所涉为“${q ? q.words : partialScopeWords(st!.text, v.indicator)}”，只是项目的一部分，不能据以判定整个项目满足合同要求（${req(e)}），请提供全项目的数值`,
      source: v.source,
    };
  }
  return null;
};

/**
 * The sheet itself identifies the phase a statement names with a parcel: a text of the same sheet
 * names that phase together with a parcel ("地块编号 | 2025-012（一期）", "一期用地即05-02地块") and no
 * other part. The parcel is held against the contract's by otherParcelGate (parcels.ts).
 */
function phaseIsParcel(s: SheetStatement, all: readonly SheetStatement[]): boolean {
  const phases = phasesIn(s.text);
  if (!phases.length || partialScopeWords(phases.reduce((t, w) => t.split(w).join(''), s.text)) !== null) return false;
  return all.some((t) => {
    const pp = t.sheet === s.sheet ? phaseParcel(t.text) : null;
    return !!pp && phases.every((w) => pp.phases.includes(w)) && partialScopeWords(pp.rest) === null;
  });
}

/**
 * An input of the recomputation that agrees with the declared value carries a remark that limits
 * it (绿地面积 | 15330 | 含代征绿地1200㎡): the agreement rests on a figure of another scope.
 */
const inputRemark: Check = (d, e) => {
  for (const v of restsOn(d, e)) {
    if (v === e.declared) continue;
    const r = qualifyingRemark(v, e.basisTexts);
    if (!r) continue;
    return {
      basis: 'declared-remark',
      message: `${declaredText(e)}；但复核所用的${indicatorName(v.indicator)}（${v.source}）附有说明“${r}”，该数据有所限定或另有口径，不能据以判定满足合同要求（${req(e)}），请核对`,
      source: v.source,
    };
  }
  return null;
};

/**
 * A project figure that every building must reach (绿色建筑星级, GB/T 50378 §3.1.1), while the
 * sheet's own words give a building a lower level ("其中5#楼（幼儿园）按一星级设计").
 */
const buildingBelowNote: Check = (_d, e) => {
  if (!e.projectWide || !indicatorDef(e.rule.indicator)?.projectIsMinOfBuildings) return null;
  for (const st of about(e.statements, e.declared?.source)) {
    const low = buildingLevels(st.text).find((b) => !holds(b.level, e.rule.op, Number(e.rule.value)));
    if (!low) continue;
    return {
      basis: 'building-below',
      message: `${declaredText(e)}；但${where(st)}写明“${low.words}”，该单体未达到合同要求（${req(e)}），不能据以判定整个项目满足要求，请核对`,
      source: st.source,
    };
  }
  return null;
};

// ---------------------------------------------------------------- the rate a 设计降雨量 belongs to

const rainfallRate: Check = (_d, e) => {
  if (e.rule.indicator !== 'runoff_capture' || !e.calc || e.ctx.companion?.design_rainfall !== undefined) return null;
  const H = e.values.design_rainfall;
  if (!H || H.status !== 'ok' || !e.calc.inputs.some((i) => i.source === H.source)) return null;
  const target = e.declared?.status === 'ok' && typeof e.declared.value === 'number' ? e.declared.value : Number(e.rule.value);
  const texts: Array<{ text: string; said: string }> = [];
  if (H.remark) texts.push({ text: H.remark, said: `设计降雨量的标注“${H.remark}”` });
  texts.push({ text: H.label, said: `标签“${H.label.trim()}”` });
  for (const s of about(e.statements, H.source)) if (s.position === 'row' || mentionsRainfall(s.text)) texts.push({ text: s.text, said: where(s) });
  for (const t of texts) {
    const rate = tiedRate(t.text);
    if (rate === null || rate >= target - 1e-9) continue;
    return {
      basis: 'rainfall-rate-mismatch',
      message: `${declaredText(e)}；但复核调蓄容积所用的设计降雨量 H = ${formatValue('design_rainfall', H.value)}（${H.source}），按${t.said}是年径流总量控制率 ${rate}% 对应的数值，据此校核的调蓄容积只能说明达到 ${rate}%，不能说明达到 ${target}%，请按 ${target}% 对应的设计降雨量校核`,
      source: H.source,
    };
  }
  return null;
};

/**
 * How a declared-pass message names the sheet's data that support the declared value. A storage
 * check made with the sheet's own 设计降雨量 (not the contract's, not a confirmed city table's) shows
 * only that the storage holds that H: say what was checked, and that the H for the declared rate
 * was not confirmed — never “表中数据支持该值” (docs/evidence-policy.md "Storage checked at the sheet's own H").
 */
export function supportWords(calc: Calculation, calcWhy: string): string {
  const d = calc.details ?? {};
  if (supportConfirmed(calc)) return `，表中数据支持该值${calcWhy}`;
  const num = (x: unknown) => (typeof x === 'number' ? String(Math.round(x * 10) / 10) : '—');
  const from = d.H_from === 'table' ? '按待核实的本市对照表查得的' : '按表中所填';
  const held = Array.isArray(d.zones) ? '各汇水分区的调蓄容积均不小于该分区的需调蓄容积' : `实际调蓄容积 ${num(d.V_provided)} m³ 不小于需调蓄容积 ${num(d.V_required)} m³`;
  return `；${from}设计降雨量 ${num(d.H)} mm 校核，${held}${calcWhy}，但该设计降雨量是否为申报控制率对应的数值未经确认（合同未列设计降雨量，且没有已确认的本市控制率—设计降雨量对照表）；按申报值`;
}

/**
 * Whether the sheet's data that support the declared value are tied to it: always, except a storage
 * check made with a 设计降雨量 that neither the contract nor a confirmed city table ties to the rate.
 */
export function supportConfirmed(calc: Calculation): boolean {
  const d = calc.details ?? {};
  if (calc.method !== 'runoff' || typeof d.H !== 'number') return true;
  return d.H_from === 'contract' || (d.H_from === 'table' && calc.confidence === 'confirmed');
}

/** The short words for the report's tables: “表中数据支持申报值”, or what the storage check showed. */
export function supportShort(calc: Calculation): string {
  return supportConfirmed(calc) ? '表中数据支持申报值' : '调蓄容积满足表中所填设计降雨量，该降雨量是否对应申报控制率未经确认';
}
