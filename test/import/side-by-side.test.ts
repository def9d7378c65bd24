// Tables side by side, each under a title naming its own building (“1#楼 装配率计算表” over A:C,
// “2#楼 装配率计算表” over F:H): each table's rows are its building's (tables.ts ownBuilding), never
// both 1#楼's (a conflict) with 2#楼 left out. Real workbooks in two layouts, and a single table
// under one title for its negative twin.
import { describe, expect, it } from 'vitest';
import { importWorkbook } from '../../shared/import/index';
import { rows, xlsx } from './helpers';

describe('tables side by side, each titled for its building', () => {
  it('merged titles over two 表4.0.1 tables: 1#楼 63 % and 2#楼 52 %, no conflict', async () => {
    const items = (p: string) => [
      ['评价项', '应用比例', '得分'],
      ['梁、板、楼梯、阳台、空调板等构件', '80%', 20],
      ['全装修', '是', 6],
      ['装配率P', undefined, p],
    ];
    const path = await xlsx('side-1.xlsx', (wb) => {
      const ws = wb.addWorksheet('装配率计算');
      rows(ws, [['1#楼 装配率计算表', undefined, undefined, undefined, undefined, '2#楼 装配率计算表']]);
      const a = items('63%');
      const b = items('52%');
      rows(ws, a.map((l, i) => [...l, undefined, undefined, ...b[i]]), 2);
      ws.mergeCells('A1:C1');
      ws.mergeCells('F1:H1');
    });
    const r = await importWorkbook(path);
    const p = Object.fromEntries(r.buildings.map((b) => [b.name, b.values.assembly_ratio?.value]));
    expect(p).toEqual({ '1#楼': 63, '2#楼': 52 });
    expect(r.buildings.find((b) => b.name === '1#楼')?.values.assembly_ratio?.conflicts ?? []).toEqual([]);
  });

  it('plain titles over two category tables: each building its own total score', async () => {
    const cats = (total: number, star: string) => [['类别', '得分'], ['安全耐久', 70], ['总得分', total], ['星级', star]];
    const path = await xlsx('side-2.xlsx', (wb) => {
      const ws = wb.addWorksheet('绿建得分');
      const a = cats(77.2, '二星级');
      const b = cats(70.5, '一星级');
      rows(ws, [['1#楼', undefined, undefined, '2#楼'], ...a.map((l, i) => [...l, undefined, ...b[i]])]);
    });
    const r = await importWorkbook(path);
    const star = Object.fromEntries(r.buildings.map((b) => [b.name, b.values.green_building_star?.value]));
    expect(star).toEqual({ '1#楼': 2, '2#楼': 1 });
  });

  it('negative twin: one table under a title naming one building stays that building’s, whatever the block', async () => {
    const path = await xlsx('side-3.xlsx', (wb) => rows(wb.addWorksheet('装配率'), [['3#楼 装配率计算表'], ['评价项', '应用比例', '得分'], ['全装修', '是', 6], ['装配率P', undefined, '61%']]));
    const r = await importWorkbook(path);
    expect(r.buildings.map((b) => [b.name, b.values.assembly_ratio?.value])).toEqual([['3#楼', 61]]);
  });
});
