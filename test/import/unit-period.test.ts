// A unit the indicator cannot hold: a per-month or per-day figure for an annual quantity is
// ambiguous (review), never silently read in the indicator's per-year unit.
import { describe, expect, it } from 'vitest';
import { importWorkbook } from '../../shared/import/index';
import { rows, xlsx } from './helpers';

describe('units of another period', () => {
  it('kgCO2/(m²·月) in a unit column is ambiguous', async () => {
    const path = await xlsx('unit-period.xlsx', (wb) => {
      rows(wb.addWorksheet('碳排放'), [['指标', '数值', '单位'], ['单位建筑面积碳排放强度', 3.2, 'kgCO2/(m²·月)']]);
      rows(wb.addWorksheet('能耗'), [['指标', '数值', '单位'], ['单位建筑面积碳排放强度', 30, 'kgCO2/(m²·a)']]);
    });
    const r = await importWorkbook(path);
    const carbon = [r.project.carbon_intensity, ...(r.project.carbon_intensity?.conflicts ?? [])];
    expect(carbon.some((v) => v?.source === '碳排放!B2' && v.status === 'ambiguous')).toBe(true);
    expect(r.issues.some((i) => i.message.includes('按月计'))).toBe(true);
  });

  it('an annual unit written per 年 is read as is', async () => {
    const path = await xlsx('unit-year.xlsx', (wb) => {
      rows(wb.addWorksheet('能耗'), [['指标', '数值', '单位'], ['单位建筑面积碳排放强度', 28, 'kgCO2/(m2·年)']]);
    });
    const r = await importWorkbook(path);
    expect(r.project.carbon_intensity).toMatchObject({ value: 28, status: 'ok' });
  });
});
