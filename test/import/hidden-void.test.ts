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

describe('text nobody can see', () => {
  it('a stale row in white on white below the table is not read and is reported; the visible value counts', async () => {
    const path = await xlsx('white-row.xlsx', (wb) => {
      const ws = wb.addWorksheet('主要技术经济指标');
      rows(ws, [['主要技术经济指标表'], HEAD, [1, '绿地率', '%', '≥35%', '33%'], [2, '容积率', '', '≤2.0', 1.9], [], ['', '绿地率', '%', '', '36%']]);
      for (const c of ['B6', 'C6', 'E6']) ws.getCell(c).font = { color: { argb: 'FFFFFFFF' } };
    });
    const r = await importWorkbook(path);
    expect(r.project.green_ratio).toMatchObject({ value: 33, source: '主要技术经济指标!E3' });
    expect(r.project.green_ratio?.conflicts).toBeUndefined();
    const u = r.unread?.find((b) => b.title.startsWith('看不见的单元格'));
    expect(u).toMatchObject({ sheet: '主要技术经济指标', range: 'B6:E6', title: '看不见的单元格（绿地率）' });
  });

  it('a value in the fill colour (grey on grey) or with the format ";;;" is not read; white text on a dark fill is read', async () => {
    const path = await xlsx('same-colour.xlsx', (wb) => {
      const ws = wb.addWorksheet('指标');
      rows(ws, [['指标名称', '设计值'], ['绿地率', '36%'], ['容积率', 1.9], ['建筑密度', '28%']]);
      ws.getCell('B2').font = { color: { argb: 'FFD9D9D9' } };
      ws.getCell('B2').fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFD9D9D9' } };
      ws.getCell('B3').numFmt = ';;;';
      ws.getCell('B4').font = { color: { argb: 'FFFFFFFF' } };
      ws.getCell('B4').fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FF1F4E79' } };
    });
    const r = await importWorkbook(path);
    expect(r.project.green_ratio).toBeUndefined();
    expect(r.project.far).toBeUndefined();
    expect(r.project.building_density?.value).toBe(28);
    expect(r.unread?.find((b) => b.title.startsWith('看不见的单元格'))?.reason).toContain('B2、B3');
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
