// A 折合电量 column beside the 数量 as measured (1200 GJ of heat → 333333 kWh): the converted
// figure is the row's figure on the check's basis (column-roles.json declaredConverted), so the
// share recomputes from it; a 折合 total the rows do not bear out still refutes. Real workbooks in
// two layouts.
import { describe, expect, it } from 'vitest';
import type { Condition } from '../../shared/model/types';
import { rows, xlsx } from '../import/helpers';
import { firstFinding, oneCondition } from './helpers';

const R1: Condition = { id: 'R1', indicator: 'renewable_substitution', op: '>=', value: 10 };

describe('a 折合电量 column', () => {
  it('项目 | 数量 | 单位 | 折合电量(kWh): 320000 + 333333 of 5400000 kWh = 12.1 % passes', async () => {
    const book = [['项目', '数量', '单位', '折合电量(kWh)'], ['光伏年发电量', 320000, 'kWh', 320000], ['太阳能热水年供热量', 1200, 'GJ', 333333], ['可再生能源合计', undefined, undefined, 653333], ['建筑年总能耗', 5400000, 'kWh', 5400000], ['可再生能源替代率', 12.1, '%']];
    const { f } = await firstFinding(await xlsx('converted-1.xlsx', (wb) => rows(wb.addWorksheet('可再生能源'), book)), oneCondition(R1, '天水市'));
    expect(f.verdict).toBe('pass');
    expect(f.computed).toBeCloseTo(12.1, 1);
  });

  it('系统 | 年产量 | 单位 | 折算电量(万kWh): a declared 12 % that the converted figures put at 8.3 % does not pass', async () => {
    const book = [['可再生能源利用计算'], ['系统', '年产量', '单位', '折算电量(万kWh)'], ['太阳能光伏', 18, '万kWh', 18], ['空气源热泵热水', 900, 'GJ', 25], ['合计', undefined, undefined, 43], ['建筑年总能耗', 520, '万kWh', 520], ['可再生能源替代率', '12%']];
    const { f } = await firstFinding(await xlsx('converted-2.xlsx', (wb) => rows(wb.addWorksheet('可再生能源'), book)), oneCondition(R1, '天水市'));
    expect(f.verdict).not.toBe('pass');
  });
});
