// 虹口 office 规划指标调整对照表 (a design change submitted for review): the header has two levels —
// "规划要求" and "设计指标" groups, the latter over 修改前 | 修改后 — and a 调整说明 column; below
// the table a second block, 绿色生态指标, repeats the layout with 标准值 | 本项目 (修改前 | 修改后).
// Only the 修改后 column is the project now: 绿地率 drops from 36.1 % to 33.2 % (fail), 可再生能源替代率
// from 10.8 % to 9.1 % (fail), the star stays 二星级, 年径流 rises 75 % → 78 %.
// Layout: docs/domain/indicator-sheet-layout.md §6.1 (修改前 | 修改后: the revised one counts; 调整说明 is a note);
// two-level headers with group titles (§2).
import { FMT, header, newWorkbook, note, rowOf, sheet, title } from '../sheet-kit';
import { corpusExpected, type CorpusSample } from '../corpus-kit';
import type { ConditionsDoc } from '../../../shared/model/types';

function workbook() {
  const wb = newWorkbook('上海某建筑设计有限公司');
  const ws = sheet(wb, '指标调整对照', [6, 28, 8, 14, 14, 14, 30]);
  title(ws, 1, '虹口区HK-218街坊办公楼 规划指标调整对照表', 1, 7, 12);
  header(ws, 2, 1, ['序号', '指标', '单位', '规划要求', '设计指标', '', '调整说明']);
  header(ws, 3, 1, ['', '', '', '', '修改前', '修改后', '']);
  for (const c of [1, 2, 3, 4, 7]) ws.mergeCells(2, c, 3, c);
  ws.mergeCells(2, 5, 2, 6);
  const P = [undefined, undefined, undefined, undefined];
  rowOf(ws, 4, 1, ['1', '总用地面积', '㎡', '12800', 12800, 12800, ''], [...P, FMT.area, FMT.area]);
  rowOf(ws, 5, 1, ['2', '总建筑面积', '㎡', '/', 41500, 42300, '增加地下设备用房'], [...P, FMT.area, FMT.area]);
  rowOf(ws, 6, 1, ['3', '绿地面积', '㎡', '/', 4620, 4250, '增设消防车道'], [...P, FMT.area, FMT.area]);
  rowOf(ws, 7, 1, ['4', '绿地率', '%', '≥35%', 4620 / 12800, 4250 / 12800, '按修改后总图'], [...P, FMT.pct2, FMT.pct2]);
  rowOf(ws, 8, 1, ['5', '建筑高度', 'm', '≤80', 79.5, 79.5, '未调整'], [...P, FMT.dec1, FMT.dec1]);

  title(ws, 10, '绿色生态指标', 1, 7, 11);
  header(ws, 11, 1, ['序号', '指标', '单位', '标准值', '本项目', '', '调整说明']);
  header(ws, 12, 1, ['', '', '', '', '修改前', '修改后', '']);
  for (const c of [1, 2, 3, 4, 7]) ws.mergeCells(11, c, 12, c);
  ws.mergeCells(11, 5, 11, 6);
  rowOf(ws, 13, 1, ['1', '绿色建筑星级', '', '二星级', '二星级', '二星级', '']);
  rowOf(ws, 14, 1, ['2', '可再生能源替代率', '%', '≥10%', 0.108, 0.091, '屋面光伏面积减少'], [...P, FMT.pct2, FMT.pct2]);
  rowOf(ws, 15, 1, ['3', '年径流总量控制率', '%', '≥75%', 0.75, 0.78, '增加雨水调蓄池'], [...P, FMT.pct0, FMT.pct0]);
  note(ws, 17, '注：本表“修改后”一栏为本次调整后的设计指标，“修改前”为原批复方案指标。', 1, 7);
  return wb;
}

const conditions: ConditionsDoc = {
  format: 'landcheck.conditions/v1',
  contract: { number: '沪虹规土(2023)第007号', parcel: '虹口区HK-218街坊地块', city: '上海市', signedOn: '2023-11-02', district: '虹口区' },
  conditions: [
    { id: 'P1', clause: '第四条', text: '绿地率不低于35%', indicator: 'green_ratio', op: '>=', value: 35 },
    { id: 'P2', clause: '第四条', text: '建筑高度不超过80米', indicator: 'building_height', op: '<=', value: 80 },
    { id: 'G1', clause: '第十条（一）', text: '应达到绿色建筑二星级及以上标准', indicator: 'green_building_star', op: '>=', value: 2 },
    { id: 'E1', clause: '第十条（二）', text: '可再生能源替代率不低于10%', indicator: 'renewable_substitution', op: '>=', value: 10 },
    { id: 'S1', clause: '第十条（三）', text: '年径流总量控制率不低于75%', indicator: 'runoff_capture', op: '>=', value: 75 },
  ],
};

const expected = corpusExpected('revision-groups-hongkou', [
  { conditionId: 'P1', building: null, verdict: 'fail', alsoAccept: ['review'], why: '修改后：绿地面积4250÷12800=33.2%<35% → 不符合；修改前36.09%不是现行值' },
  { conditionId: 'P2', building: null, verdict: 'pass', why: '修改前、修改后均为79.5m≤80m（未调整）' },
  { conditionId: 'G1', building: null, verdict: 'pass', why: '修改后“二星级”≥二星级（无得分表，按申报值）；标准值列“二星级”是要求' },
  { conditionId: 'E1', building: null, verdict: 'fail', alsoAccept: ['review'], why: '修改后9.10%<10% → 不符合；修改前10.80%已被调整' },
  { conditionId: 'S1', building: null, verdict: 'pass', why: '修改后78%≥75%（修改前75%是原批复方案指标，已被调整）' },
]);

export const revisionGroupsHongkou: CorpusSample = {
  name: 'revision-groups-hongkou',
  title: '虹口办公规划指标调整对照表（设计指标/本项目 两级表头下分修改前、修改后；两个表上下叠放）',
  traps: ['两级表头：“设计指标”“本项目”分组下的“修改前”列满足而“修改后”列不满足', '同一工作表上下两个表，第二个表的要求列叫“标准值”', '调整说明列是文字，不是数值'],
  sources: ['docs: docs/domain/indicator-sheet-layout.md §6.1（修改前/修改后：以修改后为准）、§2（两级表头）'],
  workbook,
  conditions,
  expected,
};
