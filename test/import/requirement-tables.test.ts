// Tables and rows that state requirements: a sheet or table titled 规划设计条件 / 出让合同约定 lists the
// limits, not the design; 控规 before a label and a 规划要求 tag after a number mark requirements.
import { describe, expect, it } from 'vitest';
import { importWorkbook } from '../../shared/import/index';
import { rows, xlsx } from './helpers';

describe('requirement tables', () => {
  it('a sheet named 规划设计条件 gives its value column the requirement role', async () => {
    const path = await xlsx('req-sheet.xlsx', (wb) => {
      rows(wb.addWorksheet('规划设计条件'), [['规划设计条件（摘自土地出让合同附件）'], ['指标', '数值', '备注'], ['绿地率', '35%', '不低于'], ['容积率', 2.0, '不大于']]);
      rows(wb.addWorksheet('设计指标'), [['指标名称', '设计值'], ['总用地面积', 40000]]);
    });
    const r = await importWorkbook(path);
    expect(r.project.green_ratio).toBeUndefined();
    expect(r.project.far).toBeUndefined();
    expect(r.project.site_area?.value).toBe(40000);
  });

  it('a table titled 土地出让合同约定指标 on a plain sheet is requirements; the next titled table is not', async () => {
    const path = await xlsx('req-title.xlsx', (wb) => {
      rows(wb.addWorksheet('Sheet1'), [
        ['土地出让合同约定指标'],
        ['指标', '指标值'],
        ['绿地率', '35%'],
        ['容积率', 2.0],
        [],
        ['本项目设计指标'],
        ['指标', '指标值'],
        ['建筑密度', '28%'],
      ]);
    });
    const r = await importWorkbook(path);
    expect(r.project.green_ratio).toBeUndefined();
    expect(r.project.far).toBeUndefined();
    expect(r.project.building_density?.value).toBe(28);
  });

  it('a comparison table titled 规划条件与设计指标对照表 is read by its columns', async () => {
    const path = await xlsx('req-compare.xlsx', (wb) => {
      rows(wb.addWorksheet('指标'), [['规划条件与设计指标对照表'], ['指标', '规划条件', '设计指标'], ['绿地率', '≥35%', '36%']]);
    });
    const r = await importWorkbook(path);
    expect(r.project.green_ratio).toMatchObject({ value: 36, requirement: { text: '≥35%' } });
  });

  it('控规 before a label and a 规划要求 / 出让条件 cell after the number mark requirements', async () => {
    const path = await xlsx('req-kv.xlsx', (wb) => {
      rows(wb.addWorksheet('指标'), [['控规绿地率', '35%'], ['容积率', 2.0, '出让条件'], ['建筑密度', '30%', '规划要求'], ['建筑高度', 45, '备注：檐口']]);
    });
    const r = await importWorkbook(path);
    expect(r.project.green_ratio).toBeUndefined();
    expect(r.project.far).toBeUndefined();
    expect(r.project.building_density).toBeUndefined();
    expect(r.project.building_height?.value).toBe(45);
  });
});
