// The findings as an .xlsx (exceljs): 审查结果 (the PDF's columns), 导入数值 (imported values with
// their source cells) and 报告信息. Frozen header, filters, widths, verdicts coloured. Every text
// from the user's workbook is written as a string value (never a formula), complete but for
// what XML cannot carry and Excel's 32 767-character cell limit.
import ExcelJS from 'exceljs';
import type { CheckRun, Finding } from '../model/types';
import { indicatorName } from '../model/indicators';
import { describeScope, overrideMark, overrideReason, requiredText, valueText } from './describe';
import { reportFacts } from './facts';
import { fingerprint } from './fingerprint';
import { OVERALL_WORD, VERDICT_FILL, VERDICT_COLOR, VERDICT_WORD } from './labels';
import type { ReportOptions } from './pdf';
import { REPORT_TITLE } from './pdf';
import { xlsxText } from './sanitize';

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

/** A cell value that can never become a formula: strings go in as strings (text type). */
function cellValue(v: unknown): string | number | boolean | null {
  if (v === null || v === undefined) return null;
  if (typeof v === 'number') return Number.isFinite(v) ? v : xlsxText(String(v));
  if (typeof v === 'boolean') return v;
  return xlsxText(v);
}

function addRow(ws: ExcelJS.Worksheet, values: unknown[]): ExcelJS.Row {
  const row = ws.addRow(values.map(cellValue));
  row.eachCell((cell) => {
    if (typeof cell.value === 'string') cell.numFmt = '@';
  });
  return row;
}

function finish(ws: ExcelJS.Worksheet, cols: number): void {
  ws.autoFilter = { from: { row: 1, column: 1 }, to: { row: Math.max(1, ws.rowCount), column: cols } };
}

export async function renderReportXlsx(run: CheckRun, opts: ReportOptions): Promise<Uint8Array> {
  const fp = fingerprint(run);
  const facts = reportFacts(run, opts, fp);
  const wb = new ExcelJS.Workbook();
  wb.creator = 'LandCheck';
  wb.title = REPORT_TITLE;
  wb.subject = `报告指纹 ${fp.short}`;
  wb.keywords = `fingerprint:${fp.hex}`;

  // ---- 审查结果: the PDF's columns
  const fcols: Col[] = [
    { header: '序号', width: 6 },
    { header: '条款', width: 14, wrap: true },
    { header: '条款原文', width: 40, wrap: true },
    { header: '条件编号', width: 9 },
    { header: '适用范围', width: 22, wrap: true },
    { header: '单体', width: 14, wrap: true },
    { header: '指标', width: 16, wrap: true },
    { header: '要求值', width: 22, wrap: true },
    { header: '申报值', width: 14, wrap: true },
    { header: '取值单元格', width: 18 },
    { header: '核算值', width: 12 },
    { header: '结论', width: 9 },
    { header: '说明', width: 60, wrap: true },
    { header: '计算依据', width: 28, wrap: true },
  ];
  const fs = sheetWith(wb, '审查结果', fcols);
  let n = 0;
  for (const g of facts.groups) {
    for (const f of g.findings) {
      n++;
      const c = g.condition;
      const declared = f.branches?.length
        ? f.branches.map((b) => `${indicatorName(b.indicator)}：${valueText(b.indicator, b.declared)}`).join('\n')
        : valueText(f.indicator, f.declared);
      const sources = f.branches?.length ? f.branches.map((b) => b.source ?? '—').join('\n') : (f.source ?? '');
      const computed = f.branches?.length
        ? f.branches.map((b) => `${indicatorName(b.indicator)}：${valueText(b.indicator, b.computed)}`).join('\n')
        : f.computed === null ? '' : valueText(f.indicator, f.computed);
      const row = addRow(fs, [
        n,
        c?.clause ?? f.clause ?? '',
        c?.text ?? f.text ?? '',
        f.conditionId,
        c ? describeScope(c) : '',
        f.building ?? '项目整体',
        indicatorName(f.indicator),
        f.branches?.length ? g.rule : requiredText(f, c),
        declared,
        sources,
        computed,
        f.override ? `${VERDICT_WORD[f.verdict]}（${overrideMark(f)}）` : VERDICT_WORD[f.verdict],
        f.override ? `${f.message}\n${overrideReason(f)}` : f.message,
        f.calculation ? `${f.calculation.clause}；${f.calculation.formula}` : '',
      ]);
      const vc = row.getCell(12);
      vc.font = { bold: true, color: { argb: argb(VERDICT_COLOR[f.verdict]) } };
      vc.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: argb(VERDICT_FILL[f.verdict]) } };
      vc.alignment = { horizontal: 'center', vertical: 'top' };
    }
  }
  finish(fs, fcols.length);

  // ---- 导入数值: every imported value with its source cell
  const vcols: Col[] = [
    { header: '单体', width: 14, wrap: true },
    { header: '指标', width: 18, wrap: true },
    { header: '指标编号', width: 22 },
    { header: '数值', width: 14 },
    { header: '单元格原文', width: 24, wrap: true },
    { header: '来源单元格', width: 18 },
    { header: '表中标签', width: 20, wrap: true },
    { header: '标签单元格', width: 16 },
    { header: '读取说明', width: 36, wrap: true },
    { header: '状态', width: 10 },
  ];
  const STATUS: Record<string, string> = { ok: '可用', placeholder: '占位（无值）', ambiguous: '含义不明', invalid: '无法读取' };
  const vs = sheetWith(wb, '导入数值', vcols);
  const addValues = (building: string, values: CheckRun['imported']['project']) => {
    for (const v of Object.values(values)) {
      addRow(vs, [building, indicatorName(v.indicator), v.indicator, v.value, v.raw, v.source, v.label, v.labelSource ?? '', v.interpretation, STATUS[v.status] ?? v.status]);
    }
  };
  addValues('项目整体', run.imported.project);
  for (const b of run.imported.buildings) addValues(b.name, b.values);
  finish(vs, vcols.length);

  // ---- 报告信息
  const is = wb.addWorksheet('报告信息');
  is.columns = [{ width: 18 }, { width: 80 }];
  const info: Array<[string, unknown]> = [
    ['报告', REPORT_TITLE],
    ['报告编号', facts.reportNo],
    ['项目名称', facts.projectName],
    ['地块', facts.parcel],
    ['土地出让合同编号', facts.contractNo],
    ['合同签订日期', facts.signedOn],
    ['审查机构', opts.org.name],
    ['审查日期', facts.date],
    ['指标表文件', facts.workbookFile],
    ['指标表 SHA-256', fp.parts.workbook],
    ['合同条件文件', facts.conditionsFile],
    ['审查结论', OVERALL_WORD[facts.overall]],
    ['报告指纹', fp.short],
    ['报告指纹 SHA-256', fp.hex],
  ];
  for (const [k, v] of info) {
    const r = addRow(is, [k, v]);
    r.getCell(1).font = { bold: true };
  }

  const buf = await wb.xlsx.writeBuffer();
  return new Uint8Array(buf as ArrayBuffer);
}

export type { Finding };
