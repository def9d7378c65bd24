// A GB/T 51129-2017 表4.0.1 装配率 table with one column group per building (two header rows: the
// building names over 比例 | 得分 or 比例 | 分值): every item row is read per building — also where the 评价分值 column
// holds score ranges ("20~30*") — and the 装配率 row's result, written in the 得分 column, is each
// building's declared P (shared/data/column-roles.json resultInScoreColumn). Real xlsx built with
// exceljs in two layouts; a negative twin whose declared P its own items refute never passes.
import type ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { importWorkbook } from '../../shared/import/index';
import { evaluate } from '../../shared/check/engine';
import type { Condition, ConditionsDoc, Finding, ImportResult } from '../../shared/model/types';
import { rows, xlsx } from './helpers';

const A1: Condition = { id: 'A1', indicator: 'assembly_ratio', op: '>=', value: 50, scope: 'building', method: 'GB/T 51129-2017' };
const contract = { parcel: 'NO.2025G12地块', city: '南京市', signedOn: '2025-04-01' };

// item, its category, a building's 应用比例 and 得分 (GB/T 51129-2017 表4.0.1)
// A: Q1 23.3 + 15, Q2 5 + 3 + 5 + 0, Q3 6 + 6 + 4.5 + 4.5 + 0 → 72.3
// B: Q1 0 + 20, Q2 5 + 0 + 5 + 0, Q3 6 + 6 + 0 + 0 + 0 → 42
const ITEMS: Array<[string, string, string | number]> = [
  ['主体结构', '柱、支撑、承重墙、延性墙板等竖向构件', '20~30*'],
  ['主体结构', '梁、板、楼梯、阳台、空调板等构件', '10~20*'],
  ['围护墙和内隔墙', '非承重围护墙非砌筑', 5],
  ['围护墙和内隔墙', '围护墙与保温、隔热、装饰一体化', '2~5*'],
  ['围护墙和内隔墙', '内隔墙非砌筑', 5],
  ['围护墙和内隔墙', '内隔墙与管线、装修一体化', '2~5*'],
  ['装修和设备管线', '全装修', 6],
  ['装修和设备管线', '干式工法楼面、地面', 6],
  ['装修和设备管线', '集成厨房', '3~6*'],
  ['装修和设备管线', '集成卫生间', '3~6*'],
  ['装修和设备管线', '管线分离', '4~6*'],
];
const A = { r: ['50%', '75%', '85%', '60%', '60%', '0', '是', '75%', '80%', '80%', '0'], s: [23.3, 15, 5, 3, 5, 0, 6, 6, 4.5, 4.5, 0] };
const B = { r: ['0', '80%', '85%', '0', '60%', '0', '是', '75%', '0', '0', '0'], s: [0, 20, 5, 0, 5, 0, 6, 6, 0, 0, 0] };

let n = 0;
async function load(fill: (ws: ExcelJS.Worksheet) => void): Promise<ImportResult> {
  const path = await xlsx(`asm-groups-${n++}.xlsx`, (wb) => fill(wb.addWorksheet('装配率计算')));
  return importWorkbook(path);
}
function check(r: ImportResult): Finding[] {
  const doc: ConditionsDoc = { format: 'landcheck.conditions/v1', contract, conditions: [A1] };
  return evaluate(r, doc);
}
const verdicts = (fs: Finding[]) => Object.fromEntries(fs.map((f) => [f.building, f.verdict]));

/** Layout 1: 评价项 over two columns, 评价分值, then 1#楼 | 2#楼 groups over 应用比例 | 得分; P in 得分. */
function layoutCategories(names: [string, string], declared: [string, string]) {
  return (ws: ExcelJS.Worksheet) => {
    rows(ws, [
      ['装配率计算表（GB/T 51129-2017）'],
      ['评价项', '', '评价分值', names[0], '', names[1], ''],
      ['', '', '', '应用比例', '得分', '应用比例', '得分'],
      ...ITEMS.map((it, i) => [it[0], it[1], it[2], A.r[i], A.s[i], B.r[i], B.s[i]]),
      ['合计', '', 100, '', 72.3, '', 42],
      ['装配率', '', '', '', declared[0], '', declared[1]],
    ]);
    ws.mergeCells('A1:G1');
    ws.mergeCells('A2:B3');
    ws.mergeCells('C2:C3');
    ws.mergeCells('D2:E2');
    ws.mergeCells('F2:G2');
    ws.mergeCells('A4:A5');
    ws.mergeCells('A6:A9');
    ws.mergeCells('A10:A14');
  };
}

/** Layout 2: 序号 | 评价项 | 评价要求 | 评价分值, buildings named A栋 / B栋 over 比例 | 分值 (a building's 分值 is its score); P with % in the label. */
function layoutRequirements(declared: [number, number]) {
  return (ws: ExcelJS.Worksheet) => {
    rows(ws, [
      ['序号', '评价项', '评价要求', '评价分值', 'A栋', '', 'B栋', ''],
      ['', '', '', '', '比例', '分值', '比例', '分值'],
      ...ITEMS.map((it, i) => [i + 1, it[1], i < 2 ? '35%≤比例≤80%' : '≥50%', it[2], A.r[i], A.s[i], B.r[i], B.s[i]]),
      ['', '装配率P（%）', '', '', '', declared[0], '', declared[1]],
    ]);
    ws.mergeCells('A1:A2');
    ws.mergeCells('B1:B2');
    ws.mergeCells('C1:C2');
    ws.mergeCells('D1:D2');
    ws.mergeCells('E1:F1');
    ws.mergeCells('G1:H1');
  };
}

describe('GB/T 51129 装配率 table with a column group per building', () => {
  it('layout 1: every item row is read per building, and P from the 得分 column', async () => {
    const r = await load(layoutCategories(['1#楼', '2#楼'], ['72.3%', '42%']));
    const b1 = r.buildings.find((b) => b.name === '1#楼')!;
    const b2 = r.buildings.find((b) => b.name === '2#楼')!;
    expect(b1.values.asm_vertical_ratio).toMatchObject({ value: 50, source: '装配率计算!D4' });
    expect(b1.values.asm_kitchen).toMatchObject({ value: 80, source: '装配率计算!D12' });
    expect(b2.values.asm_horizontal_ratio).toMatchObject({ value: 80, source: '装配率计算!F5' });
    expect(b1.values.assembly_ratio).toMatchObject({ value: 72.3, source: '装配率计算!E16', status: 'ok' });
    expect(b2.values.assembly_ratio).toMatchObject({ value: 42, source: '装配率计算!G16' });
    // the 评价分值 ranges are no building and no value
    expect(r.buildings.map((b) => b.name).sort()).toEqual(['1#楼', '2#楼']);
    const fs = check(r);
    expect(verdicts(fs)).toEqual({ '1#楼': 'pass', '2#楼': 'fail' });
    expect(fs.find((f) => f.building === '1#楼')!.computed).toBe(72.3);
  });

  it('layout 2: 序号 and 评价要求 columns, A栋 / B栋 over 比例 | 分值, P in the 分值 column', async () => {
    const r = await load(layoutRequirements([72.3, 42]));
    const a = r.buildings.find((b) => b.name === 'A栋')!;
    expect(a.values.asm_vertical_ratio).toMatchObject({ value: 50 });
    expect(a.values.asm_ext_wall_integrated).toMatchObject({ value: 60 });
    expect(a.values.assembly_ratio).toMatchObject({ value: 72.3 });
    expect(verdicts(check(r))).toEqual({ A栋: 'pass', B栋: 'fail' });
  });

  it('negative twin, layout 1: a declared 72.3% that its own items do not give never passes', async () => {
    // 2#楼 declares 72.3% although its items give 42%
    const fs = check(await load(layoutCategories(['1#楼', '2#楼'], ['72.3%', '72.3%'])));
    const f2 = fs.find((f) => f.building === '2#楼')!;
    expect(f2.verdict).not.toBe('pass');
    expect(f2.computed).toBe(42);
  });

  it('negative twin, layout 2: P declared 55 for B栋 against items that give 42 never passes', async () => {
    const fs = check(await load(layoutRequirements([72.3, 55])));
    expect(verdicts(fs).B栋).not.toBe('pass');
  });

  it('a 规划要求 column between the labels and the buildings is no label column: its cells are requirements', async () => {
    const r = await load((ws) =>
      rows(ws, [
        ['指标', '规划要求', '1#楼', '2#楼'],
        ['单体装配率', '≥50%', '62%', '48%'],
        ['建筑高度（m）', '≤80', 54.6, 79.8],
      ]),
    );
    const b1 = r.buildings.find((b) => b.name === '1#楼')!;
    const b2 = r.buildings.find((b) => b.name === '2#楼')!;
    expect(b1.values.assembly_ratio).toMatchObject({ value: 62, source: '装配率计算!C2' });
    expect(b1.values.assembly_ratio.requirement).toMatchObject({ text: '≥50%', source: '装配率计算!B2' });
    expect(b2.values.building_height).toMatchObject({ value: 79.8 });
    expect(verdicts(check(r))).toEqual({ '1#楼': 'pass', '2#楼': 'fail' });
  });
});
