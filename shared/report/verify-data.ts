// Naming what differs in the data behind a report (values, conditions, findings) when the report
// was made from other inputs than those provided.
import type { Condition, ConditionsDoc, ImportedScalar } from '../model/types';
import { formatValue, indicatorName } from '../model/indicators';
import { canonicalJson, sha256Hex } from '../canonical';
import { describeRule, describeScope, findingLabel } from './describe';
import type { Manifest, ManifestFinding, ManifestValue } from './manifest';
import { overallWord, verdictWord } from './labels';
import { rederiveRun } from './rederive';
import { capped } from './verify-outcome';

// ---------------------------------------------------------------- naming what differs in the data

export interface DataView {
  parts: Manifest['parts'];
  values: ManifestValue[];
  conditions: ConditionsDoc;
  rules: Record<string, string>;
  overall: string;
  findings: ManifestFinding[];
}

export function freshManifestView(run: Awaited<ReturnType<typeof rederiveRun>>): DataView {
  const values: ManifestValue[] = [];
  for (const v of Object.values(run.imported.project)) values.push({ building: null, indicator: v.indicator, value: v.value, source: v.source });
  for (const b of run.imported.buildings) for (const v of Object.values(b.values)) values.push({ building: b.name, indicator: v.indicator, value: v.value, source: v.source });
  return {
    parts: {
      workbook: run.imported.sha256,
      conditions: sha256Hex(canonicalJson(run.conditions)),
      rules: sha256Hex(canonicalJson(run.rules)),
      findings: '',
    },
    values,
    conditions: run.conditions,
    rules: run.rules,
    overall: run.result.overall,
    findings: run.result.findings,
  };
}

export function val(indicator: string, v: ImportedScalar | null | undefined): string {
  return v === null || v === undefined ? '无' : formatValue(indicator, v);
}

export function compareData(a: Manifest, b: DataView, out: string[]): void {
  if (a.parts.workbook !== b.parts.workbook) capped(compareValues(a.values, b.values), out);
  if (a.parts.conditions !== b.parts.conditions) capped(compareConditions(a.conditions, b.conditions), out);
  if (a.overall !== b.overall) out.push(`总体结论不同：报告中 ${overallWord(a.overall)}，按所提供输入为 ${overallWord(b.overall)}`);
  capped(compareFindings(a.findings, b.findings), out);
}

export function compareValues(a: ManifestValue[], b: ManifestValue[]): string[] {
  const lines: string[] = [];
  const key = (v: ManifestValue) => `${v.source}\u0000${v.indicator}`;
  const am = new Map(a.map((v) => [key(v), v]));
  const bm = new Map(b.map((v) => [key(v), v]));
  const what = (v: ManifestValue) => `${v.source}（${v.building ? `${v.building} ` : ''}${indicatorName(v.indicator)}）`;
  for (const [k, va] of am) {
    const vb = bm.get(k);
    if (!vb) lines.push(`指标表中 ${what(va)}的值在所提供的文件中找不到（报告中 ${val(va.indicator, va.value)}）`);
    else if (canonicalJson(va.value) !== canonicalJson(typeof vb.value === 'string' ? vb.value.slice(0, 200) : vb.value))
      lines.push(`指标表 ${what(va)}的值不同：报告中 ${val(va.indicator, va.value)}，所提供文件中 ${val(vb.indicator, vb.value)}`);
  }
  for (const [k, vb] of bm) if (!am.has(k)) lines.push(`所提供的指标表中多出 ${what(vb)}：${val(vb.indicator, vb.value)}`);
  return lines;
}

export function stripMeta(c: Condition): unknown {
  const { id: _i, clause: _c, text: _t, scope: _s, appliesTo: _a, source: _src, ...rule } = c;
  return rule;
}

export function compareConditions(a: ConditionsDoc, b: ConditionsDoc): string[] {
  const lines: string[] = [];
  const ac = new Map(a.conditions.map((c) => [c.id, c]));
  const bc = new Map(b.conditions.map((c) => [c.id, c]));
  for (const [id, ca] of ac) {
    const cb = bc.get(id);
    if (!cb) {
      lines.push(`条件 ${id} 在所提供的条件文件中不存在（报告中：${describeRule(ca)}）`);
      continue;
    }
    if (describeRule(ca) !== describeRule(cb)) lines.push(`条件 ${id} 的阈值不同：报告中 ${describeRule(ca)}，所提供 ${describeRule(cb)}`);
    else if (canonicalJson(stripMeta(ca)) !== canonicalJson(stripMeta(cb))) lines.push(`条件 ${id} 的规则不同`);
    if (describeScope(ca) !== describeScope(cb)) lines.push(`条件 ${id} 的适用范围不同：报告中 ${describeScope(ca)}，所提供 ${describeScope(cb)}`);
    if ((ca.clause ?? '') !== (cb.clause ?? '')) lines.push(`条件 ${id} 的条款号不同：报告中 ${ca.clause ?? '无'}，所提供 ${cb.clause ?? '无'}`);
    if ((ca.text ?? '') !== (cb.text ?? '')) lines.push(`条件 ${id} 的条款原文不同`);
  }
  for (const [id, cb] of bc) if (!ac.has(id)) lines.push(`所提供的条件文件多出条件 ${id}：${describeRule(cb)}`);
  if (canonicalJson(a.contract ?? null) !== canonicalJson(b.contract ?? null)) lines.push('合同信息（编号、地块、签订日期等）不同');
  if (lines.length === 0) lines.push('条件文件的内容不同（标题或备注等）');
  return lines;
}

export function compareFindings(a: ManifestFinding[], b: ManifestFinding[]): string[] {
  const lines: string[] = [];
  const key = (f: ManifestFinding) => `${f.conditionId}\u0000${f.building ?? ''}\u0000${f.indicator}`;
  const am = new Map(a.map((f) => [key(f), f]));
  const bm = new Map(b.map((f) => [key(f), f]));
  for (const [k, fa] of am) {
    const fb = bm.get(k);
    const who = findingLabel(fa);
    if (!fb) {
      lines.push(`${who} 的审查项按所提供输入不存在（报告中 ${verdictWord(fa.verdict)}）`);
      continue;
    }
    if (fa.verdict !== fb.verdict) lines.push(`${who} 的结论不同：报告中 ${verdictWord(fa.verdict)}，按所提供输入为 ${verdictWord(fb.verdict)}`);
  }
  for (const [k, fb] of bm) if (!am.has(k)) lines.push(`按所提供输入多出审查项 ${findingLabel(fb)}（${verdictWord(fb.verdict)}）`);
  return lines;
}
