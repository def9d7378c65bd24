// Part, phase and verified columns: for site-level ratios the 合计 / 全项目 column outranks 新建部分
// and 本期; a 审图核定值 column is declared with the same rank as 设计指标, so a difference is a conflict.
import { describe, expect, it } from 'vitest';
import { importWorkbook } from '../../shared/import/index';
import { rows, xlsx } from './helpers';

describe('part, phase and verified columns', () => {
  it('保留部分 | 新建部分 | 合计: the 合计 column gives the parcel’s ratios', async () => {
    const path = await xlsx('parts-total.xlsx', (wb) => {
      rows(wb.addWorksheet('指标'), [
        ['主要技术经济指标表（改扩建）'],
        ['序号', '指标名称', '保留部分', '新建部分', '合计'],
        [1, '容积率', 0.75, 1.25, 2.15],
        [2, '绿地率', '—', '38%', '33%'],
        [3, '总建筑面积', 30000, 50000, 80000],
      ]);
    });
    const r = await importWorkbook(path);
    expect(r.project.far).toMatchObject({ value: 2.15, source: '指标!E3' });
    expect(r.project.green_ratio).toMatchObject({ value: 33, source: '指标!E4' });
  });

  it('本期 | 全项目（含二期）: the whole project counts', async () => {
    const path = await xlsx('phase-whole.xlsx', (wb) => {
      rows(wb.addWorksheet('指标'), [['指标名称', '本期', '全项目（含二期）'], ['容积率', 1.6, 2.2], ['绿地率', '40%', '32%']]);
    });
    const r = await importWorkbook(path);
    expect(r.project.far).toMatchObject({ value: 2.2, source: '指标!C2' });
    expect(r.project.green_ratio).toMatchObject({ value: 32, source: '指标!C3' });
  });

  it('设计指标 | 审图核定值 that differ: never a silent choice; equal values are one figure', async () => {
    const path = await xlsx('verified.xlsx', (wb) => {
      rows(wb.addWorksheet('指标'), [['指标名称', '规划指标', '设计指标', '审图核定值'], ['绿地率', '35%', '36%', '33.8%'], ['容积率', 2.0, 1.98, 1.98]]);
    });
    const r = await importWorkbook(path);
    expect(r.project.green_ratio?.status).toBe('ambiguous');
    expect(r.project.far).toMatchObject({ value: 1.98, status: 'ok' });
  });
});
