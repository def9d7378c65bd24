// Labels in one row, their units in the next and the values below (a horizontal key/value layout):
// the units row gives each value its unit and is never read as the values (blocks.ts unitRowBelow).
// Real workbooks in two layouts, with the plain label-over-value control.
import { describe, expect, it } from 'vitest';
import { importWorkbook } from '../../shared/import/index';
import { rows, xlsx } from './helpers';

const values = async (data: unknown[][]) => {
  const r = await importWorkbook(await xlsx(`unit-rows-${Math.random().toString(36).slice(2)}.xlsx`, (wb) => rows(wb.addWorksheet('Sheet1'), data)));
  return Object.fromEntries(['site_area', 'far', 'green_ratio', 'building_height'].map((id) => [id, r.project[id]?.value ?? null]));
};

describe('a row of units between labels and values', () => {
  it('用地面积 | 容积率 | 绿地率 | 建筑高度 over ㎡ | (blank) | % | m over the values', async () => {
    expect(await values([['规划指标（设计值）'], ['用地面积', '容积率', '绿地率', '建筑高度'], ['㎡', undefined, '%', 'm'], [31200, 2.2, 36, 53.7]])).toEqual({ site_area: 31200, far: 2.2, green_ratio: 36, building_height: 53.7 });
  });

  it('万㎡ in the units row scales the area; the control without a units row reads the same', async () => {
    expect(await values([['用地面积', '容积率', '建筑高度'], ['万㎡', '', '米'], [3.12, 2.2, 53.7]])).toMatchObject({ site_area: 31200, far: 2.2, building_height: 53.7 });
    expect(await values([['用地面积(㎡)', '容积率', '建筑高度(m)'], [31200, 2.2, 53.7]])).toMatchObject({ site_area: 31200, far: 2.2, building_height: 53.7 });
  });
});
