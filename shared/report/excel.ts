// The record of a check as an .xlsx (exceljs), for filing and further work in a spreadsheet:
// 审查结果 (one row per indicator of a finding: an "或" condition gives one row per branch),
// 审查意见 (the numbered items with 整改要求), 导入数值, 计算过程 (one row per input), 报告信息.
// Numbers are numbers, rounded as the indicator is compared (no float noise), with the unit in its
// own column; one value per cell; Chinese column names; the reviewer's override in its own
// columns (程序结论, 改判后结论, 改判人, 改判理由). Text from the workbook stays text (never a formula).
import ExcelJS from 'exceljs';
import type { CheckRun, Finding, ImportedScalar, ImportedValue, LeafRule, Verdict } from '../model/types';
import { indicator as indicatorDef, indicatorName, starName } from '../model/indicators';
import { leaves } from '../check/remediation';
import { describeScope } from './describe';
import { reportFacts } from './facts';
import { fingerprint, shortCode } from './fingerprint';
import { OP_WORD, OVERALL_WORD, VERDICT_COLOR, VERDICT_FILL, VERDICT_WORD } from './labels';
import type { ReportOptions } from './options';
import { handEntriesOf } from './options';
import { REPORT_TITLE } from './pdf';
import { basisWord, readerText, xlsxText } from './sanitize';
import terms from '../data/report-terms.json';

const argb = (hex: string) => `FF${hex.replace('#', '').toUpperCase()}`;
const HEAD_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFECEFF3' } };

interface Col {
  header: string;
  width: number;
  wrap?: boolean;
}

function sheetWith(wb: ExcelJS.Workbook, name: string, cols: Col[]): ExcelJS.Worksheet {
  const ws = wb.addWorksheet(name, { views: [{ state: 'frozen', ySplit: 1 }] });
  ws.columns = cols.map((c) => ({ header: c.header, width: c.width }));
  const head = ws.getRow(1);
  head.font = { bold: true };
  head.alignment = { vertical: 'middle', horizontal: 'center', wrapText: true };
  head.eachCell((cell) => (cell.fill = HEAD_FILL));
  cols.forEach((c, i) => {
    const col = ws.getColumn(i + 1);
    col.alignment = { vertical: 'top', wrapText: !!c.wrap };
  });
  return ws;
}

// ---------------------------------------------------------------- numbers as the standard rounds them

const DECIMALS = terms.decimals as Record<string, number>;

/** Decimals an indicator is shown and compared with (shared/data/report-terms.json). */
export function decimalsOf(indicator: string): number {
  if (indicator in DECIMALS) return DECIMALS[indicator];
  const def = indicatorDef(indicator);
  return def?.unit === '%' ? DECIMALS.percent : DECIMALS.number;
}

/** A number without float noise, rounded to the indicator's decimals (half away from zero). */
export function roundFor(indicator: string, v: number): number {
  const d = decimalsOf(indicator);
  const k = 10 ** d;
  const x = Math.round(Math.abs(v) * k + 1e-9) / k;
  return Number((Math.sign(v) * x).toPrecision(15));
}

function numFmt(indicator: string): string {
  const d = decimalsOf(indicator);
  return d === 0 ? '0' : `0.${'0'.repeat(d)}`;
}

/** A value as one cell: numbers rounded, stars and booleans in words, text as text. */
function valueCell(indicator: string, v: ImportedScalar | null | undefined): string | number | null {
  if (v === null || v === undefined) return null;
  if (typeof v === 'boolean') return v ? '是' : '否';
  if (typeof v === 'number') {
    if (!Number.isFinite(v)) return null;
    const def = indicatorDef(indicator);
    if (def?.type === 'star' && Number.isInteger(v)) return starName(v) ?? v;
    return roundFor(indicator, v);
  }
  return xlsxText(v);
}

function unitOf(indicator: string): string {
  const def = indicatorDef(indicator);
  if (!def || def.type === 'star' || def.type === 'boolean' || def.type === 'text') return '';
  return def.unit;
}

/** A cell value that can never become a formula: strings go in as strings (text type). */
function cellValue(v: unknown): string | number | boolean | null {
  if (v === null || v === undefined || v === '') return null;
  if (typeof v === 'number') return Number.isFinite(v) ? Number(v.toPrecision(15)) : null;
  if (typeof v === 'boolean') return v;
  return xlsxText(v);
}

function addRow(ws: ExcelJS.Worksheet, values: unknown[], formats: Record<number, string> = {}): ExcelJS.Row {
  const row = ws.addRow(values.map(cellValue));
  row.eachCell((cell, col) => {
    if (typeof cell.value === 'string') cell.numFmt = '@';
    else if (typeof cell.value === 'number' && formats[col]) cell.numFmt = formats[col];
  });
  return row;
}

function paintVerdict(cell: ExcelJS.Cell, v: Verdict): void {
  cell.font = { bold: true, color: { argb: argb(VERDICT_COLOR[v]) } };
  cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: argb(VERDICT_FILL[v]) } };
  cell.alignment = { horizontal: 'center', vertical: 'top' };
}

function finish(ws: ExcelJS.Worksheet, cols: number): void {
  ws.autoFilter = { from: { row: 1, column: 1 }, to: { row: Math.max(1, ws.rowCount), column: cols } };
}

// ---------------------------------------------------------------- the workbook

export const RESULT_COLUMNS: Col[] = [
  { header: '序号', width: 6 },
  { header: '条款', width: 14, wrap: true },
  { header: '条件编号', width: 9 },
  { header: '条款原文', width: 36, wrap: true },
  { header: '适用范围', width: 20, wrap: true },
  { header: '单体', width: 12, wrap: true },
  { header: '指标', width: 16, wrap: true },
  { header: '要求', width: 6 },
  { header: '要求值', width: 10 },
  { header: '单位', width: 8 },
  { header: '申报值', width: 11 },
  { header: '申报值单元格', width: 18 },
  { header: '核算值', width: 11 },
  { header: '计算过程编号', width: 10 },
  { header: '分项结论', width: 9 },
  { header: '程序结论', width: 9 },
  { header: '最终结论', width: 9 },
  { header: '是否改判', width: 8 },
  { header: '改判人', width: 10 },
  { header: '改判理由', width: 30, wrap: true },
  { header: '改判时间', width: 18 },
  { header: '说明', width: 50, wrap: true },
  { header: '判定依据', width: 20, wrap: true },
  { header: '整改建议', width: 50, wrap: true },
  { header: '一致性提示', width: 30, wrap: true },
];

interface Leaf {
  indicator: string;
  rule: LeafRule | undefined;
  declared: ImportedScalar | null;
  computed: number | boolean | null;
  source: string | null;
  verdict: Verdict;
}

function leavesOf(f: Finding, rules: LeafRule[]): Leaf[] {
  if (f.branches?.length) {
    return f.branches.map((b) => ({ indicator: b.indicator, rule: rules.find((r) => r.indicator === b.indicator), declared: b.declared, computed: b.computed, source: b.source, verdict: b.verdict }));
  }
  return [{ indicator: f.indicator, rule: rules.find((r) => r.indicator === f.indicator), declared: f.declared, computed: f.computed, source: f.source, verdict: f.verdict }];
}

export async function renderReportXlsx(run: CheckRun, opts: ReportOptions): Promise<Uint8Array> {
  const fp = fingerprint(run);
  const facts = reportFacts(run, opts, fp, await handEntriesOf(run.imported));
  const wb = new ExcelJS.Workbook();
  wb.creator = 'LandCheck';
  wb.title = REPORT_TITLE;
  wb.subject = `报告核验码 ${fp.short}`;
  wb.keywords = `fingerprint:${fp.hex}`;
  const issued = opts.issuedAt ?? new Date(run.checkedAt);
  wb.created = issued;
  wb.modified = issued;

  // ---- 审查结果
  const fs = sheetWith(wb, '审查结果', RESULT_COLUMNS);
  let n = 0;
  for (const g of facts.groups) {
    const c = g.condition;
    const rules = c ? leaves(c) : [];
    for (const f of g.findings) {
      n++;
      const o = f.override;
      const calcNo = facts.calcIndex.get(f);
      for (const leaf of leavesOf(f, rules)) {
        const ruleValue = leaf.rule ? valueCell(leaf.indicator, leaf.rule.value) : null;
        const fmt = numFmt(leaf.indicator);
        const row = addRow(
          fs,
          [
            n,
            c?.clause ?? f.clause ?? '',
            f.conditionId,
            c?.text ?? f.text ?? '',
            c ? describeScope(c) : '',
            f.building ?? '项目整体',
            indicatorName(leaf.indicator),
            leaf.rule ? OP_WORD[leaf.rule.op] : '',
            ruleValue,
            unitOf(leaf.indicator),
            valueCell(leaf.indicator, leaf.declared),
            leaf.source ?? '',
            valueCell(leaf.indicator, leaf.computed),
            calcNo ? `A.${calcNo}` : '',
            VERDICT_WORD[leaf.verdict],
            VERDICT_WORD[o ? o.from : f.verdict],
            VERDICT_WORD[f.verdict],
            o ? '是' : '否',
            o ? (o.by ?? '未记录') : '',
            o?.reason ?? '',
            o ? o.at.replace('T', ' ').slice(0, 19) : '',
            readerText(f.message),
            basisWord(f.basis),
            (f.remediation ?? []).map(readerText).join('\n'),
            (f.remarks ?? []).map(readerText).join('\n'),
          ],
          { 9: fmt, 11: fmt, 13: fmt },
        );
        paintVerdict(row.getCell(15), leaf.verdict);
        paintVerdict(row.getCell(17), f.verdict);
        if (o) row.getCell(18).font = { bold: true, color: { argb: argb(VERDICT_COLOR.review) } };
      }
    }
  }
  finish(fs, RESULT_COLUMNS.length);

  // ---- 审查意见
  const ocols: Col[] = [
    { header: '序号', width: 6 },
    { header: '结论', width: 9 },
    { header: '条款', width: 14, wrap: true },
    { header: '条件编号', width: 9 },
    { header: '单体', width: 12 },
    { header: '合同要求', width: 24, wrap: true },
    { header: '指标表所填', width: 24, wrap: true },
    { header: '复核结果', width: 24, wrap: true },
    { header: '差距', width: 16, wrap: true },
    { header: '整改要求', width: 60, wrap: true },
  ];
  const os = sheetWith(wb, '审查意见', ocols);
  for (const o of facts.opinions) {
    const row = addRow(os, [o.no, VERDICT_WORD[o.verdict], o.finding.clause ?? facts.groups.find((g) => g.id === o.finding.conditionId)?.condition?.clause ?? '', o.finding.conditionId, o.finding.building ?? '项目整体', o.required, o.declared, o.computed, o.gap, o.advice.join('\n')]);
    paintVerdict(row.getCell(2), o.verdict);
  }
  finish(os, ocols.length);

  // ---- 导入数值
  const vcols: Col[] = [
    { header: '单体', width: 14, wrap: true },
    { header: '指标', width: 18, wrap: true },
    { header: '数值', width: 12 },
    { header: '单位', width: 8 },
    { header: '单元格原文', width: 24, wrap: true },
    { header: '来源单元格', width: 18 },
    { header: '表中标签', width: 20, wrap: true },
    { header: '标签单元格', width: 16 },
    { header: '读取说明', width: 36, wrap: true },
    { header: '状态', width: 12 },
  ];
  const STATUS: Record<string, string> = { ok: '可用', placeholder: '占位（无值）', ambiguous: '含义不明', invalid: '无法读取' };
  const vs = sheetWith(wb, '导入数值', vcols);
  const addValues = (building: string, values: Record<string, ImportedValue>) => {
    for (const v of Object.values(values)) {
      const manual = v.interpretation.startsWith('人工修正');
      addRow(
        vs,
        [building, indicatorName(v.indicator), valueCell(v.indicator, v.value), unitOf(v.indicator), v.raw, v.source, v.label, v.labelSource ?? '', readerText(v.interpretation), manual ? '人工录入或修正' : (STATUS[v.status] ?? v.status)],
        { 3: numFmt(v.indicator) },
      );
    }
  };
  addValues('项目整体', run.imported.project);
  for (const b of run.imported.buildings) addValues(b.name, b.values);
  finish(vs, vcols.length);

  // ---- 计算过程: one row per input, then the result
  const ccols: Col[] = [
    { header: '编号', width: 8 },
    { header: '指标', width: 16 },
    { header: '条件编号', width: 10 },
    { header: '对象', width: 20, wrap: true },
    { header: '项目', width: 30, wrap: true },
    { header: '数值', width: 12 },
    { header: '单位', width: 10 },
    { header: '来源单元格', width: 18 },
    { header: '依据', width: 36, wrap: true },
  ];
  const cs = sheetWith(wb, '计算过程', ccols);
  for (const { calc, index, conditionIds, users } of facts.calculations) {
    const common = [`A.${index}`, indicatorName(calc.indicator), conditionIds.join('、'), users.join('、')];
    for (const inp of calc.inputs) {
      // an input as the sheet gave it, without float noise (six decimals at most)
      const v = typeof inp.value === 'number' ? Number(inp.value.toFixed(6)) : typeof inp.value === 'boolean' ? (inp.value ? '是' : '否') : inp.value;
      addRow(cs, [...common, readerText(inp.label), v, inp.unit ?? '', inp.source ?? '', readerText(calc.clause)]);
    }
    const result = calc.value === null ? '未能得出数值' : valueCell(calc.indicator, calc.value);
    const r = addRow(cs, [...common, `结果：${readerText(calc.formula)}${calc.bound === 'upper' ? '（上限）' : ''}${calc.confidence === 'confirmed' ? '' : '（未核实）'}`, result, unitOf(calc.indicator), '', readerText(calc.clause)], { 6: numFmt(calc.indicator) });
    r.font = { bold: true };
  }
  finish(cs, ccols.length);

  // ---- 报告信息
  const is = wb.addWorksheet('报告信息');
  is.columns = [{ width: 20 }, { width: 80 }];
  const id = facts.identity;
  const info: Array<[string, unknown]> = [
    ['报告', REPORT_TITLE],
    ['报告编号', facts.reportNo],
    ['项目名称', id.projectName],
    ['地块', id.parcel],
    ['土地出让合同编号', id.contractNo],
    ['合同签订日期', id.signedOn],
    ['建设单位', id.developer],
    ['设计单位', id.designer],
    ['审查机构', opts.org.name],
    ['审查日期', facts.date],
    ['指标表文件', facts.workbookFile],
    ['指标表 SHA-256', fp.parts.workbook],
    ['合同条件文件', facts.conditionsFile],
    ['审查结论', OVERALL_WORD[facts.overall]],
    ['审查项', facts.total],
    ['人工改判', facts.overrides.length],
    ['人工录入或修正数值', facts.handEntries.length],
    ['报告核验码', shortCode(fp.hex)],
    ['报告指纹 SHA-256', fp.hex],
    ...id.warnings.map((w): [string, unknown] => ['请注意', w]),
  ];
  for (const [k, v] of info) {
    const r = addRow(is, [k, v]);
    r.getCell(1).font = { bold: true };
  }

  const buf = await wb.xlsx.writeBuffer();
  return new Uint8Array(buf as ArrayBuffer);
}
