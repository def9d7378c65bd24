// Workbook hygiene: hidden stale copies, labels merged over two rows, error cells, bracketed
// notes, bounds and approximations, bilingual labels, duplicates that disagree, label splits, and
// what was not read (coverage, unread blocks).
import { describe, expect, it } from 'vitest';
import { importWorkbook, importWorkbookBuffer, readWorkbookCell } from '../../shared/import/index';
import { rows, xlsx } from './helpers';
import { readFileSync } from 'node:fs';

describe('hidden sheets', () => {
  for (const state of ['hidden', 'veryHidden'] as const) {
    it(`a ${state} stale copy is not read and is reported`, async () => {
      const path = await xlsx(`hidden-${state}.xlsx`, (wb) => {
        const old = wb.addWorksheet('指标（旧版）');
        rows(old, [['容积率', 2.6], ['绿地率', '28%'], ['装配率', '40%']]);
        old.state = state;
        rows(wb.addWorksheet('指标'), [['容积率', 2.1], ['绿地率', '35%']]);
      });
      const r = await importWorkbook(path);
      expect(r.project.far).toMatchObject({ value: 2.1, source: '指标!B1' });
      expect(r.project.far.conflicts).toBeUndefined();
      expect(r.project.assembly_ratio).toBeUndefined();
      expect(r.coverage).toEqual([
        { sheet: '指标（旧版）', state, cells: 6, used: 0, unusedLabels: [] },
        { sheet: '指标', state: 'visible', cells: 4, used: 4, unusedLabels: [] },
      ]);
      expect(r.issues.find((i) => i.source === '指标（旧版）!A1')?.message).toContain('隐藏');
    });
  }
});

describe('labels merged over two rows', () => {
  it('建筑面积 over 地上/地下 and 超低能耗建筑 over 面积占比 are joined with their sub-labels', async () => {
    const path = await xlsx('merged-labels.xlsx', (wb) => {
      const ws = wb.addWorksheet('指标');
      rows(ws, [
        ['指标名称', undefined, '设计值', '单位'],
        ['总建筑面积', undefined, 48000, '㎡'],
        ['建筑面积', '地上', 36000, '㎡'],
        [undefined, '地下', 12000, '㎡'],
        ['超低能耗建筑', '面积', 30000, '㎡'],
        [undefined, '面积占比', '62.5%', ''],
        ['建筑面积', '其中：人防', 3000, '㎡'],
      ]);
      ws.mergeCells('A1:B1');
      ws.mergeCells('A2:B2');
      ws.mergeCells('A3:A4');
      ws.mergeCells('A5:A6');
    });
    const r = await importWorkbook(path);
    const p = r.project;
    expect(p.gross_floor_area).toMatchObject({ value: 48000, source: '指标!C2' });
    expect(p.above_ground_area).toMatchObject({ value: 36000, source: '指标!C3', label: '地上建筑面积', labelSource: '指标!B3' });
    expect(p.below_ground_area).toMatchObject({ value: 12000, source: '指标!C4' });
    expect(p.ultra_low_energy_ratio).toMatchObject({ value: 62.5, source: '指标!C6' });
    // "其中：人防" under 建筑面积 is not the building area
    expect(p.gross_floor_area.conflicts).toBeUndefined();
  });

  it('the same in a key/value list without a header', async () => {
    const path = await xlsx('merged-kv.xlsx', (wb) => {
      const ws = wb.addWorksheet('概况');
      rows(ws, [
        ['建筑面积', '地上', 36000],
        [undefined, '地下', 12000],
      ]);
      ws.mergeCells('A1:A2');
    });
    const r = await importWorkbook(path);
    expect(r.project.above_ground_area).toMatchObject({ value: 36000, source: '概况!C1' });
    expect(r.project.below_ground_area).toMatchObject({ value: 12000, source: '概况!C2' });
    expect(r.project.gross_floor_area).toBeUndefined();
  });
});

describe('cell notations', () => {
  it('error cells are no value and name the error', async () => {
    const path = await xlsx('errors.xlsx', (wb) => {
      rows(wb.addWorksheet('指标'), [
        ['绿地率', { formula: 'B5/B6', result: { error: '#DIV/0!' } }],
        ['容积率', { error: '#REF!' }],
        ['装配率', '#N/A'],
        ['建筑密度', { formula: 'B5/B6', result: { error: '#VALUE!' } }],
      ]);
    });
    const r = await importWorkbook(path);
    const p = r.project;
    expect(p.green_ratio).toMatchObject({ value: null, status: 'invalid', source: '指标!B1' });
    expect(p.green_ratio.interpretation).toContain('#DIV/0!（除数为零）');
    expect(p.far.interpretation).toContain('#REF!');
    expect(p.assembly_ratio).toMatchObject({ value: null, status: 'invalid' });
    expect(p.assembly_ratio.interpretation).toContain('#N/A');
    expect(p.building_density.interpretation).toContain('#VALUE!');
    expect(r.issues.filter((i) => i.message.includes('错误值'))).toHaveLength(4);
  });

  it('bracketed notes become remarks; bounds and 约 are read with what they mean', async () => {
    const path = await xlsx('notes-bounds.xlsx', (wb) => {
      rows(wb.addWorksheet('指标'), [
        ['绿色建筑星级', '二星级（预评价）'],
        ['装配率', '61.5%（按沪建建材〔2019〕765号）'],
        ['绿地率', '35.2%(含屋顶绿化折算)'],
        ['年径流总量控制率', '不低于80%'],
        ['建筑密度', '≤30%'],
        ['总建筑面积', '约4.8万㎡'],
        ['可再生能源替代率', '12%以上'],
        ['全装修', '是（全部住宅）'],
      ]);
    });
    const r = await importWorkbook(path);
    const p = r.project;
    expect(p.green_building_star).toMatchObject({ value: 2, status: 'ok', remark: '预评价' });
    expect(p.assembly_ratio).toMatchObject({ value: 61.5, status: 'ok', remark: '按沪建建材〔2019〕765号' });
    expect(p.green_ratio).toMatchObject({ value: 35.2, remark: '含屋顶绿化折算' });
    expect(p.runoff_capture).toMatchObject({ value: 80, status: 'ok', bound: 'atLeast' });
    expect(p.building_density).toMatchObject({ value: 30, status: 'ok', bound: 'atMost' });
    expect(p.gross_floor_area).toMatchObject({ value: 48000, status: 'ok', bound: 'about' });
    expect(p.renewable_substitution).toMatchObject({ value: 12, bound: 'atLeast' });
    expect(p.full_fitout).toMatchObject({ value: true, remark: '全部住宅' });
  });

  it('bilingual labels', async () => {
    const path = await xlsx('bilingual.xlsx', (wb) => {
      rows(wb.addWorksheet('Indicators'), [
        ['Green Ratio 绿地率', '35%'],
        ['容积率 Floor Area Ratio', 2.1],
        ['Site Area（总用地面积）', 20000],
        ['建筑密度/Building Coverage (%)', 28],
        ['FAR', 2.5],
      ]);
    });
    const r = await importWorkbook(path);
    const p = r.project;
    expect(p.green_ratio).toMatchObject({ value: 35, source: 'Indicators!B1' });
    expect(p.far).toMatchObject({ value: 2.1, source: 'Indicators!B2' });
    expect(p.site_area.value).toBe(20000);
    expect(p.building_density).toMatchObject({ value: 28, unitRaw: '%' });
  });
});

describe('duplicates', () => {
  it('two different values of one indicator in one scope: the first stays, the other is a conflict', async () => {
    const path = await xlsx('conflict.xlsx', (wb) => {
      rows(wb.addWorksheet('经济技术指标'), [['容积率', 2.0], ['绿地率', '35%']]);
      rows(wb.addWorksheet('总平面'), [['容积率', 2.3], ['绿地率', '35.0%']]);
      rows(wb.addWorksheet('单体'), [
        ['楼号', '装配率'],
        ['1#楼', '60%'],
      ]);
      rows(wb.addWorksheet('1#楼装配率'), [['装配率', '55%']]);
    });
    const r = await importWorkbook(path);
    expect(r.project.far).toMatchObject({ value: 2, source: '经济技术指标!B1', conflicts: [{ value: 2.3, raw: '2.3', source: '总平面!B1', label: '容积率', status: 'ok' }] });
    // equal within tolerance: one figure
    expect(r.project.green_ratio.conflicts).toBeUndefined();
    expect(r.buildings[0].values.assembly_ratio.conflicts).toEqual([{ value: 55, raw: '55%', source: '1#楼装配率!B1', label: '装配率', status: 'ok' }]);
    expect(r.issues.filter((i) => i.message.includes('需复核'))).toHaveLength(2);
  });

  it('values of different buildings or of the project and a building are no conflict', async () => {
    const path = await xlsx('no-conflict.xlsx', (wb) => {
      rows(wb.addWorksheet('概况'), [['装配率', '58%']]);
      rows(wb.addWorksheet('单体'), [
        ['楼号', '装配率'],
        ['1#楼', '60%'],
        ['2#楼', '52%'],
      ]);
    });
    const r = await importWorkbook(path);
    expect(r.project.assembly_ratio.conflicts).toBeUndefined();
    expect(r.buildings.map((b) => b.values.assembly_ratio.value)).toEqual([60, 52]);
  });
});

describe('label splits', () => {
  it('绿化率 is not 绿地率: read as its own indicator, and 绿地率 only as an ambiguous stand-in', async () => {
    const path = await xlsx('greening.xlsx', (wb) => {
      rows(wb.addWorksheet('指标'), [['绿化率', '42%']]);
    });
    const r = await importWorkbook(path);
    expect(r.project.greening_ratio).toMatchObject({ value: 42, status: 'ok' });
    expect(r.project.green_ratio).toMatchObject({ value: 42, status: 'ambiguous', source: '指标!B1' });
    expect(r.project.green_ratio.interpretation).toContain('绿化率');
  });

  it('绿地率 and 绿化率 both present: each its own value, no conflict', async () => {
    const path = await xlsx('green-both.xlsx', (wb) => {
      rows(wb.addWorksheet('指标'), [['绿地率', '35%'], ['绿化覆盖率', '46%']]);
    });
    const r = await importWorkbook(path);
    expect(r.project.green_ratio).toMatchObject({ value: 35, status: 'ok' });
    expect(r.project.greening_ratio).toMatchObject({ value: 46, status: 'ok' });
  });

  it('可再生能源利用率, 年径流污染控制率 and the 节能率 family are separate indicators', async () => {
    const path = await xlsx('splits.xlsx', (wb) => {
      rows(wb.addWorksheet('指标'), [
        ['可再生能源利用率', '14%'],
        ['可再生能源利用替代率', '9%'],
        ['年径流污染控制率', '55%'],
        ['SS去除率', '60%'],
        ['建筑综合节能率', '52%'],
        ['建筑本体节能率', '26%'],
        ['建筑节能率', '65%'],
      ]);
    });
    const r = await importWorkbook(path);
    const p = r.project;
    expect(p.renewable_utilization.value).toBe(14);
    expect(p.renewable_substitution).toMatchObject({ value: 9, status: 'ok', source: '指标!B2' });
    expect(p.runoff_pollution_control.value).toBe(55);
    expect(p.ss_removal).toMatchObject({ value: 60, status: 'ok' });
    expect(p.comprehensive_energy_saving_rate.value).toBe(52);
    expect(p.intrinsic_energy_saving_rate.value).toBe(26);
    expect(p.building_energy_saving_rate.value).toBe(65);
    // no 节能率 in the sheet: the first of its look-alikes stands in, marked ambiguous
    expect(p.energy_saving_rate.status).toBe('ambiguous');
  });
});

describe('what was not read', () => {
  it('a score table whose value columns cannot be told apart → ambiguous values and an unread block', async () => {
    const path = await xlsx('score-unknown.xlsx', (wb) => {
      rows(wb.addWorksheet('绿建'), [
        ['绿色建筑评分'],
        ['指标类别', '2024版', '2025版'],
        ['安全耐久', 60, 62],
        ['健康舒适', 58, 58],
      ]);
    });
    const r = await importWorkbook(path);
    expect(r.project.gb_score_safety).toMatchObject({ value: 60, status: 'ambiguous' });
    expect(r.project.gb_score_health).toMatchObject({ value: 58, status: 'ok' });
    expect(r.unread).toEqual([
      expect.objectContaining({ sheet: '绿建', range: 'A2:C4', title: '绿色建筑评分', indicators: ['gb_score_safety', 'gb_score_health'] }),
    ]);
  });

  it('a per-building table whose columns are not recognisable names → unread with building_name', async () => {
    const path = await xlsx('buildings-unknown.xlsx', (wb) => {
      rows(wb.addWorksheet('单体'), [
        ['指标', '住宅甲', '住宅乙'],
        ['建筑面积', 12000, 9000],
        ['装配率', '60%', '45%'],
      ]);
    });
    const r = await importWorkbook(path);
    expect(r.unread?.[0]?.indicators).toContain('building_name');
    expect(r.buildings).toEqual([]);
  });

  it('a block of numbers under a 调蓄 title that no reader understands', async () => {
    const path = await xlsx('unread-block.xlsx', (wb) => {
      rows(wb.addWorksheet('海绵'), [
        ['年径流总量控制率', '80%'],
        [],
        ['调蓄计算'],
        ['1', 'V1', 120, 0.3],
        ['2', 'V2', 80, 0.25],
      ]);
    });
    const r = await importWorkbook(path);
    expect(r.unread).toEqual([expect.objectContaining({ sheet: '海绵', range: 'A4:D5', title: '调蓄计算', indicators: expect.arrayContaining(['storage_provided', 'runoff_capture']) })]);
    expect(r.issues.some((i) => i.source === '海绵!A4' && i.message.includes('未能读取'))).toBe(true);
  });

  it('coverage counts used cells and lists labels recognised but not used', async () => {
    const path = await xlsx('coverage.xlsx', (wb) => {
      rows(wb.addWorksheet('指标'), [
        ['指标名称', '规划要求', '设计值', '备注'],
        ['容积率', '≤2.0', 1.95, ''],
        ['装配率', '≥40%', '', '见专篇'],
      ]);
    });
    const r = await importWorkbook(path);
    const c = r.coverage![0];
    expect(c).toMatchObject({ sheet: '指标', state: 'visible', cells: 10 });
    expect(c.used).toBeGreaterThanOrEqual(7);
    expect(c.used).toBeLessThan(c.cells);
    expect(c.unusedLabels).toEqual([{ source: '指标!A3', label: '装配率', indicator: 'assembly_ratio', reason: expect.stringContaining('没有设计值') }]);
  });
});

describe('a user correction still reads one cell', () => {
  it('readWorkbookCell reads a cell as an indicator, hidden sheets included', async () => {
    const path = await xlsx('correction.xlsx', (wb) => {
      const ws = wb.addWorksheet('隐藏');
      rows(ws, [['x', '62%']]);
      ws.state = 'hidden';
    });
    const buf = readFileSync(path);
    const v = await readWorkbookCell(buf, 'correction.xlsx', '隐藏!B1', 'assembly_ratio');
    expect(v).toMatchObject({ value: 62, status: 'ok', source: '隐藏!B1' });
    const r = await importWorkbookBuffer(buf, 'correction.xlsx');
    expect(r.project.assembly_ratio).toBeUndefined();
  });
});
