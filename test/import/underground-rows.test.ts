// A building written over two rows, 地上 and 地下 (a name merged down): the 地下 row's 高度 (−9.8,
// its depth) and 层数 (its storeys below ground) are not the building's 建筑高度 and 地上层数; its area
// adds to the building's (import-notations.json undergroundParts). Real workbooks in two layouts,
// with a 裙房 | 塔楼 twin whose second height still counts.
import { describe, expect, it } from 'vitest';
import { importWorkbook } from '../../shared/import/index';
import { firstFinding, oneCondition } from '../check/helpers';
import type { Condition } from '../../shared/model/types';
import { rows, xlsx } from './helpers';

const H: Condition = { id: 'H', indicator: 'building_height', op: '<=', value: 100, scope: 'building' };

describe('the 地下 row of a building', () => {
  it('楼号 | 部位 | 层数 | 高度 | 建筑面积: heights 99.6 and 23.4 m, no conflict with −9.8; areas 31800 and 9900 ㎡', async () => {
    const path = await xlsx('underground-1.xlsx', (wb) => {
      const ws = wb.addWorksheet('单体');
      rows(ws, [['楼号', '部位', '层数', '高度(m)', '建筑面积(㎡)'], ['1#楼', '地上', 33, 99.6, 28600], ['1#楼', '地下', 2, -9.8, 3200], ['3#楼', '地上', 4, 23.4, 7800], ['3#楼', '地下', 1, -5.1, 2100]]);
      ws.mergeCells('A2:A3');
      ws.mergeCells('A4:A5');
    });
    const r = await importWorkbook(path);
    const by = Object.fromEntries(r.buildings.map((b) => [b.name, [b.values.building_height?.value, b.values.building_height?.conflicts?.length ?? 0, b.values.floors?.value, b.floorArea]]));
    expect(by).toEqual({ '1#楼': [99.6, 0, 33, 31800], '3#楼': [23.4, 0, 4, 9900] });
    const { f } = await firstFinding(path, oneCondition(H));
    expect(f.verdict).toBe('pass');
  });

  it('twin: a 塔楼 row under a 裙房 row is no underground part — its greater height is a second figure and nothing passes on the first', async () => {
    const path = await xlsx('underground-2.xlsx', (wb) => {
      const ws = wb.addWorksheet('单体');
      rows(ws, [['楼号', '部位', '层数', '高度(m)', '建筑面积(㎡)'], ['1#楼', '裙房', 4, 23.9, 8000], ['1#楼', '塔楼', 35, 104.5, 30000]]);
      ws.mergeCells('A2:A3');
    });
    const { f } = await firstFinding(path, oneCondition(H));
    expect(f.verdict).not.toBe('pass');
  });
});
