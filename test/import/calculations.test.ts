// Calculation sheets and the tables around them: a sheet's own result of a calculation is not a
// second statement; "供参考" tables declare nothing; side-by-side tables, blank rows inside a
// table, columns whose unit cannot hold the indicator, Table 3.2.8, negated labels, TOC pages.
import { describe, expect, it } from 'vitest';
import { importWorkbook } from '../../shared/import/index';
import { rows, xlsx } from './helpers';

describe('results of calculations', () => {
  it('a 计算表 result the engine repeats identically is no conflict; a different one is', async () => {
    const fill = (stated: number) => async () =>
      importWorkbook(
        await xlsx(`calc-result-${stated}.xlsx`, (wb) => {
          rows(wb.addWorksheet('主要技术经济指标'), [['可再生能源替代率', '12%']]);
          const ws = wb.addWorksheet('可再生能源计算');
          rows(ws, [
            ['可再生能源利用计算表'],
            ['系统', '年利用量（kWh/a）'],
            ['太阳能光伏', 398000],
            ['太阳能热水', 182000],
            ['空气源热泵热水', 126000],
            ['合计', 706000],
            [],
            ['建筑年总能耗（kWh/a）', 6540000],
            ['可再生能源替代率', stated],
          ]);
          ws.getCell('B9').numFmt = '0.00%';
        }),
      );
    // 706000 / 6540000 = 10.80 %: the calculation sheet's own result, repeated by the engine
    const same = await fill(0.108)();
    expect(same.project.renewable_substitution).toMatchObject({ value: 12, source: '主要技术经济指标!B1' });
    expect(same.project.renewable_substitution.conflicts).toBeUndefined();
    expect(same.issues.some((i) => i.source === '可再生能源计算!B9' && i.message.includes('复核'))).toBe(true);
    // a figure the inputs do not give is a second statement: a conflict
    const other = await fill(0.095)();
    expect(other.project.renewable_substitution.conflicts).toEqual([expect.objectContaining({ source: '可再生能源计算!B9', value: 9.5 })]);
  });

  it('a formula over the calculator inputs is the sheet recomputing, not declaring', async () => {
    const path = await xlsx('calc-formula.xlsx', (wb) => {
      rows(wb.addWorksheet('汇总'), [['绿地率', '36%']]);
      const ws = wb.addWorksheet('绿地');
      rows(ws, [
        ['总用地面积', 20000],
        ['绿地面积', 7000],
        ['绿地率', { formula: 'B2/B1', result: 0.35 }],
      ]);
      ws.getCell('B3').numFmt = '0.0%';
    });
    const r = await importWorkbook(path);
    expect(r.project.green_ratio).toMatchObject({ value: 36, source: '汇总!B1' });
    expect(r.project.green_ratio.conflicts).toBeUndefined();
  });

  it('a table titled 供参考 declares nothing; its inputs are still read', async () => {
    const path = await xlsx('reference.xlsx', (wb) => {
      rows(wb.addWorksheet('单体指标'), [
        ['楼号', '单体装配率（%）'],
        ['1#楼', '/'],
      ]);
      rows(wb.addWorksheet('装配率-1#楼'), [
        ['1#楼 装配率计算表（按GB/T 51129-2017，供参考）'],
        ['评价项', '比例', '得分'],
        ['竖向构件', '50%', 23.3],
        [],
        ['装配率P', '70.3%'],
      ]);
    });
    const r = await importWorkbook(path);
    const b = r.buildings[0];
    expect(b.values.assembly_ratio).toMatchObject({ value: null, status: 'placeholder', source: '单体指标!B2' });
    expect(b.values.asm_vertical_ratio.value).toBe(50);
    expect(r.coverage!.find((c) => c.sheet === '装配率-1#楼')!.unusedLabels.map((u) => u.reason).join()).toContain('供参考');
  });
});

describe('tables around the values', () => {
  it('a transposed summary with 单位 and 备注 rows beside a building table', async () => {
    const path = await xlsx('side-by-side.xlsx', (wb) => {
      rows(wb.addWorksheet('指标'), [
        ['项目', '总用地面积', '容积率', '绿地率', undefined, undefined, '单体名称', '建筑功能', '单体装配率'],
        ['数值', 18600, 1.85, 35.5, undefined, undefined, '1#楼', '办公', '61.5%'],
        ['单位', '㎡', '', '%', undefined, undefined, '2#楼', '商业', '60.2%'],
        ['备注', '以合同为准', '规划≤2.0', '', undefined, undefined, '3#楼', '商业', '/'],
      ]);
    });
    const r = await importWorkbook(path);
    expect(r.project.site_area).toMatchObject({ value: 18600, source: '指标!B2', roleSource: '指标!A2' });
    expect(r.project.far.value).toBe(1.85);
    expect(r.project.green_ratio).toMatchObject({ value: 35.5, unitRaw: '%' });
    expect(r.buildings.map((b) => [b.name, b.values.assembly_ratio?.value ?? null])).toEqual([
      ['1#楼', 61.5],
      ['2#楼', 60.2],
      ['3#楼', null],
    ]);
  });

  it('a blank row inside a table does not end it; a block of other labels after it does', async () => {
    const path = await xlsx('blank-rows.xlsx', (wb) => {
      rows(wb.addWorksheet('指标'), [
        ['指标名称', '修改前', '修改后'],
        ['总建筑面积', 52000, 49800],
        [],
        ['容积率', 2.3, 2.18],
        [],
        ['指标类别', '自评得分', '满分'],
        ['安全耐久', 60, 100],
        [],
        ['全装修', '是'],
      ]);
    });
    const r = await importWorkbook(path);
    expect(r.project.far).toMatchObject({ value: 2.18, source: '指标!C4', roleSource: '指标!C1' });
    expect(r.project.gb_score_safety).toMatchObject({ value: 60, source: '指标!B7' });
    expect(r.project.full_fitout).toMatchObject({ value: true, source: '指标!B9' });
  });

  it('a column whose unit cannot hold the indicator is not its value (预制混凝土体积 for a ratio)', async () => {
    const path = await xlsx('volumes.xlsx', (wb) => {
      rows(wb.addWorksheet('预制率计算'), [
        ['构件类别', '预制混凝土体积（m³）', '现浇混凝土体积（m³）', '小计（m³）'],
        ['竖向构件（剪力墙、柱）', 560, 1240, 1800],
        ['水平构件（叠合板、楼梯）', 630, 510, 1140],
        ['合计', 1190, 1750, 2940],
        [],
        ['单体预制率', '40.5%'],
      ]);
    });
    const r = await importWorkbook(path);
    expect(r.project.asm_vertical_ratio).toBeUndefined();
    expect(r.project.asm_horizontal_ratio).toBeUndefined();
    expect(r.project.prefab_ratio.value).toBe(40.5);
    expect(r.unread).toEqual([]);
  });

  it('GB/T 50378 Table 3.2.8: the first column holds the labels, 本项目 the values', async () => {
    const path = await xlsx('t328.xlsx', (wb) => {
      rows(wb.addWorksheet('绿建'), [
        ['技术要求', '一星级', '二星级', '三星级', '本项目', '备注'],
        ['围护结构热工性能提高比例', '5%', '10%', '20%', '12%', '或负荷降低比例'],
        ['节水器具用水效率等级', '3级', '2级', '2级', '2级', ''],
      ]);
    });
    const r = await importWorkbook(path);
    expect(r.project.gb_envelope_improvement).toMatchObject({ value: 12, source: '绿建!E2', roleSource: '绿建!E1' });
    expect(r.project.gb_water_fixture_grade).toMatchObject({ value: 2, source: '绿建!E3' });
    expect(r.unread).toEqual([]);
  });

  it('"不计容建筑面积" and "其他计容面积" are not 计容建筑面积; "二星级及以上" as a value is a requirement', async () => {
    const path = await xlsx('negated.xlsx', (wb) => {
      rows(wb.addWorksheet('指标'), [
        ['计容建筑面积', 59160],
        ['其他计容面积', 780],
        ['不计容建筑面积', 19870],
        ['绿色建筑星级', '二星级及以上'],
      ]);
    });
    const r = await importWorkbook(path);
    expect(r.project.far_area).toMatchObject({ value: 59160 });
    expect(r.project.far_area.conflicts).toBeUndefined();
    expect(r.project.green_building_star).toMatchObject({ value: null, status: 'ambiguous', requirement: { text: '二星级及以上' } });
  });

  it('a table of contents is no unread table: the sheet is skipped as a whole, and says why', async () => {
    const path = await xlsx('toc.xlsx', (wb) => {
      rows(wb.addWorksheet('目录'), [
        ['目  录'],
        ['序号', '内容', '页码'],
        [1, '主要技术经济指标', 1],
        [2, '绿色建筑设计专篇', 2],
        [3, '海绵城市设计专篇', 4],
      ]);
      rows(wb.addWorksheet('指标'), [['容积率', 2.1]]);
    });
    const r = await importWorkbook(path);
    expect(r.unread?.map((u) => [u.sheet, u.range, u.indicators])).toEqual([['目录', 'A1:C5', []]]);
    expect(r.unread?.[0].reason).toContain('目录页');
    expect(r.project.far.value).toBe(2.1);
  });
});
