// The front of the 审查意见书: cover (project and contract identity, conclusion, warnings),
// 一 项目概况, 二 审查依据 and 三 审查结论 (counts, overrides and hand entries with who).
import { indicatorName } from '../model/indicators';
import { FONT } from './fonts';
import type { ReportOptions } from './options';
import { OVERALL_COLOR, OVERALL_WORD, VERDICT_ORDER, VERDICT_WORD } from './labels';
import { summaryChartSvg } from './chart';
import type { ReportFacts } from './facts';
import { NOT_GIVEN } from './identity';
import { GRAY, head, kvTable, line, type Node, REPORT_TITLE, t, tableLayout, warningBox } from './pdf-blocks';

// ---------------------------------------------------------------- cover

function countsLine(f: ReportFacts): string {
  const c = f.counts;
  return VERDICT_ORDER.filter((v) => v !== 'not_applicable' || c[v] > 0)
    .map((v) => `${VERDICT_WORD[v]} ${c[v]} 项`)
    .join('　');
}

function interventionsLine(f: ReportFacts): string {
  const parts: string[] = [];
  if (f.overrides.length) parts.push(`其中 ${f.overrides.length} 项结论经人工改判`);
  if (f.handEntries.length) parts.push(`${f.handEntries.length} 项数值经人工录入或修正`);
  return parts.length ? `${parts.join('，')}（详见第三部分）` : '全部结论由程序按指标表数据得出，无人工改判或人工录入数值';
}

export function cover(f: ReportFacts, opts: ReportOptions): Node[] {
  const id = f.identity;
  return [
    { text: '', margin: [0, 24, 0, 0] },
    { text: REPORT_TITLE, fontSize: 20, bold: true, alignment: 'center', margin: [0, 0, 0, 10] },
    { text: `编号：${line(f.reportNo)}`, alignment: 'center', color: GRAY, margin: [0, 0, 0, 26] },
    {
      ...(kvTable([
        ['项目名称', id.projectName + (id.projectNameFrom === 'sheet' ? '（据指标表所填）' : '')],
        ['地块', id.parcel],
        ['土地出让合同编号', id.contractNo],
        ['合同签订日期', id.signedOn],
        ['建设单位', id.developer],
        ['审查机构', opts.org.name],
        ['审查日期', f.date],
      ]) as Record<string, unknown>),
      margin: [30, 0, 30, 22],
    },
    ...warningBox(id.warnings).map((n) => ({ ...(n as Record<string, unknown>), margin: [30, 0, 30, 12] })),
    {
      table: {
        widths: ['*'],
        body: [
          [{ text: '审查结论', alignment: 'center', color: GRAY, margin: [0, 10, 0, 0] }],
          [{ text: OVERALL_WORD[f.overall], fontSize: 40, bold: true, alignment: 'center', color: OVERALL_COLOR[f.overall], margin: [0, 0, 0, 4] }],
          [{ text: `共审查 ${f.total} 项：${countsLine(f)}`, alignment: 'center', margin: [0, 0, 0, 2] }],
          [{ text: interventionsLine(f), alignment: 'center', fontSize: 8.5, color: f.overrides.length || f.handEntries.length ? '#8A1C1C' : GRAY, margin: [8, 0, 8, 12] }],
        ],
      },
      layout: { hLineWidth: (i: number) => (i === 0 || i === 4 ? 1.5 : 0), vLineWidth: () => 1.5, hLineColor: () => OVERALL_COLOR[f.overall], vLineColor: () => OVERALL_COLOR[f.overall] },
      margin: [60, 0, 60, 18],
    },
    {
      text: [
        { text: '结论规则：', bold: true },
        '任一审查项不符合即为“不符合”；无不符合项但有缺项或需复核项时为“需补充材料”；全部符合时为“符合”。',
        f.opinions.length ? `需整改或补充的 ${f.opinions.length} 项见第四部分“审查意见”。` : '',
      ],
      fontSize: 8.5,
      color: GRAY,
      margin: [30, 0, 30, 8],
    },
    { text: '', pageBreak: 'after' },
  ];
}

// ---------------------------------------------------------------- 一、项目概况  二、审查依据

export function overview(f: ReportFacts): Node[] {
  return [
    { text: '一、项目概况', style: 'h1' },
    { ...(kvTable(f.overview.map((r) => [r.label, r.value])) as Record<string, unknown>), margin: [0, 0, 0, 6] },
    {
      text: `审查所用指标表：${line(f.workbookFile, 120)}（文件摘要 SHA-256 ${f.workbookSha256.slice(0, 16)}…）；合同条件：${line(f.conditionsFile, 120)}。`,
      fontSize: 8,
      color: GRAY,
      margin: [0, 0, 0, 12],
    },
  ];
}

export function basisSection(f: ReportFacts): Node[] {
  const clauses = f.basis.clauses.map((c, i) => ({
    text: [{ text: `${i + 1}. ${c.clause ? `${line(c.clause, 40)}　` : ''}`, bold: true }, t(c.text, 500)],
    margin: [8, 0, 0, 2],
  }));
  const std = f.basis.standards.length
    ? f.basis.standards.map((s, i) => ({ text: `${i + 1}. ${t(s, 300)}`, margin: [8, 0, 0, 2] }))
    : [{ text: '本次审查未进行复核计算，未引用标准条文。', color: GRAY, margin: [8, 0, 0, 2] }];
  const data = {
    table: {
      headerRows: 1,
      widths: ['*', 110, 80],
      body: [head(['规则数据', '版本', '核实情况']), ...f.basis.ruleData.map((r) => [t(r.name, 80), line(r.version, 40), r.status || '—'])],
    },
    layout: tableLayout,
    fontSize: 8,
    margin: [8, 2, 0, 12],
  };
  return [
    { text: '二、审查依据', style: 'h1' },
    { text: `（一）土地出让合同${f.contractNo !== NOT_GIVEN ? `（${line(f.contractNo, 60)}）` : ''}中的绿色生态条件`, style: 'h3' },
    ...clauses,
    { text: '（二）复核计算所依据的标准条文', style: 'h3', margin: [0, 6, 0, 2] },
    ...std,
    { text: '（三）所用规则数据及其版本', style: 'h3', margin: [0, 6, 0, 2] },
    data,
  ];
}

// ---------------------------------------------------------------- 三、审查结论

export function conclusion(f: ReportFacts): Node[] {
  const c = f.counts;
  const body: Node[] = [
    head(['审查项', '符合', '不符合', '缺项', '需复核', '不适用', '人工改判', '人工录入数值']),
    [String(f.total), String(c.pass), String(c.fail), String(c.missing), String(c.review), String(c.not_applicable), String(f.overrides.length), String(f.handEntries.length)].map((x) => ({
      text: x,
      alignment: 'center',
    })),
  ];
  const out: Node[] = [
    { text: '三、审查结论', style: 'h1', margin: [0, 6, 0, 8] },
    {
      text: [{ text: '结论：', bold: true }, { text: OVERALL_WORD[f.overall], bold: true, color: OVERALL_COLOR[f.overall] }, `。${interventionsLine(f)}。`],
      margin: [0, 0, 0, 6],
    },
    { table: { headerRows: 1, widths: Array(8).fill('*'), body }, layout: tableLayout, fontSize: 8.5, margin: [0, 0, 0, 8] },
  ];
  if (f.overrides.length) {
    out.push({ text: '人工改判的结论', style: 'h3' });
    out.push({
      table: {
        headerRows: 1,
        widths: [90, 70, '*', 80],
        body: [
          head(['审查项', '程序结论 → 改判结论', '改判理由', '改判人、时间']),
          ...f.overrides.map((o) => [
            line(o.label, 60),
            { text: `${VERDICT_WORD[o.from]} → ${VERDICT_WORD[o.to]}`, bold: true },
            t(o.reason, 600),
            `${o.by ? line(o.by, 30) : '改判人未记录'}\n${o.at.slice(0, 10)}`,
          ]),
        ],
      },
      layout: tableLayout,
      fontSize: 8,
      margin: [0, 0, 0, 8],
    });
  }
  if (f.handEntries.length) {
    out.push({ text: '人工录入或修正的数值', style: 'h3' });
    out.push({
      table: {
        headerRows: 1,
        widths: [70, 90, 70, '*', 60],
        body: [
          head(['单体', '指标', '取值', '理由', '录入人']),
          ...f.handEntries.map((h) => [
            line(h.building ?? '项目整体', 30),
            indicatorName(h.indicator),
            h.cell ? `改取 ${line(h.cell, 40)}` : `人工录入 ${line(h.value, 40)}`,
            t(h.reason, 500),
            h.user ? line(h.user, 30) : '未记录',
          ]),
        ],
      },
      layout: tableLayout,
      fontSize: 8,
      margin: [0, 0, 0, 8],
    });
  }
  const chart = summaryChartSvg(f);
  if (chart) {
    // the caption travels with its chart (never stranded at the foot of a page)
    out.push({
      stack: [
        { svg: chart.svg, width: chart.width, font: FONT, alignment: 'center', margin: [0, 4, 0, 0] },
        { text: '图 1  各条件审查结果分布与项目指标对比', style: 'caption' },
      ],
      unbreakable: true,
      margin: [0, 4, 0, 8],
    });
  }
  return out;
}
