// 闵行 mixed-use 主要技术经济指标: units are written only in the label brackets and mix scales —
// 用地面积（㎡） beside 计容建筑面积（万㎡） and 绿地面积（公顷） — and several values are numbers
// stored as text with spaces (" 2.45 ", "35.2 %"). The declared 容积率 2.45 and 绿地率 35.2 % pass;
// the sheet's own areas give 59 200 ÷ 23 000 = 2.57 and 0.78 ha ÷ 2.3 ha = 33.9 %, both failing. A
// reader that drops the 万/公顷 scale recomputes 5.92 ÷ 23 000 ≈ 0.0003 and calls it consistent.
// Layout: docs/domain/indicator-sheet-layout.md §2 (units in the label brackets; 万㎡, 公顷 in summary tables)
// and §6 (numbers stored as text).
import { FMT, header, newWorkbook, note, rowOf, sheet, title } from '../sheet-kit';
import { corpusExpected, r, type CorpusSample } from '../corpus-kit';
import type { ConditionsDoc } from '../../../shared/model/types';

const SITE = 23000; // ㎡
const FAR_AREA_WAN = 5.92; // 万㎡
const GROSS_WAN = 8.15;
const GREEN_HA = 0.78; // 公顷
const FOOT = 6210;

function workbook() {
  const wb = newWorkbook('上海某规划建筑设计有限公司');
  const ws = sheet(wb, '经济技术指标', [6, 30, 16, 26]);
  title(ws, 1, '闵行区MH-C3-07地块商住项目 经济技术指标', 1, 4, 12);
  header(ws, 2, 1, ['序号', '项目', '数值', '备注']);
  let row = 3;
  const line = (no: string, label: string, v: string | number, fmt?: string, remark = '') => {
    rowOf(ws, row++, 1, [no, label, v, remark], [undefined, undefined, fmt]);
  };
  line('1', '总用地面积（㎡）', SITE, FMT.area);
  line('2', '总建筑面积（万㎡）', GROSS_WAN, FMT.dec2);
  line('3', '计容建筑面积（万㎡）', FAR_AREA_WAN, FMT.dec2, '住宅4.86，商业1.06');
  line('4', '容积率', ' 2.45 ');
  line('5', '建筑基底面积（㎡）', ` ${FOOT} `);
  line('6', '建筑密度（%）', '27.0');
  line('7', '绿地面积（公顷）', GREEN_HA, FMT.dec2);
  line('8', '绿地率（%）', '35.2 %');
  note(ws, row + 1, '注：面积按《上海市建筑面积计算规划管理规定》统计，计容建筑面积以万平方米计。', 1, 4);
  return wb;
}

const conditions: ConditionsDoc = {
  format: 'landcheck.conditions/v1',
  contract: { number: '沪闵规土(2025)第011号', parcel: '闵行区MH-C3-07地块', city: '上海市', signedOn: '2025-01-15', district: '闵行区' },
  conditions: [
    { id: 'P1', clause: '第四条', text: '容积率不大于2.5', indicator: 'far', op: '<=', value: 2.5 },
    { id: 'P2', clause: '第四条', text: '绿地率不低于35%', indicator: 'green_ratio', op: '>=', value: 35 },
    { id: 'P3', clause: '第四条', text: '建筑密度不大于30%', indicator: 'building_density', op: '<=', value: 30 },
  ],
};

const far = (FAR_AREA_WAN * 10000) / SITE;
const green = ((GREEN_HA * 10000) / SITE) * 100;
const density = (FOOT / SITE) * 100;

const expected = corpusExpected('units-in-labels-minhang', [
  {
    conditionId: 'P1',
    building: null,
    verdict: 'fail',
    alsoAccept: ['review'],
    why: `计容建筑面积5.92万㎡=59200㎡，÷用地${SITE}㎡=${r(far, 3)}>2.5 → 不符合（申报“ 2.45 ”与复核值不一致，以复核值为准）；若忽略“万㎡”会算出0.0003而误判一致`,
  },
  {
    conditionId: 'P2',
    building: null,
    verdict: 'fail',
    alsoAccept: ['review'],
    why: `绿地面积0.78公顷=7800㎡，÷${SITE}=${r(green, 2)}%<35% → 不符合（申报“35.2 %”与复核值不一致）`,
  },
  { conditionId: 'P3', building: null, verdict: 'pass', why: `基底面积“ ${FOOT} ”（文本）÷${SITE}=${r(density, 2)}%，与申报27.0%一致，≤30%` },
]);

export const unitsInLabelsMinhang: CorpusSample = {
  name: 'units-in-labels-minhang',
  title: '闵行商住经济技术指标（单位写在标签括号里：万㎡、公顷；数字存为带空格的文本）',
  traps: ['计容建筑面积（万㎡）、绿地面积（公顷）：忽略量级单位会把不符合复核成“一致”', '数字存为带空格的文本（“ 2.45 ”、“35.2 %”）'],
  sources: ['docs: docs/domain/indicator-sheet-layout.md §2（单位写在标签括号内；万㎡、公顷）、§6（文本数字）'],
  workbook,
  conditions,
  expected,
};
