// Hidden rows and columns (hidden, collapsed outline, zero width) and sheets that call themselves
// void are not read: a reader of the printed sheet does not see them, and they are reported as not
// read with a Chinese reason, like hidden sheets.
import { describe, expect, it } from 'vitest';
import { importWorkbook } from '../../shared/import/index';
import { rows, xlsx } from './helpers';

const HEAD = ['序号', '指标名称', '单位', '规划指标', '设计指标', '备注'];

describe('hidden rows and columns', () => {
  it('a hidden row is not read and is reported with its label', async () => {
    const path = await xlsx('hidden-row.xlsx', (wb) => {
      const ws = wb.addWorksheet('主要技术经济指标');
      rows(ws, [['主要技术经济指标表'], HEAD, [1, '容积率', '', '≤2.0', 1.9], [2, '绿地率', '%', '≥35%', '36%', '原方案']]);
      ws.getRow(4).hidden = true;
    });
    const r = await importWorkbook(path);
    expect(r.project.far?.value).toBe(1.9);
    expect(r.project.green_ratio).toBeUndefined();
    const u = r.unread?.find((b) => b.range === 'A4:F4');
    expect(u?.title).toBe('隐藏的第4行（绿地率）');
    expect(u?.reason).toContain('隐藏');
    expect(u?.indicators).toEqual([]);
  });

  it('a collapsed outline row never replaces the visible placeholder', async () => {
    const path = await xlsx('outline-row.xlsx', (wb) => {
      const ws = wb.addWorksheet('指标');
      rows(ws, [['主要技术经济指标表'], HEAD, [1, '容积率', '', '≤2.0', 1.9], [2, '绿地率', '%', '≥35%', '36%', '旧'], [3, '绿地率', '%', '≥35%', '—', '施工图待定']]);
      ws.getRow(4).outlineLevel = 1;
      ws.getRow(4).hidden = true;
    });
    const r = await importWorkbook(path);
    expect(r.project.green_ratio).toMatchObject({ status: 'placeholder', source: '指标!E5' });
    expect(r.project.green_ratio?.conflicts).toBeUndefined();
  });

  for (const how of ['hidden', 'zero width'] as const) {
    it(`a ${how} value column is not read; the visible column counts`, async () => {
      const path = await xlsx(`hidden-col-${how}.xlsx`, (wb) => {
        const ws = wb.addWorksheet('指标');
        rows(ws, [['主要技术经济指标表'], ['序号', '指标名称', '单位', '规划指标', '设计指标', '施工图阶段'], [1, '绿地率', '%', '35%', '36%', '33%'], [2, '容积率', '', 2.0, 1.9, 2.05]]);
        if (how === 'hidden') ws.getColumn(5).hidden = true;
        else ws.getColumn(5).width = 0.1;
      });
      const r = await importWorkbook(path);
      expect(r.project.green_ratio).toMatchObject({ value: 33, source: '指标!F3' });
      expect(r.project.far).toMatchObject({ value: 2.05, source: '指标!F4' });
      const u = r.unread?.find((b) => b.range === 'E2:E4');
      expect(u?.title).toBe('隐藏的E列（设计指标）');
    });
  }

  it('a narrow but visible column is read', async () => {
    const path = await xlsx('narrow-col.xlsx', (wb) => {
      const ws = wb.addWorksheet('指标');
      rows(ws, [['容积率', 1.9]]);
      ws.getColumn(2).width = 4;
    });
    const r = await importWorkbook(path);
    expect(r.project.far?.value).toBe(1.9);
    expect(r.unread ?? []).toEqual([]);
  });
});

describe('void sheets', () => {
  for (const [name, title] of [
    ['指标表（已作废）', '主要技术经济指标表'],
    ['指标表', '主要技术经济指标表（旧版，以新版为准）'],
    ['指标表（停用）', '主要技术经济指标表'],
  ]) {
    it(`“${name}” / “${title}” is skipped and reported`, async () => {
      const path = await xlsx(`void-${name}-${title.length}.xlsx`, (wb) => {
        rows(wb.addWorksheet(name), [[title], ['指标名称', '设计指标'], ['绿地率', '36%'], ['容积率', 1.95]]);
        rows(wb.addWorksheet('现行指标'), [['指标名称', '设计指标'], ['容积率', 2.05]]);
      });
      const r = await importWorkbook(path);
      expect(r.project.green_ratio).toBeUndefined();
      expect(r.project.far).toMatchObject({ value: 2.05, source: '现行指标!B2' });
      expect(r.project.far?.conflicts).toBeUndefined();
      const u = r.unread?.find((b) => b.sheet === name);
      expect(u?.reason).toContain('作废');
      expect(r.issues.some((i) => i.message.includes(name) && i.message.includes('未读取'))).toBe(true);
    });
  }

  it('a sheet that only compares with an older version is read', async () => {
    const path = await xlsx('not-void.xlsx', (wb) => {
      rows(wb.addWorksheet('指标表'), [['主要技术经济指标表'], ['指标名称', '设计指标'], ['容积率', 1.95]]);
    });
    const r = await importWorkbook(path);
    expect(r.project.far?.value).toBe(1.95);
  });
});
