// The facts a report shows, gathered once from a CheckRun (shared by the PDF and the Excel export):
// identity, overview, basis, conclusion with the manual interventions, the numbered opinions
// (审查意见) with their 整改要求, the findings by condition, the calculations, remarks and what
// was not read.
import type { Calculation, CheckRun, Condition, Finding, LeafRule, Overall, Verdict } from '../model/types';
import { canonicalJson } from '../canonical';
import { formatValue, indicatorName } from '../model/indicators';
import { gapOf, leaves } from '../check/remediation';
import { supportShort } from '../check/statements';
import { describeRule, findingLabel, requiredText, valueText } from './describe';
import { prettyOps, VERDICT_WORD } from './labels';
import { identityOf, NOT_GIVEN, type Identity } from './identity';
import type { HandEntry, ProjectIdentity } from './options';
import { readerText, ruleDataName, ruleDataOrder, statusWord, versionWord } from './sanitize';
import gbt50378 from '../data/standards/gbt50378-2019.json';
import gbt51129 from '../data/standards/gbt51129-2017.json';
import coefficients from '../data/standards/runoff-coefficients.json';

export interface FindingGroup {
  id: string;
  condition?: Condition;
  /** The requirement in words ('装配率 ≥ 60%', '预制率 ≥ 40% 或 装配率 ≥ 60%'). */
  rule: string;
  findings: Finding[];
}

export interface CalcEntry {
  calc: Calculation;
  index: number;
  /** Condition ids whose findings use it. */
  conditionIds: string[];
  /** Building names (or '项目整体') whose findings use it. */
  users: string[];
}

/** One numbered item of 审查意见: a finding that is not 符合. */
export interface Opinion {
  no: number;
  finding: Finding;
  verdict: Verdict;
  /** '第十二条（一） 条件 G1 · C酒店' */
  title: string;
  required: string;
  declared: string;
  computed: string;
  gap: string;
  /** 整改要求 (never empty). */
  advice: string[];
  /** Why (the engine's explanation, or the reviewer's reason for an override). */
  why: string;
  calcRef: number | null;
}

export interface OverviewRow {
  label: string;
  value: string;
}

export interface ReportFacts {
  reportNo: string;
  date: string;
  identity: Identity;
  /** Same as identity.projectName (earlier callers). */
  projectName: string;
  parcel: string;
  contractNo: string;
  signedOn: string;
  workbookFile: string;
  workbookSha256: string;
  conditionsFile: string;
  overall: Overall;
  counts: Record<Verdict, number>;
  total: number;
  overview: OverviewRow[];
  basis: { clauses: Array<{ clause: string; text: string; id: string }>; standards: string[]; ruleData: Array<{ name: string; version: string; status: string }> };
  overrides: Array<{ label: string; from: Verdict; to: Verdict; reason: string; by: string | null; at: string }>;
  handEntries: HandEntry[];
  opinions: Opinion[];
  remarks: Array<{ label: string; text: string }>;
  importNotes: string[];
  notRead: string[];
  /** Findings grouped by condition, in the order of the condition file. */
  groups: FindingGroup[];
  /**
   * Distinct calculations, numbered A.1, A.2, … in report order. Buildings that share one
   * recomputation (project-level data) share one entry: `users` lists who relies on it.
   */
  calculations: CalcEntry[];
  calcIndex: Map<Finding, number>;
  fpHex: string;
  fpShort: string;
}

const OPINION_ORDER: Verdict[] = ['fail', 'review', 'missing'];

/** The worst status among the "status" fields of a rule-data file. */
function dataStatus(data: unknown): string {
  const seen = new Set<string>();
  const walk = (v: unknown, depth: number) => {
    if (depth > 12 || v === null || typeof v !== 'object') return;
    for (const [k, x] of Object.entries(v as Record<string, unknown>)) {
      if (k === 'status' && typeof x === 'string') seen.add(x);
      else walk(x, depth + 1);
    }
  };
  walk(data, 0);
  if (seen.size === 0) return '';
  if ([...seen].every((s) => s === 'CONFIRMED')) return statusWord('CONFIRMED');
  if (seen.has('UNCONFIRMED')) return `含${statusWord('UNCONFIRMED')}数据`;
  return statusWord('PARTIAL');
}

const DATA_STATUS: Record<string, string> = {
  gbt50378: dataStatus(gbt50378),
  gbt51129: dataStatus(gbt51129),
  runoffCoefficients: dataStatus(coefficients),
  renewable: `含${statusWord('UNCONFIRMED')}数据`,
};

function leafOf(cond: Condition | undefined, indicator: string): LeafRule | undefined {
  return cond ? leaves(cond).find((r) => r.indicator === indicator) : undefined;
}

function overviewRows(run: CheckRun, id: Identity): OverviewRow[] {
  const v = (k: string) => {
    const x = run.imported.project[k];
    return x && x.status === 'ok' && x.value !== null ? `${formatValue(k, x.value)}（${x.source}）` : NOT_GIVEN;
  };
  const rows: OverviewRow[] = [
    { label: '项目名称', value: id.projectName },
    { label: '地块', value: id.parcel },
    { label: '建设单位', value: id.developer },
    { label: '设计单位', value: id.designer },
    { label: '总用地面积', value: v('site_area') },
    { label: '总建筑面积', value: v('gross_floor_area') },
    { label: '地上建筑面积', value: v('above_ground_area') },
    { label: '地下建筑面积', value: v('below_ground_area') },
    { label: '容积率', value: v('far') },
  ];
  const bs = run.imported.buildings;
  rows.push({
    label: '单体建筑',
    value: bs.length ? `${bs.length} 栋：${bs.slice(0, 12).map((b) => b.name).join('、')}${bs.length > 12 ? ' 等' : ''}` : '指标表未分列单体',
  });
  if (id.sheetProjectName && id.sheetProjectName !== id.projectName) rows.push({ label: '指标表所填项目名称', value: id.sheetProjectName });
  return rows;
}

function leafTexts(f: Finding, cond: Condition | undefined): { required: string; declared: string; computed: string; gap: string } {
  const br = f.branches ?? [];
  if (br.length) {
    const gaps = br
      .map((b) => {
        const r = leafOf(cond, b.indicator);
        const g = r && (b.verdict === 'fail' || b.verdict === 'missing' || b.verdict === 'review') ? gapOf(r, b) : null;
        return g ? `${indicatorName(b.indicator)}${g}` : null;
      })
      .filter((x): x is string => !!x);
    return {
      required: cond ? describeRule(cond) : prettyOps(f.required),
      declared: br.map((b) => `${indicatorName(b.indicator)} ${valueText(b.indicator, b.declared)}${b.source ? `（${b.source}）` : ''}`).join('；'),
      computed: br.map((b) => `${indicatorName(b.indicator)} ${b.computed === null ? '未能复核' : valueText(b.indicator, b.computed)}`).join('；'),
      gap: gaps.join('；') || '—',
    };
  }
  const r = leafOf(cond, f.indicator);
  const calc = f.calculation;
  let computed = f.computed === null ? (calc ? '未能复核出数值' : '无复核计算') : valueText(f.indicator, f.computed);
  if (f.computed === null && calc?.supportsDeclared === false) computed = '未能复核出数值；表中数据不支持申报值';
  if (f.computed === null && calc?.supportsDeclared === true) computed = `未能复核出数值；${supportShort(calc)}`;
  if (calc?.bound === 'upper' && f.computed !== null) computed += '（上限）';
  return {
    required: `${indicatorName(f.indicator)} ${requiredText(f, cond)}`,
    declared: f.declared === null ? '未填报' : `${valueText(f.indicator, f.declared)}${f.source ? `（${f.source}）` : ''}`,
    computed,
    gap: (r && gapOf(r, f)) ?? '—',
  };
}

export function reportFacts(
  run: CheckRun,
  opts: { reportNo?: string; date?: string; project?: ProjectIdentity },
  fp: { hex: string; short: string },
  handEntries: HandEntry[] = [],
): ReportFacts {
  const identity = identityOf(run, opts.project);
  const date = opts.date ?? run.checkedAt.slice(0, 10);
  const reportNo = opts.reportNo ?? `LC${date.replace(/-/g, '')}-${fp.hex.slice(0, 6).toUpperCase()}`;

  const byId = new Map<string, FindingGroup>();
  for (const c of run.conditions.conditions) byId.set(c.id, { id: c.id, condition: c, rule: describeRule(c), findings: [] });
  for (const f of run.result.findings) {
    let g = byId.get(f.conditionId);
    if (!g) {
      g = { id: f.conditionId, rule: prettyOps(f.required), findings: [] };
      byId.set(f.conditionId, g);
    }
    g.findings.push(f);
  }
  const groups = [...byId.values()];
  const calculations: CalcEntry[] = [];
  const calcIndex = new Map<Finding, number>();
  const byContent = new Map<Calculation | string, CalcEntry>();
  for (const g of groups)
    for (const f of g.findings) {
      const calc = f.calculation;
      if (!calc) continue;
      // The same object (in-process) or the same content (a run read back from the store).
      let entry = byContent.get(calc);
      if (!entry) {
        const key = canonicalJson(calc);
        entry = byContent.get(key);
        if (!entry) {
          entry = { calc, index: calculations.length + 1, conditionIds: [], users: [] };
          calculations.push(entry);
          byContent.set(key, entry);
        }
        byContent.set(calc, entry);
      }
      if (!entry.conditionIds.includes(f.conditionId)) entry.conditionIds.push(f.conditionId);
      const user = f.building ?? '项目整体';
      if (!entry.users.includes(user)) entry.users.push(user);
      calcIndex.set(f, entry.index);
    }
  const counts: Record<Verdict, number> = { pass: 0, fail: 0, missing: 0, review: 0, not_applicable: 0 };
  for (const f of run.result.findings) counts[f.verdict] = (counts[f.verdict] ?? 0) + 1;

  // 审查意见: every finding that is not 符合, failures first, in the order of the conditions
  const opinions: Opinion[] = [];
  for (const v of OPINION_ORDER) {
    for (const g of groups) {
      for (const f of g.findings) {
        if (f.verdict !== v) continue;
        const cond = g.condition;
        const t = leafTexts(f, cond);
        const label = `${cond?.clause ? `${cond.clause}　` : ''}条件 ${f.conditionId}${f.building ? ` · ${f.building}` : ''}`;
        const advice = f.remediation?.length
          ? f.remediation
          : f.override
            ? [`按人工改判意见处理：${f.override.reason}`]
            : [v === 'missing' ? `补充${indicatorName(f.indicator)}的数值及计算依据` : `核对并修改，使${indicatorName(f.indicator)}满足合同要求（${t.required}）`];
        opinions.push({
          no: opinions.length + 1,
          finding: f,
          verdict: v,
          title: label,
          ...t,
          advice: advice.map(readerText),
          why: readerText(f.message),
          calcRef: calcIndex.get(f) ?? null,
        });
      }
    }
  }

  const standards = [...new Set(calculations.map((c) => readerText(c.calc.clause)))];
  // a fixed order (a run read back from the store has its keys sorted; a fresh one does not)
  const ruleData = ruleDataOrder(Object.keys(run.rules))
    .filter((k) => k !== 'engine')
    .map((k): [string, string] => [k, run.rules[k]])
    .map(([k, version]) => ({ name: ruleDataName(k), version: versionWord(version), status: DATA_STATUS[k] ?? '' }));
  ruleData.unshift({ name: ruleDataName('engine'), version: run.rules.engine ?? '', status: '' });

  const overrides = run.result.findings
    .filter((f) => f.override)
    .map((f) => ({ label: findingLabel(f), from: f.override!.from, to: f.verdict, reason: f.override!.reason, by: f.override!.by ?? null, at: f.override!.at }));

  const remarks = run.result.findings.flatMap((f) => (f.remarks ?? []).map((text) => ({ label: findingLabel(f), text: readerText(text) })));
  const warnings = run.result.warnings ?? run.imported.issues.filter((i) => i.level === 'warning').map((i) => ({ message: i.message }));
  const importNotes = warnings.map((w) => readerText(w.message));
  const cov = run.result.coverage;
  const notRead: string[] = [];
  for (const s of cov?.skippedSheets ?? (run.imported.coverage ?? []).filter((c) => c.state !== 'visible')) {
    notRead.push(`工作表“${s.sheet}”为隐藏工作表，未读取`);
  }
  for (const u of cov?.unread ?? run.imported.unread ?? []) notRead.push(`表“${u.title}”（${u.sheet}!${u.range}）未能读取：${u.reason}`);
  if (cov && cov.unusedLabels > 0) notRead.push(`另有 ${cov.unusedLabels} 处可识别的指标标签未取用其数值（见导入记录）`);

  return {
    reportNo,
    date,
    identity,
    projectName: identity.projectName,
    parcel: identity.parcel,
    contractNo: identity.contractNo,
    signedOn: identity.signedOn,
    workbookFile: run.result.input.file,
    workbookSha256: run.imported.sha256 || run.result.input.sha256,
    conditionsFile: run.conditionsFile,
    overall: run.result.overall,
    counts,
    total: run.result.findings.length,
    overview: overviewRows(run, identity),
    basis: {
      clauses: run.conditions.conditions.map((c) => ({ clause: c.clause ?? '', text: c.text ?? describeRule(c), id: c.id })),
      standards,
      ruleData,
    },
    overrides,
    handEntries,
    opinions,
    remarks,
    importNotes,
    notRead,
    groups,
    calculations,
    calcIndex,
    fpHex: fp.hex,
    fpShort: fp.short,
  };
}

export { VERDICT_WORD };
