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

describe('tables of contents and names of tables', () => {
  for (const [layout, name, title] of [
    ['a sheet named 目录', '目录', '计算书目录'],
    ['a sheet titled 目 录', 'Sheet2', '目  录'],
  ] as const) {
    it(`${layout}: its page numbers are never values, and the sheet is reported as not read`, async () => {
      const path = await xlsx(`toc-${name}.xlsx`, (wb) => {
        rows(wb.addWorksheet('封面'), [['某地块住宅项目'], ['技术经济指标及绿色生态专项计算书']]);
        rows(wb.addWorksheet(name), [[title], ['序号', '内容', '页次'], [1, '主要技术经济指标表', 1], [2, '容积率计算表', 2], [3, '绿地率计算', 3], [4, '建筑高度统计', 5]]);
        rows(wb.addWorksheet('指标'), [['指标名称', '设计值'], ['容积率', '详见总图'], ['绿地率', '36.5%']]);
      });
      const r = await importWorkbook(path);
      expect(r.project.far?.value ?? null).toBeNull();
      expect(r.project.building_height).toBeUndefined();
      expect(r.project.green_ratio).toMatchObject({ value: 36.5 });
      expect(r.project.green_ratio?.conflicts).toBeUndefined();
      expect(r.unread?.find((b) => b.sheet === name)?.reason).toContain('目录页');
    });
  }

  it('outside a 目录, the name of a table or drawing (容积率计算表, 建筑高度统计) is no label; a 页次 or 版本 column is no value; 预制装配率 is not 装配率', async () => {
    const path = await xlsx('table-names.xlsx', (wb) => {
      rows(wb.addWorksheet('说明'), [['附件清单'], ['附件', '页码'], ['容积率计算书', 2], ['建筑高度统计', 4]]);
      rows(wb.addWorksheet('计算依据'), [['标准名称', '编号', '版本'], ['容积率', 'GB 50180', 2018], ['绿地率', '沪规土资', 2011]]);
      rows(wb.addWorksheet('单体'), [['楼号', '建筑功能', '预制装配率'], ['1#楼', '住宅', '62%'], ['2#楼', '住宅', '63%']]);
    });
    const r = await importWorkbook(path);
    expect(r.project.far).toBeUndefined();
    expect(r.project.building_height).toBeUndefined();
    expect(r.project.green_ratio).toBeUndefined();
    for (const b of r.buildings) expect(b.values.assembly_ratio, b.name).toBeUndefined();
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
