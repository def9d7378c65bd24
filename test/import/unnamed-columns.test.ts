// A table row whose figure stands only in a column the header does not name (实施比例 beside 评价分值
// and 评价得分; 本期 beside an empty 设计值) is not read, and the table is reported unread
// (shared/import/listTable.ts): a declared figure its own table might refute never passes on its
// own word (evidence rule unread-table). Real workbooks in two layouts, each with a twin whose
// header is understood.
import { describe, expect, it } from 'vitest';
import type ExcelJS from 'exceljs';
import { importWorkbook } from '../../shared/import/index';
import { evaluate } from '../../shared/check/engine';
import type { Condition, ConditionsDoc, Finding } from '../../shared/model/types';
import { rows, xlsx } from './helpers';

const doc = (c: Condition): ConditionsDoc => ({ format: 'landcheck.conditions/v1', contract: { city: '泉州市' }, conditions: [c] });
const A1: Condition = { id: 'A1', indicator: 'assembly_ratio', op: '>=', value: 50, scope: 'building' };
const G1: Condition = { id: 'G1', indicator: 'green_ratio', op: '>=', value: 35 };

let n = 0;
async function run(fill: (wb: ExcelJS.Workbook) => void, c: Condition): Promise<{ f: Finding; unread: string[] }> {
  const r = await importWorkbook(await xlsx(`unnamed-${n++}.xlsx`, fill));
  return { f: evaluate(r, doc(c))[0], unread: (r.unread ?? []).map((u) => `${u.sheet}!${u.range}`) };
}

/**
 * GB/T 51129-2017 表4.0.1 as design institutes print it, the proportion column headed `ratioHead`;
 * the scores add up to 46 while the P line says 52 %.
 */
const scoreTable = (ratioHead: string) => (wb: ExcelJS.Workbook) => {
  rows(wb.addWorksheet('汇总'), [['楼号', '装配率'], ['1#楼', '52%']]);
  const ws = wb.addWorksheet('1#楼装配率');
  rows(ws, [
    ['装配式建筑评分表（1#楼）'],
    ['评价项', undefined, '评价要求', '评价分值', '最低分值', ratioHead, '评价得分'],
    ['主体结构（50分）', '柱、支撑、承重墙、延性墙板等竖向构件', '35%≤比例≤80%', '20～30*', 20, '36%', 20],
    [undefined, '梁、板、楼梯、阳台、空调板等构件', '70%≤比例≤80%', '10～20*', undefined, '72%', 10],
    ['围护墙和内隔墙（20分）', '非承重围护墙非砌筑', '比例≥80%', 5, 10, '85%', 5],
    [undefined, '围护墙与保温、隔热、装饰一体化', '50%≤比例≤80%', '2～5*', undefined, '30%', 0],
    [undefined, '内隔墙非砌筑', '比例≥50%', 5, undefined, '60%', 5],
    ['装修和设备管线（30分）', '全装修', '—', 6, 6, '是', 6],
    [undefined, '干式工法楼面、地面', '比例≥70%', 6, undefined, '0', 0],
    ['装配率P=（Q1+Q2+Q3）/（100-Q4）×100%', undefined, undefined, undefined, undefined, undefined, '52%'],
  ]);
  for (const m of ['A2:B2', 'A3:A4', 'A5:A7', 'A8:A9']) ws.mergeCells(m);
};

/** A list whose 设计值 is empty for 绿地率, the figure standing under a header nobody names. */
const list = (head: string) => (wb: ExcelJS.Workbook) =>
  rows(wb.addWorksheet('技术经济指标'), [
    ['指标', '规划要求', '设计值', head],
    ['容积率', '≤2.5', 2.4, undefined],
    ['绿地率', '≥35%', undefined, '35.6%'],
  ]);

describe('a figure in a column the header does not name', () => {
  it('表4.0.1 with a 实施 column the reader does not know: the table is unread and 52 % does not pass', async () => {
    const { f, unread } = await run(scoreTable('实施占比'), A1);
    expect(unread).toEqual(['1#楼装配率!A2:G10']);
    expect([f.verdict, f.basis]).toEqual(['review', 'unread-table']);
    expect(f.message).toContain('1#楼装配率!F3');
  });

  it('twin: 实施比例 is the proportion column; the items recompute P below 50 % and refute 52 %', async () => {
    const { f, unread } = await run(scoreTable('实施比例'), A1);
    expect(unread).toEqual([]);
    expect(f.verdict).toBe('review');
    expect(f.basis).toMatch(/^disagree-recomputed-fails/);
    expect(f.computed).toBeLessThan(50);
  });

  it('list: 绿地率 only under “校核”, 设计值 empty: unread, never a pass', async () => {
    const { f, unread } = await run(list('校核'), G1);
    expect(unread).toEqual(['技术经济指标!A1:D3']);
    expect([f.verdict, f.basis]).toEqual(['review', 'unread-table']);
  });

  it('twin: the same figure under 设计值 passes, and a 备注 column beside an empty 设计值 reads nothing and reports nothing unread', async () => {
    const read = await run((wb) => rows(wb.addWorksheet('技术经济指标'), [['指标', '规划要求', '设计值', '备注'], ['容积率', '≤2.5', 2.4, ''], ['绿地率', '≥35%', '35.6%', '']]), G1);
    expect([read.f.verdict, read.unread]).toEqual(['pass', []]);
    const empty = await run(list('备注'), G1);
    expect(empty.unread).toEqual([]);
    expect(empty.f.verdict).toBe('missing');
  });
});
