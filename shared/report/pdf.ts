// The stamped compliance report as PDF (pdfmake): cover, summary with chart, findings grouped by
// contract clause, calculation appendix, sign-off with seal; fingerprint + QR + page numbers in
// every footer, the manifest in the PDF's Info dictionary.
import type { Calculation, CheckRun, Condition, Finding, Verdict } from '../model/types';
import { indicatorName } from '../model/indicators';
import { InputError } from '../errors';
import { FONT, getPdfMake, glyphSafe } from './fonts';
import { fingerprint, qrPayload } from './fingerprint';
import { buildManifest, digestsOf, embedManifest } from './manifest';
import { handEntriesOf, overridesOf, type OrgProfile, type ReportOptions } from './options';
import { pdfLine, pdfText } from './sanitize';
import { sealSvg } from './seal';
import { qrPng } from './qrimage';
import { describeRule, describeScope, overrideMark, overrideReason, requiredText, valueText } from './describe';
import { OVERALL_COLOR, OVERALL_WORD, VERDICT_COLOR, VERDICT_FILL, VERDICT_ORDER, VERDICT_WORD } from './labels';
import { summaryChartSvg } from './chart';
import { reportFacts, type CalcEntry, type ReportFacts } from './facts';

export type { OrgProfile, ReportOptions, ProjectIdentity } from './options';

export const REPORT_TITLE = '土地出让合同绿色生态条件符合性审查报告';
export const SEAL_NOTE =
  '说明：本报告上的印章为可视标识，不是《信息安全技术 电子签章》（GB/T 38540）所规定的电子签章，不具有电子签章的法律效力；' +
  '证明本报告内容的是报告指纹。可用本工具执行 npm run verify -- <报告.pdf> <指标表.xlsx> --conditions <条件.json> 核验报告是否与原始输入和审查结论一致。';

type Node = Record<string, unknown> | string | Node[];

const t = (s: unknown, max?: number) => glyphSafe(pdfText(s, max));
const line = (s: unknown, max?: number) => glyphSafe(pdfLine(s, max));

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

// ---------------------------------------------------------------- cover

function cover(f: ReportFacts, opts: ReportOptions, fpHex: string): Node[] {
  const row = (k: string, v: string) => [
    { text: k, color: GRAY, alignment: 'right', margin: [0, 3, 6, 3] },
    { text: t(v || '—', 200), margin: [0, 3, 0, 3] },
  ];
  const c = f.counts;
  const countsLine = VERDICT_ORDER.filter((v) => v !== 'not_applicable' || c[v] > 0)
    .map((v) => `${VERDICT_WORD[v]} ${c[v]} 项`)
    .join('　');
  return [
    { text: '', margin: [0, 40, 0, 0] },
    { text: REPORT_TITLE, fontSize: 21, bold: true, alignment: 'center', margin: [0, 0, 0, 10] },
    { text: `报告编号：${line(f.reportNo)}`, alignment: 'center', color: GRAY, margin: [0, 0, 0, 36] },
    {
      table: {
        widths: [110, '*'],
        body: [
          row('项目名称', f.projectName),
          row('地块', f.parcel),
          row('土地出让合同编号', f.contractNo),
          row('合同签订日期', f.signedOn),
          row('审查机构', opts.org.name),
          row('审查日期', f.date),
          row('指标表文件', `${f.workbookFile}`),
          row('合同条件文件', f.conditionsFile),
        ],
      },
      layout: {
        hLineWidth: (i: number, node: { table: { body: unknown[] } }) => (i === 0 || i === node.table.body.length ? 1 : 0.4),
        vLineWidth: () => 0,
        hLineColor: () => RULE,
      },
      margin: [30, 0, 30, 40],
    },
    {
      table: {
        widths: ['*'],
        body: [
          [{ text: '审查结论', alignment: 'center', color: GRAY, margin: [0, 10, 0, 0] }],
          [{ text: OVERALL_WORD[f.overall], fontSize: 40, bold: true, alignment: 'center', color: OVERALL_COLOR[f.overall], margin: [0, 0, 0, 4] }],
          [{ text: `共审查 ${f.total} 项：${countsLine}`, alignment: 'center', margin: [0, 0, 0, 12] }],
        ],
      },
      layout: { hLineWidth: (i: number) => (i === 0 || i === 3 ? 1.5 : 0), vLineWidth: () => 1.5, hLineColor: () => OVERALL_COLOR[f.overall], vLineColor: () => OVERALL_COLOR[f.overall] },
      margin: [60, 0, 60, 24],
    },
    {
      text: [
        { text: '结论规则：', bold: true },
        '任一审查项不符合即为“不符合”；无不符合项但有缺项或需复核项时为“需补充材料”；全部符合时为“符合”。',
      ],
      fontSize: 8.5,
      color: GRAY,
      margin: [30, 0, 30, 8],
    },
    { text: `报告指纹（SHA-256）：${fpHex}`, fontSize: 7.5, color: GRAY, alignment: 'center', margin: [0, 30, 0, 0] },
    { text: '', pageBreak: 'after' },
  ];
}

// ---------------------------------------------------------------- summary

function worstVerdict(fs: Finding[]): Verdict | null {
  for (const v of ['fail', 'missing', 'review', 'pass', 'not_applicable'] as Verdict[]) if (fs.some((f) => f.verdict === v)) return v;
  return null;
}

function summary(f: ReportFacts): Node[] {
  const body: Node[] = [head(['序号', '条款', '合同条件', '适用范围', '审查结果', '结论'])];
  f.groups.forEach((g, i) => {
    const worst = worstVerdict(g.findings);
    const counts = VERDICT_ORDER.filter((v) => g.findings.some((x) => x.verdict === v))
      .map((v) => `${VERDICT_WORD[v]} ${g.findings.filter((x) => x.verdict === v).length}`)
      .join('，');
    body.push([
      { text: String(i + 1), alignment: 'center' },
      { text: line(g.condition?.clause ?? '—', 40) },
      { text: [{ text: `${line(g.id, 20)} `, bold: true }, line(g.rule, 200)] },
      { text: g.condition ? line(describeScope(g.condition), 80) : '—' },
      { text: counts || '无审查项（无适用对象）' },
      worst ? verdictCell(worst) : { text: '—', alignment: 'center' },
    ]);
  });
  const c = f.counts;
  const chart = summaryChartSvg(f);
  return [
    { text: '一、审查结论汇总', style: 'h1' },
    {
      table: { headerRows: 1, widths: [22, 62, '*', 86, 84, 42], body },
      layout: tableLayout,
      fontSize: 8,
    },
    {
      text: `合计：审查 ${f.total} 项，其中符合 ${c.pass} 项，不符合 ${c.fail} 项，缺项 ${c.missing} 项，需复核 ${c.review} 项${c.not_applicable ? `，不适用 ${c.not_applicable} 项` : ''}。`,
      margin: [0, 6, 0, 10],
    },
    ...(chart
      ? [
          { text: '图 1  各条件审查结果分布与项目指标对比', style: 'caption' },
          { svg: chart.svg, width: chart.width, font: FONT, alignment: 'center', margin: [0, 4, 0, 0] },
        ]
      : []),
  ];
}

// ---------------------------------------------------------------- findings

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
        t(fd.message, 400),
        ...(calcRef ? [{ text: calcRef, color: GRAY }] : []),
        ...(reason ? [{ text: `\n${t(reason, 400)}`, bold: true }] : []),
      ],
    },
  ];
  return withBuilding ? [{ text: line(fd.building ?? '项目整体', 40), bold: true }, ...row] : row;
}

function findingsSection(f: ReportFacts): Node[] {
  const out: Node[] = [{ text: '二、逐条审查结果', style: 'h1', pageBreak: 'before' }];
  f.groups.forEach((g, gi) => {
    const c = g.condition;
    const title = `${gi + 1}. ${c?.clause ? `${line(c.clause, 40)}　` : ''}条件 ${line(g.id, 20)}`;
    out.push({
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
          text: [
            { text: '要求值：', bold: true },
            line(g.rule, 200),
            { text: '　　适用范围：', bold: true },
            c ? line(describeScope(c), 120) : '—',
          ],
          margin: [0, 0, 0, 4],
        },
      ],
      unbreakable: true,
    });
    if (g.findings.length === 0) {
      out.push({ text: '本条件无适用的审查对象（指标表中没有符合适用范围的单体）。', color: GRAY, margin: [0, 0, 0, 10] });
      return;
    }
    const withBuilding = g.findings.some((x) => x.building !== null);
    const header = head([...(withBuilding ? ['单体'] : []), '申报值 / 取值单元格', '核算值', '结论', '说明']);
    const body: Node[] = [header, ...g.findings.map((fd) => findingRow(fd, withBuilding, f.calcIndex.get(fd) ?? 0))];
    out.push({
      table: {
        headerRows: 1,
        keepWithHeaderRows: 1,
        dontBreakRows: true,
        widths: withBuilding ? [58, 92, 56, 44, '*'] : [110, 70, 48, '*'],
        body,
      },
      layout: tableLayout,
      fontSize: 8,
      margin: [0, 0, 0, 14],
    });
  });
  return out;
}

// ---------------------------------------------------------------- appendix

function calcResult(calc: Calculation): string {
  if (calc.value === null)
    return calc.supportsDeclared === false ? '无法得出数值；指标表自身数据不支持申报值' : '无法得出数值（输入数据不全）';
  return `${valueText(calc.indicator, calc.value)}${calc.bound === 'upper' ? '（上限：部分输入缺失，实际值只会更低或相等）' : ''}`;
}

function inputText(inp: Calculation['inputs'][number]): string {
  const v = inp.value === null ? '—' : typeof inp.value === 'boolean' ? (inp.value ? '是' : '否') : String(inp.value);
  return `${t(inp.label, 80)} = ${line(v, 40)}${inp.unit ? ` ${line(inp.unit, 20)}` : ''}${inp.source ? `（${line(inp.source, 60)}）` : ''}`;
}

/** "1#楼、2#楼、3#楼 等 462 栋" — who relies on one calculation. */
function usersText(users: string[]): string {
  const shown = users.slice(0, 6).map((u) => line(u, 30)).join('、');
  return users.length > 6 ? `${shown} 等 ${users.length} 项` : shown;
}

/**
 * One table per calculation method: the standard clause and the formula once, then one row per
 * distinct recomputation with its inputs (and cells), steps and result. Buildings that share
 * one recomputation (project-level data) share one row.
 */
function appendix(f: ReportFacts): Node[] {
  if (f.calculations.length === 0) return [];
  const out: Node[] = [
    { text: '附录 A  计算过程', style: 'h1', pageBreak: 'before' },
    {
      text: '下列核算值均由指标表自身的数据重新计算得出；每项列出输入数据及其所在单元格、计算公式和所依据的标准条文。多个单体使用同一组数据时只列一次。标注“未核实”的计算使用了尚未核实（UNCONFIRMED）的规则或数值，结果仅供参考。',
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
        ...(sameClause ? [] : [`依据：${line(calc.clause, 120)}`]),
        ...(sameFormula ? [] : [`公式：${t(calc.formula, 200)}`]),
        ...calc.steps.map((st, i) => `${i + 1}. ${t(st, 300)}`),
      ].join('\n');
      body.push([
        { text: `A.${index}`, alignment: 'center' },
        { text: [{ text: `${conditionIds.map((c) => line(c, 20)).join('、')}\n`, color: GRAY }, { text: usersText(users), bold: true }] },
        inputs,
        steps || '—',
        {
          text: [
            { text: line(calcResult(calc), 120), bold: true },
            ...calc.notes.map((n) => ({ text: `\n注：${t(n, 300)}`, color: GRAY, fontSize: 6.5 })),
            ...(calc.confidence === 'confirmed' ? [] : [{ text: '\n未核实', color: VERDICT_COLOR.review, fontSize: 6.5, bold: true }]),
          ],
        },
      ]);
    }
    out.push({
      stack: [
        { text: `附表 A-${gi}  ${indicatorName(first.indicator)}（${list.length} 项）`, style: 'h3' },
        ...(sameClause ? [{ text: [{ text: '依据：', bold: true }, line(first.clause, 200)] }] : []),
        ...(sameFormula ? [{ text: [{ text: '公式：', bold: true }, t(first.formula, 400)], margin: [0, 0, 0, 3] }] : []),
      ],
      unbreakable: true,
    });
    out.push({
      table: { headerRows: 1, keepWithHeaderRows: 1, dontBreakRows: true, widths: [30, 60, '*', 130, 70], body },
      layout: tableLayout,
      fontSize: 7.5,
      margin: [0, 0, 0, 12],
    });
  }
  return out;
}

// ---------------------------------------------------------------- sign-off

function signOff(f: ReportFacts, opts: ReportOptions): Node[] {
  const s = opts.org.signatories ?? {};
  const sig = (label: string, name?: string) => [
    { text: label, bold: true, margin: [0, 10, 0, 0] },
    { text: name ? line(name, 30) : ' ', margin: [0, 10, 0, 0], border: [false, false, false, true] },
    { text: '日期', color: GRAY, margin: [8, 10, 0, 0] },
    { text: name ? f.date : ' ', margin: [0, 10, 0, 0], border: [false, false, false, true] },
  ];
  return [
    {
      stack: [
        { text: '签署', style: 'h1' },
        {
          columns: [
            {
              width: 260,
              table: { widths: [40, 110, 30, 70], body: [sig('编制', s.preparer), sig('校对', s.checker), sig('审核', s.approver)] },
              layout: { defaultBorder: false, hLineColor: () => '#333333', hLineWidth: () => 0.6 },
            },
            {
              width: '*',
              stack: [
                { text: '审查机构（盖章）', alignment: 'center', margin: [0, 10, 0, 4] },
                { text: line(opts.org.name, 60), bold: true, alignment: 'center' },
                { text: f.date, alignment: 'center', margin: [0, 4, 0, 0] },
                { ...sealNode(opts.org, SEAL_SIZE), relativePosition: { x: 40, y: -80 } },
              ],
            },
          ],
          margin: [0, 4, 0, 40],
        },
        { text: SEAL_NOTE, fontSize: 7.5, color: GRAY, margin: [0, 20, 0, 0] },
        { text: `报告指纹：${f.fpShort}　SHA-256：${f.fpHex}`, fontSize: 7.5, color: GRAY, margin: [0, 4, 0, 0] },
      ],
      unbreakable: true,
      margin: [0, 16, 0, 0],
    },
  ];
}

// ---------------------------------------------------------------- page furniture

function crossSeal(org: OrgProfile, page: number, pageCount: number, pageWidth: number, pageHeight: number): Node | null {
  if (!org.crossPageSeal) return null;
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

export async function renderReportPdf(run: CheckRun, opts: ReportOptions): Promise<Uint8Array> {
  const fp = fingerprint(run);
  const facts = reportFacts(run, opts, fp);
  const issuedAt = opts.issuedAt ?? new Date();
  const qr = `data:image/png;base64,${qrPng(qrPayload(fp.hex)).toString('base64')}`;
  const doc = {
    pageSize: 'A4',
    images: { lcqr: qr },
    pageMargins: [56, 60, 56, 74],
    info: {
      title: `${REPORT_TITLE}（${pdfLine(facts.reportNo, 60)}）`,
      author: pdfLine(opts.org.name, 80),
      subject: `报告指纹 ${fp.short} SHA-256 ${fp.hex}`,
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
            { text: `报告编号 ${line(facts.reportNo, 60)}`, fontSize: 7.5, color: GRAY, alignment: 'right' },
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
            { text: `报告指纹 ${fp.short}`, bold: true, fontSize: 8 },
            { text: `SHA-256 ${fp.hex.slice(0, 32)}…`, fontSize: 6.5, color: GRAY },
            { text: '扫码或用 npm run verify 核验', fontSize: 6.5, color: GRAY },
          ],
          margin: [6, 8, 0, 0],
        },
        { text: `第 ${page} 页 共 ${pageCount} 页`, width: 110, alignment: 'right', fontSize: 8.5, margin: [0, 18, 0, 0] },
      ],
      margin: [56, 10, 56, 0],
    }),
    content: [...cover(facts, opts, fp.hex), ...summary(facts), ...findingsSection(facts), ...appendix(facts), ...signOff(facts, opts)],
  };
  const buf = await getPdfMake().createPdf(doc).getBuffer();
  const laidOut = new Uint8Array(buf.buffer, buf.byteOffset, buf.byteLength);
  const manifest = buildManifest(run, { ...opts, reportNo: facts.reportNo }, {
    issuedAt,
    pages: digestsOf(laidOut),
    corrections: await handEntriesOf(run.imported),
    overrides: overridesOf(run),
  });
  return embedManifest(laidOut, manifest, opts.org.sealPng);
}

export type { Condition };
export { describeRule };
