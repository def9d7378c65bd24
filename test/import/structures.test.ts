// Real structures of indicator workbooks: per-building tables laid out sideways or with a column
// group per building, GB/T 50378 Table 3.2.4, 调蓄设施 and 汇水分区, renewable line items,
// several parcels, one-building workbooks, building names written differently.
import { describe, expect, it } from 'vitest';
import { importWorkbook } from '../../shared/import/index';
import type { ImportResult } from '../../shared/model/types';
import { rows, xlsx } from './helpers';

const byName = (r: ImportResult, n: string) => r.buildings.find((b) => b.name === n)!;

describe('per-building tables', () => {
  for (const corner of ['指标', '项目', '', '楼号', '单体名称']) {
    it(`sideways table with corner "${corner}": buildings as columns`, async () => {
      const path = await xlsx(`sideways-${corner || 'empty'}.xlsx`, (wb) => {
        rows(wb.addWorksheet('单体'), [
          [corner || undefined, '1#楼', '2#楼', '3#商业'],
          ['建筑功能', '住宅', '住宅', '商业'],
          ['建筑面积（㎡）', 12000, 9800, 3200],
          ['装配率', '62%', '48%', '/'],
        ]);
      });
      const r = await importWorkbook(path);
      expect(r.buildings.map((b) => [b.name, b.use, b.floorArea])).toEqual([
        ['1#楼', 'residential', 12000],
        ['2#楼', 'residential', 9800],
        ['3#商业', 'public', 3200],
      ]);
      expect(byName(r, '2#楼').values.assembly_ratio).toMatchObject({ value: 48, source: '单体!C4', labelSource: '单体!A4', roleSource: '单体!C1' });
      expect(byName(r, '3#商业').values.assembly_ratio.status).toBe('placeholder');
      expect(r.project.assembly_ratio).toBeUndefined();
      expect(r.soleBuilding).toBeUndefined();
    });
  }

  it('装配率 table with two header rows and one column group per building', async () => {
    const path = await xlsx('asm-groups.xlsx', (wb) => {
      const ws = wb.addWorksheet('装配率');
      rows(ws, [
        ['评价项', undefined, '评价要求', '1#楼', undefined, '2#楼', undefined],
        [undefined, undefined, undefined, '比例', '得分', '比例', '得分'],
        ['主体结构', '竖向构件', '35%≤比例≤80%', '40%', 21.4, '0%', 0],
        [undefined, '水平构件', '70%≤比例≤80%', '72%', 12.9, '75%', 15],
        ['围护墙和内隔墙', '非承重围护墙非砌筑', '比例≥80%', '85%', 5, '90%', 5],
        ['装修和设备管线', '全装修', '—', '是', 6, '否', 0],
        ['装配率', undefined, undefined, '61%', undefined, '38%', undefined],
      ]);
      ws.mergeCells('A1:B2');
      ws.mergeCells('C1:C2');
      ws.mergeCells('D1:E1');
      ws.mergeCells('F1:G1');
      ws.mergeCells('A3:A4');
    });
    const r = await importWorkbook(path);
    const b1 = byName(r, '1#楼');
    const b2 = byName(r, '2#楼');
    expect(b1.values.asm_vertical_ratio).toMatchObject({ value: 40, source: '装配率!D3', roleSource: '装配率!D2', requirement: { text: '35%≤比例≤80%' } });
    expect(b2.values.asm_horizontal_ratio).toMatchObject({ value: 75, source: '装配率!F4' });
    expect(b1.values.full_fitout.value).toBe(true);
    expect(b2.values.full_fitout.value).toBe(false);
    expect(b1.values.assembly_ratio).toMatchObject({ value: 61, source: '装配率!D7' });
    expect(b2.values.assembly_ratio.value).toBe(38);
    // scores never become ratios
    expect(Object.values(b1.values).some((v) => v.source === '装配率!E3')).toBe(false);
  });

  it('building names written differently on different sheets are one building, aliases kept', async () => {
    const path = await xlsx('names.xlsx', (wb) => {
      rows(wb.addWorksheet('单体指标'), [
        ['楼号', '建筑功能', '建筑面积（㎡）'],
        ['1#楼', '住宅', 12000],
        ['2#楼', '住宅', 9000],
      ]);
      rows(wb.addWorksheet('一号楼装配率'), [['装配率', '63%']]);
      rows(wb.addWorksheet('预制率'), [
        ['单体名称', '1栋', '2幢'],
        ['单体预制率', '41%', '38%'],
      ]);
      rows(wb.addWorksheet('绿建'), [['单体名称：2号楼'], ['绿色建筑星级', '二星级']]);
    });
    const r = await importWorkbook(path);
    expect(r.buildings.map((b) => b.name)).toEqual(['1#楼', '2#楼']);
    const b1 = byName(r, '1#楼');
    const b2 = byName(r, '2#楼');
    expect(b1.values.assembly_ratio).toMatchObject({ value: 63, source: '一号楼装配率!B1' });
    expect(b1.values.prefab_ratio.value).toBe(41);
    expect(b2.values.prefab_ratio.value).toBe(38);
    expect(b2.values.green_building_star).toMatchObject({ value: 2, source: '绿建!B2' });
    expect(b1.aliases?.map((a) => a.name)).toEqual(expect.arrayContaining(['一号楼', '1栋']));
    expect(b2.aliases?.map((a) => a.name)).toEqual(expect.arrayContaining(['2幢', '2号楼']));
    expect(b1.use).toBe('residential');
  });
});

describe('GB/T 50378 Table 3.2.4 layout', () => {
  for (const stage of ['预评价', '评价'] as const) {
    it(`categories as columns, ${stage} maximum row and 自评得分 row`, async () => {
      const conv = stage === '预评价' ? 70 : 100;
      const path = await xlsx(`t324-${stage}.xlsx`, (wb) => {
        const ws = wb.addWorksheet('绿建评分');
        rows(ws, [
          ['评价阶段', stage],
          [],
          [undefined, '控制项基础分值', '评价指标评分项满分值', undefined, undefined, undefined, undefined, '提高与创新加分项满分值'],
          [undefined, undefined, '安全耐久', '健康舒适', '生活便利', '资源节约', '环境宜居', undefined],
          [`${stage}分值`, 400, 100, 100, conv, 200, 100, 100],
          ['自评得分', 400, 70, 66, 50, 128, 68, 25],
        ]);
        ws.mergeCells('A3:A4');
        ws.mergeCells('B3:B4');
        ws.mergeCells('C3:G3');
        ws.mergeCells('H3:H4');
      });
      const r = await importWorkbook(path);
      const p = r.project;
      expect(p.gb_stage.value).toBe(stage);
      expect(p.gb_score_q0).toMatchObject({ value: 400, source: '绿建评分!B6', roleSource: '绿建评分!A6' });
      expect(p.gb_score_safety).toMatchObject({ value: 70, source: '绿建评分!C6' });
      expect(p.gb_score_convenience.value).toBe(50);
      expect(p.gb_score_env.value).toBe(68);
      expect(p.gb_score_bonus).toMatchObject({ value: 25, source: '绿建评分!H6' });
      expect(Object.values(p).some((v) => v.source.endsWith('5'))).toBe(false);
    });
  }
});

describe('sponge city: 调蓄设施 and 汇水分区', () => {
  it('a 调蓄设施 table with 合计 gives the facilities and the provided storage', async () => {
    const path = await xlsx('facilities.xlsx', (wb) => {
      rows(wb.addWorksheet('海绵'), [
        ['设计降雨量(mm)', 26.7],
        ['需调蓄容积（m³）', 498.4],
        [],
        ['调蓄设施统计表'],
        ['序号', '设施名称', '数量', '调蓄容积(m³)', '备注'],
        [1, '雨水调蓄池', 1, 300, '地下车库'],
        [2, '下凹式绿地', 12, 120.5, '深100mm'],
        [3, '雨水花园', 4, '/', ''],
        [undefined, '合计', undefined, 420.5, ''],
      ]);
    });
    const r = await importWorkbook(path);
    expect(r.facilities).toEqual([
      { name: '雨水调蓄池', volume: 300, source: '海绵!D6' },
      { name: '下凹式绿地', volume: 120.5, source: '海绵!D7' },
      { name: '雨水花园', volume: null, source: '海绵!D8' },
    ]);
    expect(r.project.storage_provided).toMatchObject({ value: 420.5, source: '海绵!D9' });
    expect(r.project.storage_provided.interpretation).toContain('合计');
    expect(r.unread).toEqual([]);
  });

  it('a 调蓄设施 table without a volume column is reported as unread', async () => {
    const path = await xlsx('facilities-unread.xlsx', (wb) => {
      rows(wb.addWorksheet('海绵'), [
        ['年径流总量控制率', '80%'],
        [],
        ['设施名称', '数量', '规格'],
        ['雨水调蓄池', 1, '300m³'],
        ['下凹式绿地', 12, '100mm×1200㎡'],
      ]);
    });
    const r = await importWorkbook(path);
    expect(r.unread).toHaveLength(1);
    expect(r.unread![0]).toMatchObject({ sheet: '海绵', range: 'A3:C5', indicators: ['storage_provided', 'runoff_capture'] });
    expect(r.unread![0].reason).toContain('调蓄容积');
    expect(r.project.runoff_capture.value).toBe(80);
  });

  it('汇水分区 blocks: surfaces and storage per zone', async () => {
    const path = await xlsx('zones.xlsx', (wb) => {
      rows(wb.addWorksheet('海绵计算'), [
        ['年径流总量控制率', '75%'],
        ['设计降雨量（mm）', 22.2],
        [],
        ['汇水分区1'],
        ['下垫面', '面积（㎡）', '雨量径流系数'],
        ['屋面', 3000, 0.85],
        ['绿地', 2000, 0.15],
        ['调蓄设施', '调蓄容积(m³)'],
        ['下凹式绿地', 60],
        [],
        ['汇水分区2'],
        ['下垫面', '面积（㎡）', '雨量径流系数'],
        ['道路', 4000, 0.85],
        ['实际调蓄容积（m³）', 45],
        ['实际调蓄容积合计（m³）', 105],
      ]);
    });
    const r = await importWorkbook(path);
    expect(r.surfaces).toEqual([
      { name: '屋面', area: 3000, coefficient: 0.85, source: '海绵计算!A6', zone: '汇水分区1' },
      { name: '绿地', area: 2000, coefficient: 0.15, source: '海绵计算!A7', zone: '汇水分区1' },
      { name: '道路', area: 4000, coefficient: 0.85, source: '海绵计算!A13', zone: '汇水分区2' },
    ]);
    expect(r.facilities).toEqual([
      { name: '下凹式绿地', volume: 60, source: '海绵计算!B9', zone: '汇水分区1' },
      { name: '汇水分区2调蓄设施合计', volume: 45, source: '海绵计算!B14', zone: '汇水分区2' },
    ]);
    // zone storage is not a project figure (it is not pooled across zones); the site total is
    expect(r.project.storage_provided).toMatchObject({ value: 105, source: '海绵计算!B15' });
    expect(r.project.design_rainfall.value).toBe(22.2);
  });

  it('a zone table (one row per 汇水分区)', async () => {
    const path = await xlsx('zone-table.xlsx', (wb) => {
      rows(wb.addWorksheet('分区'), [
        ['汇水分区', '汇水面积（㎡）', '综合雨量径流系数', '实际调蓄容积（m³）'],
        ['A区', 12000, 0.52, 160],
        ['B区', 8000, 0.61, 90],
      ]);
    });
    const r = await importWorkbook(path);
    expect(r.surfaces.map((s) => [s.zone, s.area, s.coefficient])).toEqual([
      ['A区', 12000, 0.52],
      ['B区', 8000, 0.61],
    ]);
    expect(r.facilities!.map((f) => [f.zone, f.volume])).toEqual([
      ['A区', 160],
      ['B区', 90],
    ]);
    expect(r.project.storage_provided).toBeUndefined();
  });
});

describe('renewable line items', () => {
  it('several items of one kind are summed, each kept; the 合计 row is the total', async () => {
    const path = await xlsx('renewable.xlsx', (wb) => {
      rows(wb.addWorksheet('可再生能源'), [
        ['可再生能源利用量计算表'],
        ['系统', '年利用量（kWh/a）', '备注'],
        ['太阳能光伏', 286000, '1#~6#楼屋面'],
        ['太阳能热水', 412000, '5#、6#楼'],
        ['空气源热泵热水', 980000, '酒店'],
        ['地源热泵', 120000, '会所'],
        ['合计', 1798000, ''],
        [],
        ['建筑年总能耗（kWh/a）', 12420000],
      ]);
    });
    const r = await importWorkbook(path);
    const p = r.project;
    expect(p.re_pv_generation).toMatchObject({ value: 286000, source: '可再生能源!B3' });
    expect(p.re_solar_thermal.value).toBe(412000);
    expect(p.re_heat_pump).toMatchObject({ value: 1100000, source: '可再生能源!B5' });
    expect(p.re_heat_pump.parts).toEqual([
      { value: 980000, raw: '980000', source: '可再生能源!B5', label: '空气源热泵热水' },
      { value: 120000, raw: '120000', source: '可再生能源!B6', label: '地源热泵' },
    ]);
    expect(p.re_total).toMatchObject({ value: 1798000, source: '可再生能源!B7' });
    // the same items for the calculator (ImportResult.lineItems)
    expect(r.lineItems).toEqual([
      { indicator: 're_heat_pump', name: '空气源热泵热水', value: 980000, source: '可再生能源!B5' },
      { indicator: 're_heat_pump', name: '地源热泵', value: 120000, source: '可再生能源!B6' },
    ]);
    expect(p.energy_total.value).toBe(12420000);
    expect(p.re_heat_pump.conflicts).toBeUndefined();
  });

  it('system names outside a renewable block are not renewable quantities', async () => {
    const path = await xlsx('not-renewable.xlsx', (wb) => {
      rows(wb.addWorksheet('设备'), [['热泵', '是'], ['光伏', 260]]);
    });
    const r = await importWorkbook(path);
    expect(r.project.re_heat_pump).toBeUndefined();
    expect(r.project.re_pv_generation).toBeUndefined();
  });
});

describe('parcels and sole building', () => {
  it('one sheet per 地块: values per parcel, shared values stay with the project', async () => {
    const path = await xlsx('parcels.xlsx', (wb) => {
      rows(wb.addWorksheet('项目概况'), [['项目名称', '某新城两地块项目'], ['绿色建筑星级', '二星级']]);
      rows(wb.addWorksheet('08-03地块'), [['总用地面积', 20000], ['容积率', 2.0], ['绿地率', '35%']]);
      rows(wb.addWorksheet('08-04地块'), [['总用地面积', 15000], ['容积率', 2.6], ['绿地率', '30%']]);
    });
    const r = await importWorkbook(path);
    expect(r.parcels?.map((p) => [p.name, p.project.far.value, p.project.green_ratio.value])).toEqual([
      ['08-03地块', 2, 35],
      ['08-04地块', 2.6, 30],
    ]);
    expect(r.project.far).toBeUndefined();
    expect(r.project.green_building_star.value).toBe(2);
    // different values of different parcels are not conflicts
    expect(r.parcels![0].project.far.conflicts).toBeUndefined();
    expect(r.issues.some((i) => i.message.includes('2 个地块'))).toBe(true);
  });

  it('blocks per 地块编号 on one sheet, and a sideways table per parcel', async () => {
    const path = await xlsx('parcel-blocks.xlsx', (wb) => {
      rows(wb.addWorksheet('指标'), [
        ['地块编号', 'A-01'],
        ['容积率', 1.8],
        [],
        ['地块编号', 'A-02'],
        ['容积率', 2.4],
      ]);
      rows(wb.addWorksheet('汇总'), [
        ['指标', 'A-01地块', 'A-02地块'],
        ['绿地率', '35%', '31%'],
      ]);
    });
    const r = await importWorkbook(path);
    expect(r.parcels?.map((p) => [p.name, p.project.far.value, p.project.green_ratio.value])).toEqual([
      ['A-01', 1.8, 35],
      ['A-02', 2.4, 31],
    ]);
  });

  it('one parcel named in a title is not "several parcels"', async () => {
    const path = await xlsx('one-parcel.xlsx', (wb) => {
      rows(wb.addWorksheet('指标'), [['嘉定新城JDC10501单元05-02地块 主要技术经济指标'], ['容积率', 2.0]]);
    });
    const r = await importWorkbook(path);
    expect(r.parcels).toBeUndefined();
    expect(r.project.far.value).toBe(2);
  });

  it('calculation sheets titled for 2#楼: the sole building', async () => {
    const path = await xlsx('sole.xlsx', (wb) => {
      rows(wb.addWorksheet('装配率计算'), [
        ['2#楼 装配率计算书'],
        ['评价项', '比例', '得分'],
        ['竖向构件', '45%', 23.6],
        ['装配率', '58%'],
      ]);
      rows(wb.addWorksheet('绿建'), [['单体名称：2#楼'], ['绿色建筑星级', '一星级']]);
    });
    const r = await importWorkbook(path);
    expect(r.buildings.map((b) => b.name)).toEqual(['2#楼']);
    expect(r.soleBuilding).toBe('2#楼');
    expect(r.buildings[0].values.assembly_ratio.value).toBe(58);
    expect(r.buildings[0].values.green_building_star.value).toBe(1);
  });

  it('a workbook that mentions other buildings has no sole building', async () => {
    const path = await xlsx('not-sole.xlsx', (wb) => {
      rows(wb.addWorksheet('装配率'), [['2#楼 装配率计算书'], ['装配率', '58%'], ['注：1#、3#楼见另册']]);
    });
    const r = await importWorkbook(path);
    expect(r.buildings.map((b) => b.name)).toEqual(['2#楼']);
    expect(r.soleBuilding).toBeUndefined();
  });
});
