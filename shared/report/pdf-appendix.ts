// 附录 A 计算过程: every recomputation with its inputs, formula, result and the clause it follows.
import type { Calculation } from '../model/types';
import { indicatorName } from '../model/indicators';
import { valueText } from './describe';
import { supportShort } from '../check/statements';
import { VERDICT_COLOR } from './labels';
import type { CalcEntry, ReportFacts } from './facts';
import { GRAY, head, headedTableLayout, headingRow, line, type Node, rt } from './pdf-blocks';

// ---------------------------------------------------------------- 附录 A

function calcResult(calc: Calculation): string {
  if (calc.value === null) {
    if (calc.supportsDeclared === false) return '未能得出数值；指标表自身数据不支持申报值';
    if (calc.supportsDeclared === true) return `未能得出数值；${supportShort(calc)}`;
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

export function appendix(f: ReportFacts): Node[] {
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
