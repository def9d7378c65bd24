// 四 审查意见: one numbered item per finding that is not 符合 — clause, what the sheet says,
// what the recomputation says, the gap in the indicator's units and the 整改要求.
import { overrideMark, overrideReason } from './describe';
import { VERDICT_COLOR, VERDICT_WORD } from './labels';
import type { ReportFacts } from './facts';
import { GRAY, head, headedTableLayout, headingRow, line, type Node, t, tableLayout, verdictCell } from './pdf-blocks';

// ---------------------------------------------------------------- 四、审查意见

export function opinions(f: ReportFacts): Node[] {
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
