// A score-range column of a GB/T 51129 calculation sheet (评价分值 "20~30", "2~5") is no list of
// buildings; a count of buildings in prose ("共2栋单体") is no building's name; a label followed by
// its formula ("装配率 P=(Q1+Q2+Q3)/(100-Q4)×100%") is the label.
import { describe, expect, it } from 'vitest';
import { importWorkbook } from '../../shared/import/index';
import { rows, xlsx } from './helpers';

const ITEMS = [
  ['主体结构', '柱、支撑、承重墙、延性墙板等竖向构件', '35%≤比例≤80%', '20~30', '45%', 22.2],
  [undefined, '梁、板、楼梯、阳台、空调板等水平构件', '70%≤比例≤80%', '10~20', '72%', 12],
  ['围护墙和内隔墙', '非承重围护墙非砌筑', '比例≥80%', 5, '85%', 5],
  [undefined, '内隔墙非砌筑', '比例≥50%', 5, '55%', 5],
  ['装修和设备管线', '全装修', '—', 6, '是', 6],
  [undefined, '管线分离', '50%≤比例≤70%', '4~6', '55%', 4.5],
];

describe('score ranges and counts are no building names', () => {
  it('one calculation sheet per building: ranges in 评价分值 are scores; P read from a formula label', async () => {
    const path = await xlsx('ranges-1.xlsx', (wb) => {
      rows(wb.addWorksheet('说明'), [['装配式建筑专项说明'], ['本项目共2栋单体，单体装配率按GB/T 51129-2017计算。']]);
      for (const b of ['1#楼', '2#楼']) {
        const ws = wb.addWorksheet(b);
        rows(ws, [[`${b}装配率计算表`], ['评价项', undefined, '评价要求', '评价分值', '计算比例', '实际得分'], ...ITEMS, ['装配率 P=(Q1+Q2+Q3)/(100-Q4)×100%', undefined, undefined, undefined, undefined, '54.7%']]);
        ws.mergeCells('A1:F1');
        ws.mergeCells('A2:B2');
        ws.mergeCells('A9:E9');
      }
    });
    const r = await importWorkbook(path);
    expect(r.buildings.map((b) => b.name).sort()).toEqual(['1#楼', '2#楼']);
    expect((r.unread ?? []).filter((u) => u.indicators.includes('building_name'))).toEqual([]);
    const b1 = r.buildings.find((b) => b.name === '1#楼')!;
    expect(b1.values.asm_horizontal_ratio.value).toBe(72);
    expect(b1.values.assembly_ratio).toMatchObject({ value: 54.7, source: '1#楼!F9' });
  });

  it('another layout: a 分值范围 column last, the building in the title, ranges with "-"', async () => {
    const path = await xlsx('ranges-2.xlsx', (wb) => {
      rows(wb.addWorksheet('装配率'), [
        ['3#楼 装配率评分表'],
        ['评价项', '应用比例', '得分', '分值范围'],
        ['柱、支撑、承重墙、延性墙板等竖向构件', '50%', 23.3, '20-30'],
        ['内隔墙非砌筑', '60%', 5, '5'],
        ['管线分离', '60%', 5, '4-6'],
      ]);
    });
    const r = await importWorkbook(path);
    expect((r.unread ?? []).filter((u) => u.indicators.includes('building_name'))).toEqual([]);
    expect(r.buildings.map((b) => b.name)).toEqual(['3#楼']);
  });

  it('negative twin: a combined name with building marks is still an unread list of buildings', async () => {
    const path = await xlsx('ranges-neg.xlsx', (wb) => {
      rows(wb.addWorksheet('单体'), [
        ['楼号', '建筑面积', '装配率'],
        ['1#~3#楼', 36000, '52%'],
        ['4#楼', 12000, '55%'],
      ]);
    });
    const r = await importWorkbook(path);
    const u = (r.unread ?? []).find((x) => x.indicators.includes('building_name'));
    expect(u?.reason).toContain('1#楼、2#楼、3#楼');
  });
});
