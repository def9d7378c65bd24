// The same facts written in many layouts read as the same values (the importer's own layout
// check; the corpus branch fuzzes whole samples against their verdicts).
import type ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { importWorkbook } from '../../shared/import/index';
import { buildingKey } from '../../shared/import/names';
import type { ImportResult } from '../../shared/model/types';
import { rows, xlsx } from './helpers';

const FACTS = {
  site_area: 26430,
  gross_floor_area: 103500,
  far: 2.8,
  green_ratio: 35.5,
  green_building_star: 2,
  runoff_capture: 80,
  renewable_substitution: 12.95,
};
const BUILDINGS = [
  { name: '1#楼', use: '住宅', area: 32000, asm: 62 },
  { name: '2#楼', use: '办公', area: 18000, asm: 55 },
];

type Row = [label: string, value: ExcelJS.CellValue, unit?: string];
const BASE: Row[] = [
  ['总用地面积', 26430, '㎡'],
  ['总建筑面积', 103500, '㎡'],
  ['容积率', 2.8, ''],
  ['绿地率', '35.5%', ''],
  ['绿色建筑星级', '二星级', ''],
  ['年径流总量控制率', '80%', ''],
  ['可再生能源替代率', '12.95%', ''],
];
const REQ: Record<string, string> = { 总用地面积: '26430', 容积率: '≤2.8', 绿地率: '≥35%', 绿色建筑星级: '二星级及以上', 年径流总量控制率: '≥80%', 可再生能源替代率: '≥10%' };

function buildingTable(ws: ExcelJS.Worksheet, at = 1): void {
  rows(ws, [['楼号', '建筑功能', '建筑面积（㎡）', '单体装配率（%）'], ...BUILDINGS.map((b) => [b.name, b.use, b.area, b.asm])], at);
}

const LAYOUTS: Record<string, (wb: ExcelJS.Workbook) => void> = {
  'key/value list': (wb) => {
    rows(wb.addWorksheet('指标'), BASE.map(([l, v, u]) => [l, v, u]));
    buildingTable(wb.addWorksheet('单体'));
  },
  'list table 序号|指标名称|单位|设计值|备注 with title and version lines': (wb) => {
    const ws = wb.addWorksheet('主要技术经济指标');
    rows(ws, [['某项目主要技术经济指标表'], ['第2版 2025-06'], ['序号', '指标名称', '单位', '设计值', '备注'], ...BASE.map(([l, v, u], i) => [i + 1, l, u, v, i === 2 ? 3.1 : '见总图'])]);
    ws.mergeCells('A1:E1');
    buildingTable(wb.addWorksheet('单体'));
  },
  '规划条件 column before 设计值': (wb) => {
    rows(wb.addWorksheet('指标'), [['项目', '规划条件', '设计值', '是否满足'], ...BASE.map(([l, v]) => [l, REQ[l] ?? '', v, '满足'])]);
    buildingTable(wb.addWorksheet('单体'));
  },
  '修改前 / 修改后 columns': (wb) => {
    rows(wb.addWorksheet('指标'), [['指标', '修改前', '修改后'], ...BASE.map(([l, v]) => [l, typeof v === 'number' ? v * 1.1 : '/', v])]);
    buildingTable(wb.addWorksheet('单体'));
  },
  'categories as columns, 规划条件 / 设计值 rows': (wb) => {
    rows(wb.addWorksheet('指标'), [['', ...BASE.map(([l]) => l)], ['规划条件', ...BASE.map(([l]) => REQ[l] ?? '')], ['设计值', ...BASE.map(([, v]) => v)]]);
    buildingTable(wb.addWorksheet('单体'));
  },
  'table behind 封面 and 目录, hidden stale copy': (wb) => {
    rows(wb.addWorksheet('封面'), [['某项目'], ['技术经济指标'], ['某设计院 2025年6月']]);
    rows(wb.addWorksheet('目录'), [['1', '主要技术经济指标'], ['2', '单体指标']]);
    const old = wb.addWorksheet('指标（旧）');
    rows(old, BASE.map(([l, v]) => [l, typeof v === 'number' ? v * 0.9 : v]));
    old.state = 'hidden';
    rows(wb.addWorksheet('指标'), BASE.map(([l, v]) => [l, v]));
    buildingTable(wb.addWorksheet('单体'));
  },
  '万㎡, full-width digits, numbering, synonyms, colons': (wb) => {
    rows(wb.addWorksheet('指标'), [
      ['1、用地面积（万㎡）：', 2.643],
      ['2、建筑总面积', '１０３５００'],
      ['3、综合容积率', '2.80'],
      ['4、绿地率（%）', 35.5],
      ['5、绿色建筑等级', '★★'],
      ['6、场地年径流总量控制率', 0.8],
      ['7、可再生能源利用替代率', '百分之十二点九五'],
    ]);
    rows(wb.addWorksheet('单体'), [['楼栋', '使用性质', '建筑面积(m2)', '装配率'], ...BUILDINGS.map((b) => [b.name, b.use, b.area, `${b.asm}%`])]);
    wb.getWorksheet('指标')!.getCell('B6').numFmt = '0%';
  },
  'bracketed notes, 约 and bounds, bilingual labels': (wb) => {
    rows(wb.addWorksheet('Indicators'), [
      ['Site Area 总用地面积', '26430㎡'],
      ['总建筑面积 Gross Floor Area', '103500（含地下）'],
      ['FAR 容积率', 2.8],
      ['Green Ratio 绿地率', '35.5%（含屋顶绿化折算）'],
      ['绿色建筑星级', '二星级（预评价）'],
      ['年径流总量控制率', '不低于80%'],
      ['可再生能源替代率', '12.95%（详见专篇）'],
    ]);
    buildingTable(wb.addWorksheet('单体'));
  },
  'labels under merged group cells, notes column with numbers': (wb) => {
    const ws = wb.addWorksheet('指标');
    rows(ws, [
      ['指标名称', undefined, '数值', '备注'],
      ['用地', '总用地面积', 26430, 26000],
      ['建筑', '总建筑面积', 103500, 1],
      [undefined, '容积率', 2.8, 2.2],
      ['绿化', '绿地率', '35.5%', '30%'],
      ['绿建', '绿色建筑星级', '二星级', '一星级'],
      ['海绵', '年径流总量控制率', '80%', '75%'],
      ['能源', '可再生能源替代率', '12.95%', '8%'],
    ]);
    ws.mergeCells('A1:B1');
    ws.mergeCells('A3:A4');
    buildingTable(wb.addWorksheet('单体'));
  },
  'sideways building table with 指标 corner and names spelled differently': (wb) => {
    rows(wb.addWorksheet('指标'), BASE.map(([l, v]) => [l, v]));
    rows(wb.addWorksheet('单体'), [
      ['指标', '一号楼', '2号楼'],
      ['建筑功能', '住宅', '办公'],
      ['建筑面积（㎡）', 32000, 18000],
    ]);
    rows(wb.addWorksheet('装配率'), [
      ['单体名称', '1#', '2#'],
      ['单体装配率', '62%', '55%'],
    ]);
  },
  'building table with a two-row header and a units row': (wb) => {
    rows(wb.addWorksheet('指标'), BASE.map(([l, v]) => [l, v]));
    const ws = wb.addWorksheet('单体');
    rows(ws, [['楼号', '建筑功能', '建筑面积', '装配式指标'], [undefined, undefined, undefined, '装配率'], [undefined, undefined, '㎡', '%'], ...BUILDINGS.map((b) => [b.name, b.use, b.area, b.asm]), ['合计', undefined, 50000, undefined]]);
    ws.mergeCells('A1:A2');
    ws.mergeCells('B1:B2');
    ws.mergeCells('C1:C2');
  },
  'two pairs per row, values below labels': (wb) => {
    rows(wb.addWorksheet('指标'), [
      ['总用地面积（㎡）', 26430, '总建筑面积（㎡）', 103500],
      ['容积率', 2.8, '绿地率', '35.5%'],
      [],
      ['绿色建筑星级', '年径流总量控制率', '可再生能源替代率'],
      ['二星级', '80%', '12.95%'],
    ]);
    buildingTable(wb.addWorksheet('单体'));
  },
  'no label header, 规划指标 | 设计指标, section rows and a note': (wb) => {
    const ws = wb.addWorksheet('指标');
    rows(ws, [
      [undefined, '规划指标', '设计指标'],
      ['一、用地指标'],
      ['总用地面积（㎡）', 26430, 26430],
      ['二、建筑指标'],
      ['总建筑面积（㎡）', 105000, 103500],
      ['容积率', 3.0, 2.8],
      ['三、绿化与生态'],
      ['绿地率', '≥35%', 0.355],
      ['绿色建筑星级', '二星级', '二星级'],
      ['年径流总量控制率', '≥80%', 0.8],
      ['可再生能源替代率', '≥10%', 0.1295],
      ['注：百分比指标详见专项计算书'],
    ]);
    for (const a of ['C8', 'C10', 'C11']) ws.getCell(a).numFmt = '0.00%';
    buildingTable(wb.addWorksheet('单体'));
  },
  '项目 | 单位 | 指标 | 备注 (a second label-like header over numbers), buildings on two sheets': (wb) => {
    rows(wb.addWorksheet('指标'), [['项目', '单位', '指标', '备注'], ...BASE.map(([l, v, u]) => [l, u, v, '规划：' + (REQ[l] ?? '')])]);
    rows(wb.addWorksheet('单体'), [['楼号', '建筑功能', '建筑面积（㎡）'], ...BUILDINGS.map((b) => [b.name, b.use, b.area])]);
    rows(wb.addWorksheet('装配率'), [['单体名称', '单体装配率'], ...BUILDINGS.map((b) => [b.name, `${b.asm}%`])]);
  },
  'sideways building table with empty corner, unit column and 合计 column': (wb) => {
    rows(wb.addWorksheet('指标'), BASE.map(([l, v]) => [l, v]));
    rows(wb.addWorksheet('单体'), [
      [undefined, '单位', '1#楼', '2#楼', '合计'],
      ['建筑功能', '', '住宅', '办公', ''],
      ['建筑面积', '万㎡', 3.2, 1.8, 5.0],
      ['装配率', '%', 62, 55, ''],
    ]);
  },
};

function values(r: ImportResult): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const id of Object.keys(FACTS)) out[id] = r.project[id] ? Number(Number(r.project[id].value).toFixed(6)) : undefined;
  for (const b of BUILDINGS) {
    const x = r.buildings.find((y) => buildingKey(y.name).key === buildingKey(b.name).key);
    out[b.name] = x ? [x.floorArea, x.values.assembly_ratio?.value, x.use] : undefined;
  }
  return out;
}

describe('one set of facts, many layouts', () => {
  const want: Record<string, unknown> = { ...FACTS };
  for (const b of BUILDINGS) want[b.name] = [b.area, b.asm, b.use === '住宅' ? 'residential' : 'public'];
  for (const [name, fill] of Object.entries(LAYOUTS)) {
    it(name, async () => {
      const r = await importWorkbook(await xlsx(`variant-${Object.keys(LAYOUTS).indexOf(name)}.xlsx`, fill));
      expect(values(r)).toEqual(want);
      expect(r.buildings).toHaveLength(BUILDINGS.length);
      for (const id of Object.keys(FACTS)) {
        expect(r.project[id].conflicts, id).toBeUndefined();
        expect(['ok'], `${id}: ${r.project[id].interpretation}`).toContain(r.project[id].status);
      }
    });
  }
});
