// GB/T 51129 items × buildings tables of item SCORES (titled 评分表 or headed 得分, no 比例 column):
// a score is never read as the item's 应用比例 (20 分 is not 20 %); a table with 比例 stays a ratio table.
import { describe, expect, it } from 'vitest';
import { importWorkbook } from '../../shared/import/index';
import { rows, xlsx } from './helpers';

describe('item-score tables', () => {
  it('sideways 评分表 (评价项 | 1#楼 | 2#楼): the item numbers are not ratios', async () => {
    const path = await xlsx('item-scores-1.xlsx', (wb) => {
      rows(wb.addWorksheet('装配率计算表'), [
        ['装配式建筑评分表'],
        ['评价项', '1#楼', '2#楼'],
        ['竖向构件', 20, 0],
        ['水平构件', 18, 20],
        ['内隔墙非砌筑', 5, 5],
        ['装配率', '60%', '62%'],
      ]);
    });
    const r = await importWorkbook(path);
    for (const b of r.buildings) {
      const v = b.values.asm_vertical_ratio;
      expect(v === undefined || v.status !== 'ok').toBe(true);
    }
    expect(r.buildings.find((b) => b.name === '1#楼')!.values.assembly_ratio.value).toBe(60);
  });

  it('another layout: items listed with one 得分 column, no title', async () => {
    const path = await xlsx('item-scores-2.xlsx', (wb) => {
      rows(wb.addWorksheet('3#楼'), [
        ['评价项', '得分'],
        ['柱、支撑、承重墙、延性墙板等竖向构件', 25],
        ['非承重围护墙非砌筑', 5],
        ['管线分离', 4],
      ]);
    });
    const r = await importWorkbook(path);
    const vals = [r.project, ...r.buildings.map((b) => b.values)].map((v) => v.asm_vertical_ratio).filter(Boolean);
    expect(vals.every((v) => v.status !== 'ok')).toBe(true);
  });

  it('negative twin: the same items under a 比例 header are read as ratios', async () => {
    const path = await xlsx('item-ratios.xlsx', (wb) => {
      rows(wb.addWorksheet('装配率评分'), [
        ['各单体评价项应用比例（%）'],
        ['评价项', '1#楼', '2#楼'],
        ['竖向构件', 45, 50],
        ['水平构件', 72, 75],
      ]);
    });
    const r = await importWorkbook(path);
    const b1 = r.buildings.find((b) => b.name.startsWith('1#'));
    const v = b1?.values.asm_vertical_ratio ?? r.project.asm_vertical_ratio;
    expect(v?.status).toBe('ok');
    expect(v?.value).toBe(45);
  });
});
