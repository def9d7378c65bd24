// Revision tables: 本次调整方案 is the current design value (like 调整后); 增减 / 变化量 is a
// difference between two states and never a value; 原批复方案 is superseded.
import { describe, expect, it } from 'vitest';
import { importWorkbook } from '../../shared/import/index';
import { rows, xlsx } from './helpers';

describe('revision columns', () => {
  it('原批复方案 | 本次调整方案 | 增减: values from 本次调整方案', async () => {
    const path = await xlsx('revision-1.xlsx', (wb) => {
      const ws = wb.addWorksheet('方案调整');
      rows(ws, [
        ['规划方案调整前后技术经济指标对比表'],
        ['指标', '单位', '原批复方案', '本次调整方案', '增减'],
        ['计容建筑面积', '㎡', 66250, 68370, 2120],
        ['容积率', undefined, 2.5, 2.58, 0.08],
        ['绿地率', '%', 32.0, 29.6, -2.4],
      ]);
      ws.mergeCells('A1:E1');
    });
    const p = (await importWorkbook(path)).project;
    expect(p.far).toMatchObject({ value: 2.58, source: '方案调整!D4' });
    expect(p.green_ratio).toMatchObject({ value: 29.6, source: '方案调整!D5' });
  });

  it('another layout: 变化量 first, then 调整方案, then 原方案, with a 序号 column', async () => {
    const path = await xlsx('revision-2.xlsx', (wb) => {
      rows(wb.addWorksheet('Sheet1'), [
        ['序号', '项目', '变化量', '调整方案', '原方案', '备注'],
        [1, '容积率', 0.1, 2.4, 2.3, ''],
        [2, '建筑密度', '-1.5%', '24.5%', '26%', ''],
      ]);
    });
    const p = (await importWorkbook(path)).project;
    expect(p.far).toMatchObject({ value: 2.4, source: 'Sheet1!D2' });
    expect(p.building_density.value).toBe(24.5);
  });

  it('negative twin: only 原批复方案 and 增减 — no current value is read', async () => {
    const path = await xlsx('revision-none.xlsx', (wb) => {
      rows(wb.addWorksheet('对比'), [
        ['指标', '原批复方案', '增减'],
        ['容积率', 2.5, 0.08],
        ['绿地率', '32%', '-2.4%'],
      ]);
    });
    const p = (await importWorkbook(path)).project;
    expect(p.far?.value ?? null).toBeNull();
    expect(p.green_ratio?.value ?? null).toBeNull();
  });
});
