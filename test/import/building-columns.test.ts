// Buildings as columns: an unknown header among the building columns is another building's name,
// except a summary column (平均, 最大值: no building) and the value right of an indicator's label in
// a header row (单体名称 | 1#楼 | 结构形式 | 装配整体式剪力墙结构: a structure, not a building).
// Real workbooks in two layouts, with the named-building control.
import { describe, expect, it } from 'vitest';
import { importWorkbook } from '../../shared/import/index';
import { rows, xlsx } from './helpers';

describe('headers among building columns', () => {
  it('项目 | 1# | 2# | 3# | 平均: three buildings, the average is no building; 地下车库 among them is one', async () => {
    const r = await importWorkbook(await xlsx('bcols-1.xlsx', (wb) => rows(wb.addWorksheet('单体指标'), [['各单体主要指标'], ['项目', '1#', '2#', '3#', '平均'], ['建筑高度(m)', 53.7, 54.9, 24, 44.2], ['单体装配率(%)', 52, 53, 51, 52]])));
    expect(r.buildings.map((b) => b.name)).toEqual(['1#', '2#', '3#']);
    const cars = await importWorkbook(await xlsx('bcols-2.xlsx', (wb) => rows(wb.addWorksheet('单体指标'), [['项目', '1#楼', '2#楼', '地下车库'], ['建筑面积(㎡)', 18200, 18500, 9000]])));
    expect(cars.buildings.map((b) => b.name)).toEqual(['1#楼', '2#楼', '地下车库']);
  });

  it('单体名称 | 1#楼 | 结构形式 | 装配整体式剪力墙结构 over a 表4.0.1: one building, 1#楼', async () => {
    const r = await importWorkbook(
      await xlsx('bcols-3.xlsx', (wb) =>
        rows(wb.addWorksheet('1#楼装配率'), [
          ['1#楼 装配率计算表'],
          ['单体名称', '1#楼', '结构形式', '装配整体式剪力墙结构', undefined, '建筑面积(㎡)'],
          ['评价项', '评价内容', '评价要求', '评价分值', '应用比例', '实际得分', '备注'],
          ['主体结构(50)', '梁、板、楼梯、阳台、空调板等构件', '70%≤比例≤80%', '10~20*', '80%', 20],
        ]),
      ),
    );
    expect(r.buildings.map((b) => b.name)).toEqual(['1#楼']);
  });

  it('1#楼(住宅) | 2#楼(住宅) | 3#楼(商业) | 合计: three buildings, each with the use its bracket names; 1#楼 in another table is the same building', async () => {
    const r = await importWorkbook(
      await xlsx('bcols-4.xlsx', (wb) => {
        rows(wb.addWorksheet('单体指标'), [['指标', '1#楼(住宅)', '2#楼(住宅)', '3#楼(商业)', '合计'], ['建筑面积(㎡)', 14600, 14800, 5200, 34600], ['建筑高度(m)', 44.9, 45, 23.9, '—']]);
        rows(wb.addWorksheet('装配率'), [['楼号', '装配率'], ['1#楼', '52%']]);
      }),
    );
    expect(r.buildings.map((b) => [b.name, b.use])).toEqual([['1#楼(住宅)', 'residential'], ['2#楼(住宅)', 'residential'], ['3#楼(商业)', 'public']]);
    expect(r.buildings[0].values.assembly_ratio?.value).toBe(52);
  });

  it('a header naming the building and its column’s role in one cell (A座比例 | A座得分 | B座比例 | B座得分): two buildings, each its own 装配率', async () => {
    const r = await importWorkbook(
      await xlsx('bcols-5.xlsx', (wb) =>
        rows(wb.addWorksheet('装配率计算'), [
          ['装配率计算表（GB/T 51129-2017）'],
          ['评价项', '评价内容', 'A座比例', 'A座得分', 'B座比例', 'B座得分'],
          ['主体结构', '梁、板、楼梯、阳台、空调板等构件', '80%', 20, '80%', 20],
          ['装修和设备管线', '全装修', '是', 6, '是', 6],
          ['装配率P', undefined, undefined, '69%', undefined, '54.8%'],
        ]),
      ),
    );
    expect(r.buildings.map((b) => [b.name, b.values.assembly_ratio?.value])).toEqual([['A座', 69], ['B座', 54.8]]);
  });
});

