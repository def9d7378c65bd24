// The table model: values only from the column (or row) whose header means "what this project
// declares" — never from 满分, 规划条件, 备注, 修改前, 是否满足 or 计算说明, whatever their position.
import { describe, expect, it } from 'vitest';
import { importWorkbook } from '../../shared/import/index';
import { rows, xlsx } from './helpers';

describe('column roles', () => {
  it('GB/T 50378 score table with 满分 before 自评得分: scores come from 自评得分', async () => {
    const path = await xlsx('score-max-first.xlsx', (wb) => {
      rows(wb.addWorksheet('绿色建筑'), [
        ['绿色建筑自评估表'],
        ['指标类别', '评分项满分值', '自评得分', '备注'],
        ['安全耐久', 100, 62, '详见第4章'],
        ['健康舒适', 100, 58, ''],
        ['生活便利', 70, 41, '预评价满分70'],
        ['资源节约', 200, 121, ''],
        ['环境宜居', 100, 64, ''],
        ['提高与创新加分项', 100, 10, '可得100分'],
        ['总得分', 107, 73.6, ''],
      ]);
    });
    const r = await importWorkbook(path);
    const p = r.project;
    expect(p.gb_score_safety).toMatchObject({ value: 62, source: '绿色建筑!C3', roleSource: '绿色建筑!C2', labelSource: '绿色建筑!A3' });
    expect(p.gb_score_convenience.value).toBe(41);
    expect(p.gb_score_resource.value).toBe(121);
    expect(p.gb_score_bonus.value).toBe(10);
    expect(p.gb_total_score).toMatchObject({ value: 73.6, source: '绿色建筑!C9' });
    // a note column with a number is never a score
    expect(Object.values(p).some((v) => v.source.startsWith('绿色建筑!D'))).toBe(false);
    expect(Object.values(p).some((v) => v.source.startsWith('绿色建筑!B'))).toBe(false);
  });

  it('the same table with 自评得分 first and 满分 after reads the same scores', async () => {
    const path = await xlsx('score-claim-first.xlsx', (wb) => {
      rows(wb.addWorksheet('绿建'), [
        ['评价指标', '得分', '满分', '最低得分（30%）'],
        ['安全耐久', 62, 100, 30],
        ['生活便利', 41, 70, 21],
      ]);
    });
    const r = await importWorkbook(path);
    expect(r.project.gb_score_safety).toMatchObject({ value: 62, roleSource: '绿建!B1', requirement: { text: '30', source: '绿建!D2' } });
    expect(r.project.gb_score_convenience.value).toBe(41);
  });

  it('规划条件 column before 设计值: the design value is read, the condition kept as a requirement', async () => {
    const path = await xlsx('plan-first.xlsx', (wb) => {
      rows(wb.addWorksheet('技术经济指标'), [
        ['序号', '项目', '单位', '规划条件', '设计值', '备注'],
        [1, '总用地面积', '㎡', 20000, 20000, ''],
        [2, '容积率', '', '≤2.2', 2.35, '超出'],
        [3, '绿地率', '%', '≥35%', '33.5%', ''],
        [4, '年径流总量控制率', '%', '≥80%', 75, '海绵专篇'],
        [5, '建筑密度', '%', '≤30', 28, '见总图'],
      ]);
    });
    const r = await importWorkbook(path);
    const p = r.project;
    expect(p.far).toMatchObject({ value: 2.35, source: '技术经济指标!E3', roleSource: '技术经济指标!E1', requirement: { text: '≤2.2', source: '技术经济指标!D3' } });
    expect(p.green_ratio).toMatchObject({ value: 33.5, status: 'ok', requirement: { text: '≥35%' } });
    expect(p.runoff_capture).toMatchObject({ value: 75, status: 'ok', unitRaw: '%' });
    expect(p.building_density).toMatchObject({ value: 28, source: '技术经济指标!E6' });
    expect(p.site_area.value).toBe(20000);
  });

  it('a 备注 column full of numbers is never read; 计算说明 and 是否满足 neither', async () => {
    const path = await xlsx('notes.xlsx', (wb) => {
      rows(wb.addWorksheet('指标'), [
        ['指标名称', '计算说明', '数值', '是否满足', '备注'],
        ['绿地率', '(8)÷(9)', '36.2%', '满足', 35],
        ['容积率', '(3)÷(1)', 1.98, '是', 2.0],
        ['装配率', '按765号文', '', '满足', 50],
      ]);
    });
    const r = await importWorkbook(path);
    expect(r.project.green_ratio).toMatchObject({ value: 36.2, source: '指标!C2' });
    expect(r.project.far).toMatchObject({ value: 1.98, source: '指标!C3' });
    // 装配率 has no design value: nothing is read, the label is listed as recognised but not used
    expect(r.project.assembly_ratio).toBeUndefined();
    const cov = r.coverage!.find((c) => c.sheet === '指标')!;
    expect(cov.unusedLabels.find((u) => u.indicator === 'assembly_ratio')?.reason).toContain('没有设计值');
  });

  it('修改前 / 修改后 columns: the revised value counts', async () => {
    const path = await xlsx('revised.xlsx', (wb) => {
      rows(wb.addWorksheet('调整'), [
        ['指标', '修改前', '修改后', '变化原因'],
        ['总建筑面积（㎡）', 52000, 49800, '取消地下二层'],
        ['容积率', 2.3, 2.18, ''],
        ['绿地率', '30%', '35.2%', ''],
      ]);
    });
    const r = await importWorkbook(path);
    expect(r.project.gross_floor_area).toMatchObject({ value: 49800, source: '调整!C2', roleSource: '调整!C1' });
    expect(r.project.far.value).toBe(2.18);
    expect(r.project.green_ratio.value).toBe(35.2);
    expect(r.project.far.conflicts).toBeUndefined();
  });

  it('现状 / 拆除 / 新建 / 改扩建后: the after-state is the project value', async () => {
    const path = await xlsx('extension.xlsx', (wb) => {
      rows(wb.addWorksheet('改扩建'), [
        ['项目', '单位', '现状', '拆除', '新建', '改扩建后'],
        ['总建筑面积', '㎡', 30000, 5000, 22000, 47000],
        ['绿地率', '%', 20, '', '', 31],
        ['地上建筑面积', '㎡', 26000, 5000, 16000, 37000],
      ]);
    });
    const r = await importWorkbook(path);
    expect(r.project.gross_floor_area).toMatchObject({ value: 47000, source: '改扩建!F2', roleSource: '改扩建!F1' });
    expect(r.project.green_ratio.value).toBe(31);
    expect(r.project.above_ground_area.value).toBe(37000);
  });

  it('a key/value row with two values and no header that says which: ambiguous, not guessed', async () => {
    const path = await xlsx('two-values.xlsx', (wb) => {
      rows(wb.addWorksheet('概况'), [
        ['容积率', 2.1, 2.2],
        ['绿地率', '≥35%', '36%'],
        ['建筑密度', '28%', '28%'],
      ]);
    });
    const r = await importWorkbook(path);
    expect(r.project.far).toMatchObject({ value: 2.1, status: 'ambiguous' });
    expect(r.project.far.interpretation).toContain('概况!C1');
    // "≥35%" beside "36%": the bound is the requirement, 36% the value
    expect(r.project.green_ratio).toMatchObject({ value: 36, status: 'ok', source: '概况!C2', requirement: { text: '≥35%', source: '概况!B2' } });
    expect(r.project.building_density).toMatchObject({ value: 28, status: 'ok' });
  });

  it('requirement text in a label or in a requirement column is never the value', async () => {
    const path = await xlsx('requirements.xlsx', (wb) => {
      rows(wb.addWorksheet('指标'), [
        ['绿地率（规划要求≥35%）', '36.1%'],
        ['规划容积率', 2.5],
        ['设计容积率', 2.42],
        ['绿色建筑星级', '满足规划要求'],
      ]);
      rows(wb.addWorksheet('绿建'), [
        ['指标', '出让合同要求', '设计值'],
        ['绿色建筑星级', '二星级及以上', '二星级（预评价）'],
        ['装配率', '≥50%', ''],
      ]);
    });
    const r = await importWorkbook(path);
    const p = r.project;
    expect(p.green_ratio).toMatchObject({ value: 36.1, requirement: { text: '规划要求≥35%', source: '指标!A1' } });
    expect(p.far).toMatchObject({ value: 2.42, source: '指标!B3' });
    expect(p.far.requirement).toMatchObject({ text: '2.5', source: '指标!B2' });
    // "满足规划要求" is no star level; the second table's design value replaces it, with its
    // bracketed note as a remark and the contract's wording as the requirement
    expect(p.green_building_star).toMatchObject({ value: 2, status: 'ok', source: '绿建!C2', remark: '预评价', requirement: { text: '二星级及以上', source: '绿建!B2' } });
    expect(r.issues.some((i) => i.source === '指标!B4' && i.message.includes('要求'))).toBe(true);
    expect(p.assembly_ratio).toBeUndefined();
  });

  it('a qualifier between label and value says what the value is; an unknown one stops the reading', async () => {
    const path = await xlsx('qualifiers.xlsx', (wb) => {
      rows(wb.addWorksheet('概况'), [
        ['容积率', '规划', 2.5],
        ['容积率', '设计', 2.42],
        ['建筑面积', '计容', 34500],
        ['建筑面积', '不计容', 12000],
      ]);
    });
    const r = await importWorkbook(path);
    expect(r.project.far).toMatchObject({ value: 2.42, source: '概况!C2', label: '容积率（设计）', requirement: { text: '2.5', source: '概况!C1' } });
    expect(r.project.far_area).toMatchObject({ value: 34500, source: '概况!C3' });
    // "不计容" is no indicator of its own: 12000 is not read as the building area
    expect(r.project.gross_floor_area).toBeUndefined();
    expect(r.coverage![0].unusedLabels.map((u) => u.source)).toContain('概况!A4');
  });
});
