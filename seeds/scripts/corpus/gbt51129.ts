// GB/T 51129-2017 Table 4.0.1 as the corpus writes it: items, groups, scoring and a 装配率计算表 sheet
// in the layout 评价项目 (group, merged) | 评价指标 | 评价要求 | 评价分值 | 最低分值 (merged) | 实际比例 |
// 评价得分, followed by Q1–Q4 and P. Score rows are UNCONFIRMED / PARTIAL (docs/domain/prefabrication.md §1.2,
// source: 《装配式评价标准对比.doc》 https://m.docduoduo.com/p-8755630.html); the corpus uses them
// only to build internally consistent sheets.
import type ExcelJS from 'exceljs';
import { FMT, header, note, rowOf, sheet, title } from '../sheet-kit';
import { lin, r } from '../corpus-kit';

export interface AsmItem {
  group: 'Q1' | 'Q2' | 'Q3';
  name: string;
  req: string;
  points: string | number;
  /** Largest score of the item (what Q4 removes when the item is absent). */
  max: number;
  score: (ratio: number) => number;
}

export const ASM_ITEMS: AsmItem[] = [
  { group: 'Q1', name: '柱、支撑、承重墙、延性墙板等竖向构件', req: '35%≤比例≤80%', points: '20~30*', max: 30, score: (x) => lin(x, 0.35, 0.8, 20, 30) },
  { group: 'Q1', name: '梁、板、楼梯、阳台、空调板等构件', req: '70%≤比例≤80%', points: '10~20*', max: 20, score: (x) => lin(x, 0.7, 0.8, 10, 20) },
  { group: 'Q2', name: '非承重围护墙非砌筑', req: '比例≥80%', points: 5, max: 5, score: (x) => (x >= 0.8 ? 5 : 0) },
  { group: 'Q2', name: '围护墙与保温、隔热、装饰一体化', req: '50%≤比例≤80%', points: '2~5*', max: 5, score: (x) => lin(x, 0.5, 0.8, 2, 5) },
  { group: 'Q2', name: '内隔墙非砌筑', req: '比例≥50%', points: 5, max: 5, score: (x) => (x >= 0.5 ? 5 : 0) },
  { group: 'Q2', name: '内隔墙与管线、装修一体化', req: '50%≤比例≤80%', points: '2~5*', max: 5, score: (x) => lin(x, 0.5, 0.8, 2, 5) },
  { group: 'Q3', name: '全装修', req: '—', points: 6, max: 6, score: (x) => (x >= 1 ? 6 : 0) },
  { group: 'Q3', name: '干式工法楼面、地面', req: '比例≥70%', points: 6, max: 6, score: (x) => (x >= 0.7 ? 6 : 0) },
  { group: 'Q3', name: '集成厨房', req: '70%≤比例≤90%', points: '3~6*', max: 6, score: (x) => lin(x, 0.7, 0.9, 3, 6) },
  { group: 'Q3', name: '集成卫生间', req: '70%≤比例≤90%', points: '3~6*', max: 6, score: (x) => lin(x, 0.7, 0.9, 3, 6) },
  { group: 'Q3', name: '管线分离', req: '50%≤比例≤70%', points: '4~6*', max: 6, score: (x) => lin(x, 0.5, 0.7, 4, 6) },
];

const GROUPS = { Q1: ['主体结构（50分）', 20], Q2: ['围护墙和内隔墙（20分）', 10], Q3: ['装修和设备管线（30分）', 6] } as const;

/** Ratio per item in ASM_ITEMS order (1 = 是 for 全装修; null = 缺项, the item does not exist). */
export type AsmRatios = (number | null)[];

export interface AsmResult {
  scores: (number | null)[];
  q1: number;
  q2: number;
  q3: number;
  q4: number;
  /** 装配率 in percent, rounded to 0.1. */
  p: number;
}

/** P = (Q1+Q2+Q3)/(100−Q4)×100 % (GB/T 51129-2017 §4.0.1, PARTIAL). */
export function assessAssembly(ratios: AsmRatios): AsmResult {
  const scores = ASM_ITEMS.map((it, i) => (ratios[i] === null ? null : it.score(ratios[i] as number)));
  const q = (g: string) => r(ASM_ITEMS.reduce((s, it, i) => s + (it.group === g ? (scores[i] ?? 0) : 0), 0), 1);
  const q4 = ASM_ITEMS.reduce((s, it, i) => s + (scores[i] === null ? it.max : 0), 0);
  const q1 = q('Q1');
  const q2 = q('Q2');
  const q3 = q('Q3');
  return { scores, q1, q2, q3, q4, p: r(((q1 + q2 + q3) / (100 - q4)) * 100, 1) };
}

/** Writes one 装配率计算表 sheet for one building. */
export function assemblySheet(wb: ExcelJS.Workbook, sheetName: string, heading: string, building: string, structure: string, ratios: AsmRatios, a: AsmResult): ExcelJS.Worksheet {
  const ws = sheet(wb, sheetName, [18, 34, 16, 10, 10, 10, 10]);
  title(ws, 1, heading, 1, 7, 12);
  rowOf(ws, 2, 1, ['单体名称', building]);
  rowOf(ws, 3, 1, ['结构形式', structure]);
  header(ws, 5, 1, ['评价项目', '评价指标', '评价要求', '评价分值', '最低分值', '实际比例', '评价得分']);
  const fmts = [undefined, undefined, undefined, undefined, undefined, FMT.pct0, FMT.dec1];
  let row = 6;
  for (const g of ['Q1', 'Q2', 'Q3'] as const) {
    const first = row;
    ASM_ITEMS.forEach((it, i) => {
      if (it.group !== g) return;
      const lead = row === first;
      const ratio = ratios[i];
      const shown = ratio === null ? '/' : it.name === '全装修' ? (ratio >= 1 ? '是' : '否') : ratio;
      rowOf(ws, row++, 1, [lead ? GROUPS[g][0] : null, it.name, it.req, it.points, lead ? GROUPS[g][1] : null, shown, a.scores[i] ?? '缺项'], fmts);
    });
    ws.mergeCells(first, 1, row - 1, 1);
    ws.mergeCells(first, 5, row - 1, 5);
  }
  row++;
  const last = [undefined, undefined, undefined, undefined, undefined, undefined, FMT.dec1];
  rowOf(ws, row++, 1, ['Q1 主体结构得分', '', '', '', '', '', a.q1], last);
  rowOf(ws, row++, 1, ['Q2 围护墙和内隔墙得分', '', '', '', '', '', a.q2], last);
  rowOf(ws, row++, 1, ['Q3 装修和设备管线得分', '', '', '', '', '', a.q3], last);
  rowOf(ws, row++, 1, ['Q4 缺少的评价项分值', '', '', '', '', '', a.q4], last);
  rowOf(ws, row++, 1, ['装配率P', '', '', '', '', '', r(a.p / 100, 4)], [...last.slice(0, 6), FMT.pct2]);
  note(ws, row + 1, '注：P=(Q1+Q2+Q3)/(100−Q4)×100%；带*项按比例线性插值；缺项分值计入Q4。', 1, 7);
  return ws;
}
