// A label merged over its parts and their sum (建筑面积 over 地上 | 地下 | 合计): the 合计 row is the
// whole quantity (总建筑面积); a 小计 is a part's sum and is not.
import { describe, expect, it } from 'vitest';
import { importWorkbook } from '../../shared/import/index';
import { rows, xlsx } from './helpers';

describe('合计 under a merged label', () => {
  it('key/value list: 建筑面积 merged down over 地上 | 地下 | 合计 gives 总建筑面积 from 合计', async () => {
    const path = await xlsx('whole-sub-1.xlsx', (wb) => {
      const ws = wb.addWorksheet('技术经济指标');
      rows(ws, [
        ['项目', undefined, '单位', '数值'],
        ['用地面积', undefined, '㎡', 31200],
        ['建筑面积', '地上', '㎡', 62000],
        [undefined, '地下', '㎡', 25000],
        [undefined, '合计', '㎡', 87000],
        ['容积率', undefined, undefined, 1.99],
      ]);
      ws.mergeCells('A1:B1');
      ws.mergeCells('A3:A5');
    });
    const p = (await importWorkbook(path)).project;
    expect(p.gross_floor_area).toMatchObject({ value: 87000, source: '技术经济指标!D5' });
    expect(p.above_ground_area.value).toBe(62000);
  });

  it('another layout: 合计 first, numbering column, values right of a 设计值 header', async () => {
    const path = await xlsx('whole-sub-2.xlsx', (wb) => {
      const ws = wb.addWorksheet('指标');
      rows(ws, [
        ['序号', '指标名称', undefined, '设计值', '备注'],
        [1, '建筑面积（㎡）', '总计', 54000, ''],
        [undefined, undefined, '地上', 40000, ''],
        [undefined, undefined, '地下', 14000, ''],
        [2, '绿地率', undefined, '35%', ''],
      ]);
      ws.mergeCells('B1:C1');
      ws.mergeCells('B2:B4');
    });
    const p = (await importWorkbook(path)).project;
    expect(p.gross_floor_area.value).toBe(54000);
    expect(p.green_ratio.value).toBe(35);
  });

  it('negative twin: 小计 under 建筑面积 is not 总建筑面积', async () => {
    const path = await xlsx('whole-sub-neg.xlsx', (wb) => {
      const ws = wb.addWorksheet('技术经济指标');
      rows(ws, [
        ['项目', undefined, '数值'],
        ['建筑面积', '住宅', 52000],
        [undefined, '商业', 6000],
        [undefined, '小计', 58000],
      ]);
      ws.mergeCells('A1:B1');
      ws.mergeCells('A2:A4');
    });
    const p = (await importWorkbook(path)).project;
    expect(p.gross_floor_area?.value ?? null).not.toBe(58000);
  });
});
