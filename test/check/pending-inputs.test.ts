// An input of a recomputation written as not yet determined (待定, 未计算: import-notations.json
// placeholders.pending) leaves the figure that rests on it unestablished: `review`
// (input-undetermined), never a pass on the declared value. Real workbooks in two layouts, each
// with a twin where the input is filled in.
import { describe, expect, it } from 'vitest';
import type { Condition } from '../../shared/model/types';
import { rows, xlsx } from '../import/helpers';
import { firstFinding, oneCondition } from './helpers';

const A1: Condition = { id: 'A1', indicator: 'assembly_ratio', op: '>=', value: 60, scope: 'building' };
const G1: Condition = { id: 'G1', indicator: 'green_building_star', op: '>=', value: 2 };

describe('an input not yet determined', () => {
  it('装修和设备管线Q3 “待定” under a declared 60 %: review; Q3 23 recomputes the declared 60 % and passes', async () => {
    const book = (q3: unknown) => [['1#楼装配率计算'], ['评价项', '得分'], ['主体结构Q1', 25], ['围护墙和内隔墙Q2', 12], ['装修和设备管线Q3', q3], ['装配率', '60%']];
    const pending = await firstFinding(await xlsx('pending-1.xlsx', (wb) => rows(wb.addWorksheet('装配率'), book('待定'))), oneCondition(A1, '曲靖市'));
    expect([pending.f.verdict, pending.f.basis]).toEqual(['review', 'input-undetermined']);
    expect(pending.f.message).toContain('待定');
    const filled = await firstFinding(await xlsx('pending-2.xlsx', (wb) => rows(wb.addWorksheet('装配率'), book(23))), oneCondition(A1, '曲靖市'));
    expect(filled.f.verdict).toBe('pass');
  });

  it('a building table of Q1 | Q2 | Q3 | 装配率 with Q3 “未计算”: review; Q3 23 recomputes the declared 60 % and passes', async () => {
    const table = (q3: unknown) => [['楼号', '主体结构Q1', '围护墙和内隔墙Q2', '装修和设备管线Q3', '全装修', '装配率'], ['1#楼', 25, 12, q3, '是', '60%']];
    const pending = await firstFinding(await xlsx('pending-3.xlsx', (wb) => rows(wb.addWorksheet('装配率汇总'), table('未计算'))), oneCondition(A1, '曲靖市'));
    expect([pending.f.verdict, pending.f.basis]).toEqual(['review', 'input-undetermined']);
    const filled = await firstFinding(await xlsx('pending-4.xlsx', (wb) => rows(wb.addWorksheet('装配率汇总'), table(23))), oneCondition(A1, '曲靖市'));
    expect(filled.f.verdict).toBe('pass');
  });

  it('a GB/T 50378 category score written “—” is a score not given (all five are scored): a declared 二星级 with Q 71.2 is review; with the score, Q recomputes and passes', async () => {
    const book = (resource: unknown) => [['总得分Q', 71.2], ['评价星级', '二星级'], [], ['类别', '得分'], ['控制项', 400], ['安全耐久', 60], ['健康舒适', 55], ['生活便利', 38], ['资源节约', resource], ['环境宜居', 52], ['加分项', 20], ['全装修', '是']];
    const dash = await firstFinding(await xlsx('pending-5.xlsx', (wb) => rows(wb.addWorksheet('绿建得分'), book('—'))), oneCondition(G1, '大理市'));
    expect([dash.f.verdict, dash.f.basis]).toEqual(['review', 'input-undetermined']);
    const given = await firstFinding(await xlsx('pending-6.xlsx', (wb) => rows(wb.addWorksheet('绿建得分'), book(87))), oneCondition(G1, '大理市'));
    expect(given.f.verdict).toBe('pass');
  });

  it('a 表4.0.1 item marked “缺项” is an item the project lacks (Q4), not a figure to come: P = 56.5 / (100 − 6) = 60.1 %', async () => {
    const book = [['评价项', '应用比例', '实际得分'], ['梁、板、楼梯、阳台、空调板等构件', '80%', 20], ['非承重围护墙非砌筑', '90%', 5], ['围护墙与保温、隔热、装饰一体化', '80%', 5], ['内隔墙非砌筑', '70%', 5], ['全装修', '是', 6], ['干式工法楼面、地面', '80%', 6], ['集成厨房', '缺项', '缺项'], ['集成卫生间', '80%', 4.5], ['管线分离', '60%', 5], ['装配率', '', '60.1%']];
    const { f } = await firstFinding(await xlsx('pending-7.xlsx', (wb) => rows(wb.addWorksheet('1#楼装配率'), book)), oneCondition(A1, '玉溪市'));
    expect(f.computed).toBeCloseTo(60.1, 1);
    expect(f.verdict).toBe('pass');
  });
});
