import { describe, expect, it } from 'vitest';
import { importWorkbook } from '../../shared/import/index';
import { rows, xlsx } from './helpers';

describe('building tables', () => {
  it('reads a two-row header with merged group, units row, 合计 row and uses', async () => {
    const path = await xlsx('buildings.xlsx', (wb) => {
      const ws = wb.addWorksheet('单体指标');
      rows(ws, [
        ['单体指标表'],
        ['楼号', '建筑功能', '建筑面积', '装配式指标', undefined, '绿色建筑星级'],
        [undefined, undefined, undefined, '预制率', '装配率'],
        [undefined, undefined, '㎡', '%', '%'],
        ['1#楼', '住宅', 12000, 40, 0.615, '二星级'],
        [' 2#楼 ', '商业', '2.2万', '/', 0.55, '★★★'],
        ['3#楼', '综合楼', { formula: 'C5-C5', result: 0 }, 45, 62, '一星'],
        ['合计', undefined, { formula: 'SUM(C5:C7)', result: 34000 }],
        [],
        ['总用地面积', 10000],
      ]);
      ws.mergeCells('A1:F1');
      ws.mergeCells('D2:E2');
      for (const c of ['A', 'B', 'C', 'F']) ws.mergeCells(`${c}2:${c}3`);
      ws.getCell('E5').numFmt = '0.0%';
    });
    const r = await importWorkbook(path);
    expect(r.buildings.map((b) => b.name)).toEqual(['1#楼', '2#楼', '3#楼']);
    const [b1, b2, b3] = r.buildings;
    expect(b1).toMatchObject({ nameSource: '单体指标!A5', use: 'residential', useRaw: '住宅', useSource: '单体指标!B5', floorArea: 12000 });
    expect(b1.values.assembly_ratio).toMatchObject({ value: 61.5, source: '单体指标!E5', label: '装配率', labelSource: '单体指标!E3', status: 'ok' });
    expect(b1.values.assembly_ratio.interpretation).toContain('百分比格式 0.615 → 61.5%');
    expect(b1.values.prefab_ratio).toMatchObject({ value: 40, unitRaw: '%', status: 'ok' });
    expect(b1.values.green_building_star).toMatchObject({ value: 2 });
    expect(b2).toMatchObject({ use: 'public', floorArea: 22000 });
    expect(b2.values.prefab_ratio).toMatchObject({ value: null, status: 'placeholder' });
    // 0.55 under a "%" units row: 0.55 % or the fraction 55 % written as a decimal? Asked, never assumed.
    expect(b2.values.assembly_ratio).toMatchObject({ value: 0.55, status: 'ambiguous' });
    expect(b2.values.assembly_ratio.interpretation).toContain('55%');
    expect(b2.values.green_building_star.value).toBe(3);
    expect(b3.use).toBeNull();
    expect(b3.values.gross_floor_area).toMatchObject({ value: 0, status: 'invalid' });
    expect(b3.values.gross_floor_area.interpretation).toContain('公式 =C5-C5 的缓存结果 0');
    expect(r.issues.find((i) => i.source === '单体指标!B7')?.message).toContain('综合楼');
    // 合计 gives the project's total floor area, and says so.
    expect(r.project.gross_floor_area).toMatchObject({ value: 34000, source: '单体指标!C8' });
    expect(r.project.gross_floor_area.interpretation).toContain('合计行');
    expect(r.project.site_area).toMatchObject({ value: 10000, source: '单体指标!B10' });
  });

  it('reads a transposed table (buildings as columns)', async () => {
    const path = await xlsx('transposed.xlsx', (wb) => {
      const ws = wb.addWorksheet('指标');
      rows(ws, [
        ['单体名称', '单位', 'A栋', 'B栋'],
        ['使用功能', undefined, '办公', '地下车库'],
        ['建筑面积', '万㎡', 2.1, 0.8],
        ['单体装配率', '%', 61, 35.5],
      ]);
    });
    const r = await importWorkbook(path);
    expect(r.buildings.map((b) => [b.name, b.use, b.floorArea])).toEqual([
      ['A栋', 'public', 21000],
      ['B栋', 'other', 8000],
    ]);
    expect(r.buildings[1].values.assembly_ratio).toMatchObject({ value: 35.5, source: '指标!D4', labelSource: '指标!A4' });
  });

  it('assigns component-table blocks to the building named by the sheet or a 单体名称 row', async () => {
    const path = await xlsx('blocks.xlsx', (wb) => {
      const t = wb.addWorksheet('单体');
      rows(t, [
        ['楼号', '用途', '装配率(%)'],
        ['1#楼', '住宅', 65],
        ['11#楼', '住宅', 70],
      ]);
      const a = wb.addWorksheet('装配率计算-1#楼');
      rows(a, [
        ['装配率计算表'],
        ['评价项', undefined, '评价要求', '比例', '评价分值', '得分'],
        ['主体结构', '柱、支撑、承重墙、延性墙板等竖向构件', '35%≤比例≤80%', 0.52, '20~30', 23.9],
        [undefined, '梁、板、楼梯、阳台、空调板等构件', '70%≤比例≤80%', '75%', '10~20', 15],
        ['装修和设备管线', '全装修', '—', '是', 6, 6],
        ['装配率P', 66.1],
      ]);
      a.mergeCells('A2:B2');
      a.mergeCells('A3:A4');
      a.getCell('D3').numFmt = '0%';
      const b = wb.addWorksheet('计算书');
      rows(b, [
        ['单体名称', '11#楼'],
        ['竖向构件应用比例', '60%'],
        [],
        ['单体名称：', '12#楼'],
        ['装配率', '58'],
      ]);
    });
    const r = await importWorkbook(path);
    const b1 = r.buildings.find((b) => b.name === '1#楼')!;
    expect(b1.values.asm_vertical_ratio).toMatchObject({ value: 52, source: '装配率计算-1#楼!D3', labelSource: '装配率计算-1#楼!B3' });
    expect(b1.values.asm_horizontal_ratio).toMatchObject({ value: 75, source: '装配率计算-1#楼!D4' });
    expect(b1.values.full_fitout).toMatchObject({ value: true, source: '装配率计算-1#楼!D5' });
    expect(b1.values.asm_q1).toBeUndefined();
    // Declared 65 in the table, 66.1 in the block: reported, first kept.
    expect(b1.values.assembly_ratio).toMatchObject({ value: 65, source: '单体!C2' });
    expect(r.issues.some((i) => i.message.includes("单体!C2") && i.message.includes("装配率计算-1#楼!B6")), JSON.stringify(r.issues)).toBe(true);
    const b11 = r.buildings.find((b) => b.name === '11#楼')!;
    expect(b11.values.asm_vertical_ratio).toMatchObject({ value: 60, source: '计算书!B2' });
    expect(b11.values.asm_horizontal_ratio).toBeUndefined();
    const b12 = r.buildings.find((b) => b.name === '12#楼')!;
    expect(b12).toMatchObject({ nameSource: '计算书!B4', use: null });
    expect(b12.values.assembly_ratio).toMatchObject({ value: 58, source: '计算书!B5' });
    expect(r.project.assembly_ratio).toBeUndefined();
  });

  it('reads a runoff surface table and takes catchment area from its 合计 row', async () => {
    const path = await xlsx('surfaces.xlsx', (wb) => {
      const ws = wb.addWorksheet('海绵计算');
      rows(ws, [
        ['年径流总量控制率', '75%'],
        ['设计降雨量(mm)', 22.2],
        [],
        ['下垫面类型', '面积(㎡)', '雨量径流系数'],
        ['屋面', 3000, 0.9],
        ['绿地', '4,000', 0.15],
        ['透水铺装', 1000, '/'],
        ['合计', 8000, 0.49],
        [],
        ['实际调蓄容积', 200, 'm³'],
      ]);
    });
    const r = await importWorkbook(path);
    expect(r.surfaces).toEqual([
      { name: '屋面', area: 3000, coefficient: 0.9, source: '海绵计算!A5' },
      { name: '绿地', area: 4000, coefficient: 0.15, source: '海绵计算!A6' },
      { name: '透水铺装', area: 1000, coefficient: null, source: '海绵计算!A7' },
    ]);
    expect(r.project.catchment_area).toMatchObject({ value: 8000, source: '海绵计算!B8' });
    expect(r.project.runoff_coefficient).toMatchObject({ value: 0.49, source: '海绵计算!C8' });
    expect(r.project.runoff_capture).toMatchObject({ value: 75 });
    expect(r.project.design_rainfall).toMatchObject({ value: 22.2, unitRaw: 'mm' });
    expect(r.project.storage_provided).toMatchObject({ value: 200, unitRaw: 'm³', source: '海绵计算!B10' });
  });
});

describe('key/value rows that name one building', () => {
  it('"单体名称 | 1#楼 | 建筑面积 | 12000" starts a block, not a table', async () => {
    const path = await xlsx('onerow.xlsx', (wb) => {
      rows(wb.addWorksheet('单体'), [
        ['单体名称', '5#楼', '建筑面积(㎡)', 12000],
        ['建筑功能', '幼儿园'],
        ['装配率', '55%'],
      ]);
    });
    const r = await importWorkbook(path);
    expect(r.buildings).toHaveLength(1);
    expect(r.buildings[0]).toMatchObject({ name: '5#楼', nameSource: '单体!B1', use: 'public', useSource: '单体!B2', floorArea: 12000 });
    expect(r.buildings[0].values.assembly_ratio).toMatchObject({ value: 55, source: '单体!B3' });
  });
});

describe('key/value tables printed side by side without a gap', () => {
  it('项目 | 数值 | 项目 | 数值 and 指标 | 单位 | 规划值 | 设计值 twice: each half is a table of its own', async () => {
    const layouts = [
      [['项目', '数值', '项目', '数值'], ['总用地面积（㎡）', 42000, '容积率', 2.52], ['计容建筑面积（㎡）', 105840, '绿地率', '36.5%'], ['地下建筑面积（㎡）', 38000, '建筑高度（m）', 79.8]],
      [['指标', '单位', '规划值', '设计值', '指标', '单位', '规划值', '设计值'], ['总用地面积', '㎡', '', 42000, '容积率', '', '≤2.5', 2.52], ['计容建筑面积', '㎡', '', 105840, '绿地率', '%', '≥35%', '36.5%'], ['地下建筑面积', '㎡', '', 38000, '建筑高度', 'm', '≤80', 79.8]],
    ];
    for (const [i, body] of layouts.entries()) {
      const path = await xlsx(`side-by-side-${i}.xlsx`, (wb) => rows(wb.addWorksheet('经济技术指标'), [['主要经济技术指标'], ...body]));
      const r = await importWorkbook(path);
      expect(r.project.far?.value, `layout ${i}`).toBe(2.52);
      expect(r.project.green_ratio?.value, `layout ${i}`).toBe(36.5);
      expect(r.project.building_height?.value, `layout ${i}`).toBe(79.8);
      expect(r.project.site_area?.value, `layout ${i}`).toBe(42000);
      expect(r.unread ?? [], `layout ${i}`).toEqual([]);
      if (i === 1) expect(r.project.far?.requirement).toMatchObject({ text: '≤2.5', source: '经济技术指标!G3' });
    }
  });
});

describe('a label over a column of numbers', () => {
  it('heads a data column: its first item is not the quantity (计入绿地面积 over 6200, 5800, 3330, 合计 15330)', async () => {
    const path = await xlsx('column-head.xlsx', (wb) => {
      rows(wb.addWorksheet('附表1'), [
        ['附表1 绿地面积计算表'],
        ['序号', '绿地类型', '面积（㎡）', '折算系数', '计入绿地面积（㎡）'],
        [1, '集中绿地', 6200, 1, 6200],
        [2, '宅间绿地', 5800, 1, 5800],
        [3, '地下室顶板覆土绿地', 3330, 1, 3330],
      ]);
    });
    const r = await importWorkbook(path);
    expect(r.project.green_area?.value).not.toBe(6200);
  });

  it('a label row over one value row is still read (容积率 | 绿地率 over 2.48 | 36.5%)', async () => {
    const path = await xlsx('label-over-value.xlsx', (wb) => {
      rows(wb.addWorksheet('指标'), [['容积率', '绿地率'], [2.48, '36.5%']]);
    });
    const r = await importWorkbook(path);
    expect(r.project.far?.value).toBe(2.48);
    expect(r.project.green_ratio?.value).toBe(36.5);
  });
});

describe('a value merged across the requirement and design columns', () => {
  it('stands for both: it is the declared value; an unmerged requirement beside an empty design cell is not', async () => {
    const path = await xlsx('merged-across.xlsx', (wb) => {
      const ws = wb.addWorksheet('指标');
      rows(ws, [['序号', '项目', '单位', '规划指标', '设计指标'], [1, '总用地面积', '㎡', 42000], [2, '容积率', '', 2.48], [3, '绿地率', '%', '≥35', 33.5], [4, '建筑密度', '%', 30]]);
      ws.mergeCells('D2:E2');
      ws.mergeCells('D3:E3');
    });
    const r = await importWorkbook(path);
    expect(r.project.far).toMatchObject({ value: 2.48, source: '指标!D3' });
    expect(r.project.site_area).toMatchObject({ value: 42000 });
    expect(r.project.green_ratio).toMatchObject({ value: 33.5, source: '指标!E4' });
    expect(r.project.building_density?.status ?? 'none').not.toBe('ok');
  });
});

describe('a per-building table whose row is filled in only in the 合计 column', () => {
  it('gives the project its figure (超低能耗建筑面积占比 | | | 65.4%), buildings as columns or as rows', async () => {
    const path = await xlsx('total-only.xlsx', (wb) => {
      rows(wb.addWorksheet('超低能耗'), [
        ['楼号/指标', '1#楼', '2#楼', '3#楼', '合计'],
        ['建筑面积（㎡）', 18000, 16000, 18000, 52000],
        ['超低能耗建筑面积（㎡）', 18000, 16000, 0, 34000],
        ['超低能耗建筑面积占比', '', '', '', '65.4%'],
      ]);
    });
    const r = await importWorkbook(path);
    expect(r.project.ultra_low_energy_ratio).toMatchObject({ value: 65.4, source: '超低能耗!E4' });
    for (const b of r.buildings) expect(b.values.ultra_low_energy_ratio?.status ?? "none", JSON.stringify(b.values.ultra_low_energy_ratio)).not.toBe("ok");
  });
});

describe('one quantity over the rows’ amounts (系统 | 规模 | 年可再生能源利用量（kWh/a）)', () => {
  it('is the value column of every row; a row that writes its own unit ("11.46%") keeps it', async () => {
    const layouts = [
      [['序号', '系统', '规模', '年可再生能源利用量（kWh/a）', '计算依据'], [1, '太阳能热水系统', '集热器面积600㎡', 216000, '按DG/TJ08-2329计算'], [2, '屋顶光伏发电系统', '装机容量300kWp', 285000, '首年发电量'], [3, '空气源热泵热水（可再生部分）', '—', 95000, 'COP=3.0'], ['', '合计', '', 596000, ''], ['', '建筑年总能耗（kWh/a）', '', 5200000, ''], ['', '可再生能源替代率', '', '11.46%', '合计/建筑年总能耗']],
      [['可再生能源类型', '可再生能源年利用量（kWh/a）', '备注'], ['太阳能热水', 216000, ''], ['光伏发电系统', 285000, ''], ['空气源热泵热水（可再生部分）', 95000, ''], ['合计', 596000, ''], ['建筑年总能耗（kWh/a）', 5200000, ''], ['可再生能源替代率', '11.46%', '']],
    ];
    for (const [i, body] of layouts.entries()) {
      const path = await xlsx(`quantity-col-${i}.xlsx`, (wb) => rows(wb.addWorksheet('可再生能源计算'), [['可再生能源应用计算表'], ...body]));
      const r = await importWorkbook(path);
      expect(r.project.re_solar_thermal?.value, `layout ${i}`).toBe(216000);
      expect(r.project.re_pv_generation?.value, `layout ${i}`).toBe(285000);
      expect(r.project.re_heat_pump?.value, `layout ${i}`).toBe(95000);
      expect(r.project.re_total?.value, `layout ${i}`).toBe(596000);
      expect(r.project.energy_total?.value, `layout ${i}`).toBe(5200000);
      expect(r.project.renewable_substitution?.value, `layout ${i}`).toBe(11.46);
    }
  });
});

describe('a use merged down over several buildings', () => {
  it('is each building’s use (住宅 over 1#–3#楼)', async () => {
    const path = await xlsx('merged-use.xlsx', (wb) => {
      const ws = wb.addWorksheet('单体');
      rows(ws, [['楼号', '建筑功能', '建筑面积（㎡）', '单体装配率'], ['1#楼', '住宅', 12000, '62%'], ['2#楼', '', 12000, '63%'], ['3#楼', '', 12000, '61%'], ['4#楼', '商业', 8000, '']]);
      ws.mergeCells('B2:B4');
    });
    const r = await importWorkbook(path);
    expect(r.buildings.map((b) => [b.name, b.use])).toEqual([['1#楼', 'residential'], ['2#楼', 'residential'], ['3#楼', 'residential'], ['4#楼', 'public']]);
  });
});

describe('rows named as buildings under a 项目名称 header', () => {
  it('are building records (项目名称 | 装配率 | 预制率 over 1#楼, 2#楼), in either column order', async () => {
    for (const [i, body] of [
      [['项目名称', '装配率', '预制率'], ['1#楼', '52%', '41%'], ['2#楼', '48%', '40%']],
      [['序号', '项目名称', '单体预制率（%）', '单体装配率（%）'], [1, '1#楼', 41, 52], [2, '2#楼', 40, 48]],
    ].entries()) {
      const r = await importWorkbook(await xlsx(`project-name-rows-${i}.xlsx`, (wb) => rows(wb.addWorksheet('汇总'), body)));
      expect(r.project.project_name, `layout ${i}`).toBeUndefined();
      expect(r.buildings.map((b) => [b.name, b.values.assembly_ratio?.value, b.values.prefab_ratio?.value]), `layout ${i}`).toEqual([
        ['1#楼', 52, 41],
        ['2#楼', 48, 40],
      ]);
    }
  });

  it('twin: a 项目名称 row naming the project stays the project name', async () => {
    const r = await importWorkbook(await xlsx('project-name-kv.xlsx', (wb) => rows(wb.addWorksheet('概况'), [['项目名称', '某某花园'], ['装配率', '52%']])));
    expect(r.project.project_name?.value).toBe('某某花园');
    expect(r.project.assembly_ratio?.value).toBe(52);
  });
});
