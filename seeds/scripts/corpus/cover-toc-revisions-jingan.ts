// 静安 residential workbook as it is submitted for review: 封面 and 目录 first, then a HIDDEN stale
// copy of the indicator table (第2版, every figure compliant) placed before the current one, then the
// current table with 修改前 | 修改后 columns (修改前 first). The revised figures count: 绿地率 34.10 %
// (< 35 %) and 建筑高度 82.5 m (> 80 m) fail; read from 修改前 or from the hidden copy they pass.
// Layout: docs/domain/indicator-sheet-layout.md §1 (the table is one section of the design description [L7]),
// §6.1 (修改前/修改后 columns; version lines); hidden sheets as stale copies (issue 7).
import { f, FMT, header, newWorkbook, note, rowOf, sheet, title } from '../sheet-kit';
import { corpusExpected, r, type CorpusSample } from '../corpus-kit';
import type { ConditionsDoc } from '../../../shared/model/types';
import type ExcelJS from 'exceljs';

const SITE = 15600;
const FAR_AREA = 38690;
const GREEN_BEFORE = 5650;
const GREEN_AFTER = 5320;
const H_BEFORE = 78.0;
const H_AFTER = 82.5;
const PROJECT = '静安区JA-047街坊02地块住宅项目';

function indicatorTable(ws: ExcelJS.Worksheet, revised: boolean): void {
  title(ws, 1, `${PROJECT} 主要技术经济指标${revised ? '（第3版）' : '（第2版）'}`, 1, 6, 12);
  header(ws, 2, 1, revised ? ['序号', '指标名称', '单位', '修改前', '修改后', '备注'] : ['序号', '指标名称', '单位', '数值', '', '备注']);
  const rows: [string, string, number | string, number | string, string | undefined, string][] = [
    ['总用地面积', '㎡', SITE, SITE, FMT.area, ''],
    ['计容建筑面积', '㎡', FAR_AREA, FAR_AREA, FMT.area, ''],
    ['容积率', '', FAR_AREA / SITE, FAR_AREA / SITE, FMT.dec2, ''],
    ['绿地面积', '㎡', GREEN_BEFORE, GREEN_AFTER, FMT.area, '地库顶板覆土调整'],
    ['绿地率', '%', GREEN_BEFORE / SITE, GREEN_AFTER / SITE, FMT.pct2, ''],
    ['建筑高度', 'm', H_BEFORE, H_AFTER, FMT.dec2, '屋顶机房调整'],
    ['绿色建筑星级', '', '二星级', '二星级', undefined, ''],
  ];
  rows.forEach(([label, unit, before, after, fmt, remark], i) => {
    const row = 3 + i;
    const values = revised ? [i + 1, label, unit, before, after, remark] : [i + 1, label, unit, before, '', ''];
    rowOf(ws, row, 1, values, [undefined, undefined, undefined, fmt, fmt]);
  });
  if (revised) {
    ws.getCell(5, 4).value = f('D4/D3', FAR_AREA / SITE);
    ws.getCell(5, 5).value = f('E4/E3', FAR_AREA / SITE);
    ws.getCell(7, 4).value = f('D6/D3', GREEN_BEFORE / SITE);
    ws.getCell(7, 5).value = f('E6/E3', GREEN_AFTER / SITE);
  }
}

function workbook() {
  const wb = newWorkbook('上海某建筑设计院有限公司');
  const cover = sheet(wb, '封面', [60]);
  cover.getCell(4, 1).value = PROJECT;
  cover.getCell(6, 1).value = '主要技术经济指标及绿色生态指标计算书';
  cover.getCell(10, 1).value = '编制单位：上海某建筑设计院有限公司';
  cover.getCell(11, 1).value = '版本：第3版（2025年6月，根据审图意见修改）';
  const toc = sheet(wb, '目录', [8, 40, 10]);
  title(toc, 1, '目  录', 1, 3, 12);
  rowOf(toc, 2, 1, ['序号', '内容', '页码']);
  rowOf(toc, 3, 1, [1, '主要技术经济指标', 1]);
  rowOf(toc, 4, 1, [2, '绿色建筑设计专篇', 2]);
  const stale = sheet(wb, '主要技术经济指标（第2版）', [8, 24, 8, 16, 16, 24]);
  indicatorTable(stale, false);
  stale.state = 'hidden';
  const ws = sheet(wb, '主要技术经济指标', [8, 24, 8, 16, 16, 24]);
  indicatorTable(ws, true);
  note(ws, 11, '注：本版根据施工图审查意见修改，以“修改后”列为准。', 1, 6);
  return wb;
}

const conditions: ConditionsDoc = {
  format: 'landcheck.conditions/v1',
  contract: { number: '沪静规土(2024)第002号', parcel: 'JA-047街坊02地块', city: '上海市', signedOn: '2024-03-15', district: '静安区' },
  conditions: [
    { id: 'P1', clause: '第四条', text: '容积率不大于2.5', indicator: 'far', op: '<=', value: 2.5 },
    { id: 'P2', clause: '第四条', text: '绿地率不低于35%', indicator: 'green_ratio', op: '>=', value: 35 },
    { id: 'P3', clause: '第四条', text: '建筑高度不超过80米', indicator: 'building_height', op: '<=', value: 80 },
    { id: 'G1', clause: '第十条', text: '新建住宅应达到绿色建筑二星级及以上', indicator: 'green_building_star', op: '>=', value: 2 },
  ],
};

const expected = corpusExpected('cover-toc-revisions-jingan', [
  { conditionId: 'P1', building: null, verdict: 'pass', why: `计容${FAR_AREA}÷用地${SITE}=${r(FAR_AREA / SITE, 4)}≤2.5（修改前后相同）` },
  {
    conditionId: 'P2',
    building: null,
    verdict: 'fail',
    why: `修改后：绿地${GREEN_AFTER}÷用地${SITE}=${r((GREEN_AFTER / SITE) * 100, 2)}%<35% → 不符合；修改前${r((GREEN_BEFORE / SITE) * 100, 2)}%与隐藏的第2版工作表均为旧数据`,
  },
  { conditionId: 'P3', building: null, verdict: 'fail', why: `修改后建筑高度${H_AFTER}m>80m → 不符合；修改前${H_BEFORE}m与隐藏旧表不作依据` },
  { conditionId: 'G1', building: null, verdict: 'pass', why: '修改后“二星级”（无得分表，按声明值）' },
]);

export const coverTocRevisionsJingan: CorpusSample = {
  name: 'cover-toc-revisions-jingan',
  title: '静安住宅（封面、目录、隐藏旧版、修改前/修改后列）',
  traps: ['封面、目录在前，指标表在第四个工作表', '隐藏的第2版旧表排在现行表之前且全部合规', '修改前列在修改后列之前'],
  sources: [
    'docs: docs/domain/indicator-sheet-layout.md §1（指标表是设计说明的一节）、§6.1（修改前/修改后、版本行）',
    '公开代码：建筑设计说明章节生成（设计依据、项目概况、主要技术经济指标）（find_string id 57596818855）',
  ],
  workbook,
  conditions,
  expected,
};
