// 五 逐条审查结果 (summary by condition and the finding tables) and 六 一致性提示与导入说明.
import type { Finding, Verdict } from '../model/types';
import { indicatorName } from '../model/indicators';
import { basisWord } from './sanitize';
import { describeScope, overrideMark, overrideReason, valueText } from './describe';
import { VERDICT_ORDER, VERDICT_WORD } from './labels';
import type { ReportFacts } from './facts';
import { GRAY, head, headedTableLayout, headingRow, line, type Node, rt, t, tableLayout, verdictCell } from './pdf-blocks';

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

export function findingsSection(f: ReportFacts): Node[] {
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

export function notesSection(f: ReportFacts): Node[] {
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
