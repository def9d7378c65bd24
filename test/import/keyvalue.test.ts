import { describe, expect, it } from 'vitest';
import { importWorkbook } from '../../shared/import/index';
import { rows, xlsx } from './helpers';

describe('key/value lists', () => {
  it('a header row “项目 | 内容” or “楼号 | 数值” names no project or building', async () => {
    const path = await xlsx('kv-header-row.xlsx', (wb) => {
      rows(wb.addWorksheet('绿色建筑'), [['项目', '内容'], ['评价标准', 'GB/T 50378-2019'], ['申报星级', '二星级']]);
      rows(wb.addWorksheet('概况'), [['楼号', '数值'], ['工程名称', '某某花园'], ['总建筑面积', 23000]]);
    });
    const r = await importWorkbook(path);
    expect(r.project.project_name).toMatchObject({ value: '某某花园', source: '概况!B2' });
    expect(r.buildings.map((b) => b.name)).toEqual([]);
    expect(r.project.green_building_star).toMatchObject({ value: 2 });
  });

  it('reads labels with units in label, unit column and value text', async () => {
    const path = await xlsx('kv.xlsx', (wb) => {
      const ws = wb.addWorksheet('主要技术经济指标');
      rows(ws, [
        ['主要技术经济指标表'],
        ['1、总用地面积(㎡)', 12000],
        ['（2）总 建 筑 面 积：', 2.5, '万㎡'],
        ['3.容积率', '2.10'],
        ['绿地率', '35.5％'],
        ['建筑密度（%）', 28],
        ['装配率', 0.6],
        ['绿色建筑星级', '绿色建筑二星级'],
        ['全装修', '是'],
        ['建筑高度', '/'],
        ['项目名称', '测试住宅项目'],
        ['设计降雨量', '22.2mm'],
        ['地下建筑面积', '18,600'],
        ['地上建筑面积', '1.86万'],
      ]);
      ws.getCell('B13').numFmt = '@';
    });
    const r = await importWorkbook(path);
    const p = r.project;
    expect(r.sheets).toEqual(['主要技术经济指标']);
    expect(r.sha256).toMatch(/^[0-9a-f]{64}$/);
    expect(p.site_area).toMatchObject({ value: 12000, source: '主要技术经济指标!B2', labelSource: '主要技术经济指标!A2', unitRaw: '㎡', status: 'ok' });
    expect(p.gross_floor_area).toMatchObject({ value: 25000, source: '主要技术经济指标!B3', unitRaw: '万㎡', status: 'ok' });
    expect(p.gross_floor_area.interpretation).toContain('×10000');
    expect(p.far).toMatchObject({ value: 2.1, status: 'ok', raw: '2.10' });
    expect(p.green_ratio).toMatchObject({ value: 35.5, status: 'ok' });
    expect(p.building_density).toMatchObject({ value: 28, status: 'ok', unitRaw: '%' });
    expect(p.assembly_ratio).toMatchObject({ value: 60, status: 'ambiguous', source: '主要技术经济指标!B7' });
    expect(p.assembly_ratio.interpretation).toContain('无法确定是 0.6% 还是 60%');
    expect(p.green_building_star).toMatchObject({ value: 2, status: 'ok' });
    expect(p.full_fitout).toMatchObject({ value: true, status: 'ok' });
    expect(p.building_height).toMatchObject({ value: null, status: 'placeholder', raw: '/' });
    expect(p.project_name).toMatchObject({ value: '测试住宅项目' });
    expect(p.design_rainfall).toMatchObject({ value: 22.2, unitRaw: 'mm' });
    expect(p.below_ground_area).toMatchObject({ value: 18600, status: 'ok' });
    expect(p.below_ground_area.interpretation).toContain('文本“18,600”');
    expect(p.above_ground_area).toMatchObject({ value: 18600, status: 'ok' });
    expect(r.issues.some((i) => i.source === '主要技术经济指标!B7' && i.message.includes('无法确定'))).toBe(true);
  });
});
