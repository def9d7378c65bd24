// The 审查意见书 as PDF (pdfmake): cover with the project's and the contract's identity and the
// conclusion; 一 项目概况; 二 审查依据; 三 审查结论 (counts, overrides and hand entries with who);
// 四 审查意见 (one numbered item per finding that is not 符合, with its 整改要求); 五 逐条审查结果;
// 六 一致性提示与导入说明; 附录 A 计算过程; sign-off with blank space for handwritten signatures
// and 执业章. Verification code + QR + page numbers in every footer. Rendering is a function of
// the run and the options only (the moment of issue is an option): verification makes the same
// pages again. The verification data are embedded afterwards (shared/report/manifest.ts).
import type { Calculation, CheckRun, Finding, Verdict } from '../model/types';
import { indicatorName } from '../model/indicators';
import { InputError } from '../errors';
import { FONT, getPdfMake, glyphSafe } from './fonts';
import { fingerprint, qrPayload } from './fingerprint';
import { buildManifest, digestsOf, embedManifest } from './manifest';
import { PdfDocument } from './pdf-reader';
import { handEntriesOf, overridesOf, type OrgProfile, type ReportOptions } from './options';
import { basisWord, pdfLine, pdfText, readerText } from './sanitize';
import { sealSvg } from './seal';
import { qrPng } from './qrimage';
import { describeRule, describeScope, overrideMark, overrideReason, valueText } from './describe';
import { OVERALL_COLOR, OVERALL_WORD, VERDICT_COLOR, VERDICT_FILL, VERDICT_ORDER, VERDICT_WORD } from './labels';
import { summaryChartSvg } from './chart';
import { reportFacts, type CalcEntry, type ReportFacts } from './facts';
import { NOT_GIVEN } from './identity';

export type { OrgProfile, ReportOptions, ProjectIdentity } from './options';

export const REPORT_TITLE = '土地出让合同绿色生态条件符合性审查意见书';
const SEAL_SENTENCE = '本意见书上的印章为可视标识，不是《信息安全技术 电子签章》（GB/T 38540）所规定的电子签章，不具有电子签章的法律效力。';
const VERIFY_SENTENCE =
  '证明本意见书内容的是报告核验码：收到本意见书的一方可在 LandCheck 的“校验报告”中打开本文件，并提供原始指标表和合同条件文件，核对各页内容是否由这些输入生成且未被改动；也可凭核验码向出具单位查询存档。';
export const SEAL_NOTE = `说明：${SEAL_SENTENCE}${VERIFY_SENTENCE}`;

type Node = Record<string, unknown> | string | Node[];

const t = (s: unknown, max?: number) => glyphSafe(pdfText(s, max));
const line = (s: unknown, max?: number) => glyphSafe(pdfLine(s, max));
/** Rule-data and calculation text as a reader sees it. */
const rt = (s: unknown, max?: number) => t(readerText(String(s ?? '')), max);

const GRAY = '#555555';
const RULE = '#9E9E9E';
const HEAD_FILL = '#ECEFF3';
const SEAL_SIZE = 120;

const tableLayout = {
  hLineWidth: () => 0.5,
  vLineWidth: () => 0.5,
  hLineColor: () => RULE,
  vLineColor: () => RULE,
  paddingLeft: () => 3,
  paddingRight: () => 3,
  paddingTop: () => 2,
  paddingBottom: () => 2,
};

/** A table whose first row is its heading (no borders around it). */
const headedTableLayout = {
  ...tableLayout,
  hLineWidth: (i: number) => (i === 0 ? 0 : 0.5),
  vLineWidth: (i: number, node: { table: { widths: unknown[] } }) => (i === 0 || i === node.table.widths.length ? 0.5 : 0.5),
  paddingLeft: (i: number) => (i === 0 ? 3 : 3),
};

function headingRow(heading: Node, cols: number): Node[] {
  return [{ ...(heading as Record<string, unknown>), colSpan: cols, border: [false, false, false, false], margin: [-3, 0, 0, 0] }, ...Array(cols - 1).fill({})];
}

function verdictCell(v: Verdict, branches?: string, override?: string): Node {
  return {
    text: [
      { text: VERDICT_WORD[v], bold: true, color: VERDICT_COLOR[v] },
      ...(override ? [{ text: `\n${override}`, fontSize: 6.5, bold: true, color: VERDICT_COLOR.review }] : []),
      ...(branches ? [{ text: `\n${branches}`, fontSize: 6.5, color: GRAY }] : []),
    ],
    fillColor: VERDICT_FILL[v],
    alignment: 'center',
  };
}

function head(cells: string[]): Node[] {
  return cells.map((c) => ({ text: c, bold: true, fillColor: HEAD_FILL, alignment: 'center' }));
}

function isPng(b: Uint8Array): boolean {
  return b.length > 8 && b[0] === 0x89 && b[1] === 0x50 && b[2] === 0x4e && b[3] === 0x47;
}

function sealNode(org: OrgProfile, size: number): Record<string, unknown> {
  if (org.sealPng) {
    if (!isPng(org.sealPng)) throw new InputError('机构印章图片不是 PNG 文件，请提供 PNG 格式的印章图片');
    return { image: `data:image/png;base64,${Buffer.from(org.sealPng).toString('base64')}`, fit: [size, size] };
  }
  return { svg: sealSvg(org, size), width: size, font: FONT };
}

function kvTable(rows: Array<[string, string]>, widths: [number, string] = [110, '*']): Node {
  return {
    table: {
      widths,
      body: rows.map(([k, v]) => [
        { text: k, color: GRAY, alignment: 'right', margin: [0, 2, 6, 2] },
        { text: t(v || NOT_GIVEN, 300), margin: [0, 2, 0, 2] },
      ]),
    },
    layout: {
      hLineWidth: (i: number, node: { table: { body: unknown[] } }) => (i === 0 || i === node.table.body.length ? 1 : 0.4),
      vLineWidth: () => 0,
      hLineColor: () => RULE,
    },
  };
}

function warningBox(lines: string[]): Node[] {
  if (!lines.length) return [];
  return [
    {
      table: {
        widths: ['*'],
        body: [[{ text: [{ text: '请注意：', bold: true }, lines.map((l) => t(l, 400)).join('\n')], color: '#8A1C1C', margin: [6, 4, 6, 4] }]],
      },
      layout: { hLineWidth: () => 1, vLineWidth: () => 1, hLineColor: () => '#C62828', vLineColor: () => '#C62828' },
      margin: [0, 0, 0, 12],
    },
  ];
}

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

function cover(f: ReportFacts, opts: ReportOptions): Node[] {
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

function overview(f: ReportFacts): Node[] {
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

function basisSection(f: ReportFacts): Node[] {
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

function conclusion(f: ReportFacts): Node[] {
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

// ---------------------------------------------------------------- 四、审查意见

function opinions(f: ReportFacts): Node[] {
  const out: Node[] = [{ text: '四、审查意见', style: 'h1', pageBreak: 'before' }];
  if (f.opinions.length === 0) {
    out.push({ text: '各审查项均符合合同要求，无整改意见。', margin: [0, 0, 0, 10] });
    return out;
  }
  out.push({
    text: `共 ${f.opinions.length} 项需整改或补充（不符合 ${f.counts.fail} 项，需复核 ${f.counts.review} 项，缺项 ${f.counts.missing} 项）。建设单位应按下列整改要求修改设计或补充材料后重新报审。`,
    margin: [0, 0, 0, 8],
  });
  if (f.opinions.length > OPINION_BLOCKS) return [...out, ...opinionTables(f)];
  for (const o of f.opinions) {
    const row = (k: string, v: Node) => [{ text: k, color: GRAY, noWrap: true }, v];
    const body: Node[] = [
      row('合同要求', t(o.required, 300)),
      row('指标表所填', t(o.declared, 400)),
      row('复核结果', { text: [t(o.computed, 300), ...(o.calcRef ? [{ text: `（计算见附录 A.${o.calcRef}）`, color: GRAY }] : [])] }),
      row('差距', t(o.gap, 200)),
      row('审查说明', t(o.why, 600)),
      row('整改要求', { text: o.advice.map((a, i) => `${o.advice.length > 1 ? `${i + 1}. ` : ''}${t(a, 600)}`).join('\n'), bold: true }),
    ];
    if (o.finding.override) body.splice(5, 0, row('人工改判', t(`${overrideMark(o.finding)}；${overrideReason(o.finding)}`, 600)));
    out.push({
      stack: [
        {
          text: [
            { text: `（${o.no}）`, bold: true },
            { text: `【${VERDICT_WORD[o.verdict]}】`, bold: true, color: VERDICT_COLOR[o.verdict] },
            { text: line(o.title, 120), bold: true },
          ],
          margin: [0, 4, 0, 2],
        },
        {
          table: { widths: [48, '*'], body },
          layout: { ...tableLayout, vLineWidth: () => 0, hLineWidth: (i: number, n: { table: { body: unknown[] } }) => (i === 0 || i === n.table.body.length ? 0.8 : 0.3) },
          fontSize: 8.5,
        },
      ],
      unbreakable: true,
      margin: [0, 0, 0, 8],
    });
  }
  return out;
}

/** Above this many items, 审查意见 is one numbered table per condition (the reasons are in 五). */
const OPINION_BLOCKS = 40;

function opinionTables(f: ReportFacts): Node[] {
  const out: Node[] = [];
  const byCondition = new Map<string, ReportFacts['opinions']>();
  for (const o of f.opinions) {
    const k = o.finding.conditionId;
    byCondition.set(k, [...(byCondition.get(k) ?? []), o]);
  }
  for (const [id, list] of byCondition) {
    const g = f.groups.find((x) => x.id === id);
    const heading: Node = {
      stack: [
        { text: `${g?.condition?.clause ? `${line(g.condition.clause, 40)}　` : ''}条件 ${line(id, 20)}：${line(g?.rule ?? list[0].required, 200)}（${list.length} 项）`, style: 'h3' },
      ],
    };
    const rows: Node[] = list.map((o) => [
      { text: `（${o.no}）`, alignment: 'center' },
      verdictCell(o.verdict),
      { text: line(o.finding.building ?? '项目整体', 40), bold: true },
      t(o.declared, 200),
      { text: [t(o.computed, 160), ...(o.calcRef ? [{ text: ` 附录A.${o.calcRef}`, color: GRAY }] : [])] },
      t(o.gap, 80),
      { text: o.advice.map((a) => t(a, 400)).join('\n'), bold: true },
    ]);
    out.push({
      table: {
        headerRows: 2,
        keepWithHeaderRows: 1,
        dontBreakRows: true,
        widths: [26, 36, 50, 70, 62, 48, '*'],
        body: [headingRow(heading, 7), head(['序号', '结论', '单体', '指标表所填', '复核结果', '差距', '整改要求']), ...rows],
      },
      layout: headedTableLayout,
      fontSize: 7.5,
      margin: [0, 0, 0, 10],
    });
  }
  return out;
}

// ---------------------------------------------------------------- 五、逐条审查结果

function summaryTable(f: ReportFacts): Node[] {
  const worst = (fs: Finding[]): Verdict | null => {
    for (const v of ['fail', 'missing', 'review', 'pass', 'not_applicable'] as Verdict[]) if (fs.some((x) => x.verdict === v)) return v;
    return null;
  };
  const body: Node[] = [head(['序号', '条款', '合同条件', '适用范围', '审查结果', '结论'])];
  f.groups.forEach((g, i) => {
    const w = worst(g.findings);
    const counts = VERDICT_ORDER.filter((v) => g.findings.some((x) => x.verdict === v))
      .map((v) => `${VERDICT_WORD[v]} ${g.findings.filter((x) => x.verdict === v).length}`)
      .join('，');
    body.push([
      { text: String(i + 1), alignment: 'center' },
      { text: line(g.condition?.clause ?? '—', 40) },
      { text: [{ text: `${line(g.id, 20)} `, bold: true }, line(g.rule, 200)] },
      { text: g.condition ? line(describeScope(g.condition), 80) : '—' },
      { text: counts || '无审查项（无适用对象）' },
      w ? verdictCell(w) : { text: '—', alignment: 'center' },
    ]);
  });
  return [{ table: { headerRows: 1, widths: [22, 62, '*', 86, 84, 42], body }, layout: tableLayout, fontSize: 8, margin: [0, 0, 0, 12] }];
}

/** One inline run per value: '预制率：41.2%' and its cell in small grey type below. */
function valueInlines(indicator: string, v: unknown, source: string | null | undefined, prefix?: string): Node[] {
  const out: Node[] = [];
  if (prefix) out.push({ text: `${prefix}：`, color: GRAY });
  out.push(line(valueText(indicator, v as never), 60));
  if (source) out.push({ text: `\n${line(source, 60)}`, color: GRAY, fontSize: 7 });
  return out;
}

function findingRow(fd: Finding, withBuilding: boolean, idx: number): Node[] {
  const br = fd.branches ?? [];
  const declared: Node[] = br.length
    ? br.flatMap((b, i) => [...(i ? ['\n'] : []), ...valueInlines(b.indicator, b.declared, b.source, indicatorName(b.indicator))])
    : valueInlines(fd.indicator, fd.declared, fd.source);
  const computed: Node[] = br.length
    ? br.flatMap((b, i) => [...(i ? ['\n'] : []), { text: `${indicatorName(b.indicator)}：`, color: GRAY }, line(valueText(b.indicator, b.computed), 40)])
    : [line(valueText(fd.indicator, fd.computed), 60)];
  const branchVerdicts = br.length ? br.map((b) => `${indicatorName(b.indicator)} ${VERDICT_WORD[b.verdict]}`).join('\n') : undefined;
  const calcRef = fd.calculation ? `（计算见附录 A.${idx}）` : '';
  const reason = overrideReason(fd);
  const row: Node[] = [
    { text: declared },
    { text: computed },
    verdictCell(fd.verdict, branchVerdicts, overrideMark(fd)),
    {
      text: [
        rt(fd.message, 400),
        ...(calcRef ? [{ text: calcRef, color: GRAY }] : []),
        ...(basisWord(fd.basis) ? [{ text: `\n判定依据：${basisWord(fd.basis)}`, color: GRAY, fontSize: 7 }] : []),
        ...(fd.remarks?.length ? [{ text: `\n一致性提示：${fd.remarks.map((r) => rt(r, 300)).join('；')}`, color: '#8D6E00' }] : []),
        ...(reason ? [{ text: `\n${t(reason, 400)}`, bold: true }] : []),
      ],
    },
  ];
  return withBuilding ? [{ text: line(fd.building ?? '项目整体', 40), bold: true }, ...row] : row;
}

function findingsSection(f: ReportFacts): Node[] {
  const out: Node[] = [{ text: '五、逐条审查结果', style: 'h1', margin: [0, 10, 0, 8] }, ...summaryTable(f)];
  f.groups.forEach((g, gi) => {
    const c = g.condition;
    const title = `${gi + 1}. ${c?.clause ? `${line(c.clause, 40)}　` : ''}条件 ${line(g.id, 20)}`;
    const heading: Node = {
      stack: [
        { text: title, style: 'h2' },
        {
          table: {
            widths: ['*'],
            body: [[{ text: [{ text: '条款原文：', bold: true }, t(c?.text ?? '（条件文件未给出条款原文）', 1000)], fillColor: '#F7F7F7', margin: [4, 3, 4, 3] }]],
          },
          layout: { hLineWidth: () => 0, vLineWidth: (i: number) => (i === 0 ? 2 : 0), vLineColor: () => '#8A9BB0' },
          margin: [0, 0, 0, 4],
        },
        {
          text: [{ text: '要求值：', bold: true }, line(g.rule, 200), { text: '　　适用范围：', bold: true }, c ? line(describeScope(c), 120) : '—'],
          margin: [0, 0, 0, 4],
        },
      ],
    };
    if (g.findings.length === 0) {
      out.push({ stack: [heading, { text: '本条件无适用的审查对象（指标表中没有符合适用范围的单体）。', color: GRAY, margin: [0, 0, 0, 10] }], unbreakable: true });
      return;
    }
    const withBuilding = g.findings.some((x) => x.building !== null);
    const cols = withBuilding ? 5 : 4;
    const header = head([...(withBuilding ? ['单体'] : []), '申报值 / 取值单元格', '核算值', '结论', '说明']);
    // the heading is the table's first header row: never left alone at the foot of a page
    const body: Node[] = [
      headingRow(heading, cols),
      header,
      ...g.findings.map((fd) => findingRow(fd, withBuilding, f.calcIndex.get(fd) ?? 0)),
    ];
    out.push({
      table: { headerRows: 2, keepWithHeaderRows: 1, dontBreakRows: true, widths: withBuilding ? [58, 92, 56, 44, '*'] : [110, 70, 48, '*'], body },
      layout: headedTableLayout,
      fontSize: 8,
      margin: [0, 0, 0, 14],
    });
  });
  return out;
}

// ---------------------------------------------------------------- 六、一致性提示与导入说明

function notesSection(f: ReportFacts): Node[] {
  const out: Node[] = [{ text: '六、一致性提示与导入说明', style: 'h1' }];
  const list = (title: string, items: string[], empty: string) => {
    out.push({ text: title, style: 'h3' });
    if (!items.length) out.push({ text: empty, color: GRAY, margin: [8, 0, 0, 6] });
    else {
      const shown = items.slice(0, 60);
      out.push({ ol: shown.map((x) => t(x, 400)), margin: [8, 0, 0, 2], fontSize: 8.5 });
      if (items.length > shown.length) out.push({ text: `……另有 ${items.length - shown.length} 条，见导出的 Excel 审查记录`, color: GRAY, margin: [8, 0, 0, 6] });
      else out.push({ text: '', margin: [0, 0, 0, 4] });
    }
  };
  list('（一）一致性提示', f.remarks.map((r) => `${r.label}：${r.text}`), '无。');
  list('（二）导入提示', f.importNotes, '读取指标表时无提示。');
  list('（三）未读取的内容', f.notRead, '指标表中没有发现未能读取的表格或隐藏工作表。');
  return out;
}

// ---------------------------------------------------------------- 附录 A

function calcResult(calc: Calculation): string {
  if (calc.value === null) {
    if (calc.supportsDeclared === false) return '未能得出数值；指标表自身数据不支持申报值';
    if (calc.supportsDeclared === true) return '未能得出数值；指标表自身数据支持申报值';
    return '未能得出数值（输入数据不全）';
  }
  return `${valueText(calc.indicator, calc.value)}${calc.bound === 'upper' ? '（上限：部分输入缺失，实际值只会更低或相等）' : ''}`;
}

function inputText(inp: Calculation['inputs'][number]): string {
  const v = inp.value === null ? '—' : typeof inp.value === 'boolean' ? (inp.value ? '是' : '否') : String(inp.value);
  return `${rt(inp.label, 80)} = ${line(v, 40)}${inp.unit ? ` ${line(inp.unit, 20)}` : ''}${inp.source ? `（${line(inp.source, 60)}）` : ''}`;
}

/** "1#楼、2#楼、3#楼 等 462 栋" — who relies on one calculation. */
function usersText(users: string[]): string {
  const shown = users.slice(0, 6).map((u) => line(u, 30)).join('、');
  return users.length > 6 ? `${shown} 等 ${users.length} 项` : shown;
}

function appendix(f: ReportFacts): Node[] {
  if (f.calculations.length === 0) return [];
  const out: Node[] = [
    { text: '附录 A  计算过程', style: 'h1', margin: [0, 10, 0, 8] },
    {
      text: '下列核算值均由指标表自身的数据重新计算得出；每项列出输入数据及其所在单元格、计算公式和所依据的标准条文。多个单体使用同一组数据时只列一次。标注“未核实”的计算使用了尚未与标准正式文本核对的规则或数值，结果仅供参考。',
      color: GRAY,
      margin: [0, 0, 0, 8],
    },
  ];
  const groups = new Map<string, CalcEntry[]>();
  for (const c of f.calculations) {
    const list = groups.get(c.calc.method) ?? [];
    list.push(c);
    groups.set(c.calc.method, list);
  }
  let gi = 0;
  for (const list of groups.values()) {
    gi++;
    const first = list[0].calc;
    const sameClause = list.every((c) => c.calc.clause === first.clause);
    const sameFormula = list.every((c) => c.calc.formula === first.formula);
    const body: Node[] = [head(['编号', '条件 / 对象', '输入数据（来源单元格）', '计算步骤', '结果'])];
    for (const { calc, index, conditionIds, users } of list) {
      const inputs = calc.inputs.map(inputText).join('；') || '—';
      const steps = [
        ...(sameClause ? [] : [`依据：${rt(calc.clause, 120)}`]),
        ...(sameFormula ? [] : [`公式：${rt(calc.formula, 200)}`]),
        ...calc.steps.map((st, i) => `${i + 1}. ${rt(st, 300)}`),
      ].join('\n');
      body.push([
        { text: `A.${index}`, alignment: 'center' },
        { text: [{ text: `${conditionIds.map((c) => line(c, 20)).join('、')}\n`, color: GRAY }, { text: usersText(users), bold: true }] },
        inputs,
        steps || '—',
        {
          text: [
            { text: line(calcResult(calc), 120), bold: true },
            ...calc.notes.map((n) => ({ text: `\n注：${rt(n, 300)}`, color: GRAY, fontSize: 6.5 })),
            ...(calc.confidence === 'confirmed' ? [] : [{ text: '\n未核实', color: VERDICT_COLOR.review, fontSize: 6.5, bold: true }]),
          ],
        },
      ]);
    }
    const heading: Node = {
      stack: [
        { text: `附表 A-${gi}  ${indicatorName(first.indicator)}（${list.length} 项）`, style: 'h3' },
        ...(sameClause ? [{ text: [{ text: '依据：', bold: true }, rt(first.clause, 200)] }] : []),
        ...(sameFormula ? [{ text: [{ text: '公式：', bold: true }, rt(first.formula, 400)], margin: [0, 0, 0, 3] }] : []),
      ],
      fontSize: 9,
    };
    out.push({
      table: { headerRows: 2, keepWithHeaderRows: 1, dontBreakRows: true, widths: [30, 60, '*', 130, 70], body: [headingRow(heading, 5), ...body] },
      layout: headedTableLayout,
      fontSize: 7.5,
      margin: [0, 0, 0, 12],
    });
  }
  return out;
}

// ---------------------------------------------------------------- sign-off

function signOff(f: ReportFacts, opts: ReportOptions): Node[] {
  const s = opts.org.signatories ?? {};
  const person = (role: string, name?: string): Node => ({
    stack: [
      { text: role, bold: true, alignment: 'center', margin: [0, 4, 0, 0] },
      { text: '（签字）', fontSize: 7, color: GRAY, alignment: 'center' },
      // blank space for the handwritten signature
      { text: ' ', margin: [0, 0, 0, 34] },
      { canvas: [{ type: 'line', x1: 10, y1: 0, x2: 140, y2: 0, lineWidth: 0.6, lineColor: '#333333' }] },
      { text: name ? line(name, 30) : '姓名：', alignment: 'center', margin: [0, 3, 0, 0] },
      { text: '执业章', fontSize: 7, color: GRAY, alignment: 'center', margin: [0, 8, 0, 0] },
      // blank space for the practising seal
      { text: ' ', margin: [0, 0, 0, 44] },
      { text: '日期：', fontSize: 8, margin: [12, 0, 0, 4] },
    ],
  });
  return [
    {
      stack: [
        { text: '七、签署', style: 'h1' },
        {
          table: { widths: ['*', '*', '*'], body: [[person('编制', s.preparer), person('校对', s.checker), person('审核', s.approver)]] },
          layout: { hLineWidth: () => 0.6, vLineWidth: () => 0.6, hLineColor: () => RULE, vLineColor: () => RULE },
          margin: [0, 0, 0, 14],
        },
        {
          columns: [
            {
              width: '*',
              stack: [
                { text: `审查机构：${line(opts.org.name, 60)}`, bold: true, margin: [0, 14, 0, 6] },
                { text: opts.org.noSeal ? '（自查报告，不加盖印章）' : '（盖章）', color: GRAY },
                { text: `出具日期：${f.date}`, margin: [0, 16, 0, 0] },
              ],
            },
            opts.org.noSeal ? { width: SEAL_SIZE + 20, text: '' } : { width: SEAL_SIZE + 20, stack: [sealNode(opts.org, SEAL_SIZE)] },
          ],
          margin: [0, 0, 0, 16],
        },
        { text: `说明：${opts.org.noSeal ? '' : SEAL_SENTENCE}${VERIFY_SENTENCE}`, fontSize: 7.5, color: GRAY, margin: [0, 8, 0, 0] },
        { text: `报告核验码：${f.fpShort}　　指纹（SHA-256）：${f.fpHex}`, fontSize: 7.5, color: GRAY, margin: [0, 4, 0, 0] },
      ],
      unbreakable: true,
      pageBreak: 'before',
    },
  ];
}

// ---------------------------------------------------------------- page furniture

function crossSeal(org: OrgProfile, page: number, pageCount: number, pageWidth: number, pageHeight: number): Node | null {
  if (!org.crossPageSeal || org.noSeal) return null;
  // Pages are split into groups of at most 10; each group shares one seal, one strip per page.
  const groups = Math.ceil(pageCount / 10);
  const gi = Math.floor(((page - 1) * groups) / pageCount);
  const start = Math.ceil((gi * pageCount) / groups) + 1;
  const end = Math.ceil(((gi + 1) * pageCount) / groups);
  const n = end - start + 1;
  const k = page - start;
  const stripPt = SEAL_SIZE / n;
  const y = pageHeight / 2 - SEAL_SIZE / 2;
  if (org.sealPng) return null; // a bitmap seal cannot be sliced cleanly: cross-page seal is drawn only
  const svg = sealSvg(org, SEAL_SIZE, { x: (200 * k) / n, width: 200 / n });
  return { svg, width: stripPt, height: SEAL_SIZE, font: FONT, absolutePosition: { x: pageWidth - stripPt, y } };
}

// ---------------------------------------------------------------- document

/** The pages as pdfmake lays them out (no verification data yet). */
async function layOut(run: CheckRun, opts: ReportOptions, facts: ReportFacts, issuedAt: Date): Promise<Uint8Array> {
  const fp = { hex: facts.fpHex, short: facts.fpShort };
  const qr = `data:image/png;base64,${qrPng(qrPayload(fp.hex)).toString('base64')}`;
  const doc = {
    pageSize: 'A4',
    images: { lcqr: qr },
    pageMargins: [56, 60, 56, 74],
    info: {
      title: `${REPORT_TITLE}（${pdfLine(facts.reportNo, 60)}）`,
      author: pdfLine(opts.org.name, 80),
      subject: `报告核验码 ${fp.short}`,
      keywords: `LandCheck; fingerprint:${fp.hex}; ${pdfLine(facts.projectName, 80)}`,
      creator: 'LandCheck 出让条件合规审查',
      producer: 'LandCheck (pdfmake)',
      creationDate: issuedAt,
      LandCheckFingerprint: fp.hex,
    },
    defaultStyle: { font: FONT, fontSize: 9, lineHeight: 1.25 },
    styles: {
      h1: { fontSize: 14, bold: true, margin: [0, 0, 0, 8] },
      h2: { fontSize: 10.5, bold: true, margin: [0, 6, 0, 3] },
      h3: { fontSize: 9.5, bold: true, margin: [0, 4, 0, 2] },
      caption: { fontSize: 8.5, bold: true, alignment: 'center', margin: [0, 4, 0, 0] },
    },
    header: (page: number, pageCount: number, pageSize: { width: number; height: number }) => {
      const nodes: Node[] = [];
      if (page > 1) {
        nodes.push({
          columns: [
            { text: REPORT_TITLE, fontSize: 7.5, color: GRAY },
            { text: `编号 ${line(facts.reportNo, 60)}`, fontSize: 7.5, color: GRAY, alignment: 'right' },
          ],
          margin: [56, 30, 56, 0],
        });
        nodes.push({ canvas: [{ type: 'line', x1: 56, y1: 3, x2: pageSize.width - 56, y2: 3, lineWidth: 0.5, lineColor: RULE }] });
      }
      const cs = crossSeal(opts.org, page, pageCount, pageSize.width, pageSize.height);
      if (cs) nodes.push(cs);
      return nodes;
    },
    footer: (page: number, pageCount: number) => ({
      columns: [
        { image: 'lcqr', width: 50, height: 50 },
        {
          width: '*',
          stack: [
            { text: `报告核验码 ${fp.short}`, bold: true, fontSize: 8 },
            { text: `${line(opts.org.name, 40)} 出具`, fontSize: 6.5, color: GRAY },
            { text: '扫码或在 LandCheck“校验报告”中核验；也可凭核验码向出具单位查询', fontSize: 6.5, color: GRAY },
          ],
          margin: [6, 8, 0, 0],
        },
        { text: `第 ${page} 页 共 ${pageCount} 页`, width: 110, alignment: 'right', fontSize: 8.5, margin: [0, 18, 0, 0] },
      ],
      margin: [56, 10, 56, 0],
    }),
    content: [
      ...cover(facts, opts),
      ...overview(facts),
      ...basisSection(facts),
      ...conclusion(facts),
      ...opinions(facts),
      ...findingsSection(facts),
      ...notesSection(facts),
      ...appendix(facts),
      ...signOff(facts, opts),
    ],
  };
  void run;
  const buf = await getPdfMake().createPdf(doc).getBuffer();
  return new Uint8Array(buf.buffer, buf.byteOffset, buf.byteLength);
}

export async function renderReportPdf(run: CheckRun, opts: ReportOptions): Promise<Uint8Array> {
  const fp = fingerprint(run);
  const handEntries = await handEntriesOf(run.imported);
  const facts = reportFacts(run, opts, fp, handEntries);
  const issuedAt = opts.issuedAt ?? new Date();
  const laidOut = await layOut(run, opts, facts, issuedAt);
  // the laid-out file is parsed once: for its page digests and to append the manifest
  const parsed = new PdfDocument(laidOut);
  const manifest = buildManifest(run, { ...opts, reportNo: facts.reportNo }, {
    issuedAt,
    pages: digestsOf(parsed),
    corrections: handEntries,
    overrides: overridesOf(run),
    fingerprint: fp,
  });
  return embedManifest(laidOut, manifest, opts.org.sealPng, parsed);
}

export { describeRule };
