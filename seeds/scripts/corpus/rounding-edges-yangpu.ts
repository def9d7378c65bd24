// 杨浦 residential 指标表 whose figures sit on the edge of the contract's limits: 绿地率 declared
// "35.0%" while 绿地面积 6 930 ÷ 用地 20 000 = 34.65 % (within the 0.5-point tolerance, but below
// 35 %); 容积率 declared "2.00" while 计容建筑面积 40 090 ÷ 20 000 = 2.0045 (> 2.0, within 0.01);
// 建筑高度 written as a range "79.5~80.5" (its upper end exceeds 80 m). In the building table one
// building's 装配率 cell is left blank while the project line states the weighted 62 %.
// Layout: docs/domain/indicator-sheet-layout.md §2 (主要技术经济指标表) and §6 (rounded figures, ranges, blanks).
import { FMT, header, newWorkbook, note, rowOf, sheet, title } from '../sheet-kit';
import { corpusExpected, r, type CorpusSample } from '../corpus-kit';
import type { ConditionsDoc } from '../../../shared/model/types';

const SITE = 20000;
const FAR_AREA = 40090;
const GREEN = 6930;

function workbook() {
  const wb = newWorkbook('上海某建筑设计有限公司');
  const ws = sheet(wb, '主要技术经济指标', [6, 28, 10, 16, 24]);
  title(ws, 1, '杨浦区YP-0608地块住宅 主要技术经济指标', 1, 5, 12);
  header(ws, 2, 1, ['序号', '项目', '单位', '设计值', '备注']);
  rowOf(ws, 3, 1, ['1', '总用地面积', '㎡', SITE, ''], [undefined, undefined, undefined, FMT.area]);
  rowOf(ws, 4, 1, ['2', '计容建筑面积', '㎡', FAR_AREA, ''], [undefined, undefined, undefined, FMT.area]);
  rowOf(ws, 5, 1, ['3', '容积率', '', '2.00', '']);
  rowOf(ws, 6, 1, ['4', '绿地面积', '㎡', GREEN, ''], [undefined, undefined, undefined, FMT.area]);
  rowOf(ws, 7, 1, ['5', '绿地率', '%', '35.0%', '']);
  rowOf(ws, 8, 1, ['6', '建筑高度', 'm', '79.5~80.5', '坡屋面檐口至屋脊']);
  rowOf(ws, 9, 1, ['7', '装配率', '%', 0.62, '各单体加权平均'], [undefined, undefined, undefined, FMT.pct0]);

  title(ws, 11, '单体指标', 1, 5, 11);
  header(ws, 12, 1, ['序号', '楼号', '建筑功能', '建筑面积（㎡）', '装配率']);
  rowOf(ws, 13, 1, ['1', '1#楼', '住宅', 14200, 0.63], [undefined, undefined, undefined, FMT.area, FMT.pct0]);
  rowOf(ws, 14, 1, ['2', '2#楼', '住宅', 14200, 0.64], [undefined, undefined, undefined, FMT.area, FMT.pct0]);
  rowOf(ws, 15, 1, ['3', '3#楼', '住宅', 11690, null], [undefined, undefined, undefined, FMT.area, FMT.pct0]);
  note(ws, 17, '注：3#楼装配率计算待结构专业复核后补充。', 1, 5);
  return wb;
}

const conditions: ConditionsDoc = {
  format: 'landcheck.conditions/v1',
  contract: { number: '沪杨规土(2024)第015号', parcel: '杨浦区YP-0608地块', city: '上海市', signedOn: '2024-07-01', district: '杨浦区' },
  conditions: [
    { id: 'P1', clause: '第四条', text: '容积率不大于2.0', indicator: 'far', op: '<=', value: 2.0 },
    { id: 'P2', clause: '第四条', text: '绿地率不低于35%', indicator: 'green_ratio', op: '>=', value: 35 },
    { id: 'P3', clause: '第四条', text: '建筑高度不大于80米', indicator: 'building_height', op: '<=', value: 80 },
    { id: 'A1', clause: '第十一条', text: '单体建筑装配率不低于60%', indicator: 'assembly_ratio', op: '>=', value: 60, scope: 'building' },
  ],
};

const expected = corpusExpected('rounding-edges-yangpu', [
  {
    conditionId: 'P1',
    building: null,
    verdict: 'review',
    alsoAccept: ['fail'],
    why: `计容建筑面积${FAR_AREA}÷${SITE}=${r(FAR_AREA / SITE, 4)}>2.0；申报“2.00”是舍入后的数，在容差内“一致”却掩盖了超出 → 不能判符合`,
  },
  {
    conditionId: 'P2',
    building: null,
    verdict: 'review',
    alsoAccept: ['fail'],
    why: `绿地面积${GREEN}÷${SITE}=${r((GREEN / SITE) * 100, 2)}%<35%；申报“35.0%”在容差内但复核值不满足 → 不能判符合`,
  },
  { conditionId: 'P3', building: null, verdict: 'review', alsoAccept: ['fail', 'missing'], why: '建筑高度写作范围“79.5~80.5”，上端超过80m，不是确定的设计值 → 不能判符合' },
  { conditionId: 'A1', building: '1#楼', verdict: 'pass', why: '1#楼装配率63%≥60%' },
  { conditionId: 'A1', building: '2#楼', verdict: 'pass', why: '2#楼装配率64%≥60%' },
  {
    conditionId: 'A1',
    building: '3#楼',
    verdict: 'review',
    alsoAccept: ['missing'],
    why: '单体表的装配率列中3#楼为空（注明待补充），项目加权平均62%不是3#楼的数值 → 不能判符合',
  },
]);

export const roundingEdgesYangpu: CorpusSample = {
  name: 'rounding-edges-yangpu',
  title: '杨浦住宅指标表（申报值为舍入值、复核值略不满足；高度写作范围；单体装配率留空）',
  traps: ['绿地率申报35.0%，复核34.65%：在容差内“一致”但不满足', '容积率申报2.00，复核2.0045', '建筑高度写作“79.5~80.5”', '单体表装配率列3#楼留空，项目加权值不是单体值'],
  sources: ['docs: docs/domain/indicator-sheet-layout.md §2、§6（舍入、范围值、空格）'],
  workbook,
  conditions,
  expected,
};
