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

describe('one sheet per design stage', () => {
  it('a blank (详见总图, 待定) on the later stage’s sheet is not filled from an earlier stage’s sheet: a conflict to review', async () => {
    for (const [layout, sheets] of [
      ['by sheet name', [['方案阶段指标', '主要技术经济指标'], ['施工图阶段指标', '主要技术经济指标']]],
      ['by title, later sheet first', [['指标表二', '施工图设计 主要技术经济指标'], ['指标表一', '设计方案（已批复）主要技术经济指标']]],
    ] as const) {
      const path = await xlsx(`stage-sheets-${layout.length}.xlsx`, (wb) => {
        for (const [name, title] of sheets) {
          const later = name.includes('施工图') || title.includes('施工图');
          rows(wb.addWorksheet(name), [[title], ['指标名称', '单位', '设计指标'], ['绿地率', '%', later ? '详见总图' : '36%'], ['总用地面积', '㎡', 40000]]);
        }
      });
      const r = await importWorkbook(path);
      const g = r.project.green_ratio;
      expect(g, layout).toMatchObject({ value: 36, status: 'ok' });
      expect(g?.conflicts?.map((c) => c.raw), layout).toEqual(['详见总图']);
      expect(r.issues.some((i) => i.message.includes('不能代替')), layout).toBe(true);
    }
  });

  it('a blank on an earlier stage’s sheet, or on a sheet naming no stage, is filled by the figure elsewhere', async () => {
    const path = await xlsx('stage-sheets-ok.xlsx', (wb) => {
      rows(wb.addWorksheet('方案阶段指标'), [['指标名称', '设计指标'], ['绿地率', '待定']]);
      rows(wb.addWorksheet('施工图阶段指标'), [['指标名称', '设计指标'], ['绿地率', '36%']]);
      rows(wb.addWorksheet('总图'), [['指标名称', '设计指标'], ['容积率', 1.9]]);
      rows(wb.addWorksheet('说明'), [['指标名称', '设计指标'], ['容积率', '详见总图']]);
    });
    const r = await importWorkbook(path);
    expect(r.project.green_ratio).toMatchObject({ value: 36, source: '施工图阶段指标!B2' });
    expect(r.project.green_ratio?.conflicts).toBeUndefined();
    expect(r.project.far).toMatchObject({ value: 1.9 });
    expect(r.project.far?.conflicts).toBeUndefined();
  });
});
