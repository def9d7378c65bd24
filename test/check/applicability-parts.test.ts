// A building-area threshold (appliesTo.minFloorArea) where the sheet gives only the building's
// 地上建筑面积: an above-ground area that reaches the threshold is enough (the building's area is at
// least that); one below it leaves applicability open (the 地下 part is unknown). Real workbooks in
// two layouts.
import { describe, expect, it } from 'vitest';
import { importWorkbook } from '../../shared/import/index';
import { evaluate } from '../../shared/check/engine';
import type { Condition, Finding } from '../../shared/model/types';
import { rows, xlsx } from '../import/helpers';

const A1: Condition = { id: 'A1', text: '单体建筑面积5000平方米以上的建筑单体装配率不低于50%', indicator: 'assembly_ratio', op: '>=', value: 50, scope: 'building', appliesTo: { minFloorArea: 5000 } };

let n = 0;
async function check(data: unknown[][]): Promise<string[]> {
  const r = await importWorkbook(await xlsx(`applicability-parts-${n++}.xlsx`, (wb) => rows(wb.addWorksheet('装配式'), data)));
  return evaluate(r, { format: 'landcheck.conditions/v1', contract: { city: '天水市' }, conditions: [A1] }).map((f: Finding) => `${f.building} ${f.verdict}`);
}

describe('only the 地上建筑面积 of a building is given', () => {
  it('rows: 12000 and 8000 ㎡ above ground reach 5000 ㎡ (pass, fail); 3800 ㎡ leaves it open', async () => {
    expect(await check([['序号', '单体名称', '地上建筑面积(㎡)', '装配率(%)'], [1, '1#', 12000, 62], [2, '2#', 3800, 40], [3, '3#', 8000, 45]])).toEqual(['1# pass', '2# review', '3# fail']);
  });

  it('buildings as columns: the same', async () => {
    expect(await check([['指标', '1#楼', '2#楼'], ['地上建筑面积(㎡)', 12000, 3800], ['装配率', '62%', '40%']])).toEqual(['1#楼 pass', '2#楼 review']);
  });
});
