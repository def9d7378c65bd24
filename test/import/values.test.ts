import { describe, expect, it } from 'vitest';
import { importWorkbook } from '../../shared/import/index';
import { chineseNumber, parseStar } from '../../shared/import/values';
import { normaliseLabel, matchLabel } from '../../shared/import/labels';
import { rows, xlsx } from './helpers';

describe('cell values', () => {
  it('formulas, percent formats, notations, placeholders and ranges', async () => {
    const path = await xlsx('values.xlsx', (wb) => {
      const ws = wb.addWorksheet('指标');
      rows(ws, [
        ['建筑面积', 1000],
        ['绿地面积', 300],
        ['绿地率', { formula: 'B2/B1', result: 0.3 }],
        ['透水铺装率', { formula: 'B2-B2', result: 0 }],
        ['下沉式绿地率', { formula: 'B2*2' }],
        ['容积率', 0.6645],
        ['建筑密度', '百分之二十八'],
        ['可再生能源替代率', ' 12.5 % '],
        ['智能建造', '√'],
        ['零碳建筑示范', '不采用'],
        ['光储直柔', true],
        ['绿色建筑星级', '★★'],
        ['屋顶光伏覆盖率', '详见光伏专篇'],
        ['SS去除率', '（住宅建筑填写）'],
        ['建筑高度', '１２０'],
        ['节能率', 'N/A'],
        ['年径流总量控制率', '≥75%'],
        ['非传统水源利用率', '分体空调＞12%多联机＞16%'],
        ['单位建筑面积年碳排放量', 650],
        ['总用地面积', '1.2公顷'],
        ['光伏年发电量', '3.5万kWh'],
        ['建筑年总能耗', { richText: [{ text: '20' }, { text: ' MWh' }] }],
        ['项目名称', { text: '示例项目', hyperlink: 'https://example.com' }],
      ]);
      ws.getCell('B3').numFmt = '0.0%';
      ws.getCell('B4').numFmt = '0%';
      ws.getCell('B6').numFmt = '0.00%';
    });
    const r = await importWorkbook(path);
    const p = r.project;
    expect(p.green_ratio).toMatchObject({ value: 30, status: 'ok', raw: '30.0%' });
    expect(p.green_ratio.interpretation).toBe('公式 =B2/B1 的缓存结果 0.3（百分比格式） → 30%');
    expect(p.permeable_paving_ratio).toMatchObject({ value: 0, status: 'ok', raw: '0%' });
    expect(p.sunken_green_ratio).toMatchObject({ value: null, status: 'invalid' });
    expect(p.sunken_green_ratio.interpretation).toContain('没有缓存的计算结果');
    expect(r.issues.some((i) => i.source === '指标!B5')).toBe(true);
    expect(p.far).toMatchObject({ value: null, status: 'invalid', raw: '66.45%' });
    expect(r.issues.find((i) => i.source === '指标!B6')?.message).toContain('容积率 66.45% 不是合理的容积率');
    expect(p.building_density).toMatchObject({ value: 28, status: 'ok' });
    expect(p.renewable_substitution).toMatchObject({ value: 12.5, status: 'ok', unitRaw: '%' });
    expect(p.smart_construction.value).toBe(true);
    expect(p.zero_carbon_demo.value).toBe(false);
    expect(p.pedf_demo).toMatchObject({ value: true, raw: 'TRUE' });
    expect(p.green_building_star.value).toBe(2);
    expect(p.pv_roof_coverage).toMatchObject({ value: null, status: 'placeholder' });
    expect(p.ss_removal).toMatchObject({ value: null, status: 'placeholder' });
    expect(p.building_height).toMatchObject({ value: 120, status: 'ok' });
    expect(p.energy_saving_rate.status).toBe('placeholder');
    // "≥75%" declared: 75, and says it is only a lower bound.
    expect(p.runoff_capture).toMatchObject({ value: 75, status: 'ok', bound: 'atLeast' });
    expect(p.runoff_capture.interpretation).toContain('下限');
    expect(p.nontraditional_water_ratio).toMatchObject({ value: null, status: 'invalid', raw: '分体空调＞12%多联机＞16%' });
    expect(p.carbon_intensity).toMatchObject({ value: 650, status: 'invalid' });
    expect(r.issues.some((i) => i.source === '指标!B19' && i.message.includes('合理范围'))).toBe(true);
    expect(p.site_area).toMatchObject({ value: 12000, status: 'ok' });
    expect(p.re_pv_generation).toMatchObject({ value: 35000, status: 'ok' });
    expect(p.energy_total).toMatchObject({ value: 20000, status: 'ok' });
    expect(p.project_name.value).toBe('示例项目');
    expect(r.project.gross_floor_area.labelSource).toBe('指标!A1');
  });

  it('duplicates and ambiguous labels are reported with both cells; several sheets are read', async () => {
    const path = await xlsx('dups.xlsx', (wb) => {
      rows(wb.addWorksheet('概况'), [['总用地面积', 10000], ['装配率', '60%']]);
      rows(wb.addWorksheet('附表'), [['用地面积(㎡)', 12000], ['装 配 率：', '60%']]);
    });
    const r = await importWorkbook(path);
    expect(r.sheets).toEqual(['概况', '附表']);
    expect(r.project.site_area).toMatchObject({ value: 10000, source: '概况!B1' });
    const dup = r.issues.find((i) => i.indicator === 'site_area')!;
    expect(dup.message).toContain('概况!B1');
    expect(dup.message).toContain('附表!B1');
    expect(dup.message).toContain('需复核');
    // The differing reading is data, not only a warning.
    expect(r.project.site_area.conflicts).toEqual([{ value: 12000, raw: '12000', source: '附表!B1', label: '用地面积(㎡)', status: 'ok' }]);
    // Same value twice: no warning.
    expect(r.issues.some((i) => i.indicator === 'assembly_ratio')).toBe(false);
  });
});

describe('notations', () => {
  it('labels: numbering, spaces, colons, full-width brackets, units', () => {
    expect(normaliseLabel('（3）装 配 率（%）：')).toEqual({ key: '装配率', unitRaw: '%' });
    expect(normaliseLabel('1、总建筑面积(㎡)').unitRaw).toBe('㎡');
    expect(normaliseLabel('3.2 建筑密度').key).toBe('建筑密度');
    expect(normaliseLabel('①绿地率').key).toBe('绿地率');
    expect(matchLabel('本项目装配率')?.ids).toEqual(['assembly_ratio']);
    expect(matchLabel('建筑面积（地上）')?.ids).toEqual(['above_ground_area']);
    expect(matchLabel('备注')).toBeNull();
  });
  it('stars and Chinese numbers', () => {
    expect(['基本级', '一星', '二星级', '绿色建筑二星', '2星级', '2星', '三星级', '★★★', '☆'].map(parseStar)).toEqual([0, 1, 2, 2, 2, 2, 3, 3, 1]);
    expect(chineseNumber('六十')).toBe(60);
    expect(chineseNumber('六十五点五')).toBe(65.5);
  });

  it('text pasted from a PDF or a web page: zero-width spaces, soft hyphens and a BOM show nothing and change nothing', async () => {
    expect(matchLabel('绿\u200b地率')?.ids).toEqual(['green_ratio']);
    expect(matchLabel('\ufeff容积\u00ad率')?.ids).toEqual(['far']);
    const path = await xlsx('zero-width.xlsx', (wb) => {
      rows(wb.addWorksheet('指标'), [['指标名称', '设计值'], ['绿\u200b地率', '36.5\u200b%'], ['容\u2060积率', '2.\u200d48']]);
    });
    const r = await importWorkbook(path);
    expect(r.project.green_ratio).toMatchObject({ value: 36.5, status: 'ok' });
    expect(r.project.far).toMatchObject({ value: 2.48, status: 'ok' });
  });

  it('a count unit (份, 张, 个) is never the unit of a height, an area or a ratio: the reading is not usable', async () => {
    const path = await xlsx('count-units.xlsx', (wb) => {
      rows(wb.addWorksheet('指标'), [['项目', '数值', '单位'], ['建筑高度', 2, '张'], ['总建筑面积', 3, '份'], ['绿地率', 36.5, '%']]);
    });
    const r = await importWorkbook(path);
    expect(r.project.building_height?.status).toBe('invalid');
    expect(r.project.gross_floor_area?.status).toBe('invalid');
    expect(r.project.green_ratio).toMatchObject({ value: 36.5, status: 'ok' });
    expect(matchLabel('建筑高度计算简图')).toBeNull();
  });

  it('a 备注 that includes or leaves out a part is kept with the value like a note in brackets; a remark that only describes the design or states the requirement is not', async () => {
    for (const [i, head] of [['序号', '指标', '单位', '数值', '备注'], ['项目', '设计值', '备注']].entries()) {
      const path = await xlsx(`row-remarks-${i}.xlsx`, (wb) => {
        const body = [
          ['容积率', 2.45, '地下商业6000㎡未计入（规划要求计入）'],
          ['绿地率', '36%', '含屋顶绿化2100㎡'],
          ['建筑密度', '28%', '增加雨水调蓄池后调整'],
          ['建筑高度', 79.8, '规划条件≤80'],
        ];
        rows(wb.addWorksheet('指标'), [head, ...body.map((b, k) => (head.length === 5 ? [k + 1, b[0], '', b[1], b[2]] : b))]);
      });
      const r = await importWorkbook(path);
      expect(r.project.far?.remark, `layout ${i}`).toContain('未计入');
      expect(r.project.green_ratio?.remark, `layout ${i}`).toBe('含屋顶绿化2100㎡');
      expect(r.project.building_density?.remark, `layout ${i}`).toBeUndefined();
      expect(r.project.building_height?.remark, `layout ${i}`).toBeUndefined();
    }
  });

  it('a number below 1 under a “%” unit (0.305 | %) is asked, not read as 0.305 %; 30.5 | % is 30.5 %', async () => {
    for (const [i, data] of [
      [['项目', '数值', '单位'], ['绿地率', 0.305, '%'], ['建筑密度', 28.5, '%']],
      [['指标', '设计值（%）'], ['绿地率', 0.305], ['建筑密度', 28.5]],
    ].entries()) {
      const path = await xlsx(`fraction-pct-${i}.xlsx`, (wb) => rows(wb.addWorksheet('指标'), data as unknown[][]));
      const r = await importWorkbook(path);
      expect(r.project.green_ratio, `layout ${i}`).toMatchObject({ status: 'ambiguous' });
      expect(r.project.building_density, `layout ${i}`).toMatchObject({ value: 28.5, status: 'ok' });
    }
  });

  it('a range of heights (49.8~53.9m) passes only when its whole span meets the limit; a range of any other indicator is no reading', async () => {
    for (const [i, data] of [
      [['项目', '数值'], ['建筑高度', '49.8~53.9m'], ['绿地率', '30~35%']],
      [['序号', '指标', '单位', '设计值'], [1, '建筑高度', 'm', '49.8－53.9'], [2, '绿地率', '%', '30-35']],
    ].entries()) {
      const path = await xlsx(`ranges-${i}.xlsx`, (wb) => rows(wb.addWorksheet('指标'), data as unknown[][]));
      const r = await importWorkbook(path);
      expect(r.project.building_height, `layout ${i}`).toMatchObject({ value: 53.9, low: 49.8, bound: 'range', status: 'ok' });
      // the whole span meets 不高于54 m: pass; 不高于52 m: part of it does not — review, never a pass
      const { evaluate } = await import('../../shared/check/engine');
      const doc = (value: number) => ({ format: 'landcheck.conditions/v1' as const, conditions: [{ id: 'H1', indicator: 'building_height', op: '<=' as const, value }] });
      expect(evaluate(r, doc(54))[0]).toMatchObject({ verdict: 'pass' });
      expect(evaluate(r, doc(52))[0]).toMatchObject({ verdict: 'review', basis: 'declared-bound' });
      expect(evaluate(r, doc(45))[0]).toMatchObject({ verdict: 'fail', basis: 'declared-bound' });
      expect(r.project.green_ratio?.status, `layout ${i}`).not.toBe('ok');
    }
  });

  it('a reduction is not the quantity (碳排放强度降低值); kgCO2/m² has no time base and is not kgCO₂/(m²·a)', async () => {
    expect(matchLabel('碳排放强度降低值')).toBeNull();
    const path = await xlsx('carbon-per-m2.xlsx', (wb) => rows(wb.addWorksheet('碳排放'), [['项目', '数值', '单位'], ['单位建筑面积碳排放量', 21.3, 'kgCO2/m²']]));
    const r = await importWorkbook(path);
    const v = Object.values(r.project).find((x) => x.raw === '21.3');
    expect(v?.status).toBe('invalid');
  });

  it('a comment (批注) on the value that says it is provisional is kept as its remark; a comment that only says where it comes from is not', async () => {
    const path = await xlsx('cell-comment.xlsx', (wb) => {
      const ws = wb.addWorksheet('主要技术经济指标');
      rows(ws, [['项目', '数值'], ['总用地面积（㎡）', 42000], ['容积率', 2.48], ['绿地率', '36.5%']]);
      ws.getCell('B4').note = '景观专业尚未复核，暂按方案数据填写';
      ws.getCell('B3').note = '数据来源：总平面图';
    });
    const r = await importWorkbook(path);
    expect(r.project.green_ratio?.remark).toBe('景观专业尚未复核，暂按方案数据填写');
    expect(r.project.far?.remark).toBeUndefined();
  });
});

