// Verification: does a report match these inputs and this engine's verdicts? Compares the
// manifest stored in the PDF with a fresh check and names every difference in Chinese.
import type { CheckRun, Condition, ImportedScalar } from '../model/types';
import { formatValue, indicatorName } from '../model/indicators';
import { canonicalJson, sha256Hex } from '../canonical';
import { describeRule, describeScope, findingLabel } from './describe';
import { buildManifest, readReportFingerprint, readReportManifest, type Manifest, type ManifestFinding, type ManifestValue } from './manifest';
import { fingerprintOfParts } from './fingerprint';
import { overallWord, verdictWord } from './labels';

export interface VerifyOutcome {
  ok: boolean;
  /** The fingerprint recomputed from the fresh check. */
  fingerprint: string;
  /** Chinese, one line per difference; empty when ok. */
  differences: string[];
  /** Extension: the fingerprint stored in the report, when it has one. */
  reportFingerprint?: string;
}

/** At most this many lines per kind of difference; the rest are counted. */
const MAX_LINES = 30;

export function verifyReport(pdfBytes: Uint8Array, fresh: CheckRun): VerifyOutcome {
  const now = buildManifest(fresh);
  const stored = readReportManifest(pdfBytes);
  if (!stored) {
    const fpOnly = readReportFingerprint(pdfBytes);
    return {
      ok: false,
      fingerprint: now.fingerprint,
      ...(fpOnly ? { reportFingerprint: fpOnly } : {}),
      differences: [
        fpOnly
          ? '报告中的核验数据已损坏，无法逐项比对' + (fpOnly === now.fingerprint ? '（指纹本身与当前一致）' : `（报告指纹 ${fpOnly.slice(0, 16)}…，当前 ${now.fingerprint.slice(0, 16)}…）`)
          : '该 PDF 中没有 LandCheck 报告指纹（不是本工具生成的报告，或已被其他软件改写）',
      ],
    };
  }
  const differences: string[] = [];
  // The stored manifest must be consistent with itself: its fingerprint is the hash of its parts,
  // and its copy of the conditions hashes to the conditions part.
  if (fingerprintOfParts(stored.parts) !== stored.fingerprint) {
    differences.push('报告中的指纹与其组成部分不一致（报告的核验数据被改动过）');
  } else if (sha256Hex(canonicalJson(stored.conditions)) !== stored.parts.conditions) {
    differences.push('报告中保存的条件副本与其指纹不一致（报告的核验数据被改动过）');
  }
  if (stored.fingerprint === now.fingerprint && differences.length === 0) {
    return { ok: true, fingerprint: now.fingerprint, reportFingerprint: stored.fingerprint, differences: [] };
  }
  compare(stored, now, differences);
  if (differences.length === 0) {
    differences.push(
      `审查结果的细节不同（例如说明文字或计算过程），报告指纹 ${stored.fingerprint.slice(0, 16)}…，当前 ${now.fingerprint.slice(0, 16)}…`,
    );
  }
  return { ok: false, fingerprint: now.fingerprint, reportFingerprint: stored.fingerprint, differences };
}

function capped(lines: string[], out: string[]): void {
  out.push(...lines.slice(0, MAX_LINES));
  if (lines.length > MAX_LINES) out.push(`……另有 ${lines.length - MAX_LINES} 处同类差异`);
}

function val(indicator: string, v: ImportedScalar | null | undefined): string {
  return v === null || v === undefined ? '无' : formatValue(indicator, v);
}

function compare(a: Manifest, b: Manifest, out: string[]): void {
  // 1. the workbook
  if (a.parts.workbook !== b.parts.workbook) {
    out.push(`指标表文件不同（报告中 sha256 ${a.parts.workbook.slice(0, 16)}…，当前 ${b.parts.workbook.slice(0, 16)}…）`);
    capped(compareValues(a.values, b.values), out);
  }
  // 2. the conditions
  if (a.parts.conditions !== b.parts.conditions) capped(compareConditions(a, b), out);
  // 3. the rule data
  if (a.parts.rules !== b.parts.rules) {
    const lines: string[] = [];
    for (const k of new Set([...Object.keys(a.rules), ...Object.keys(b.rules)])) {
      if (a.rules[k] !== b.rules[k]) lines.push(`规则数据 ${k} 的版本不同：报告中 ${a.rules[k] ?? '无'}，当前 ${b.rules[k] ?? '无'}`);
    }
    capped(lines.length ? lines : ['规则数据的版本不同'], out);
  }
  // 4. the findings
  if (a.parts.findings !== b.parts.findings) {
    if (a.overall !== b.overall) out.push(`总体结论不同：报告中 ${overallWord(a.overall)}，当前 ${overallWord(b.overall)}`);
    capped(compareFindings(a.findings, b.findings), out);
  }
}

function valueKey(v: ManifestValue): string {
  return `${v.source}\u0000${v.indicator}`;
}

function compareValues(a: ManifestValue[], b: ManifestValue[]): string[] {
  const lines: string[] = [];
  const am = new Map(a.map((v) => [valueKey(v), v]));
  const bm = new Map(b.map((v) => [valueKey(v), v]));
  const what = (v: ManifestValue) => `${v.source}（${v.building ? `${v.building} ` : ''}${indicatorName(v.indicator)}）`;
  for (const [k, va] of am) {
    const vb = bm.get(k);
    if (!vb) lines.push(`指标表中 ${what(va)}的值在当前文件中找不到（报告中 ${val(va.indicator, va.value)}）`);
    else if (canonicalJson(va.value) !== canonicalJson(vb.value))
      lines.push(`指标表 ${what(va)}的值不同：报告中 ${val(va.indicator, va.value)}，当前 ${val(vb.indicator, vb.value)}`);
  }
  for (const [k, vb] of bm) if (!am.has(k)) lines.push(`指标表中新出现 ${what(vb)}：当前 ${val(vb.indicator, vb.value)}`);
  return lines;
}

function ruleOf(c: Condition): string {
  return describeRule(c);
}

function compareConditions(a: Manifest, b: Manifest): string[] {
  const lines: string[] = [];
  const ac = new Map(a.conditions.conditions.map((c) => [c.id, c]));
  const bc = new Map(b.conditions.conditions.map((c) => [c.id, c]));
  for (const [id, ca] of ac) {
    const cb = bc.get(id);
    if (!cb) {
      lines.push(`条件 ${id} 在当前条件文件中不存在（报告中：${ruleOf(ca)}）`);
      continue;
    }
    if (ruleOf(ca) !== ruleOf(cb)) {
      lines.push(`条件 ${id} 的阈值不同：报告中 ${ruleOf(ca)}，当前 ${ruleOf(cb)}`);
    } else if (canonicalJson(stripMeta(ca)) !== canonicalJson(stripMeta(cb))) {
      lines.push(`条件 ${id} 的规则不同：报告中 ${canonicalJson(stripMeta(ca))}，当前 ${canonicalJson(stripMeta(cb))}`);
    }
    if (describeScope(ca) !== describeScope(cb)) lines.push(`条件 ${id} 的适用范围不同：报告中 ${describeScope(ca)}，当前 ${describeScope(cb)}`);
    if ((ca.clause ?? '') !== (cb.clause ?? '')) lines.push(`条件 ${id} 的条款号不同：报告中 ${ca.clause ?? '无'}，当前 ${cb.clause ?? '无'}`);
    if ((ca.text ?? '') !== (cb.text ?? '')) lines.push(`条件 ${id} 的条款原文不同`);
  }
  for (const [id, cb] of bc) if (!ac.has(id)) lines.push(`当前条件文件新增条件 ${id}：${ruleOf(cb)}`);
  if (canonicalJson(a.conditions.contract ?? null) !== canonicalJson(b.conditions.contract ?? null)) {
    lines.push('合同信息（编号、地块、签订日期等）不同');
  }
  if (lines.length === 0) lines.push('条件文件的内容不同（标题或备注等）');
  return lines;
}

function stripMeta(c: Condition): unknown {
  const { id: _i, clause: _c, text: _t, scope: _s, appliesTo: _a, source: _src, ...rule } = c;
  return rule;
}

function findingKey(f: ManifestFinding): string {
  return `${f.conditionId}\u0000${f.building ?? ''}\u0000${f.indicator}`;
}

function compareFindings(a: ManifestFinding[], b: ManifestFinding[]): string[] {
  const lines: string[] = [];
  const am = new Map(a.map((f) => [findingKey(f), f]));
  const bm = new Map(b.map((f) => [findingKey(f), f]));
  for (const [k, fa] of am) {
    const fb = bm.get(k);
    const who = findingLabel(fa);
    if (!fb) {
      lines.push(`${who} 的审查项在当前结果中不存在（报告中 ${verdictWord(fa.verdict)}）`);
      continue;
    }
    if (fa.verdict !== fb.verdict) lines.push(`${who} 的结论不同：报告中 ${verdictWord(fa.verdict)}，当前 ${verdictWord(fb.verdict)}`);
    if (canonicalJson(fa.declared) !== canonicalJson(fb.declared))
      lines.push(`${who} 的申报值不同：报告中 ${val(fa.indicator, fa.declared)}，当前 ${val(fb.indicator, fb.declared)}`);
    if (canonicalJson(fa.computed) !== canonicalJson(fb.computed))
      lines.push(`${who} 的核算值不同：报告中 ${val(fa.indicator, fa.computed)}，当前 ${val(fb.indicator, fb.computed)}`);
    if ((fa.source ?? '') !== (fb.source ?? '')) lines.push(`${who} 的取值单元格不同：报告中 ${fa.source ?? '无'}，当前 ${fb.source ?? '无'}`);
    if (fa.required !== fb.required) lines.push(`${who} 的要求值不同：报告中 ${fa.required}，当前 ${fb.required}`);
  }
  for (const [k, fb] of bm) if (!am.has(k)) lines.push(`当前结果新增审查项 ${findingLabel(fb)}（${verdictWord(fb.verdict)}）`);
  return lines;
}
