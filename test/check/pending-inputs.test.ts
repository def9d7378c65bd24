// An input of a recomputation written as not yet determined (待定, 未计算: import-notations.json
// placeholders.pending) leaves the figure that rests on it unestablished: `review`
// (input-undetermined), never a pass on the declared value. Real workbooks in two layouts, each
// with a twin where the input is filled in.
import { describe, expect, it } from 'vitest';
import type { Condition } from '../../shared/model/types';
import { rows, xlsx } from '../import/helpers';
import { firstFinding, oneCondition } from './helpers';

const A1: Condition = { id: 'A1', indicator: 'assembly_ratio', op: '>=', value: 60, scope: 'building' };

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
});
