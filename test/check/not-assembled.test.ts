// GB/T 51129-2017 §3.0.3: a building is a 装配式建筑 only with 主体结构 ≥ 20 points, 围护墙和内隔墙
// ≥ 10 and 全装修. A 装配率 that meets the contract while the sheet's own 表4.0.1 scores miss one of
// these minimums is `review` (basis not-assembled), never a pass. Real workbooks in two layouts,
// each with a twin that meets the minimums.
import { describe, expect, it } from 'vitest';
import type { Condition } from '../../shared/model/types';
import { rows, xlsx } from '../import/helpers';
import { firstFinding, oneCondition } from './helpers';

const A1: Condition = { id: 'A1', text: '应采用装配式建筑，单体装配率不低于50%', indicator: 'assembly_ratio', op: '>=', value: 50, scope: 'building' };

/** 表4.0.1 items of 2#楼: 竖向 0 points and 水平 `beams` points; Q2 20, Q3 30; declared `p`. */
const items = (beams: number, p: string) => [
  ['2#楼 装配式建筑评分表'],
  ['分项', '评价项', '比例', '得分'],
  ['主体结构', '柱、支撑、承重墙、延性墙板等竖向构件', '0%', 0],
  ['主体结构', '梁、板、楼梯、阳台、空调板等构件', beams ? '80%' : '65%', beams],
  ['围护墙和内隔墙', '非承重围护墙非砌筑', '90%', 5],
  ['围护墙和内隔墙', '围护墙与保温、隔热、装饰一体化', '80%', 5],
  ['围护墙和内隔墙', '内隔墙非砌筑', '80%', 5],
  ['围护墙和内隔墙', '内隔墙与管线、装修一体化', '80%', 5],
  ['装修和设备管线', '全装修', '是', 6],
  ['装修和设备管线', '干式工法楼面、地面', '80%', 6],
  ['装修和设备管线', '集成厨房', '90%', 6],
  ['装修和设备管线', '集成卫生间', '90%', 6],
  ['装修和设备管线', '管线分离', '70%', 6],
  ['装配率', undefined, undefined, p],
];

describe('a 装配率 of a building that is no 装配式建筑 by its own scores', () => {
  it('items: 主体结构 0 points, P = 50 %: review naming the minimum; the twin with 主体结构 20 points (P = 70 %) passes', async () => {
    const no = await firstFinding(await xlsx('not-assembled-1.xlsx', (wb) => rows(wb.addWorksheet('装配式'), items(0, '50%'))), oneCondition(A1, '玉溪市'));
    expect([no.f.verdict, no.f.basis]).toEqual(['review', 'not-assembled']);
    expect(no.f.message).toContain('主体结构得分 0 分低于 20 分');
    const yes = await firstFinding(await xlsx('not-assembled-2.xlsx', (wb) => rows(wb.addWorksheet('装配式'), items(20, '70%'))), oneCondition(A1, '玉溪市'));
    expect(yes.f.verdict).toBe('pass');
  });

  it('a building table of Q1 | Q2 | Q3 | 装配率: 围护墙和内隔墙 8 points (< 10) is review; 12 points passes', async () => {
    const table = (q2: number) => [['楼号', '主体结构Q1', '围护墙和内隔墙Q2', '装修和设备管线Q3', '全装修', '装配率'], ['2#楼', 30, q2, 22, '是', `${30 + q2 + 22}%`]];
    const no = await firstFinding(await xlsx('not-assembled-3.xlsx', (wb) => rows(wb.addWorksheet('装配率汇总'), table(8))), oneCondition(A1, '玉溪市'));
    expect([no.f.verdict, no.f.basis]).toEqual(['review', 'not-assembled']);
    expect(no.f.message).toContain('围护墙和内隔墙得分 8 分低于 10 分');
    const yes = await firstFinding(await xlsx('not-assembled-4.xlsx', (wb) => rows(wb.addWorksheet('装配率汇总'), table(12))), oneCondition(A1, '玉溪市'));
    expect(yes.f.verdict).toBe('pass');
  });
});
