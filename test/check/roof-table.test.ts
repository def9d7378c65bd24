// A table of buildings with each roof's 屋面面积 and 光伏组件面积: the roof areas and their 合计 are
// the 屋顶总面积 of the 屋顶光伏覆盖率 (indicators.json roof_area contextLabels), so a declared 50 %
// that the rows put at 45.6 % does not pass. Outside a table of buildings, and as a part of a roof
// (种植屋面面积), 屋面面积 is no total. Real workbooks in two layouts, with twins.
import { describe, expect, it } from 'vitest';
import type { Condition } from '../../shared/model/types';
import { rows, xlsx } from '../import/helpers';
import { firstFinding, oneCondition } from './helpers';

const V1: Condition = { id: 'V1', indicator: 'pv_roof_coverage', op: '>=', value: 50 };

const rowsTable = (pv: number[]) => [
  ['屋顶光伏覆盖率', '50%'],
  [],
  ['楼栋', '屋面面积(㎡)', '光伏组件面积(㎡)'],
  ['教学楼', 3200, pv[0]],
  ['实验楼', 2100, pv[1]],
  ['食堂', 1500, pv[2]],
  ['合计', 6800, pv[0] + pv[1] + pv[2]],
];

describe('roof areas in a table of buildings', () => {
  it('rows with a 合计: 3100 / 6800 = 45.6 % refutes the declared 50 %; 3500 / 6800 = 51.5 % passes', async () => {
    const short = await firstFinding(await xlsx('roof-1.xlsx', (wb) => rows(wb.addWorksheet('光伏'), rowsTable([1600, 900, 600]))), oneCondition(V1, '上海市'));
    expect(short.f.verdict).toBe('fail');
    expect(short.f.computed).toBeCloseTo(45.59, 1);
    const enough = await firstFinding(await xlsx('roof-2.xlsx', (wb) => rows(wb.addWorksheet('光伏'), rowsTable([1800, 1000, 700]))), oneCondition(V1, '上海市'));
    expect(enough.f.verdict).toBe('pass');
  });

  it('a 种植屋面面积 row is a part of a roof, never the 屋顶总面积 of the share', async () => {
    const book = [['项目', '数值', '单位'], ['种植屋面面积', 2000, '㎡'], ['光伏组件面积', 1500, '㎡'], ['屋顶光伏覆盖率', '50%']];
    const f = await firstFinding(await xlsx('roof-3.xlsx', (wb) => rows(wb.addWorksheet('光伏'), book)), oneCondition(V1, '上海市'));
    expect(f.f.computed).not.toBe(75);
  });
});
