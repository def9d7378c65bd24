// A dwelling list (楼号 | 单元 | 房号 | 户型 | 建筑面积, one row per dwelling) is no building table:
// its areas are never a building's 总建筑面积; a building table beside it is still read.
import { describe, expect, it } from 'vitest';
import { importWorkbook } from '../../shared/import/index';
import { rows, xlsx } from './helpers';

describe('dwelling lists', () => {
  it('楼号 | 单元 | 房号 | 户型 | 建筑面积 over 600 rows: no building areas, no conflicts, reported unread', async () => {
    const path = await xlsx('dwellings-1.xlsx', (wb) => {
      const ws = wb.addWorksheet('面积明细');
      const data: unknown[][] = [['楼号', '单元', '房号', '户型', '建筑面积(㎡)']];
      for (let i = 0; i < 600; i++) data.push([`${1 + (i % 6)}#`, 1 + (i % 3), `${1 + Math.floor(i / 40)}0${1 + (i % 4)}`, ['A', 'B', 'C'][i % 3], 89.5 + (i % 7) * 10]);
      rows(ws, data);
      rows(wb.addWorksheet('技术经济指标'), [['项目', '数值'], ['容积率', 2.18], ['绿地率', '35.6%']]);
    });
    const r = await importWorkbook(path);
    expect(r.buildings.every((b) => b.floorArea === null && !b.values.gross_floor_area)).toBe(true);
    expect(r.issues.filter((i) => i.message.includes('出现'))).toEqual([]);
    expect((r.unread ?? []).some((u) => u.sheet === '面积明细')).toBe(true);
    expect(r.project.far.value).toBe(2.18);
  });

  it('another layout: 单体名称 | 户号 | 套型 | 套内面积 | 建筑面积, below a title', async () => {
    const path = await xlsx('dwellings-2.xlsx', (wb) => {
      const data: unknown[][] = [['住宅户型面积统计'], ['单体名称', '户号', '套型', '套内面积', '建筑面积']];
      for (let i = 0; i < 50; i++) data.push([`${1 + (i % 2)}号楼`, `${100 + i}`, '三室两厅', 80, 98.6]);
      rows(wb.addWorksheet('户型'), data);
    });
    const r = await importWorkbook(path);
    expect(r.buildings.every((b) => !b.values.gross_floor_area)).toBe(true);
  });

  it('negative twin: a building table (楼号 | 层数 | 建筑面积) is still read', async () => {
    const path = await xlsx('dwellings-neg.xlsx', (wb) => {
      rows(wb.addWorksheet('单体'), [['楼号', '层数', '建筑面积(㎡)'], ['1#', 18, 12000], ['2#', 18, 11800]]);
    });
    const r = await importWorkbook(path);
    expect(r.buildings.find((b) => b.name === '1#')!.floorArea).toBe(12000);
  });
});
